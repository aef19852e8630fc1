// Test helpers other modules' tests may use (the authorization matrix): a valid open event for a service.
import type { CreateOpenEventRequest } from '@bro/domain';

/** A weekly drop-in at a public place, from the test clock's week on. */
export function openEventInput(serviceId: string): CreateOpenEventRequest {
  return {
    serviceId,
    title: 'Drop-in kaffe',
    description: 'Kom forbi til en kop kaffe.',
    recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', startDate: '2026-11-16', startTime: '10:00', durationMinutes: 120 },
    place: { kind: 'in_person', name: 'Netværkshuset', addressLine: 'Halmtorvet 27', postalCode: '1700', city: 'København V' },
    isRegistrationRequired: false,
    capacity: null,
    isPublished: true,
  };
}
export { givenEvent, startEventTests, type EventFixture } from './events.test-support.ts';
