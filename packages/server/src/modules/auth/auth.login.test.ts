import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { TEST_PASSWORD } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries, loginWithPassword, sessionFrom, startAuthTests } from './auth.test-support.ts';

describe('POST /api/auth/login', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
  });
  afterAll(async () => t.close());

  it('asks an enrolled user for the TOTP code and sets a __Host- session cookie', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const response = await loginWithPassword(t, user.email);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ stage: 'mfa_required', csrfToken: expect.any(String) });
    const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
    expect(cookie).not.toHaveProperty('domain');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('sends a user without a second factor to enrolment', async () => {
    const user = await t.given.user({ organisationId, role: 'referrer', isTotpEnrolled: false });
    const response = await loginWithPassword(t, user.email);
    expect(response.statusCode).toBe(200);
    expect(response.json().stage).toBe('mfa_enrolment');
  });

  it('matches the e-mail whatever its case and surrounding spaces', async () => {
    const user = await t.given.user({ organisationId, role: 'referrer' });
    const response = await loginWithPassword(t, `  ${user.email.toUpperCase()} `);
    expect(response.statusCode).toBe(200);
  });

  it('gives a half-finished login no access to anything but the second factor', async () => {
    const user = await t.given.user({ organisationId, role: 'organisation_admin' });
    const response = await loginWithPassword(t, user.email);
    const pending = sessionFrom(response, response.json().csrfToken);
    expect((await t.as(pending).get('/api/session')).statusCode).toBe(401);
    expect((await t.as(pending).get('/api/admin/users')).statusCode).toBe(401);
  });

  it('answers wrong password, unknown e-mail, inactive user, password-less user and disabled local login alike', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const inactive = await t.given.user({ organisationId, role: 'counsellor' });
    await t.db.updateTable('users').set({ is_active: false }).where('id', '=', inactive.id).execute();
    const oidcOnly = await t.given.user({ organisationId, role: 'counsellor', hasPassword: false });
    const oidcOrganisation = await t.given.organisation();
    await t.db.updateTable('organisations').set({ is_local_login_enabled: false }).where('id', '=', oidcOrganisation.id).execute();
    const oidcMember = await t.given.user({ organisationId: oidcOrganisation.id, role: 'counsellor' });

    const attempts = [
      await loginWithPassword(t, user.email, 'forkert-kodeord'),
      await loginWithPassword(t, 'nobody-here@test.bro.dk'),
      await loginWithPassword(t, 'not an e-mail at all'),
      await loginWithPassword(t, inactive.email),
      await loginWithPassword(t, oidcOnly.email),
      await loginWithPassword(t, oidcMember.email),
    ];
    const first = attempts[0]!;
    expect(first.statusCode).toBe(401);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    for (const attempt of attempts) {
      expect(attempt.statusCode).toBe(401);
      expect(attempt.body).toBe(first.body);
      expect(attempt.cookies.find((candidate) => candidate.name === SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('audits successful and failed logins with the factor, without e-mail or password', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor', email: 'audit.person@test.bro.dk' });
    const before = await auditEntries(t, 'auth.login_failed');
    await loginWithPassword(t, user.email, 'forkert-kodeord-123');
    await loginWithPassword(t, 'unknown.person@test.bro.dk', 'andet-forkert');
    await loginWithPassword(t, user.email);

    const failed = await auditEntries(t, 'auth.login_failed');
    expect(failed.count - before.count).toBe(2);
    const latestFailures = failed.rows.slice(-2);
    expect(latestFailures[0]).toMatchObject({ actor_user_id: user.id, object_id: user.id, details: { factor: 'password', reason: 'wrong_password' } });
    expect(latestFailures[1]).toMatchObject({ actor_user_id: null, object_id: 'unknown', details: { factor: 'password', reason: 'unknown_account' } });
    const accepted = await auditEntries(t, 'auth.password_accepted');
    expect(accepted.rows.at(-1)).toMatchObject({ actor_user_id: user.id, actor_organisation_id: organisationId, details: { factor: 'password', stage: 'mfa_required' } });

    const everything = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain('@test.bro.dk');
    expect(everything).not.toContain('forkert');
    expect(everything).not.toContain(TEST_PASSWORD);
  });

  it('answers bad input with 422 and the fields at fault', async () => {
    const response = await t.as(undefined).post('/api/auth/login', { email: 'someone@test.bro.dk' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: expect.stringContaining('password') })] });
    const extra = await t.as(undefined).post('/api/auth/login', { email: 'someone@test.bro.dk', password: 'x', isAdmin: true });
    expect(extra.statusCode).toBe(422);
  });

  it('replaces a session the browser already held', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const earlier = await t.given.session(user);
    const response = await t.as(earlier).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect((await t.as(earlier).get('/api/session')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: true });
  });
  afterAll(async () => t.close());

  it('answers 429 rate_limited as a problem document after 10 attempts a minute from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push((await loginWithPassword(t, `guess${attempt}@test.bro.dk`, 'forkert')).statusCode);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await loginWithPassword(t, 'guess-last@test.bro.dk', 'forkert');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
