import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { auditEntries, loginFully, loginWithPassword, startAuthTests } from './auth.test-support.ts';

describe('lockout after repeated failed logins', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
  });
  afterAll(async () => t.close());

  it('locks after 5 consecutive failures: 423 even with the right password, until an admin unlocks', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const { session: admin } = await t.given.signedIn('organisation_admin', { organisationId });

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await loginWithPassword(t, user.email, `forkert-${attempt}`);
      // A wrong password never tells whether the account exists or is locked.
      expect(failed.statusCode).toBe(401);
      expect(failed.json()).toMatchObject({ code: 'invalid_credentials' });
    }
    const locked = await loginWithPassword(t, user.email);
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json()).toMatchObject({ code: 'account_locked', status: 423 });
    expect((await loginWithPassword(t, user.email, 'forkert-igen')).statusCode).toBe(401);

    const listed = (await t.as(admin).get('/api/admin/users')).json();
    expect(listed.find((candidate: { id: string }) => candidate.id === user.id)).toMatchObject({ isLocked: true });
    expect((await auditEntries(t, 'user.lock')).rows.some((row) => row.object_id === user.id)).toBe(true);

    const unlocked = await t.as(admin).post(`/api/admin/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: user.id, isLocked: false });
    expect((await auditEntries(t, 'user.unlock')).rows.filter((row) => row.object_id === user.id)).toHaveLength(1);

    const session = await loginFully(t, user);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);
  });

  it('does not lock after 4 failures, and a completed login starts the count afresh', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    for (let attempt = 0; attempt < 4; attempt += 1) await loginWithPassword(t, user.email, `forkert-${attempt}`);
    await loginFully(t, user);
    for (let attempt = 0; attempt < 4; attempt += 1) await loginWithPassword(t, user.email, `forkert-${attempt}`);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);
  });

  it('keeps counting when only the password step succeeds, so codes cannot be guessed by alternating', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    for (let attempt = 0; attempt < 4; attempt += 1) await loginWithPassword(t, user.email, `forkert-${attempt}`);
    const passwordOnly = await loginWithPassword(t, user.email);
    expect(passwordOnly.statusCode).toBe(200);
    await loginWithPassword(t, user.email, 'forkert-5');
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(423);
  });
});
