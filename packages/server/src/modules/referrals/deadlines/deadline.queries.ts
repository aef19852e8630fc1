import { openStatuses } from '@bro/domain';
import type { Expression, Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/** SQL of the deadline jobs: overdue referrals to escalate (once), whom to tell, and stale referrals to expire. */

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
) {
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
export async function listIntakeCoordinators(db: Db, input: { organisationId: string; serviceLines: readonly string[] }) {
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


/** Active members of an organisation with one of the roles (e.g. those who take referrals, or its admins). */
export async function listActiveMembersWithRoles(db: Db, input: MembersWithRoles) {
  return selectActiveMembersWithRoles(db, input).orderBy('u.id').execute();
}

type MembersWithRoles = { organisationId: string | Expression<string>; roles: readonly string[]; serviceLines?: readonly string[] };

/** The same members as a subquery, for a caller that asks whether there are any inside a statement of its own. */
export function selectActiveMembersWithRoles(db: Db, input: MembersWithRoles) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', 'in', [...input.roles])
    .where('u.is_active', '=', true)
    .where('u.locked_at', 'is', null)
    .$if(input.serviceLines !== undefined, (query) =>
      query.where((eb) => eb.or([eb('m.service_line', 'is', null), ...(input.serviceLines!.length > 0 ? [eb('m.service_line', 'in', [...input.serviceLines!])] : [])])),
    );
}

/** Active platform admins: the last who hear of a referral that nobody at the receiving organisation can see. */
export async function listActivePlatformAdmins(db: Db) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email'])
    .where('m.role', '=', 'platform_admin')
    .where('u.is_active', '=', true)
    .orderBy('u.id')
    .execute();
}

/** The active managers of a programme: they hear of its referrals that nobody can see. */
export async function listActiveProgrammeManagers(db: Db, programmeId: string) {
  return db
    .selectFrom('programme_managers as pm')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select(['u.id as user_id', 'u.email'])
    .where('pm.programme_id', '=', programmeId)
    .where('u.is_active', '=', true)
    .orderBy('u.id')
    .execute();
}

/** Marks a just-sent referral escalated at once (so the overdue job does not escalate it again). */
export async function markReferralEscalatedNow(db: Db, input: { referralId: string; now: Date }): Promise<void> {
  await db.updateTable('referrals').set({ escalated_at: input.now, updated_at: input.now }).where('id', '=', input.referralId).execute();
}
