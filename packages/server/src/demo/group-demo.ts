import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';
import { safeContactFromInput, sealSafeContact } from '../modules/courses/index.ts';
import { createPerson } from '../modules/persons/index.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';

/**
 * Conversation-group demo (issue 14 §1, seed 003): Vores Vej Ud's "Samtalegruppe for kvinder" — 6–8 women, 8
 * weekly meetings, Tuesdays 17:00 with the project's counsellor — and a few women (pseudonyms) on its waiting list,
 * each through a walk-in course at the service. Loaded with the base demo, after the course demo.
 */
const DAY_MS = 86_400_000;
const waitingWomen = [
  { label: 'Demo Kvinde A', waitedDays: 41, dayTimes: ['evening'], mode: 'in_person' },
  { label: 'Demo Kvinde B', waitedDays: 33, dayTimes: ['afternoon', 'evening'], mode: 'either' },
  { label: 'Demo Kvinde C', waitedDays: 20, dayTimes: ['evening'], mode: 'in_person' },
  { label: 'Demo Kvinde D', waitedDays: 9, dayTimes: ['morning'], mode: 'online' },
  { label: 'Demo Kvinde E', waitedDays: 2, dayTimes: ['evening'], mode: 'either' },
] as const;

export async function loadGroupDemoData({ db, cipher, clock }: { db: Db; cipher: FieldCipher; clock: Clock }): Promise<{ isLoaded: boolean }> {
  const load = (trx: Transaction<Database>) => loadGroupDemoInto(trx, { cipher, clock });
  return db.isTransaction ? load(db as Transaction<Database>) : db.transaction().execute(load);
}

async function loadGroupDemoInto(trx: Transaction<Database>, input: { cipher: FieldCipher; clock: Clock }): Promise<{ isLoaded: boolean }> {
  const service = await trx.selectFrom('services').select(['id', 'organisation_id']).where('slug', '=', 'vores-vej-ud').executeTakeFirst();
  const counsellor = await trx.selectFrom('users').select('id').where('email', '=', 'voresvejud@demo.bro.dk').executeTakeFirst();
  if (!service || !counsellor) return { isLoaded: false };
  if (await trx.selectFrom('group_offers').select('id').where('service_id', '=', service.id).executeTakeFirst()) return { isLoaded: false };
  const now = input.clock.now();
  const offer = await trx
    .insertInto('group_offers')
    .values({
      organisation_id: service.organisation_id,
      service_id: service.id,
      name: 'Samtalegruppe for kvinder',
      target_group: 'Kvinder, der har forladt en voldelig partner for 6 måneder siden eller mere. Gruppen ledes af projektets psykoterapeut.',
      eligibility_rules: JSON.stringify({
        targetGroups: [{ id: 'left_6_months', label: { da: 'Har forladt partneren for mindst 6 måneder siden', en: 'Left the partner at least 6 months ago' }, conditions: [{ fact: 'monthsSinceLeftPartner', min: 6 }] }],
        exclusions: [],
        notInTargetGroupOnward: null,
      }),
      min_participants: 6,
      max_participants: 8,
      meeting_count: 8,
      weekday: 2,
      start_time: '17:00',
      interval_weeks: 1,
      duration_minutes: 90,
      mode: 'in_person',
      place: 'Q-Værk, mødelokalet',
      facilitator_user_ids: [counsellor.id],
      reconfirm_after_days: 60,
      created_by_user_id: counsellor.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const woman of waitingWomen) await addWaitingWoman(trx, { ...input, now, woman, serviceId: service.id, organisationId: service.organisation_id, counsellorId: counsellor.id, offerId: offer.id });
  await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'group_demo_data.load', objectType: 'platform', objectId: 'group-demo-data', details: { offers: 1, waiting: waitingWomen.length } });
  return { isLoaded: true };
}

type Woman = (typeof waitingWomen)[number];

async function addWaitingWoman(trx: Transaction<Database>, input: { cipher: FieldCipher; now: Date; woman: Woman; serviceId: string; organisationId: string; counsellorId: string; offerId: string }) {
  const { cipher, woman } = input;
  const addedAt = new Date(input.now.getTime() - woman.waitedDays * DAY_MS);
  const personId = await createPerson({ trx, cipher, createdByOrganisationId: input.organisationId, person: { fullName: woman.label, gender: 'woman', addressProtection: 'none' }, now: addedAt });
  const course = await trx
    .insertInto('courses')
    .values({
      reference: sql<string>`'FL-' || nextval('course_reference_seq')::text`,
      person_id: personId,
      service_id: input.serviceId,
      organisation_id: input.organisationId,
      side: 'victim',
      person_role: 'exposed',
      origin: 'walk_in',
      referral_id: null,
      is_anonymous: true,
      client_label_enc: cipher.encrypt(woman.label),
      address_protection: 'none',
      safe_contact_enc: sealSafeContact(cipher, safeContactFromInput(undefined)),
      referral_facts_enc: null,
      status: 'active',
      counsellor_user_id: input.counsellorId,
      planned_sessions: 5,
      session_modes: ['in_person'],
      focus: ['counselling'],
      contact_interval_days: 14,
      high_risk_contact_interval_days: 7,
      offers_case_conference: false,
      risk_level: null,
      opened_by_user_id: input.counsellorId,
      opened_at: addedAt,
      created_at: addedAt,
      updated_at: addedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('group_waiting_entries')
    .values({ offer_id: input.offerId, course_id: course.id, status: 'waiting', added_at: addedAt, waiting_since: addedAt, preferences: JSON.stringify({ dayTimes: woman.dayTimes, language: 'da', mode: woman.mode }), added_by_user_id: input.counsellorId })
    .execute();
}
