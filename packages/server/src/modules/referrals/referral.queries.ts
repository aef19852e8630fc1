import { SELF_REFERRAL_ORGANISATION_LABEL } from '@bro/domain';
import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { ConsentsTable, Database, Db, PersonsTable, ReferralEventsTable, ReferralsTable } from '../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from './referral-access.ts';

/** The only file that writes SQL for referrals, persons, consents, referral events and notifications. */

const openStatuses = ['sent', 'received', 'accepted'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Programmes and services

export type ProgrammeServiceRow = {
  id: string;
  organisation_id: string;
  first_contact_deadline_hours: number;
  high_risk_deadline_hours: number;
  max_contact_attempts: number;
};

/** The service, if the organisation refers in the programme and the programme routes to this active service. */
export async function findProgrammeServiceForReferrer(
  db: Db,
  input: { programmeId: string; serviceId: string; referrerOrganisationId: string },
): Promise<ProgrammeServiceRow | undefined> {
  return db
    .selectFrom('programme_services as ps')
    .innerJoin('programme_referrers as pr', 'pr.programme_id', 'ps.programme_id')
    .innerJoin('services as s', 's.id', 'ps.service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts'])
    .where('ps.programme_id', '=', input.programmeId)
    .where('ps.service_id', '=', input.serviceId)
    .where('pr.organisation_id', '=', input.referrerOrganisationId)
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .executeTakeFirst();
}

export async function findActiveService(db: Db, serviceId: string): Promise<ProgrammeServiceRow | undefined> {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts'])
    .where('s.id', '=', serviceId)
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .executeTakeFirst();
}

/** A service an onward referral from a course may go to: active, with its line (the course's side must fit). */
export async function findOnwardTarget(db: Db, serviceId: string): Promise<(ProgrammeServiceRow & { service_line: string | null }) | undefined> {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.service_line', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts'])
    .where('s.id', '=', serviceId)
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .executeTakeFirst();
}

/** Active services of the lines given (null: a service of both lines), with their organisation, for onward referral. */
export async function listOnwardTargets(db: Db, input: { serviceLines: readonly string[] }): Promise<(ServiceOptionRow & { organisation_kind: string })[]> {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .where((eb) => eb.or([eb('s.service_line', 'is', null), eb('s.service_line', 'in', [...input.serviceLines])]))
    .orderBy('o.name')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

/** The onward referrals made from a course, oldest first. */
export async function listReferralIdsOfCourse(db: Db, input: { courseId: string; referringOrganisationId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('origin_course_id', '=', input.courseId)
    .where('referring_organisation_id', '=', input.referringOrganisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export type ServiceOptionRow = { id: string; name: string; organisation_id: string; organisation_name: string };

export async function listActiveServiceOptions(db: Db): Promise<ServiceOptionRow[]> {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 'o.name as organisation_name'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

export async function listServiceIdsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('services').select('id').where('organisation_id', '=', organisationId).execute();
  return rows.map((row) => row.id);
}

export type ProgrammeRow = { id: string; name: string };
export type ProgrammeServiceOptionRow = ServiceOptionRow & {
  programme_id: string;
  routing_role: string | null;
  routing_gender: string | null;
  is_fallback: boolean;
};

export async function listProgrammesOfReferrer(db: Db, organisationId: string): Promise<ProgrammeRow[]> {
  return db
    .selectFrom('programmes as p')
    .innerJoin('programme_referrers as pr', 'pr.programme_id', 'p.id')
    .select(['p.id', 'p.name'])
    .where('pr.organisation_id', '=', organisationId)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** Active services of the programmes, in routing order (priority first). */
export async function listServicesOfProgrammes(db: Db, programmeIds: readonly string[]): Promise<ProgrammeServiceOptionRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_services as ps')
    .innerJoin('services as s', 's.id', 'ps.service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['ps.programme_id', 's.id', 's.name', 's.organisation_id', 'o.name as organisation_name', 'ps.routing_role', 'ps.routing_gender', 'ps.is_fallback'])
    .where('ps.programme_id', 'in', [...programmeIds])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('ps.routing_priority')
    .orderBy('s.name')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a referral

export async function insertPerson(trx: Transaction<Database>, values: Insertable<PersonsTable>): Promise<string> {
  const row = await trx.insertInto('persons').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertConsent(trx: Transaction<Database>, values: Insertable<ConsentsTable>): Promise<string> {
  const row = await trx.insertInto('consents').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

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

/** The incident of a referral of the same organisation, for linking referrals from one call-out. */
export async function findIncidentIdOfReferral(db: Db, input: { referralId: string; referringOrganisationId: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('referrals')
    .select('incident_id')
    .where('id', '=', input.referralId)
    .where('referring_organisation_id', '=', input.referringOrganisationId)
    .executeTakeFirst();
  return row?.incident_id;
}

/** Marks every active consent of the person withdrawn; returns the ids it changed. */
export async function withdrawActiveConsentsOfPerson(
  trx: Transaction<Database>,
  input: { personId: string; withdrawnAt: Date; withdrawnByUserId: string },
): Promise<string[]> {
  const rows = await trx
    .updateTable('consents')
    .set({ withdrawn_at: input.withdrawnAt, withdrawn_by_user_id: input.withdrawnByUserId })
    .where('person_id', '=', input.personId)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
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

export async function isReferralVisible(db: Db, input: { referralId: string; visibility: ReferralVisibility }): Promise<boolean> {
  const row = await db.selectFrom('referrals').select('id').where('id', '=', input.referralId).where(whereReferralVisible(input.visibility)).executeTakeFirst();
  return row !== undefined;
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

// ---------------------------------------------------------------------------------------------------------------
// Lists

export type ReferrerListRow = {
  id: string;
  reference: string;
  incident_id: string;
  person_id: string;
  status: string;
  person_role: string;
  person_full_name_enc: string;
  service_name: string;
  receiving_organisation_name: string;
  created_at: Date;
  last_event_at: Date | null;
  first_contact_at: Date | null;
};

export async function listReferralsForReferrer(db: Db, input: { visibility: ReferralVisibility; limit: number }): Promise<ReferrerListRow[]> {
  return db
    .selectFrom('referrals')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    .innerJoin('organisations as receiving', 'receiving.id', 'referrals.receiving_organisation_id')
    .innerJoin('persons as person', 'person.id', 'referrals.person_id')
    .select((eb) => [
      'referrals.id',
      'referrals.reference',
      'referrals.incident_id',
      'referrals.person_id',
      'referrals.status',
      'referrals.person_role',
      'person.full_name_enc as person_full_name_enc',
      'service.name as service_name',
      'receiving.name as receiving_organisation_name',
      'referrals.created_at',
      eb.selectFrom('referral_events').select((sub) => sub.fn.max('referral_events.occurred_at').as('at')).whereRef('referral_events.referral_id', '=', 'referrals.id').as('last_event_at'),
      'referrals.first_contact_at',
    ])
    .where(whereReferralVisible(input.visibility))
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(input.limit)
    .execute();
}

export type InboxRow = {
  id: string;
  reference: string;
  status: string;
  person_role: string;
  source: string;
  service_id: string;
  service_name: string;
  referring_organisation_name: string;
  risk_level: string;
  sent_at: Date | null;
  due_at: Date | null;
  escalated_at: Date | null;
  contact_attempt_count: number;
  first_contact_at: Date | null;
  consent_withdrawn_at: Date | null;
};

/** Open referrals, most urgent first: high risk before medium before standard, then the earliest deadline. */
export async function listInbox(db: Db, input: { visibility: ReferralVisibility; serviceId?: string; limit: number }): Promise<InboxRow[]> {
  let query = db
    .selectFrom('referrals')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    // Left join: a self-referral has no referring organisation.
    .leftJoin('organisations as referring', 'referring.id', 'referrals.referring_organisation_id')
    .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
    .select((eb) => [
      'referrals.id',
      'referrals.reference',
      'referrals.status',
      'referrals.person_role',
      'referrals.source',
      'referrals.service_id',
      'service.name as service_name',
      eb.fn.coalesce('referring.name', eb.val(SELF_REFERRAL_ORGANISATION_LABEL)).as('referring_organisation_name'),
      'referrals.risk_level',
      'referrals.sent_at',
      'referrals.due_at',
      'referrals.escalated_at',
      'referrals.contact_attempt_count',
      'referrals.first_contact_at',
      'consent.withdrawn_at as consent_withdrawn_at',
    ])
    .where(whereReferralVisible(input.visibility))
    .where('referrals.status', 'in', [...openStatuses]);
  if (input.serviceId) query = query.where('referrals.service_id', '=', input.serviceId);
  return query
    .orderBy((eb) => eb.case().when('referrals.risk_level', '=', 'high').then(0).when('referrals.risk_level', '=', 'medium').then(1).else(2).end())
    .orderBy('referrals.due_at', (ob) => ob.asc().nullsLast())
    .orderBy('referrals.sent_at')
    .orderBy('referrals.id')
    .limit(input.limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs

/** Open referrals past their first-contact deadline that nobody has escalated yet. */
export async function listOverdueUnescalatedReferralIds(db: Db, input: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('status', 'in', [...openStatuses])
    .where('first_contact_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('due_at', '<', input.now)
    .orderBy('due_at')
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Sets `escalated_at` only if it is still unset and the referral still qualifies: the conditional update is what
 * makes escalation happen once, however many workers run the job at the same time.
 */
export async function markReferralEscalated(
  trx: Transaction<Database>,
  input: { referralId: string; now: Date },
): Promise<{ id: string; service_id: string; receiving_organisation_id: string; person_role: string; status: string } | undefined> {
  return trx
    .updateTable('referrals')
    .set({ escalated_at: input.now, updated_at: input.now })
    .where('id', '=', input.referralId)
    .where('escalated_at', 'is', null)
    .where('first_contact_at', 'is', null)
    .where('status', 'in', [...openStatuses])
    .where('due_at', '<', input.now)
    .returning(['id', 'service_id', 'receiving_organisation_id', 'person_role', 'status'])
    .executeTakeFirst();
}

/** Intake coordinators of the organisation whose service line covers the person's role. */
export async function listIntakeCoordinators(db: Db, input: { organisationId: string; serviceLines: readonly string[] }): Promise<{ user_id: string; email: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', '=', 'intake_coordinator')
    .where('u.is_active', '=', true)
    .where((eb) => (input.serviceLines.length === 0 ? eb('m.service_line', 'is', null) : eb.or([eb('m.service_line', 'is', null), eb('m.service_line', 'in', [...input.serviceLines])])))
    .orderBy('u.id')
    .execute();
}

/** Sent or received referrals whose last event (escalations aside) is older than the cut-off. */
export async function listStaleReferralIds(db: Db, input: { inactiveSince: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('status', 'in', ['sent', 'received'])
    .where((eb) =>
      eb(
        eb
          .selectFrom('referral_events')
          .select((sub) => sub.fn.max('referral_events.occurred_at').as('at'))
          .whereRef('referral_events.referral_id', '=', 'referrals.id')
          .where('referral_events.action', '<>', 'escalate'),
        '<',
        input.inactiveSince,
      ),
    )
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications

export async function insertNotifications(trx: Transaction<Database>, rows: { userId: string; kind: string; referralId: string; createdAt: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(rows.map((row) => ({ user_id: row.userId, kind: row.kind, referral_id: row.referralId, created_at: row.createdAt })))
    .execute();
}

export type NotificationRow = { id: string; kind: string; referral_id: string | null; created_at: Date; read_at: Date | null };

export async function listNotificationsOfUser(db: Db, input: { userId: string; limit: number }): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'referral_id', 'created_at', 'read_at'])
    .where('user_id', '=', input.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(input.limit)
    .execute();
}

/** Marks the user's own notification read (the first time only); undefined if it is not theirs. */
export async function markNotificationRead(db: Db, input: { notificationId: string; userId: string; now: Date }): Promise<NotificationRow | undefined> {
  await db
    .updateTable('notifications')
    .set({ read_at: input.now })
    .where('id', '=', input.notificationId)
    .where('user_id', '=', input.userId)
    .where('read_at', 'is', null)
    .execute();
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'referral_id', 'created_at', 'read_at'])
    .where('id', '=', input.notificationId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
}
