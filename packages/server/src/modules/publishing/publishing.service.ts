import type { ContentKind, FieldChange, Permission, PublicationDecision, PublicationRequestView, PublicationState } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findRequestForUpdate,
  insertPublicationRequest,
  listLatestRequests,
  listPendingRequests,
  markRequestDecided,
  supersedePendingRequest,
} from './publishing.queries.ts';

type Trx = Transaction<Database>;
type Proposer = { userId: string; organisationId: string };

/**
 * What a kind of public content plugs into the approval mechanism. The content's own module builds it (it knows
 * its content); app.ts hands the kinds to {@link registerPublishingRoutes}, so this module never imports them.
 */
export type PublishableKind = {
  kind: ContentKind;
  /** The URL segment of the kind's approval routes: `/api/approvals/<path>`. */
  path: string;
  /** Who may approve or reject this kind. */
  permission: Permission;
  /** The proposal as an approver reads it: a title and the changed fields. Never shows a secret value. */
  describe: (db: Db, proposal: { contentId: string; content: unknown }) => Promise<{ title: string; isNew: boolean; changes: FieldChange[] }>;
  /** Makes the proposal the public version, inside the approval's transaction; throws an AppError when it no longer can. */
  apply: (trx: Trx, proposal: { contentId: string; content: unknown; now: Date }) => Promise<void>;
};

/**
 * Records a proposed version of an item inside the caller's transaction (the change that proposes it). A pending
 * proposal of the same item is superseded: the newer one holds the proposer's latest intent.
 */
export async function proposePublication(
  trx: Trx,
  input: { kind: ContentKind; contentId: string; organisationId: string; content: unknown; proposer: Proposer; now: Date },
): Promise<string> {
  const { kind, contentId, proposer, now } = input;
  const supersededId = await supersedePendingRequest(trx, { kind, contentId, now });
  const id = await insertPublicationRequest(trx, { kind, contentId, organisationId: input.organisationId, content: input.content, proposedByUserId: proposer.userId, now });
  await appendAuditEntryBy(trx, proposer, {
    occurredAt: now,
    action: 'publication.propose',
    objectType: 'publication_request',
    objectId: id,
    details: { kind, contentId, supersededRequestId: supersededId ?? null },
  });
  return id;
}

/** Pending proposals of one kind, oldest first, each with its readable diff against the public version. */
export async function listPendingPublications(input: { db: Db; publishable: PublishableKind }): Promise<PublicationRequestView[]> {
  const { db, publishable } = input;
  const rows = await listPendingRequests(db, publishable.kind);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      contentKind: publishable.kind,
      contentId: row.content_id,
      organisationName: row.organisation_name,
      proposedByName: row.proposed_by_name,
      proposedAt: row.proposed_at.toISOString(),
      ...(await publishable.describe(db, { contentId: row.content_id, content: row.proposed_content })),
    })),
  );
}

/**
 * Publishes a proposal: the kind applies it to the live item, the request is marked approved and the decision is
 * audited, in one transaction. The approver must be another person than the proposer.
 */
export async function approvePublication(input: { db: Db; clock: Clock; actor: Proposer; publishable: PublishableKind; requestId: string }): Promise<PublicationDecision> {
  const { actor, publishable } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const request = await getPendingRequest(trx, { kind: publishable.kind, requestId: input.requestId });
    if (request.proposed_by_user_id === actor.userId) throw new AppError('approval_by_proposer');
    await publishable.apply(trx, { contentId: request.content_id, content: request.proposed_content, now });
    await markRequestDecided(trx, { requestId: request.id, status: 'approved', decidedByUserId: actor.userId, now, rejectionReason: null });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'publication.approve',
      objectType: 'publication_request',
      objectId: request.id,
      details: { kind: publishable.kind, contentId: request.content_id },
    });
  });
  return { id: input.requestId, status: 'approved', decidedAt: now.toISOString() };
}

/** Refuses a proposal with a reason the proposer sees; the public version stays as it is. */
export async function rejectPublication(input: {
  db: Db;
  clock: Clock;
  actor: Proposer;
  publishable: PublishableKind;
  requestId: string;
  reason: string;
}): Promise<PublicationDecision> {
  const { actor, publishable } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const request = await getPendingRequest(trx, { kind: publishable.kind, requestId: input.requestId });
    await markRequestDecided(trx, { requestId: request.id, status: 'rejected', decidedByUserId: actor.userId, now, rejectionReason: input.reason });
    // The reason is free text: it stays in the request, not in the audit log.
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'publication.reject',
      objectType: 'publication_request',
      objectId: request.id,
      details: { kind: publishable.kind, contentId: request.content_id },
    });
  });
  return { id: input.requestId, status: 'rejected', decidedAt: now.toISOString() };
}

async function getPendingRequest(trx: Trx, input: { kind: ContentKind; requestId: string }) {
  const request = await findRequestForUpdate(trx, input);
  if (!request) throw new AppError('not_found');
  if (request.status !== 'pending') throw new AppError('publication_request_closed');
  return request;
}

/**
 * Where each item stands, for its owner: its publication state and, while a proposal is pending or was rejected,
 * that proposal's content (what the owner works on). Items never proposed (loaded live) are `published`.
 */
export async function readPublicationStates(
  db: Db,
  input: { kind: ContentKind; items: readonly { contentId: string; isLive: boolean }[] },
): Promise<Map<string, { publication: PublicationState; workingContent: unknown }>> {
  const latest = new Map((await listLatestRequests(db, { kind: input.kind, contentIds: input.items.map((item) => item.contentId) })).map((row) => [row.content_id, row]));
  return new Map(
    input.items.map(({ contentId, isLive }) => {
      const row = latest.get(contentId);
      const isOpen = row !== undefined && (row.status === 'pending' || row.status === 'rejected');
      const publication: PublicationState = {
        state: isOpen ? (row.status as 'pending' | 'rejected') : 'published',
        isLive,
        rejectionReason: row?.status === 'rejected' ? row.rejection_reason : null,
        changedAt: row ? (row.decided_at ?? row.proposed_at).toISOString() : null,
      };
      return [contentId, { publication, workingContent: isOpen ? row.proposed_content : undefined }];
    }),
  );
}
