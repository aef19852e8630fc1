import type { Transaction } from 'kysely';
import type { Database, Db, NewRow } from '../../../db/tables.ts';

/** The only file that writes SQL for eligibility rule sets and triage decisions. */

function selectRuleSets(db: Db) {
  return db
    .selectFrom('eligibility_rule_sets as r')
    .leftJoin('users as u', 'u.id', 'r.created_by_user_id')
    .select(['r.id', 'r.service_id', 'r.version', 'r.rules', 'r.created_at', 'r.created_by_user_id', 'u.display_name as created_by_display_name']);
}

export type RuleSetRow = Awaited<ReturnType<typeof listRuleSetVersions>>[number];

/** The service's current rules: the highest version. */
export async function findCurrentRuleSet(db: Db, serviceId: string) {
  return selectRuleSets(db).where('r.service_id', '=', serviceId).orderBy('r.version', 'desc').limit(1).executeTakeFirst();
}

export async function listCurrentRuleSets(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return selectRuleSets(db)
    .where('r.service_id', 'in', [...serviceIds])
    .where((eb) => eb('r.version', '=', eb.selectFrom('eligibility_rule_sets as latest').select((sub) => sub.fn.max('latest.version').as('v')).whereRef('latest.service_id', '=', 'r.service_id')))
    .execute();
}

export async function listRuleSetVersions(db: Db, serviceId: string) {
  return selectRuleSets(db).where('r.service_id', '=', serviceId).orderBy('r.version', 'desc').execute();
}

/**
 * A new version, numbered after the current one. Two admins saving at once both try the same number; the
 * unique (service_id, version) makes one of them fail rather than silently overwrite.
 */
export async function insertRuleSet(trx: Transaction<Database>, input: { serviceId: string; rules: unknown; createdByUserId: string | null; now: Date }): Promise<{ id: string; version: number }> {
  const current = await trx.selectFrom('eligibility_rule_sets').select((eb) => eb.fn.max('version').as('version')).where('service_id', '=', input.serviceId).executeTakeFirst();
  const version = Number(current?.version ?? 0) + 1;
  const row = await trx
    .insertInto('eligibility_rule_sets')
    .values({ service_id: input.serviceId, version, rules: JSON.stringify(input.rules), created_by_user_id: input.createdByUserId, created_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

export async function insertTriageDecision(trx: Transaction<Database>, values: NewRow<'course_triage_decisions'>): Promise<string> {
  const row = await trx.insertInto('course_triage_decisions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function selectTriage(db: Db) {
  return db
    .selectFrom('course_triage_decisions as t')
    .innerJoin('users as u', 'u.id', 't.decided_by_user_id')
    .leftJoin('eligibility_rule_sets as r', 'r.id', 't.rule_set_id')
    .select(['t.id', 'r.version as rule_set_version', 't.facts_enc', 't.evaluation_enc', 't.outcome', 't.decision', 't.onward_category', 't.reason_enc', 't.decided_by_user_id', 'u.display_name as decided_by_display_name', 't.decided_at']);
}

export async function listTriageDecisions(db: Db, courseId: string) {
  return selectTriage(db).where('t.course_id', '=', courseId).orderBy('t.decided_at', 'desc').orderBy('t.id').execute();
}

export type TriageRow = Awaited<ReturnType<typeof listTriageDecisions>>[number];

export async function findLatestTriage(db: Db, courseId: string) {
  return db
    .selectFrom('course_triage_decisions')
    .select(['decision', 'decided_at', 'outcome'])
    .where('course_id', '=', courseId)
    .orderBy('decided_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
