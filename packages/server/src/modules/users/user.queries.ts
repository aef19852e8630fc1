import type { Db } from '../../db/tables.ts';

/**
 * Users as members of one organisation. Platform-admin memberships are left out on purpose: an organisation
 * admin neither sees nor manages the people who run the platform.
 */
function selectOrganisationUsers(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units as un', 'un.id', 'm.unit_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.is_active',
      'u.locked_at',
      'u.totp_enrolled_at',
      'u.last_signed_in_at',
      'm.id as membership_id',
      'm.role',
      'm.unit_id',
      'un.name as unit_name',
      'm.service_line',
    ])
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '<>', 'platform_admin')
    .orderBy('m.created_at')
    .orderBy('m.id');
}

/** One row per user (their first membership in the organisation). */
export async function listOrganisationUsers(db: Db, organisationId: string) {
  const rows = await selectOrganisationUsers(db, organisationId).execute();
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
}

export async function findOrganisationUser(db: Db, input: { organisationId: string; userId: string }) {
  return selectOrganisationUsers(db, input.organisationId).where('u.id', '=', input.userId).limit(1).executeTakeFirst();
}

export type OrganisationUserRow = NonNullable<Awaited<ReturnType<typeof findOrganisationUser>>>;

export async function isUnitOfOrganisation(db: Db, input: { organisationId: string; unitId: string }): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', input.unitId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
  return row !== undefined;
}

/** `undefined` when the e-mail is taken (e-mails are unique across the platform). */
export async function insertUser(db: Db, input: { email: string; displayName: string; passwordHash: string }): Promise<string | undefined> {
  const row = await db
    .insertInto('users')
    .values({ email: input.email, display_name: input.displayName, password_hash: input.passwordHash })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertMembership(
  db: Db,
  input: { userId: string; organisationId: string; role: string; unitId: string | null; serviceLine: string | null },
): Promise<string> {
  const row = await db
    .insertInto('memberships')
    .values({
      user_id: input.userId,
      organisation_id: input.organisationId,
      role: input.role,
      unit_id: input.unitId,
      service_line: input.serviceLine,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserDisplayName(db: Db, input: { userId: string; displayName: string; now: Date }): Promise<void> {
  await db.updateTable('users').set({ display_name: input.displayName, updated_at: input.now }).where('id', '=', input.userId).execute();
}

export async function updateMembership(
  db: Db,
  input: { membershipId: string; role?: string | undefined; unitId?: string | null | undefined; serviceLine?: string | null | undefined },
): Promise<void> {
  const changes = {
    ...(input.role === undefined ? {} : { role: input.role }),
    ...(input.unitId === undefined ? {} : { unit_id: input.unitId }),
    ...(input.serviceLine === undefined ? {} : { service_line: input.serviceLine }),
  };
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('memberships').set(changes).where('id', '=', input.membershipId).execute();
}

export async function setUserActive(db: Db, input: { userId: string; isActive: boolean; now: Date }): Promise<void> {
  await db.updateTable('users').set({ is_active: input.isActive, updated_at: input.now }).where('id', '=', input.userId).execute();
}

export async function unlockUser(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await db.updateTable('users').set({ locked_at: null, failed_login_count: 0, failed_login_window_started_at: null, updated_at: input.now }).where('id', '=', input.userId).execute();
}

/** Forgets the second factor: the next login enrols a new one. */
export async function clearTotp(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: null, totp_enrolled_at: null, updated_at: input.now }).where('id', '=', input.userId).execute();
}

export async function listUnits(db: Db, organisationId: string) {
  return db.selectFrom('units').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
}

/** `undefined` when the organisation already has a unit of that name. */
export async function insertUnit(db: Db, input: { organisationId: string; name: string }) {
  return db
    .insertInto('units')
    .values({ organisation_id: input.organisationId, name: input.name })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'name']).doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
}
