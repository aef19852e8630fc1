import { CreateHelpServiceRequest, type ChangeValue, type FieldChange } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import type { PublishableKind } from '../publishing/index.ts';
import {
  bumpDirectoryVersion,
  findDirectoryService,
  findListingOfReferralService,
  findServiceName,
  isOwnReferralService,
  listOwnDirectoryLocations,
  replaceDirectoryLocations,
  updateDirectoryService,
} from './directory.queries.ts';
import { fromStoredProposal, isCapacityChanged, toLocationValues, toRequestShape, toServiceValues } from './listing-shape.ts';

/**
 * Directory listings in the approval mechanism (modules/publishing): a new or changed listing is a proposal until
 * a directory approver (`directory:approve`, another person) approves it; approving writes it to the live listing.
 */
export function createDirectoryListingPublishing(deps: { cipher: FieldCipher }): PublishableKind {
  const { cipher } = deps;
  return {
    kind: 'directory_listing',
    path: 'directory-listings',
    permission: 'directory:approve',
    describe: async (db, proposal) => describeListingProposal(db, { ...proposal, cipher }),
    apply: async (trx, proposal) => applyListingProposal(trx, { ...proposal, cipher }),
  };
}

/** A listing may point to one of its own organisation's referral services, and only one listing to each. */
export async function checkReferralServiceLink(db: Db, input: { referralServiceId: string | null; organisationId: string; exceptServiceId?: string }) {
  if (input.referralServiceId === null) return;
  if (!(await isOwnReferralService(db, { referralServiceId: input.referralServiceId, organisationId: input.organisationId }))) {
    throw new AppError('validation_failed', [{ path: 'body.referralServiceId', message: 'unknown_service' }]);
  }
  const existing = await findListingOfReferralService(db, {
    referralServiceId: input.referralServiceId,
    ...(input.exceptServiceId ? { exceptServiceId: input.exceptServiceId } : {}),
  });
  if (existing) throw new AppError('validation_failed', [{ path: 'body.referralServiceId', message: 'already_listed' }]);
}

async function applyListingProposal(trx: Transaction<Database>, input: { contentId: string; content: unknown; now: Date; cipher: FieldCipher }): Promise<void> {
  const { now, cipher } = input;
  const row = await findDirectoryService(trx, { serviceId: input.contentId, isForUpdate: true });
  if (!row) throw new AppError('not_found');
  const request = fromStoredProposal(input.content, cipher);
  await checkReferralServiceLink(trx, { referralServiceId: request.referralServiceId ?? null, organisationId: row.organisation_id, exceptServiceId: row.id });
  const values = toServiceValues({
    request,
    organisationId: row.organisation_id,
    now,
    lastCheckedAt: row.last_checked_at,
    capacityUpdatedAt: request.capacity ? (isCapacityChanged(request, row) ? now : row.capacity_updated_at) : null,
    // First approval: the listing goes public now.
    publishedAt: row.published_at ?? now,
  });
  // Another listing may have taken the slug since the proposal was made.
  if (!(await updateDirectoryService(trx, row.id, values))) throw new AppError('slug_taken');
  const locations = await listOwnDirectoryLocations(trx, row.id);
  const live = CreateHelpServiceRequest.safeParse(toRequestShape(row, locations, cipher));
  // Locations are replaced only when they changed, so unchanged ones keep their ids (the HSDS API's location ids).
  if (!live.success || JSON.stringify(live.data.locations) !== JSON.stringify(request.locations)) {
    await replaceDirectoryLocations(trx, row.id, toLocationValues(request.locations, cipher));
  }
  await bumpDirectoryVersion(trx);
}

/** The approver's view: every field that differs from the public version (all fields for a new listing). */
async function describeListingProposal(db: Db, input: { contentId: string; content: unknown; cipher: FieldCipher }) {
  const { cipher } = input;
  const proposal = fromStoredProposal(input.content, cipher);
  const row = await findDirectoryService(db, { serviceId: input.contentId });
  const isNew = !row?.published_at;
  const current = row && !isNew ? CreateHelpServiceRequest.safeParse(toRequestShape(row, await listOwnDirectoryLocations(db, row.id), cipher)).data : undefined;
  const withServiceName = async (request: CreateHelpServiceRequest | undefined) =>
    request && { ...request, referralServiceId: request.referralServiceId ? ((await findServiceName(db, request.referralServiceId)) ?? null) : null };
  const changes = diffFields(flatten(await withServiceName(current)), flatten(await withServiceName(proposal)));
  return { title: proposal.nameDa, isNew, changes };
}

type Leaf = { value: ChangeValue; comparable: string };

/**
 * The content as leaf fields (`nameDa`, `schedule.isOpen24Hours`, `locations.0.city` …): what a person can read
 * side by side. A secret address is compared but never shown: the approver reads only that it changed.
 */
function flatten(content: object | undefined, prefix = '', leaves = new Map<string, Leaf>()): Map<string, Leaf> {
  for (const [key, raw] of Object.entries(content ?? {})) {
    const path = prefix + key;
    if (key === 'confidentialAddress') leaves.set(path, { value: raw ? { isSecret: true } : null, comparable: JSON.stringify(raw ?? null) });
    else if (Array.isArray(raw) && raw.some((item) => typeof item === 'object' && item !== null)) raw.forEach((item: object, index) => flatten(item, `${path}.${index}.`, leaves));
    else if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) flatten(raw, `${path}.`, leaves);
    else leaves.set(path, { value: (raw ?? null) as ChangeValue, comparable: JSON.stringify(raw ?? null) });
  }
  return leaves;
}

function diffFields(current: Map<string, Leaf>, proposed: Map<string, Leaf>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of new Set([...proposed.keys(), ...current.keys()])) {
    const before = current.get(field);
    const after = proposed.get(field);
    if ((before?.comparable ?? 'null') === (after?.comparable ?? 'null')) continue;
    changes.push({ field, current: before?.value ?? null, proposed: after?.value ?? null });
  }
  return changes;
}
