import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';
import { danishToday, materialiseOccurrences } from '../modules/events/index.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';

/**
 * The demo's open events, from seed 003 (Vores Vej Ud with Projekt Q-Værk, København): drop-in morning coffee in
 * person, drop-in afternoon coffee online, and the weekly shared lunch from 11 to 13 in the network house. The
 * addresses are demo addresses of a public meeting place; the online link is a placeholder on example.dk.
 */

/** Serialises loading, so two app nodes starting at once load the events once. */
const EVENT_DEMO_LOCK = 727_274_114;
const SERVICE_SLUG = 'vores-vej-ud';
const networkHouse = { place_name: 'Netværkshuset', address_line: 'Halmtorvet 27', postal_code: '1700', city: 'København V' };

type DemoEvent = {
  title: string;
  description: string;
  rule: string;
  startTime: string;
  durationMinutes: number;
  place: typeof networkHouse | { link: string };
  capacity: number | null;
  cancelled?: { date: string; note: string }[];
};

const demoEvents: readonly DemoEvent[] = [
  {
    title: 'Drop-in morgenkaffe',
    description: 'Kig forbi til en kop kaffe. Du kan stille spørgsmål til projektets socialrådgiver eller bare møde andre kvinder, der har erfaringer med partnervold. Du behøver ikke melde dig til eller sige dit navn.',
    rule: 'FREQ=WEEKLY;BYDAY=TU,TH',
    startTime: '09:30',
    durationMinutes: 90,
    place: networkHouse,
    capacity: null,
  },
  {
    title: 'Drop-in eftermiddagskaffe på nettet',
    description: 'Eftermiddagskaffe på nettet med socialrådgiveren og andre kvinder. Linket står ikke her: bed om det, så får du det på e-mail eller SMS.',
    rule: 'FREQ=WEEKLY;BYDAY=WE',
    startTime: '14:00',
    durationMinutes: 90,
    place: { link: 'https://moede.example.dk/vores-vej-ud-eftermiddagskaffe' },
    capacity: null,
  },
  {
    title: 'Fællesfrokost',
    description: 'En gang om ugen spiser vi frokost sammen i netværkshuset fra kl. 11 til 13: uformelt samvær med andre kvinder i netværket.',
    rule: 'FREQ=WEEKLY;BYDAY=FR',
    startTime: '11:00',
    durationMinutes: 120,
    place: networkHouse,
    capacity: 20,
    cancelled: [
      { date: '2026-12-25', note: 'Juleferie' },
      { date: '2027-01-01', note: 'Nytårsdag' },
    ],
  },
];

export async function loadEventDemoData({ db, clock, cipher }: { db: Db; clock: Clock; cipher: FieldCipher }): Promise<{ isLoaded: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${EVENT_DEMO_LOCK})`.execute(trx);
    const service = await trx.selectFrom('services').select(['id', 'organisation_id']).where('slug', '=', SERVICE_SLUG).executeTakeFirst();
    if (!service) return { isLoaded: false };
    const existing = await trx.selectFrom('open_events').select('id').where('service_id', '=', service.id).executeTakeFirst();
    if (existing) return { isLoaded: false };
    const now = clock.now();
    const startDate = danishToday(now);
    for (const event of demoEvents) {
      const isOnline = 'link' in event.place;
      const { id } = await trx
        .insertInto('open_events')
        .values({
          organisation_id: service.organisation_id,
          service_id: service.id,
          title: event.title,
          description: event.description,
          recurrence_rule: event.rule,
          start_date: startDate,
          start_time: event.startTime,
          duration_minutes: event.durationMinutes,
          is_online: isOnline,
          ...('link' in event.place ? { online_link_enc: cipher.encrypt(event.place.link) } : event.place),
          is_registration_required: false,
          capacity: event.capacity,
          is_published: true,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const cancelled of event.cancelled ?? []) {
        await trx.insertInto('open_event_exceptions').values({ event_id: id, occurs_on: cancelled.date, note: cancelled.note, created_at: now }).execute();
      }
      await materialiseOccurrences(trx, { eventId: id, organisationId: service.organisation_id, now });
    }
    await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'demo_data.load_open_events', objectType: 'platform', objectId: 'demo-data', details: { events: demoEvents.length } });
    return { isLoaded: true };
  });
}
