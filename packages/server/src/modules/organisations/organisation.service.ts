import {
  AdminChangeKind,
  OrganisationKind,
  type CreateOrganisationRequest,
  type PendingAdminChange,
  type PlatformOrganisation,
  type UpdateOrganisationRequest,
} from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { listPendingChangeRequests } from './change-request.queries.ts';
import {
  endSessionsOfOrganisation,
  findOrganisation,
  insertOrganisation,
  listOrganisations as listOrganisationRows,
  updateOrganisation as updateOrganisationRow,
  type OrganisationRow,
} from './organisation.queries.ts';

const danishOrder = new Intl.Collator('da');

function toPlatformOrganisation(row: OrganisationRow, pendingChanges: PendingAdminChange[] = []): PlatformOrganisation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: OrganisationKind.parse(row.kind),
    municipalityCode: row.municipality_code,
    isActive: row.is_active,
    isLocalLoginEnabled: row.is_local_login_enabled,
    userCount: row.user_count,
    pendingChanges,
  };
}

/** Each organisation's changes waiting for its own admins: kind and time only. */
async function listPendingChanges(db: Db): Promise<Map<string, PendingAdminChange[]>> {
  const byOrganisation = new Map<string, PendingAdminChange[]>();
  for (const request of await listPendingChangeRequests(db)) {
    const list = byOrganisation.get(request.organisation_id) ?? [];
    list.push({ id: request.id, kind: AdminChangeKind.parse(request.kind), requestedAt: request.requested_at.toISOString() });
    byOrganisation.set(request.organisation_id, list);
  }
  return byOrganisation;
}

/** Settings and head-counts only: a platform admin reads no case content. */
export async function listOrganisations(input: { db: Db }): Promise<PlatformOrganisation[]> {
  const rows = await listOrganisationRows(input.db);
  const pending = await listPendingChanges(input.db);
  return rows.map((row) => toPlatformOrganisation(row, pending.get(row.id))).sort((a, b) => danishOrder.compare(a.name, b.name));
}

export async function createOrganisation(input: { db: Db; clock: Clock; actor: Actor; request: CreateOrganisationRequest }): Promise<PlatformOrganisation> {
  const { actor, request } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const organisationId = await insertOrganisation(trx, {
      slug: request.slug,
      name: request.name,
      kind: request.kind,
      municipalityCode: request.municipalityCode ?? null,
    });
    if (!organisationId) throw new AppError('slug_taken');
    const created = await getOrganisation(trx, organisationId);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'organisation.create',
      objectType: 'organisation',
      objectId: organisationId,
      details: { kind: request.kind, municipalityCode: request.municipalityCode ?? null },
    });
    return toPlatformOrganisation(created);
  });
}

/**
 * Deactivating an organisation ends its users' sessions at once; turning local login off ends the sessions
 * that were signed in with a password, so they must come back through the identity provider.
 */
export async function updateOrganisation(input: {
  db: Db;
  clock: Clock;
  actor: Actor;
  organisationId: string;
  request: UpdateOrganisationRequest;
}): Promise<PlatformOrganisation> {
  const { actor, request } = input;
  // Deactivating the platform operator's own organisation would lock every platform admin out.
  if (input.organisationId === actor.organisationId && request.isActive === false) throw new AppError('conflict');
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const current = await getOrganisation(trx, input.organisationId);
    await updateOrganisationRow(trx, { organisationId: current.id, ...request, now });
    let endedSessions = 0;
    if (current.is_active && request.isActive === false) {
      endedSessions += await endSessionsOfOrganisation(trx, { organisationId: current.id, now });
    } else if (current.is_local_login_enabled && request.isLocalLoginEnabled === false) {
      endedSessions += await endSessionsOfOrganisation(trx, { organisationId: current.id, now, authMethod: 'password' });
    }
    const updated = await getOrganisation(trx, current.id);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'organisation.update',
      objectType: 'organisation',
      objectId: current.id,
      details: {
        isNameChanged: updated.name !== current.name,
        fromIsActive: current.is_active,
        toIsActive: updated.is_active,
        fromIsLocalLoginEnabled: current.is_local_login_enabled,
        toIsLocalLoginEnabled: updated.is_local_login_enabled,
        endedSessions,
      },
    });
    return toPlatformOrganisation(updated, (await listPendingChanges(trx)).get(updated.id));
  });
}

async function getOrganisation(db: Db, organisationId: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, organisationId);
  if (!row) throw new AppError('not_found');
  return row;
}
