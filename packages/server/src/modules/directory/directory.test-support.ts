import { CreateHelpServiceRequest, type CreateHelpServiceInput } from '@bro/domain';
import type { TestApp } from '../../test/test-app.ts';
import { bumpDirectoryVersion } from './directory.queries.ts';
import { insertHelpService } from './directory.service.ts';

/** A street name that must never appear in any public response: it is only ever a confidential location's address. */
export const CANARY_STREET = 'Kanarievej';
export const CANARY_ADDRESS = `${CANARY_STREET} 17, 2300 København S`;

let sequence = 0;

/** A valid listing with sensible defaults: national, by phone, open 24 hours. Override what the test is about. */
export function helpServiceInput(overrides: Partial<CreateHelpServiceInput> = {}): CreateHelpServiceInput {
  sequence += 1;
  return {
    slug: `tilbud-${sequence}`,
    nameDa: `Rådgivning ${sequence}`,
    nameEn: `Counselling ${sequence}`,
    descriptionDa: 'Rådgivning og støtte.',
    descriptionEn: 'Advice and support.',
    howToContactDa: 'Ring til os.',
    howToContactEn: 'Call us.',
    targetGroups: ['women'],
    channels: ['phone'],
    languages: ['da'],
    isAnonymousContactOffered: false,
    isFreeOfCharge: true,
    schedule: { isOpen24Hours: true, rules: [] },
    serviceArea: { isNational: true },
    phones: [{ number: '70 00 00 00' }],
    ...overrides,
  };
}

/** A confidential shelter whose secret address (the canary) is stored, as an admin would store it. */
export function confidentialShelterInput(overrides: Partial<CreateHelpServiceInput> = {}): CreateHelpServiceInput {
  return helpServiceInput({
    nameDa: 'Krisecenter for kvinder',
    nameEn: 'Crisis shelter for women',
    howToContactDa: 'Ring til døgntelefonen. Adressen er hemmelig.',
    howToContactEn: 'Call the 24-hour phone. The address is secret.',
    targetGroups: ['women', 'children_young'],
    channels: ['phone', 'in_person'],
    locations: [{ nameDa: 'Krisecentret', nameEn: 'The shelter', isConfidential: true, city: 'København', municipalityCode: '101', confidentialAddress: CANARY_ADDRESS }],
    ...overrides,
  });
}

/** Inserts a listing, live at once (as the demo loader does: no approval), through the admin API's insert; answers its id. */
export async function givenHelpService(t: TestApp, organisationId: string, input: CreateHelpServiceInput = helpServiceInput()): Promise<string> {
  const request = CreateHelpServiceRequest.parse(input);
  return t.db.transaction().execute((trx) => insertHelpService(trx, { request, organisationId, now: t.clock.now(), cipher: t.cipher, publishedAt: t.clock.now() }));
}

/** Moves a listing's timestamps, for tests of "modified after" and "not checked for six months". */
export async function setHelpServiceTimes(t: TestApp, serviceId: string, times: { updatedAt?: Date; lastCheckedAt?: Date }): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('directory_services')
      .set({ ...(times.updatedAt ? { updated_at: times.updatedAt } : {}), ...(times.lastCheckedAt ? { last_checked_at: times.lastCheckedAt } : {}) })
      .where('id', '=', serviceId)
      .execute();
    // As every directory write does: the public copy reloads on the next request.
    await bumpDirectoryVersion(trx);
  });
}
