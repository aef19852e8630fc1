import type { Db } from '../../db/tables.ts';

/** The platform operator's organisation: the oldest of its kind, if there is one. */
export async function findPlatformOperator(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'platform_operator').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function insertPlatformOperator(db: Db, input: { slug: string; name: string; now: Date }) {
  return db
    .insertInto('organisations')
    .values({ slug: input.slug, name: input.name, kind: 'platform_operator', municipality_code: null, police_district_code: null, created_at: input.now, updated_at: input.now })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** A user without a password: one only the enrolment link can set. Undefined when the e-mail is taken. */
export async function insertUserWithoutPassword(db: Db, input: { email: string; displayName: string; now: Date }): Promise<string | undefined> {
  const row = await db
    .insertInto('users')
    .values({ email: input.email, display_name: input.displayName, password_hash: null, created_at: input.now, updated_at: input.now })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertMembership(db: Db, input: { userId: string; organisationId: string; role: string; now: Date }): Promise<string> {
  const row = await db
    .insertInto('memberships')
    .values({ user_id: input.userId, organisation_id: input.organisationId, role: input.role, unit_id: null, service_line: null, created_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The user with this e-mail if a new link may be issued for them: a platform admin of the operator organisation who
 * has never chosen a password (their first link ran out before they used it).
 */
export async function findPlatformAdminAwaitingEnrolment(db: Db, input: { email: string; organisationId: string }) {
  return db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id as userId', 'm.id as membershipId'])
    .where('u.email', '=', input.email)
    .where('u.password_hash', 'is', null)
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', '=', 'platform_admin')
    .executeTakeFirst();
}

export async function insertEnrolmentLink(db: Db, input: { userId: string; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('enrolment_links').values({ user_id: input.userId, token_hash: input.tokenHash, created_at: input.now, expires_at: input.expiresAt }).execute();
}

/** Earlier links of the user stop working when a new one is issued: only the newest link is ever live. */
export async function expireEnrolmentLinksOf(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await db.updateTable('enrolment_links').set({ expires_at: input.now }).where('user_id', '=', input.userId).where('used_at', 'is', null).where('expires_at', '>', input.now).execute();
}



/** The user a spent link enrols, with the first membership (the one a password login signs into). */
export async function findEnrollingUser(db: Db, userId: string) {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.is_active', 'u.totp_enrolled_at', 'm.id as membership_id', 'o.id as organisation_id', 'o.is_active as is_organisation_active'])
    .where('u.id', '=', userId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.id,
    membershipId: row.membership_id,
    organisationId: row.organisation_id,
    isActive: row.is_active && row.is_organisation_active,
    isTotpEnrolled: row.totp_enrolled_at !== null,
  };
}

export async function setPasswordHash(db: Db, input: { userId: string; passwordHash: string; now: Date }): Promise<void> {
  await db.updateTable('users').set({ password_hash: input.passwordHash, updated_at: input.now }).where('id', '=', input.userId).execute();
}
