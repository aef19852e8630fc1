import { CreateServiceRequest, type OrganisationKind } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { createService } from '../modules/services/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';
import type { DemoAccount } from './demo-accounts.ts';
import type { DemoService } from './organisations.ts';

/** Rows every demo loader writes alike: accounts, organisations it may have to create, and referral services. */

/**
 * A demo account: the user (enrolled in TOTP unless it shows enrolment) and its one membership. Marked `is_demo`:
 * its password and secret are public, so a production system refuses it at sign-in.
 */
export async function insertDemoAccount(
  trx: Transaction<Database>,
  input: { account: DemoAccount; organisationId: string; unitId: string | null; passwordHash: string; cipher: FieldCipher; now: Date },
): Promise<void> {
  const { account, now } = input;
  const user = await trx
    .insertInto('users')
    .values({
      email: account.email,
      display_name: account.displayName,
      password_hash: input.passwordHash,
      totp_secret_enc: account.totpSecret === null ? null : input.cipher.encrypt(account.totpSecret),
      totp_enrolled_at: account.totpSecret === null ? null : now,
      is_demo: true,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values({ user_id: user.id, organisation_id: input.organisationId, unit_id: input.unitId, role: account.role, service_line: account.serviceLine, created_at: now })
    .execute();
}

/** The organisation with this slug, created when the demo set loaded before did not include it. */
export async function findOrCreateOrganisation(
  trx: Transaction<Database>,
  organisation: { slug: string; name: string; kind: OrganisationKind; municipalityCode?: string },
  now: Date,
): Promise<string> {
  const existing = await trx.selectFrom('organisations').select('id').where('slug', '=', organisation.slug).executeTakeFirst();
  if (existing) return existing.id;
  const inserted = await trx
    .insertInto('organisations')
    .values({
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      municipality_code: organisation.municipalityCode ?? null,
      police_district_code: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * A demo service, made through the organisation admin's use case (as the demo loader, no user) with its fixed slug:
 * the rest of the demo data refers to services by slug.
 */
export async function createDemoService(trx: Transaction<Database>, input: { service: Omit<DemoService, 'organisationSlug'>; organisationId: string; clock: Clock }): Promise<string> {
  const { service } = input;
  const request = CreateServiceRequest.parse({
    name: service.name,
    description: service.description,
    serviceLine: service.serviceLine,
    intakePhone: service.phone,
    firstContactDeadlineHours: service.firstContactDeadlineHours,
    highRiskDeadlineHours: service.highRiskDeadlineHours,
    maxContactAttempts: service.maxContactAttempts,
  });
  const created = await createService({ db: trx, clock: input.clock, actor: { userId: null, organisationId: input.organisationId }, request, demoSlug: service.slug });
  return created.id;
}
