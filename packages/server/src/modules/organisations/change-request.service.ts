import {
  AdminChangeKind,
  AdminChangeStatus,
  type AdminChangeDecision,
  type AdminChangeRequest,
  type CreateOrganisationAdminRequest,
  type CreateUserResponse,
  type OidcProviderSettings,
  type PendingAdminChange,
  type PutOidcProviderRequest,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { AppConfig } from '../../platform/app-deps.ts';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { enqueueMessage } from '../messages/index.ts';
import { checkOidcProviderRequest, saveOidcProviderSettings, toOidcProviderView, type OidcProviderChange } from '../oidc/index.ts';
import { createInitialPasswordHash, insertUserWithMembership } from '../users/index.ts';
import {
  decideChangeRequest,
  findChangeRequestForDecision,
  insertChangeRequest,
  listActiveAdmins,
  listChangeRequestsOfOrganisation,
  lockOrganisation,
  type ChangeRequestRow,
} from './change-request.queries.ts';
import { requestedMessage } from './change-request.text.ts';

type Deps = { db: Db; clock: Clock; cipher: FieldCipher; config: AppConfig };
type Requested = { status: 'pending'; request: PendingAdminChange };

/** What a request carries, encrypted at rest: the proposed admin, or the proposed provider (its secret encrypted too). */
type Payload = { admin?: CreateOrganisationAdminRequest; provider?: OidcProviderChange };

const LIST_LIMIT = 100;

/**
 * The platform admin makes an organisation admin. For an organisation without an active admin of its own this is its
 * first admin, made at once (the initial password is answered once). Otherwise it becomes a request that takes effect
 * only when one of the organisation's own admins approves it: the platform operator alone cannot give itself a way
 * into an organisation's referrals. The organisation's admins are told by message; everything is audited.
 */
export async function requestOrganisationAdmin(
  input: Deps & { actor: Actor; organisationId: string; request: CreateOrganisationAdminRequest },
): Promise<{ status: 'created'; created: CreateUserResponse } | Requested> {
  const { actor, organisationId } = input;
  const password = await createInitialPasswordHash();
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const admins = await getAdminsLocked(trx, organisationId);
    if (admins.length === 0) {
      const request = { email: input.request.email, displayName: input.request.displayName, role: 'organisation_admin' as const };
      const user = await insertUserWithMembership(trx, { actorUserId: actor.userId, actorOrganisationId: actor.organisationId, organisationId, request, passwordHash: password.passwordHash, now });
      return { status: 'created' as const, created: { user, initialPassword: password.initialPassword } };
    }
    return { status: 'pending' as const, request: await createRequest(trx, { ...input, now, admins, kind: 'organisation_admin', payload: { admin: input.request } }) };
  });
}

/**
 * The platform admin sets an organisation's identity provider: at once for an organisation without an active admin of
 * its own, otherwise as a request one of its admins must approve (whoever controls the provider controls sign-in).
 */
export async function requestOidcProviderChange(
  input: Deps & { actor: Actor; organisationId: string; request: PutOidcProviderRequest },
): Promise<{ status: 'saved'; settings: OidcProviderSettings } | Requested> {
  const { actor, organisationId, request, cipher } = input;
  checkOidcProviderRequest(input.config, request);
  const { clientSecret, ...rest } = request;
  const change: OidcProviderChange = { ...rest, clientSecretEnc: clientSecret === undefined ? undefined : cipher.encrypt(clientSecret) };
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const admins = await getAdminsLocked(trx, organisationId);
    if (admins.length === 0) {
      const saved = await saveOidcProviderSettings(trx, { now, actor, organisationId, change });
      return { status: 'saved' as const, settings: toOidcProviderView(saved, input.config) };
    }
    return { status: 'pending' as const, request: await createRequest(trx, { ...input, now, admins, kind: 'oidc_provider', payload: { provider: change } }) };
  });
}

async function getAdminsLocked(trx: Transaction<Database>, organisationId: string) {
  if (!(await lockOrganisation(trx, organisationId))) throw new AppError('not_found');
  return listActiveAdmins(trx, organisationId);
}

async function createRequest(
  trx: Transaction<Database>,
  input: { cipher: FieldCipher; actor: Actor; organisationId: string; now: Date; admins: { userId: string; email: string }[]; kind: AdminChangeKind; payload: Payload },
): Promise<PendingAdminChange> {
  const { cipher, actor, now } = input;
  const row = await insertChangeRequest(trx, {
    organisationId: input.organisationId,
    kind: input.kind,
    payloadEnc: cipher.encrypt(JSON.stringify(input.payload)),
    requestedByUserId: actor.userId,
    now,
  });
  // Every admin of the organisation hears of it, so a request nobody expected is noticed (and rejected).
  for (const admin of input.admins) await enqueueMessage(trx, { cipher, now, message: { ...requestedMessage(input.kind), channel: 'email', to: admin.email } });
  await appendAuditEntryBy(trx, actor, {
    occurredAt: now,
    action: 'admin_change_request.create',
    objectType: 'organisation',
    objectId: input.organisationId,
    details: { requestId: row.id, kind: input.kind, notifiedAdmins: input.admins.length },
  });
  return { id: row.id, kind: AdminChangeKind.parse(row.kind), requestedAt: row.requested_at.toISOString() };
}

/** The organisation's own requests, for its admins to decide: what is proposed, but never a provider's secret. */
export async function listChangeRequests(input: { db: Db; cipher: FieldCipher; actor: Actor }): Promise<AdminChangeRequest[]> {
  const rows = await listChangeRequestsOfOrganisation(input.db, input.actor.organisationId, LIST_LIMIT);
  return rows.map((row) => toChangeRequest(row, input.cipher));
}

function readPayload(row: ChangeRequestRow, cipher: FieldCipher): Payload {
  return JSON.parse(cipher.decrypt(row.payload_enc)) as Payload;
}

function toChangeRequest(row: ChangeRequestRow, cipher: FieldCipher): AdminChangeRequest {
  const payload = readPayload(row, cipher);
  const provider = payload.provider;
  return {
    id: row.id,
    kind: AdminChangeKind.parse(row.kind),
    status: AdminChangeStatus.parse(row.status),
    requestedAt: row.requested_at.toISOString(),
    requestedByName: row.requested_by_name,
    admin: payload.admin ? { email: payload.admin.email, displayName: payload.admin.displayName } : null,
    provider: provider
      ? { issuer: provider.issuer, clientId: provider.clientId, displayName: provider.displayName, isEnabled: provider.isEnabled, isSecretChanged: provider.clientSecretEnc !== undefined }
      : null,
  };
}

/**
 * One of the organisation's own admins approves: the admin is made (its initial password answered once, to the
 * approver, who hands it over) or the provider is set, in the same transaction as the decision and its audit entry.
 */
export async function approveChangeRequest(input: Deps & { actor: Actor; requestId: string }): Promise<AdminChangeDecision> {
  const { actor, cipher } = input;
  const password = await createInitialPasswordHash();
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const row = await getPendingRequest(trx, actor, input.requestId);
    const payload = readPayload(row, cipher);
    const auditDetails = { changeRequestId: row.id };
    let createdAdmin: CreateUserResponse | null = null;
    if (payload.admin) {
      const request = { email: payload.admin.email, displayName: payload.admin.displayName, role: 'organisation_admin' as const };
      const user = await insertUserWithMembership(trx, { actorUserId: actor.userId, actorOrganisationId: actor.organisationId, organisationId: actor.organisationId, request, passwordHash: password.passwordHash, now, auditDetails });
      createdAdmin = { user, initialPassword: password.initialPassword };
    } else if (payload.provider) {
      await saveOidcProviderSettings(trx, { now, actor, organisationId: actor.organisationId, change: payload.provider, auditDetails });
    }
    return { request: await decide(trx, { row, actor, now, status: 'approved', cipher }), createdAdmin };
  });
}

/** One of the organisation's own admins rejects the request: nothing changes but the request, audited. */
export async function rejectChangeRequest(input: Deps & { actor: Actor; requestId: string }): Promise<AdminChangeDecision> {
  const { actor } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const row = await getPendingRequest(trx, actor, input.requestId);
    return { request: await decide(trx, { row, actor, now, status: 'rejected', cipher: input.cipher }), createdAdmin: null };
  });
}

async function getPendingRequest(trx: Transaction<Database>, actor: Actor, requestId: string): Promise<ChangeRequestRow> {
  const row = await findChangeRequestForDecision(trx, { organisationId: actor.organisationId, requestId });
  if (!row) throw new AppError('not_found');
  if (row.status !== 'pending') throw new AppError('change_request_closed');
  return row;
}

async function decide(
  trx: Transaction<Database>,
  input: { row: ChangeRequestRow; actor: Actor; now: Date; status: 'approved' | 'rejected'; cipher: FieldCipher },
): Promise<AdminChangeRequest> {
  const { row, actor, now, status } = input;
  await decideChangeRequest(trx, { requestId: row.id, status, decidedByUserId: actor.userId, now });
  await appendAuditEntryBy(trx, actor, {
    occurredAt: now,
    action: status === 'approved' ? 'admin_change_request.approve' : 'admin_change_request.reject',
    objectType: 'organisation',
    objectId: row.organisation_id,
    details: { requestId: row.id, kind: row.kind },
  });
  return toChangeRequest({ ...row, status }, input.cipher);
}
