import type { ContentKind } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';

/** The only file that writes SQL for `publication_requests`. */

type Trx = Transaction<Database>;

/** Marks the item's pending proposal, if any, as superseded; answers its id. */
export async function supersedePendingRequest(trx: Trx, input: { kind: ContentKind; contentId: string; now: Date }): Promise<string | undefined> {
  const row = await trx
    .updateTable('publication_requests')
    .set({ status: 'superseded', decided_at: input.now })
    .where('content_kind', '=', input.kind)
    .where('content_id', '=', input.contentId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertPublicationRequest(
  trx: Trx,
  input: { kind: ContentKind; contentId: string; organisationId: string; content: unknown; proposedByUserId: string; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto('publication_requests')
    .values({
      content_kind: input.kind,
      content_id: input.contentId,
      organisation_id: input.organisationId,
      proposed_content: JSON.stringify(input.content),
      proposed_by_user_id: input.proposedByUserId,
      proposed_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Pending proposals of one kind, oldest first (first come, first served), with who proposed them for which organisation. */
export async function listPendingRequests(db: Db, kind: ContentKind) {
  return db
    .selectFrom('publication_requests as pr')
    .innerJoin('organisations as o', 'o.id', 'pr.organisation_id')
    .innerJoin('users as u', 'u.id', 'pr.proposed_by_user_id')
    .select(['pr.id', 'pr.content_id', 'pr.proposed_content', 'pr.proposed_at', 'o.name as organisation_name', 'u.display_name as proposed_by_name'])
    .where('pr.content_kind', '=', kind)
    .where('pr.status', '=', 'pending')
    .orderBy('pr.sequence')
    .execute();
}

/** One request of the kind, locked for the decision. */
export async function findRequestForUpdate(trx: Trx, input: { kind: ContentKind; requestId: string }) {
  return trx
    .selectFrom('publication_requests')
    .select(['id', 'content_id', 'proposed_content', 'proposed_by_user_id', 'status'])
    .where('id', '=', input.requestId)
    .where('content_kind', '=', input.kind)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRequestDecided(
  trx: Trx,
  input: { requestId: string; status: 'approved' | 'rejected'; decidedByUserId: string; now: Date; rejectionReason: string | null },
): Promise<void> {
  await trx
    .updateTable('publication_requests')
    .set({ status: input.status, decided_by_user_id: input.decidedByUserId, decided_at: input.now, rejection_reason: input.rejectionReason })
    .where('id', '=', input.requestId)
    .execute();
}

/** The latest proposal of each given item (the highest sequence; a superseded one is never the latest). */
export async function listLatestRequests(db: Db, input: { kind: ContentKind; contentIds: readonly string[] }) {
  if (input.contentIds.length === 0) return [];
  return db
    .selectFrom('publication_requests')
    .distinctOn('content_id')
    .select(['content_id', 'status', 'proposed_content', 'proposed_at', 'decided_at', 'rejection_reason'])
    .where('content_kind', '=', input.kind)
    .where('content_id', 'in', input.contentIds)
    .orderBy('content_id')
    .orderBy('sequence', 'desc')
    .execute();
}
