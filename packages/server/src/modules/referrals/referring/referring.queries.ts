import { sql, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { holdReferralIntakeOpen } from '../../../platform/referral-intake-locks.queries.ts';
import type { Database, Db } from '../../../db/tables.ts';
import { selectActiveMembersWithRoles } from '../deadlines/deadline.queries.ts';
import { whereReferralVisible, type ReferralVisibility } from '../core/referral-access.ts';
import { lastEventAt, nextReferralEventIds, nextReferralReference } from '../core/referral-record.queries.ts';

/** SQL of the referring side: the programmes and services a referrer may use, linked incidents, "my referrals". */

/**
 * A programme takes referrals while it is running and today is inside its period (an open end runs on). The
 * referring side sees no other: a planned or ended programme is not offered, and a referral to one is refused.
 */
function programmeTakesReferrals(now: Date) {
  const today = now.toISOString().slice(0, 10);
  return sql<SqlBool>`(p.status = 'running' AND (p.period_start IS NULL OR p.period_start <= ${today}::date) AND (p.period_end IS NULL OR p.period_end >= ${today}::date))`;
}

/** Whom the programme lets the service take, and what a referral must meet there (null: as the service). */
const programmeServiceColumns = [
  'ps.receives_roles as programme_receives_roles',
  'ps.receives_genders as programme_receives_genders',
  'ps.minimum_age as programme_minimum_age',
  'ps.maximum_age as programme_maximum_age',
] as const;

/**
 * The service, if the organisation refers in the running programme and the programme routes to this active
 * service; with the deadlines and attempts the programme sets for it (else the service's own) and the programme's
 * version, which the referral keeps.
 */
export async function findProgrammeServiceForReferrer(
  db: Db,
  input: { programmeId: string; serviceId: string; referrerOrganisationId: string; now: Date },
) {
  return selectProgrammeServiceForReferrer(db, input).executeTakeFirst();
}

function selectProgrammeServiceForReferrer(db: Db, input: { programmeId: string; serviceId: string; referrerOrganisationId: string; now: Date }) {
  return db
    .selectFrom('programme_services as ps')
    .innerJoin('programmes as p', 'p.id', 'ps.programme_id')
    .innerJoin('programme_referrers as pr', 'pr.programme_id', 'ps.programme_id')
    .innerJoin('services as s', 's.id', 'ps.service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age', 'p.version as programme_version', ...programmeServiceColumns])
    .select((eb) => [
      eb.fn.coalesce('ps.first_contact_deadline_hours', 's.first_contact_deadline_hours').as('first_contact_deadline_hours'),
      eb.fn.coalesce('ps.high_risk_deadline_hours', 's.high_risk_deadline_hours').as('high_risk_deadline_hours'),
      eb.fn.coalesce('ps.max_contact_attempts', 's.max_contact_attempts').as('max_contact_attempts'),
    ])
    .where('ps.programme_id', '=', input.programmeId)
    .where('ps.service_id', '=', input.serviceId)
    .where('pr.organisation_id', '=', input.referrerOrganisationId)
    .where(programmeTakesReferrals(input.now))
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true);
}

/**
 * Everything a new referral needs from the database before it is written, in ONE statement: the service as
 * {@link findProgrammeServiceForReferrer} gives it, with the receiving organisation's name; its reference and event
 * ids (reserved, so the answer can be built and stored before anything is written); whether anyone at the receiving
 * organisation can see it; and, for a linked referral, the incident and the call-out's other referrals the referrer
 * may see.
 *
 * It also takes the shared intake locks of the service and programme (platform/referral-intake-locks.queries.ts), not a
 * row lock: ending the service or programme waits for this creation, and {@link isProgrammeServiceStillReferable},
 * checked by the creation's write statement in its own later snapshot, refuses a creation that waited for an ending.
 */
export async function prepareProgrammeReferral(
  trx: Transaction<Database>,
  input: {
    programmeId: string;
    serviceId: string;
    referrerOrganisationId: string;
    now: Date;
    /** Who can see it there (deadlines/unseen-referral.ts seersOf), the receiving organisation being the service's. */
    seers: { roles: readonly string[]; serviceLines: readonly string[] };
    linked: { referralId: string; visibility: ReferralVisibility } | null;
  },
) {
  const { linked } = input;
  return selectProgrammeServiceForReferrer(trx, input)
    .select((eb) => [
      'o.name as organisation_name',
      holdReferralIntakeOpen({ serviceId: input.serviceId, programmeId: input.programmeId }).as('is_intake_held'),
      nextReferralReference().as('reference'),
      nextReferralEventIds(2).as('event_ids'),
      eb.exists(selectActiveMembersWithRoles(trx, { ...input.seers, organisationId: eb.ref('s.organisation_id') })).as('is_seen_at_receiver'),
      (linked === null ? sql<string | null>`NULL::uuid` : linkedIncident(linked, input.referrerOrganisationId)).as('linked_incident_id'),
      (linked === null ? sql<string[]>`ARRAY[]::uuid[]` : linkedReferralIds(trx, linked, input.referrerOrganisationId)).as('linked_referral_ids'),
    ])
    .executeTakeFirst();
}

/** The incident of a referral of the same organisation: a linked referral is another party of that call-out. */
function linkedIncident(linked: { referralId: string }, referrerOrganisationId: string) {
  return sql<string | null>`(SELECT incident_id FROM referrals WHERE id = ${linked.referralId} AND referring_organisation_id = ${referrerOrganisationId})`;
}

/** The other referrals of that incident the referrer may see, oldest first (as listLinkedReferralIds orders them). */
function linkedReferralIds(db: Db, linked: { referralId: string; visibility: ReferralVisibility }, referrerOrganisationId: string) {
  const ids = db
    .selectFrom('referrals')
    .select('referrals.id')
    .where('referrals.incident_id', '=', linkedIncident(linked, referrerOrganisationId))
    .where(whereReferralVisible(linked.visibility))
    .orderBy('referrals.created_at')
    .orderBy('referrals.id');
  return sql<string[]>`ARRAY(${ids})`;
}

/**
 * Whether the service is still referable for the referrer, as an expression for the creation's write statement: that
 * statement's snapshot is taken after the intake locks were granted, so it sees an ending that committed meanwhile.
 */
export function isProgrammeServiceStillReferable(db: Db, input: { programmeId: string; serviceId: string; referrerOrganisationId: string; now: Date }): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (${selectProgrammeServiceForReferrer(db, input)})`;
}

export type PreparedProgrammeReferral = NonNullable<Awaited<ReturnType<typeof prepareProgrammeReferral>>>;

/**
 * The read of the new referral's person that the creator's answer is (it carries the name they entered), as one
 * insert into the access log, not yet run: the same row platform/access-log.ts `recordAccess` writes, put inside the
 * creation's one statement.
 */
export function insertCreationReadQuery(db: Db, input: { occurredAt: Date; userId: string; organisationId: string; referralId: string; personId: string }) {
  return db.insertInto('access_log').values({
    occurred_at: input.occurredAt,
    user_id: input.userId,
    organisation_id: input.organisationId,
    action: 'read',
    object_type: 'referral',
    object_id: input.referralId,
    person_id: input.personId,
    purpose: 'referral_creation',
  });
}

export async function listProgrammesOfReferrer(db: Db, input: { organisationId: string; now: Date }) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('programme_referrers as pr', 'pr.programme_id', 'p.id')
    .select(['p.id', 'p.name'])
    .where('pr.organisation_id', '=', input.organisationId)
    .where(programmeTakesReferrals(input.now))
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** Active services of the programmes, in routing order (priority first). */
export async function listServicesOfProgrammes(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_services as ps')
    .innerJoin('services as s', 's.id', 'ps.service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['ps.programme_id', 's.id', 's.name', 's.organisation_id', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age', 'o.name as organisation_name', 'ps.is_fallback', 'ps.is_proposed', ...programmeServiceColumns])
    .where('ps.programme_id', 'in', [...programmeIds])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('ps.routing_priority')
    .orderBy('s.name')
    .execute();
}

export async function listReferralsForReferrer(db: Db, input: { visibility: ReferralVisibility; limit: number }) {
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
      lastEventAt(eb),
      'referrals.first_contact_at',
    ])
    .where(whereReferralVisible(input.visibility))
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(input.limit)
    .execute();
}

export type ReferrerListRow = Awaited<ReturnType<typeof listReferralsForReferrer>>[number];
