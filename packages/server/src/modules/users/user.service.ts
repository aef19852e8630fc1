import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Role, ServiceLine, type AdminUser, type CreateUserRequest, type CreateUserResponse, type Unit, type UpdateUserRequest } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry, appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { endAllSessionsOfUser } from '../../platform/auth/session.queries.ts';
import { announceSessionsEnded, type LiveUpdates } from '../../platform/live-updates.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { forgetSignInAddressFailures } from '../auth/index.ts';
import {
  clearTotp,
  findOrganisationUser,
  insertMembership,
  insertUnit,
  insertUser,
  isUnitOfOrganisation,
  listOrganisationUsers,
  listUnits as listUnitRows,
  setUserActive,
  unlockUser as unlockUserRow,
  updateMembership,
  updateUserDisplayName,
  type OrganisationUserRow,
} from './user.queries.ts';

const danishOrder = new Intl.Collator('da');

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const INITIAL_PASSWORD_LENGTH = 20;

/** About 116 bits from the CSPRNG: shown once to the admin, stored only as an argon2id hash. */
function createInitialPassword(): string {
  let password = '';
  for (let index = 0; index < INITIAL_PASSWORD_LENGTH; index += 1) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

function toAdminUser(row: OrganisationUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: Role.parse(row.role),
    unitId: row.unit_id,
    unitName: row.unit_name,
    serviceLine: row.service_line === null ? null : ServiceLine.parse(row.service_line),
    isActive: row.is_active,
    isLocked: row.locked_at !== null,
    isTotpEnrolled: row.totp_enrolled_at !== null,
    lastSignedInAt: row.last_signed_in_at?.toISOString() ?? null,
  };
}

export async function listUsers(input: { db: Db; actor: Actor }): Promise<AdminUser[]> {
  const rows = await listOrganisationUsers(input.db, input.actor.organisationId);
  return rows.map(toAdminUser).sort((a, b) => danishOrder.compare(a.displayName, b.displayName) || danishOrder.compare(a.email, b.email));
}

export async function createUser(input: { db: Db; clock: Clock; actor: Actor; request: CreateUserRequest }): Promise<CreateUserResponse> {
  return createUserWithMembership({
    db: input.db,
    clock: input.clock,
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisationId,
    organisationId: input.actor.organisationId,
    request: input.request,
  });
}

/** Makes a user with a random initial password and one membership, in a transaction of its own. */
async function createUserWithMembership(input: NewMember & { db: Db; clock: Clock }): Promise<CreateUserResponse> {
  const password = await createInitialPasswordHash();
  const now = input.clock.now();
  const user = await input.db.transaction().execute((trx) => insertUserWithMembership(trx, { ...input, ...password, now }));
  return { user, initialPassword: password.initialPassword };
}

type NewMember = {
  actorUserId: string;
  actorOrganisationId: string;
  organisationId: string;
  request: Omit<CreateUserRequest, 'role'> & { role: Role };
};

/** A fresh initial password and its argon2id hash. Hash before a transaction: argon2 is slow on purpose. */
export async function createInitialPasswordHash(): Promise<{ initialPassword: string; passwordHash: string }> {
  const initialPassword = createInitialPassword();
  return { initialPassword, passwordHash: await hash(initialPassword) };
}

/** The user and membership in the caller's transaction, audited there (e.g. with the approval that made them). */
export async function insertUserWithMembership(
  trx: Transaction<Database>,
  input: NewMember & { passwordHash: string; now: Date; auditDetails?: Record<string, string | null> },
): Promise<AdminUser> {
  const { request } = input;
  const unitId = request.unitId ?? null;
  if (unitId !== null) await assertUnitOfOrganisation(trx, input.organisationId, unitId);
  const userId = await insertUser(trx, { email: request.email, displayName: request.displayName, passwordHash: input.passwordHash });
  if (!userId) throw new AppError('email_taken');
  const membershipId = await insertMembership(trx, {
    userId,
    organisationId: input.organisationId,
    role: request.role,
    unitId,
    serviceLine: request.serviceLine ?? null,
  });
  const created = await getOrganisationUser(trx, input.organisationId, userId);
  await appendAuditEntry(trx, {
    occurredAt: input.now,
    actorUserId: input.actorUserId,
    actorOrganisationId: input.actorOrganisationId,
    action: 'user.create',
    objectType: 'user',
    objectId: userId,
    details: { organisationId: input.organisationId, membershipId, role: request.role, unitId, serviceLine: request.serviceLine ?? null, ...input.auditDetails },
  });
  return toAdminUser(created);
}

/** Role changes apply from the user's next request: the session lookup reads the membership every time. */
export async function updateUser(input: { db: Db; clock: Clock; actor: Actor; userId: string; request: UpdateUserRequest }): Promise<AdminUser> {
  const { actor, request } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const current = await getOrganisationUser(trx, actor.organisationId, input.userId);
    // An admin who demoted themself could leave the organisation with nobody to manage it.
    if (current.id === actor.userId && request.role !== undefined && request.role !== current.role) throw new AppError('conflict');
    if (request.unitId) await assertUnitOfOrganisation(trx, actor.organisationId, request.unitId);
    if (request.displayName !== undefined && request.displayName !== current.display_name) {
      await updateUserDisplayName(trx, { userId: current.id, displayName: request.displayName, now });
    }
    await updateMembership(trx, { membershipId: current.membership_id, role: request.role, unitId: request.unitId, serviceLine: request.serviceLine });
    const updated = await getOrganisationUser(trx, actor.organisationId, input.userId);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'user.update',
      objectType: 'user',
      objectId: current.id,
      details: {
        membershipId: current.membership_id,
        isDisplayNameChanged: updated.display_name !== current.display_name,
        fromRole: current.role,
        toRole: updated.role,
        fromUnitId: current.unit_id,
        toUnitId: updated.unit_id,
        fromServiceLine: current.service_line,
        toServiceLine: updated.service_line,
      },
    });
    return toAdminUser(updated);
  });
}

/**
 * Ends every session of the user in the same transaction, so access stops at once (QUALITY.md #6), and after the
 * commit closes their open live-update streams on every app node.
 */
export async function deactivateUser(input: { db: Db; clock: Clock; liveUpdates: LiveUpdates; actor: Actor; userId: string }): Promise<AdminUser> {
  const { actor } = input;
  // An admin locking themself out could leave the organisation with nobody to manage it: its own problem code, so
  // the admin is told why rather than shown a "changed meanwhile" conflict.
  if (input.userId === actor.userId) throw new AppError('cannot_deactivate_self');
  const deactivated = await changeUser(input, 'user.deactivate', async (trx, userId, now) => {
    await setUserActive(trx, { userId, isActive: false, now });
    const endedSessions = await endAllSessionsOfUser(trx, userId, now);
    return { endedSessions };
  });
  await announceSessionsEnded(input.liveUpdates, deactivated.id);
  return deactivated;
}

export async function reactivateUser(input: { db: Db; clock: Clock; actor: Actor; userId: string }): Promise<AdminUser> {
  return changeUser(input, 'user.reactivate', async (trx, userId, now) => {
    await setUserActive(trx, { userId, isActive: true, now });
    return {};
  });
}

/**
 * Lifts a lockout after repeated failed logins and starts the failure count afresh — the wait on the user's e-mail
 * address too, so the admin's unlock works at once rather than after the last failure's 15 minutes.
 */
export async function unlockUser(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; userId: string }): Promise<AdminUser> {
  const unlocked = await changeUser(input, 'user.unlock', async (trx, userId, now) => {
    await unlockUserRow(trx, { userId, now });
    return {};
  });
  await forgetSignInAddressFailures(input.db, { cipher: input.cipher, email: unlocked.email });
  return unlocked;
}

/** For a lost phone: the second factor is forgotten, sessions end (streams too), and the next login enrols a new one. */
export async function resetUserTotp(input: { db: Db; clock: Clock; liveUpdates: LiveUpdates; actor: Actor; userId: string }): Promise<AdminUser> {
  const reset = await changeUser(input, 'user.reset_totp', async (trx, userId, now) => {
    await clearTotp(trx, { userId, now });
    const endedSessions = await endAllSessionsOfUser(trx, userId, now);
    return { endedSessions };
  });
  await announceSessionsEnded(input.liveUpdates, reset.id);
  return reset;
}

async function changeUser(
  input: { db: Db; clock: Clock; actor: Actor; userId: string },
  action: string,
  change: (trx: Transaction<Database>, userId: string, now: Date) => Promise<Record<string, number>>,
): Promise<AdminUser> {
  const { actor } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const current = await getOrganisationUser(trx, actor.organisationId, input.userId);
    const details = await change(trx, current.id, now);
    const updated = await getOrganisationUser(trx, actor.organisationId, input.userId);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action,
      objectType: 'user',
      objectId: current.id,
      details,
    });
    return toAdminUser(updated);
  });
}

export async function listUnits(input: { db: Db; actor: Actor }): Promise<Unit[]> {
  const units = await listUnitRows(input.db, input.actor.organisationId);
  return units.sort((a, b) => danishOrder.compare(a.name, b.name));
}

export async function createUnit(input: { db: Db; clock: Clock; actor: Actor; name: string }): Promise<Unit> {
  const { actor } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const unit = await insertUnit(trx, { organisationId: actor.organisationId, name: input.name });
    if (!unit) throw new AppError('conflict');
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'unit.create',
      objectType: 'unit',
      objectId: unit.id,
      details: { organisationId: actor.organisationId },
    });
    return unit;
  });
}

/** Another organisation's user (or a platform admin) answers 404, exactly like one that does not exist. */
async function getOrganisationUser(db: Db, organisationId: string, userId: string): Promise<OrganisationUserRow> {
  const row = await findOrganisationUser(db, { organisationId, userId });
  if (!row) throw new AppError('not_found');
  return row;
}

async function assertUnitOfOrganisation(db: Db, organisationId: string, unitId: string): Promise<void> {
  if (!(await isUnitOfOrganisation(db, { organisationId, unitId }))) {
    throw new AppError('validation_failed', [{ path: 'body.unitId', message: 'unknown_unit' }]);
  }
}
