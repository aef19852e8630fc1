import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenUser } from '../../test/builders.ts';
import type { TestApp } from '../../test/test-app.ts';
import { auditEntries, loginFully, loginWithPassword, startAuthTests } from './auth.test-support.ts';

const MINUTE = 60_000;

describe('lockout after repeated failed logins', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
  });
  afterAll(async () => t.close());

  /** Fails `count` times, each after the address's wait is over: the lockout, not the throttle, is under test. */
  async function failPatiently(email: string, count: number) {
    for (let attempt = 0; attempt < count; attempt += 1) {
      t.clock.advance(16 * MINUTE);
      const failed = await loginWithPassword(t, email, `forkert-${attempt}`);
      // A wrong password never tells whether the account exists or is locked.
      expect(failed.statusCode).toBe(401);
      expect(failed.json()).toMatchObject({ code: 'invalid_credentials' });
    }
    t.clock.advance(16 * MINUTE);
  }

  /** The e-mails the outbox holds for a user's address, decrypted. */
  async function mailsTo(user: GivenUser) {
    const rows = await t.db.selectFrom('outbox_messages').select(['template', 'recipient_enc', 'body_enc']).where('template', '=', 'account_locked').orderBy('created_at').execute();
    return rows.filter((row) => row.recipient_enc !== null && t.cipher.decrypt(row.recipient_enc) === user.email).map((row) => t.cipher.decrypt(row.body_enc ?? ''));
  }
  const tokenIn = (mail: string | undefined) => /#token=([A-Za-z0-9_-]+)/.exec(mail ?? '')?.[1] ?? '';

  it('locks after 5 failures within 24 hours: 423 even with the right password, until an admin unlocks', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await failPatiently(user.email, 5);
    const locked = await loginWithPassword(t, user.email);
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json()).toMatchObject({ code: 'account_locked', status: 423 });
    t.clock.advance(16 * MINUTE);
    expect((await loginWithPassword(t, user.email, 'forkert-igen')).statusCode).toBe(401);

    const { session: admin } = await t.given.signedIn('organisation_admin', { organisationId });
    const listed = (await t.as(admin).get('/api/admin/users')).json();
    expect(listed.find((candidate: { id: string }) => candidate.id === user.id)).toMatchObject({ isLocked: true });
    expect((await auditEntries(t, 'user.lock')).rows.some((row) => row.object_id === user.id)).toBe(true);

    // Another wrong password: the address waits 15 minutes now…
    expect((await loginWithPassword(t, user.email, 'forkert-igen')).statusCode).toBe(429);
    const unlocked = await t.as(admin).post(`/api/admin/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: user.id, isLocked: false });
    expect((await auditEntries(t, 'user.unlock')).rows.filter((row) => row.object_id === user.id)).toHaveLength(1);

    // …but the admin's unlock works at once.
    const session = await loginFully(t, user);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);
  });

  it('does not lock after 4 failures, and a completed login starts the count afresh', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await failPatiently(user.email, 4);
    await loginFully(t, user);
    await failPatiently(user.email, 4);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);
  });

  it('counts only failures within 24 hours of the first', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await failPatiently(user.email, 4);
    t.clock.advance(24 * 60 * MINUTE);
    await failPatiently(user.email, 4);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);
  });

  it('keeps counting when only the password step succeeds, so codes cannot be guessed by alternating', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await failPatiently(user.email, 4);
    const passwordOnly = await loginWithPassword(t, user.email);
    expect(passwordOnly.statusCode).toBe(200);
    await failPatiently(user.email, 1);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(423);
  });

  it('tells the holder each time it locks, with a one-time link that lifts the lock: nobody can lock a colleague out for good', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await failPatiently(user.email, 5);
    const [mail] = await mailsTo(user);
    expect(mail).toContain('5 forkerte loginforsøg');
    expect(mail).toContain('5 failed sign-in attempts');
    const token = tokenIn(mail);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only the token's hash is kept.
    expect(JSON.stringify(await t.db.selectFrom('account_unlock_links').selectAll().execute())).not.toContain(token);

    expect((await t.as(undefined).post('/api/auth/unlock', { token })).statusCode).toBe(204);
    expect((await auditEntries(t, 'user.unlock')).rows.filter((row) => row.object_id === user.id).map((row) => row.details)).toEqual([{ via: 'unlock_link' }]);
    const session = await loginFully(t, user);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);

    // Single use.
    const again = await t.as(undefined).post('/api/auth/unlock', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'unlock_link_invalid' });

    // Locked again: told again, with a new link; that one expires after 24 hours.
    await failPatiently(user.email, 5);
    const mails = await mailsTo(user);
    expect(mails).toHaveLength(2);
    t.clock.advance(24 * 60 * MINUTE + 1);
    expect((await t.as(undefined).post('/api/auth/unlock', { token: tokenIn(mails[1]) })).json()).toMatchObject({ code: 'unlock_link_invalid', status: 410 });
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(423);
    expect((await auditEntries(t, 'auth.unlock_refused')).rows.map((row) => row.details)).toEqual([{ reason: 'used' }, { reason: 'expired' }]);
  });
});

describe('growing delays per e-mail address', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
  });
  afterAll(async () => t.close());

  /** The answers to a run of attempts: status, code and Retry-After. */
  async function attempt(email: string, password = 'forkert') {
    const response = await loginWithPassword(t, email, password);
    return { status: response.statusCode, code: response.statusCode === 200 ? 'ok' : (response.json() as { code: string }).code, retryAfter: response.headers['retry-after'] };
  }

  it('waits 1, 5 and then 15 minutes, alike for an address with and without an account', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    for (const email of [user.email, 'ingen.konto@example.test']) {
      expect(await attempt(email)).toMatchObject({ status: 401 });
      expect(await attempt(email)).toMatchObject({ status: 401 });
      const throttled = await attempt(email, email === user.email ? undefined : 'forkert');
      expect(throttled).toEqual({ status: 429, code: 'login_throttled', retryAfter: '60' });
      t.clock.advance(MINUTE);
      expect(await attempt(email)).toMatchObject({ status: 401 });
      expect(await attempt(email)).toEqual({ status: 429, code: 'login_throttled', retryAfter: '300' });
      t.clock.advance(5 * MINUTE);
      expect(await attempt(email)).toMatchObject({ status: 401 });
      expect(await attempt(email)).toEqual({ status: 429, code: 'login_throttled', retryAfter: '900' });
    }
  });

  it('lets the right password through once the wait is over, and then starts the address afresh', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    await attempt(user.email);
    await attempt(user.email);
    // Even the right password waits: otherwise the wait would slow nobody down.
    expect(await attempt(user.email, undefined)).toMatchObject({ status: 429 });
    t.clock.advance(MINUTE);
    const response = await loginWithPassword(t, user.email);
    expect(response.statusCode).toBe(200);
    expect(await attempt(user.email)).toMatchObject({ status: 401 });
    expect(await attempt(user.email)).toMatchObject({ status: 401 });
  });

  it('keeps no e-mail address in the throttle table', async () => {
    const rows = await t.db.selectFrom('login_throttles').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('@');
  });
});
