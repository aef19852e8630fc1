import { CreateHelpServiceRequest, isCheckDue, type HelpService, type HelpServiceSummary, type PublicationState, type UpdateHelpServiceRequest } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { proposePublication, readPublicationStates } from '../publishing/index.ts';
import {
  bumpDirectoryVersion,
  findOwnDirectoryService,
  insertDirectoryService,
  isSlugTaken,
  listOwnDirectoryLocations,
  listOwnDirectoryServices,
  markDirectoryServiceChecked,
  replaceDirectoryLocations,
  withdrawLocationAddresses,
} from './directory.queries.ts';
import { checkReferralServiceLink } from './listing-publication.service.ts';
import {
  fromStoredProposal,
  ProposalSummary,
  toHelpService,
  toLocationValues,
  toProposedRows,
  toRequestShape,
  toServiceValues,
  toStoredProposal,
  type ListingRow,
} from './listing-shape.ts';

type Trx = Transaction<Database>;

/**
 * Staff admin use cases: organisation admins maintain their own organisation's listings. A new or changed listing
 * is a proposal (modules/publishing) until a directory approver, another person, approves it: until then the public
 * sees the last approved version, or nothing for a new listing. The admin keeps working on the proposal.
 */

export async function listHelpServices(input: { db: Db; clock: Clock; actor: Actor }): Promise<HelpServiceSummary[]> {
  const now = input.clock.now();
  const rows = await listOwnDirectoryServices(input.db, input.actor.organisationId);
  const states = await readPublicationStates(input.db, { kind: 'directory_listing', items: rows.map((row) => ({ contentId: row.id, isLive: row.published_at !== null })) });
  return rows.map((row) => {
    const state = states.get(row.id);
    // While a proposal is open, the list shows what the admin works on: the proposal's name, status and groups.
    const proposal = state?.workingContent === undefined ? undefined : ProposalSummary.parse(state.workingContent);
    return {
      id: row.id,
      slug: proposal?.slug ?? row.slug,
      status: proposal?.status ?? ProposalSummary.shape.status.parse(row.status),
      nameDa: proposal?.nameDa ?? row.name_da,
      nameEn: proposal?.nameEn ?? row.name_en,
      targetGroups: proposal?.targetGroups ?? ProposalSummary.shape.targetGroups.parse(row.target_groups),
      channels: proposal?.channels ?? ProposalSummary.shape.channels.parse(row.channels),
      lastCheckedAt: row.last_checked_at.toISOString(),
      isCheckDue: isCheckDue(row.last_checked_at, now),
      publication: state?.publication ?? publishedLive(row.published_at !== null),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

/** Another organisation's service answers 404, exactly like a service that does not exist. */
export async function getHelpService(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; serviceId: string }): Promise<HelpService> {
  return readOwnHelpService(input.db, { ...input, organisationId: input.actor.organisationId });
}

/** A new listing: stored, but not public anywhere until its proposal is approved. */
export async function createHelpService(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; request: CreateHelpServiceRequest }): Promise<HelpService> {
  const { actor, request, cipher } = input;
  const now = input.clock.now();
  const serviceId = await input.db.transaction().execute(async (trx) => {
    const id = await insertHelpService(trx, { request, organisationId: actor.organisationId, now, cipher, publishedAt: null });
    await proposePublication(trx, { kind: 'directory_listing', contentId: id, organisationId: actor.organisationId, content: toStoredProposal(request, cipher), proposer: actor, now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'directory_service.create',
      objectType: 'directory_service',
      objectId: id,
      details: { status: request.status, locations: request.locations.length, confidentialLocations: request.locations.filter((location) => location.isConfidential).length },
    });
    return id;
  });
  return readOwnHelpService(input.db, { ...input, serviceId, organisationId: actor.organisationId });
}

/**
 * Adds a listing for an organisation inside the caller's transaction (which also writes the audit entry). Used by
 * the admin API (not yet published: `publishedAt` null) and by the demo loader and tests (loaded live directly).
 * Throws a 422 when the slug is taken or the referral link is not allowed. Without a cipher (the demo) a location's
 * secret address cannot be stored, and one given is refused.
 */
export async function insertHelpService(
  trx: Trx,
  input: { request: CreateHelpServiceRequest; organisationId: string; now: Date; cipher: FieldCipher | undefined; publishedAt: Date | null },
): Promise<string> {
  const { request, organisationId, now } = input;
  await checkReferralServiceLink(trx, { referralServiceId: request.referralServiceId ?? null, organisationId });
  const values = toServiceValues({ request, organisationId, now, lastCheckedAt: now, capacityUpdatedAt: request.capacity ? now : null, publishedAt: input.publishedAt });
  const id = await insertDirectoryService(trx, { ...values, created_at: now });
  if (!id) throw new AppError('validation_failed', [{ path: 'body.slug', message: 'slug_taken' }]);
  await replaceDirectoryLocations(trx, id, toLocationValues(request.locations, input.cipher));
  await bumpDirectoryVersion(trx);
  return id;
}

/**
 * Proposes a change: the given fields are applied to what the admin works on (an open proposal, or else the public
 * version) and the result is validated as a whole, so a partial update cannot produce an invalid listing (e.g. a
 * regional service with no municipalities). Lists are replaced as a whole. The live listing is not touched.
 */
export async function updateHelpService(input: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  serviceId: string;
  request: UpdateHelpServiceRequest;
}): Promise<HelpService> {
  const { actor, cipher } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { serviceId: input.serviceId, organisationId: actor.organisationId, isForUpdate: true });
    const working = await readWorkingRequest(trx, current, cipher);
    const request = mergeUpdate(working, input.request);
    if (await isSlugTaken(trx, { slug: request.slug, exceptServiceId: current.id })) throw new AppError('validation_failed', [{ path: 'body.slug', message: 'slug_taken' }]);
    if (input.request.referralServiceId !== undefined) {
      await checkReferralServiceLink(trx, { referralServiceId: request.referralServiceId ?? null, organisationId: actor.organisationId, exceptServiceId: current.id });
    }
    await proposePublication(trx, { kind: 'directory_listing', contentId: current.id, organisationId: actor.organisationId, content: toStoredProposal(request, cipher), proposer: actor, now });
    const withdrawn = await withdrawAddressesAtOnce(trx, current.id, request);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'directory_service.update',
      objectType: 'directory_service',
      objectId: current.id,
      // Field names only: which parts changed, never their text.
      details: { fields: Object.keys(input.request).sort().join(','), fromStatus: String(working.status), toStatus: request.status, withdrawnAddresses: withdrawn },
    });
  });
  return readOwnHelpService(input.db, { ...input, organisationId: actor.organisationId });
}

/**
 * The one change that does not wait for approval: a public street address the proposal no longer shows publicly
 * (typically a shelter's address made confidential after it was published by mistake) leaves the public listing
 * now. Only information is taken away, so there is nothing for an approver to check; the rest waits as proposed.
 */
async function withdrawAddressesAtOnce(trx: Trx, serviceId: string, proposal: CreateHelpServiceRequest): Promise<number> {
  const stillPublic = new Set(proposal.locations.filter((location) => !location.isConfidential && location.addressLine).map((location) => location.addressLine));
  const live = await listOwnDirectoryLocations(trx, serviceId);
  const withdrawn = live.filter((location) => !location.is_confidential && location.address_line !== null && !stillPublic.has(location.address_line)).map((location) => location.id);
  if (withdrawn.length === 0) return 0;
  await withdrawLocationAddresses(trx, withdrawn);
  await bumpDirectoryVersion(trx);
  return withdrawn.length;
}

function mergeUpdate(working: Record<string, unknown>, update: UpdateHelpServiceRequest): CreateHelpServiceRequest {
  const merged = CreateHelpServiceRequest.safeParse({ ...working, ...update });
  if (!merged.success) {
    throw new AppError(
      'validation_failed',
      merged.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
    );
  }
  return merged.data;
}

/**
 * The organisation confirms the listing is still right (HSDS assured_date); this stops the reminders. It changes
 * no content, so it needs no approval.
 */
export async function markHelpServiceChecked(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; serviceId: string }): Promise<HelpService> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { serviceId: input.serviceId, organisationId: actor.organisationId, isForUpdate: true });
    await markDirectoryServiceChecked(trx, { serviceId: current.id, now });
    // The directory's version moves on (every app process reloads its public copy), then the change is audited, last.
    await bumpDirectoryVersion(trx);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'directory_service.mark_checked',
      objectType: 'directory_service',
      objectId: current.id,
      details: { previousCheckAt: current.last_checked_at.toISOString() },
    });
  });
  return readOwnHelpService(input.db, { ...input, organisationId: actor.organisationId });
}

async function getOwnRow(db: Db, input: { serviceId: string; organisationId: string; isForUpdate?: boolean }): Promise<ListingRow> {
  const row = await findOwnDirectoryService(db, input);
  if (!row) throw new AppError('not_found');
  return row;
}

/** A listing that never went through approval (loaded live, or from before approvals): public as it is. */
function publishedLive(isLive: boolean): PublicationState {
  return { state: 'published', isLive, rejectionReason: null, changedAt: null };
}

/** What the admin works on, in the shape of a create request: an open proposal, or else the stored listing. */
async function readWorkingRequest(db: Db, row: ListingRow, cipher: FieldCipher): Promise<Record<string, unknown>> {
  const state = (await readPublicationStates(db, { kind: 'directory_listing', items: [{ contentId: row.id, isLive: row.published_at !== null }] })).get(row.id);
  if (state?.workingContent !== undefined) return fromStoredProposal(state.workingContent, cipher);
  return toRequestShape(row, await listOwnDirectoryLocations(db, row.id), cipher);
}

async function readOwnHelpService(db: Db, input: { clock: Clock; cipher: FieldCipher; serviceId: string; organisationId: string }): Promise<HelpService> {
  const row = await getOwnRow(db, input);
  const locations = await listOwnDirectoryLocations(db, row.id);
  const state = (await readPublicationStates(db, { kind: 'directory_listing', items: [{ contentId: row.id, isLive: row.published_at !== null }] })).get(row.id);
  const publication = state?.publication ?? publishedLive(row.published_at !== null);
  if (state?.workingContent === undefined) return toHelpService(row, locations, input.cipher, input.clock.now(), publication);
  const proposal = fromStoredProposal(state.workingContent, input.cipher);
  const proposedAt = new Date(publication.changedAt ?? row.updated_at);
  const proposed = toProposedRows({ row, locations, proposal, proposedAt, cipher: input.cipher });
  return toHelpService(proposed.row, proposed.locations, input.cipher, input.clock.now(), publication);
}
