import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from '../core/referral-access.ts';
import { lastEventAt } from '../core/referral-record.queries.ts';

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
    .where('o.is_active', '=', true)
    .executeTakeFirst();
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
