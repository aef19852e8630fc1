import type { Db } from '../../db/tables.ts';

/**
 * Locks the organisation's row for the rest of the transaction, so two platform requests cannot both find "no admin
 * yet" and both take effect at once. `false` when there is no such organisation.
 */
export async function lockOrganisation(db: Db, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** The organisation's own active admins: who may approve, and who is told. */
export async function listActiveAdmins(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '=', 'organisation_admin')
    .where('u.is_active', '=', true)
    .orderBy('u.id')
    .execute();
}

export async function insertChangeRequest(
  db: Db,
  request: { organisationId: string; kind: string; payloadEnc: string; requestedByUserId: string; now: Date },
) {
  return db
    .insertInto('admin_change_requests')
    .values({
      organisation_id: request.organisationId,
      kind: request.kind,
      payload_enc: request.payloadEnc,
      requested_by_user_id: request.requestedByUserId,
      requested_at: request.now,
    })
    .returning(['id', 'kind', 'requested_at'])
    .executeTakeFirstOrThrow();
}

/** Every organisation's pending requests (kind and time only), for the platform admin's list. */
export async function listPendingChangeRequests(db: Db) {
  return db
    .selectFrom('admin_change_requests')
    .select(['id', 'organisation_id', 'kind', 'requested_at'])
    .where('status', '=', 'pending')
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

function selectRequests(db: Db) {
  return db
    .selectFrom('admin_change_requests as r')
    .innerJoin('users as u', 'u.id', 'r.requested_by_user_id')
    .select(['r.id', 'r.organisation_id', 'r.kind', 'r.status', 'r.payload_enc', 'r.requested_at', 'u.display_name as requested_by_name']);
}

export type ChangeRequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

/** The organisation's requests: pending first, then the latest decided ones. */
export async function listChangeRequestsOfOrganisation(db: Db, organisationId: string, limit: number): Promise<ChangeRequestRow[]> {
  return selectRequests(db)
    .where('r.organisation_id', '=', organisationId)
    .orderBy((eb) => eb.case().when('r.status', '=', 'pending').then(0).else(1).end())
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** The organisation's request, locked for its decision; another organisation's is `undefined` (a 404). */
export async function findChangeRequestForDecision(db: Db, input: { organisationId: string; requestId: string }): Promise<ChangeRequestRow | undefined> {
  return selectRequests(db).where('r.id', '=', input.requestId).where('r.organisation_id', '=', input.organisationId).forUpdate('r').executeTakeFirst();
}

export async function decideChangeRequest(db: Db, input: { requestId: string; status: 'approved' | 'rejected'; decidedByUserId: string; now: Date }): Promise<void> {
  await db
    .updateTable('admin_change_requests')
    .set({ status: input.status, decided_by_user_id: input.decidedByUserId, decided_at: input.now })
    .where('id', '=', input.requestId)
    .where('status', '=', 'pending')
    .execute();
}
