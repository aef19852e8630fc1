import type { CreateOpenEventRequest, OpenEvent } from '@bro/domain';
import { expect } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

/** A service with its staff on both sides of every boundary an event route checks. */
export async function startEventTests(options: { isRateLimitEnabled?: boolean } = {}) {
  const t = await createTestApp({ isRateLimitEnabled: options.isRateLimitEnabled ?? false });
  const organisation = await t.given.organisation({ name: 'Projekt Q-Værk' });
  const other = await t.given.organisation({ name: 'Anden organisation' });
  const service = await t.given.service({ organisationId: organisation.id, name: 'Vores Vej Ud', serviceLine: 'victim' });
  const otherService = await t.given.service({ organisationId: organisation.id, name: 'Andet tilbud', serviceLine: 'victim' });
  const person = async (role: 'counsellor' | 'organisation_admin' | 'facilitator' | 'supervisor', input: { organisationId?: string; serviceLine?: 'victim' | 'perpetrator' | null; assignTo?: string[] } = {}) => {
    const user = await t.given.user({ organisationId: input.organisationId ?? organisation.id, role, serviceLine: input.serviceLine ?? null });
    for (const serviceId of input.assignTo ?? []) await t.db.insertInto('service_staff').values({ service_id: serviceId, membership_id: user.membershipId }).execute();
    return { user, client: t.as(await t.given.session(user)) };
  };
  const people = {
    host: await person('counsellor', { serviceLine: 'victim', assignTo: [service.id] }),
    facilitator: await person('facilitator', { assignTo: [service.id] }),
    admin: await person('organisation_admin'),
    unassigned: await person('counsellor', { serviceLine: 'victim', assignTo: [otherService.id] }),
    otherSide: await person('counsellor', { serviceLine: 'perpetrator', assignTo: [service.id] }),
    otherOrganisation: await person('counsellor', { organisationId: other.id, serviceLine: 'victim' }),
    supervisor: await person('supervisor', { assignTo: [service.id] }),
  };
  return { t, organisation, service, otherService, people };
}

export type EventFixture = Awaited<ReturnType<typeof startEventTests>>;

/** Drop-in coffee on Tuesdays at 11:00 from the day after the test clock's Monday. */
export function dropInRequest(serviceId: string, overrides: Partial<CreateOpenEventRequest> = {}): CreateOpenEventRequest {
  return {
    serviceId,
    title: 'Drop-in kaffe',
    description: 'Kom forbi til en kop kaffe og en snak med vores socialrådgiver.',
    recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU', startDate: '2026-11-24', startTime: '11:00', durationMinutes: 120 },
    place: { kind: 'in_person', name: 'Netværkshuset', addressLine: 'Halmtorvet 27', postalCode: '1700', city: 'København V' },
    isRegistrationRequired: false,
    capacity: 20,
    isPublished: true,
    ...overrides,
  };
}

export async function givenEvent(fx: EventFixture, overrides: Partial<CreateOpenEventRequest> = {}): Promise<OpenEvent> {
  const response = await fx.people.host.client.post('/api/events', dropInRequest(fx.service.id, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as OpenEvent;
}


