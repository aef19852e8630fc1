import type { Db } from '../../db/tables.ts';

/**
 * A live session with its user and membership. Joined on every request, so deactivating a user, an
 * organisation or a membership takes effect at once.
 */
export async function findLiveSession(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', 'm.id', 's.membership_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      's.id',
      's.stage',
      's.auth_method',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.authenticated_at',
      'u.id as user_id',
      'u.display_name',
      'u.email',
      'm.id as membership_id',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'm.unit_id',
      'm.role',
      'm.service_line',
    ])
    .where('s.id', '=', sessionId)
    .where('s.ended_at', 'is', null)
    .where('u.is_active', '=', true)
    .where((eb) => eb.or([eb('s.membership_id', 'is', null), eb('o.is_active', '=', true)]))
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; membershipId: string | null; stage: string; authMethod: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      membership_id: session.membershipId,
      stage: session.stage,
      auth_method: session.authMethod,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      authenticated_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** Signing in is done (both factors, or OIDC): the admin's users list shows when. */
export async function recordSignIn(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ last_signed_in_at: now }).where('id', '=', userId).execute();
}

/** The holder proved who they are again (password + TOTP): risky changes are open to them for a few minutes. */
export async function markSessionReauthenticated(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ authenticated_at: now, last_seen_at: now }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function endSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function endAllSessionsOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', userId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
