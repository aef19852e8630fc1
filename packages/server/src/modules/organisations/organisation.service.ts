import {
  OrganisationKind,
  type CreateOrganisationAdminRequest,
  type CreateOrganisationRequest,
  type CreateUserResponse,
  type PlatformOrganisation,
  type UpdateOrganisationRequest,
} from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { createUserWithMembership } from '../users/index.ts';
import {
  endSessionsOfOrganisation,
  findOrganisation,
  insertOrganisation,
  listOrganisations as listOrganisationRows,
  updateOrganisation as updateOrganisationRow,
  type OrganisationRow,
} from './organisation.queries.ts';

const danishOrder = new Intl.Collator('da');

function toPlatformOrganisation(row: OrganisationRow): PlatformOrganisation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: OrganisationKind.parse(row.kind),
    municipalityCode: row.municipality_code,
    isActive: row.is_active,
    isLocalLoginEnabled: row.is_local_login_enabled,
    userCount: row.user_count,
  };
}

/** Settings and head-counts only: a platform admin reads no case content. */
export async function listOrganisations(input: { db: Db }): Promise<PlatformOrganisation[]> {
  const rows = await listOrganisationRows(input.db);
  return rows.map(toPlatformOrganisation).sort((a, b) => danishOrder.compare(a.name, b.name));
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
    return toPlatformOrganisation(updated);
  });
}

/** The organisation's first admin, who then makes its other users. */
export async function createOrganisationAdmin(input: {
  db: Db;
  clock: Clock;
  actor: Actor;
  organisationId: string;
  request: CreateOrganisationAdminRequest;
}): Promise<CreateUserResponse> {
  const organisation = await getOrganisation(input.db, input.organisationId);
  return createUserWithMembership({
    db: input.db,
    clock: input.clock,
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisationId,
    organisationId: organisation.id,
    request: { email: input.request.email, displayName: input.request.displayName, role: 'organisation_admin' },
  });
}

async function getOrganisation(db: Db, organisationId: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, organisationId);
  if (!row) throw new AppError('not_found');
  return row;
}
