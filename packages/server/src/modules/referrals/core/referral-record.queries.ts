import { SELF_REFERRAL_ORGANISATION_LABEL } from '@bro/domain';
import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { Database, Db, ReferralEventsTable, ReferralsTable } from '../../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from './referral-access.ts';

/**
 * SQL of the referral record every path shares: writing a referral and its events, reading one referral with its
 * person and consent (joined, so one read is one statement), its timeline and linked referrals.
 */

// ---------------------------------------------------------------------------------------------------------------
// Writing a referral

/** The human-readable reference comes from a sequence: short, unique, and says nothing about the person. */
export async function insertReferral(trx: Transaction<Database>, values: Omit<Insertable<ReferralsTable>, 'reference'>): Promise<string> {
  const row = await trx
    .insertInto('referrals')
    .values({ ...values, reference: sql<string>`'BRO-' || nextval('referral_reference_seq')::text` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReferral(trx: Transaction<Database>, referralId: string, changes: Updateable<ReferralsTable>): Promise<void> {
  await trx.updateTable('referrals').set(changes).where('id', '=', referralId).execute();
}

export async function insertReferralEvent(trx: Transaction<Database>, values: Insertable<ReferralEventsTable>): Promise<void> {
  await trx.insertInto('referral_events').values(values).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one referral

/** A referral with everything its views need, joined in one query. `*_enc` columns are still ciphertext. */
export type ReferralRecord = {
  id: string;
  reference: string;
  incident_id: string;
  person_id: string;
  person_role: string;
  source: string;
  /** NULL for a self-referral; its name then reads {@link SELF_REFERRAL_ORGANISATION_LABEL}. */
  referring_organisation_id: string | null;
  referring_organisation_name: string;
  programme_id: string | null;
  service_id: string;
  service_name: string;
  service_first_contact_deadline_hours: number;
  service_high_risk_deadline_hours: number;
  service_max_contact_attempts: number;
  receiving_organisation_id: string;
  receiving_organisation_name: string;
  consent_id: string | null;
  status: string;
  risk_level: string;
  situation_enc: string | null;
  phone_enc: string | null;
  is_safe_to_call: string;
  safe_times_enc: string | null;
  voicemail_allowed: string;
  sms_allowed: string;
  language: string;
  interpreter_needed: boolean;
  children_in_home: string;
  unsuccessful_contact_attempts: number;
  contact_attempt_count: number;
  first_contact_at: Date | null;
  due_at: Date | null;
  escalated_at: Date | null;
  sent_at: Date | null;
  received_at: Date | null;
  created_at: Date;
  last_event_at: Date | null;
  person_full_name_enc: string;
  person_cpr_enc: string | null;
  person_gender: string;
  person_birth_year: number | null;
  person_address_protection: string;
  consent_recipient_organisation_id: string | null;
  consent_recipient_organisation_name: string | null;
  consent_data_categories: string[] | null;
  consent_method: string | null;
  consent_obtained_at: Date | null;
  consent_withdrawn_at: Date | null;
};

/**
 * One referral, if the visibility allows it. With `lock`, the referral row is locked for the rest of the
 * transaction, so two people acting on the same referral at once are serialised and both see the latest state.
 */
export async function findReferralRecord(db: Db, input: { referralId: string; visibility: ReferralVisibility; lock?: boolean }): Promise<ReferralRecord | undefined> {
  let query = db
    .selectFrom('referrals')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    .innerJoin('organisations as receiving', 'receiving.id', 'referrals.receiving_organisation_id')
    // Left join: a self-referral has no referring organisation.
    .leftJoin('organisations as referring', 'referring.id', 'referrals.referring_organisation_id')
    .innerJoin('persons as person', 'person.id', 'referrals.person_id')
    .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
    .leftJoin('organisations as recipient', 'recipient.id', 'consent.recipient_organisation_id')
    .select((eb) => [
      'referrals.id',
      'referrals.reference',
      'referrals.incident_id',
      'referrals.person_id',
      'referrals.person_role',
      'referrals.source',
      'referrals.referring_organisation_id',
      eb.fn.coalesce('referring.name', eb.val(SELF_REFERRAL_ORGANISATION_LABEL)).as('referring_organisation_name'),
      'referrals.programme_id',
      'referrals.service_id',
      'service.name as service_name',
      'service.first_contact_deadline_hours as service_first_contact_deadline_hours',
      'service.high_risk_deadline_hours as service_high_risk_deadline_hours',
      'service.max_contact_attempts as service_max_contact_attempts',
      'referrals.receiving_organisation_id',
      'receiving.name as receiving_organisation_name',
      'referrals.consent_id',
      'referrals.status',
      'referrals.risk_level',
      'referrals.situation_enc',
      'referrals.phone_enc',
      'referrals.is_safe_to_call',
      'referrals.safe_times_enc',
      'referrals.voicemail_allowed',
      'referrals.sms_allowed',
      'referrals.language',
      'referrals.interpreter_needed',
      'referrals.children_in_home',
      'referrals.unsuccessful_contact_attempts',
      'referrals.contact_attempt_count',
      'referrals.first_contact_at',
      'referrals.due_at',
      'referrals.escalated_at',
      'referrals.sent_at',
      'referrals.received_at',
      'referrals.created_at',
      eb.selectFrom('referral_events').select((sub) => sub.fn.max('referral_events.occurred_at').as('at')).whereRef('referral_events.referral_id', '=', 'referrals.id').as('last_event_at'),
      'person.full_name_enc as person_full_name_enc',
      'person.cpr_enc as person_cpr_enc',
      'person.gender as person_gender',
      'person.birth_year as person_birth_year',
      'person.address_protection as person_address_protection',
      'consent.recipient_organisation_id as consent_recipient_organisation_id',
      'recipient.name as consent_recipient_organisation_name',
      'consent.data_categories as consent_data_categories',
      'consent.method as consent_method',
      'consent.obtained_at as consent_obtained_at',
      'consent.withdrawn_at as consent_withdrawn_at',
    ])
    .where('referrals.id', '=', input.referralId)
    .where(whereReferralVisible(input.visibility));
  if (input.lock) query = query.forUpdate('referrals');
  return query.executeTakeFirst();
}

export type ReferralEventRow = {
  id: string;
  action: string;
  occurred_at: Date;
  to_status: string | null;
  actor_organisation_id: string | null;
  organisation_name: string | null;
  decline_reason: string | null;
  declined_by: string | null;
  contact_outcome: string | null;
  from_service_name: string | null;
  to_service_name: string | null;
  note_enc: string | null;
};

export async function listReferralEvents(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  return db
    .selectFrom('referral_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.actor_organisation_id')
    .leftJoin('services as fs', 'fs.id', 'e.from_service_id')
    .leftJoin('services as ts', 'ts.id', 'e.to_service_id')
    .select([
      'e.id',
      'e.action',
      'e.occurred_at',
      'e.to_status',
      'e.actor_organisation_id',
      'o.name as organisation_name',
      'e.decline_reason',
      'e.declined_by',
      'e.contact_outcome',
      'fs.name as from_service_name',
      'ts.name as to_service_name',
      'e.note_enc',
    ])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.id')
    .execute();
}

/** Other referrals from the same call-out that this caller may see. */
export async function listLinkedReferralIds(db: Db, input: { incidentId: string; exceptReferralId: string; visibility: ReferralVisibility }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('incident_id', '=', input.incidentId)
    .where('id', '<>', input.exceptReferralId)
    .where(whereReferralVisible(input.visibility))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

