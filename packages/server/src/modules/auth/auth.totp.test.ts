import { permissionsByRole } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import type { TestApp } from '../../test/test-app.ts';
import { auditEntries, loginWithPassword, sessionFrom, startAuthTests, totpCode } from './auth.test-support.ts';

describe('TOTP enrolment and second factor', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests({ name: 'Rådgivningen Nord' }));
  });
  afterAll(async () => t.close());

  async function startLogin(email: string) {
    const response = await loginWithPassword(t, email);
    expect(response.statusCode).toBe(200);
    return { stage: response.json().stage as string, session: sessionFrom(response, response.json().csrfToken) };
  }

  it('enrols a new user and ends in an authenticated session, rotating the token at each step', async () => {
    const user = await t.given.user({ organisationId, role: 'referrer', isTotpEnrolled: false, displayName: 'Ny Bruger' });
    const login = await startLogin(user.email);
    expect(login.stage).toBe('mfa_enrolment');

    const enrolment = await t.as(login.session).get('/api/auth/totp/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { otpauthUri, qrCodeDataUrl, secret } = enrolment.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Bro:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Visiting the page again shows the same pending secret, and it is stored only encrypted.
    expect((await t.as(login.session).get('/api/auth/totp/enrolment')).json().secret).toBe(secret);
    const stored = await t.db.selectFrom('users').select(['totp_secret_enc', 'totp_enrolled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect(t.cipher.decrypt(stored.totp_secret_enc!)).toBe(secret);
    expect(stored.totp_enrolled_at).toBeNull();

    const enrolled = await t.as(login.session).post('/api/auth/totp/enrol', { code: await totpCode(t, secret) });
    expect(enrolled.statusCode).toBe(200);
    const info = enrolled.json();
    expect(info).toMatchObject({
      user: { id: user.id, displayName: 'Ny Bruger', email: user.email },
      organisation: { id: organisationId, name: 'Rådgivningen Nord', kind: 'counselling_service' },
      role: 'referrer',
      serviceLine: null,
      permissions: [...permissionsByRole.referrer],
      authMethod: 'password',
      idleTimeoutSeconds: 900,
    });
    const authenticated = sessionFrom(enrolled, info.csrfToken);
    expect(authenticated.token).not.toBe(login.session.token);

    const session = await t.as(authenticated).get('/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual(info);
    // The half-finished login's token is worthless now.
    expect((await t.as(login.session).get('/api/auth/totp/enrolment')).statusCode).toBe(401);
    expect((await t.as(login.session).get('/api/session')).statusCode).toBe(401);

    const enrolledRow = await t.db.selectFrom('users').select('totp_enrolled_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(enrolledRow.totp_enrolled_at).not.toBeNull();
    expect((await auditEntries(t, 'auth.totp_enrolled')).rows.some((row) => row.object_id === user.id)).toBe(true);

    // The next login (in a later 30-second window: a code is accepted once) asks for the enrolled secret's code.
    t.clock.advance(30_000);
    const next = await startLogin(user.email);
    expect(next.stage).toBe('mfa_required');
    expect((await t.as(next.session).post('/api/auth/totp', { code: await totpCode(t, secret) })).statusCode).toBe(200);
  });

  it('completes the login of an enrolled user with the right code, in a new session', async () => {
    const user = await t.given.user({ organisationId, role: 'intake_coordinator', serviceLine: 'victim' });
    const login = await startLogin(user.email);
    expect(login.stage).toBe('mfa_required');
    const response = await t.as(login.session).post('/api/auth/totp', { code: await totpCode(t, user.totpSecret!) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'intake_coordinator', serviceLine: 'victim', permissions: [...permissionsByRole.intake_coordinator] });
    const authenticated = sessionFrom(response, response.json().csrfToken);
    expect(authenticated.token).not.toBe(login.session.token);
    expect(authenticated.csrfToken).not.toBe(login.session.csrfToken);
    const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect((await t.as(authenticated).get('/api/session')).statusCode).toBe(200);
    expect((await t.as(login.session).get('/api/session')).statusCode).toBe(401);
    const succeeded = await auditEntries(t, 'auth.login_succeeded');
    expect(succeeded.rows.at(-1)).toMatchObject({ actor_user_id: user.id, details: { method: 'password', factor: 'totp' } });
  });

  it('accepts a code once only: replaying it in the same window fails, the code of the next window works', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const code = await totpCode(t, user.totpSecret!);
    const first = await startLogin(user.email);
    expect((await t.as(first.session).post('/api/auth/totp', { code })).statusCode).toBe(200);
    const replay = await startLogin(user.email);
    const replayed = await t.as(replay.session).post('/api/auth/totp', { code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'invalid_totp' });
    t.clock.advance(30_000);
    expect((await t.as(replay.session).post('/api/auth/totp', { code: await totpCode(t, user.totpSecret!) })).statusCode).toBe(200);
  });

  it('refuses a wrong code with 401 invalid_totp, and the right code still works after it', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const login = await startLogin(user.email);
    const right = await totpCode(t, user.totpSecret!);
    const wrong = right === '000000' ? '111111' : '000000';
    const response = await t.as(login.session).post('/api/auth/totp', { code: wrong });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_totp' });
    expect((await t.as(login.session).post('/api/auth/totp', { code: right })).statusCode).toBe(200);
    const failures = await auditEntries(t, 'auth.login_failed');
    expect(failures.rows.at(-1)).toMatchObject({ actor_user_id: user.id, details: { factor: 'totp', reason: 'wrong_code' } });
  });

  it('counts wrong codes toward the lockout: the fifth locks the account and ends the half-finished login', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const login = await startLogin(user.email);
    const right = await totpCode(t, user.totpSecret!);
    const wrong = right === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await t.as(login.session).post('/api/auth/totp', { code: wrong })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await t.as(login.session).post('/api/auth/totp', { code: right })).statusCode).toBe(401);
    const relogin = await loginWithPassword(t, user.email);
    expect(relogin.statusCode).toBe(423);
    expect(relogin.json()).toMatchObject({ code: 'account_locked' });
  });

  it('answers bad codes with 422 and refuses the wrong stage with 409', async () => {
    const enrolledUser = await t.given.user({ organisationId, role: 'counsellor' });
    const login = await startLogin(enrolledUser.email);
    const malformed = await t.as(login.session).post('/api/auth/totp', { code: '12ab56' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'body.code' })] });
    expect((await t.as(login.session).get('/api/auth/totp/enrolment')).statusCode).toBe(409);
    expect((await t.as(login.session).post('/api/auth/totp/enrol', { code: '123456' })).statusCode).toBe(409);

    const newUser = await t.given.user({ organisationId, role: 'counsellor', isTotpEnrolled: false });
    const enrolling = await startLogin(newUser.email);
    expect((await t.as(enrolling.session).post('/api/auth/totp', { code: '123456' })).statusCode).toBe(409);
  });

  it('requires the CSRF token of the half-finished login', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const login = await startLogin(user.email);
    const code = await totpCode(t, user.totpSecret!);
    const withoutToken = await t.as(undefined).post('/api/auth/totp', { code }, { cookie: login.session.headers.cookie });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json()).toMatchObject({ code: 'csrf_failed' });
    const wrongToken = await t.as(undefined).post('/api/auth/totp', { code }, { cookie: login.session.headers.cookie, 'x-csrf-token': 'guess' });
    expect(wrongToken.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('refuses the second-factor routes to a fully signed-in session and to no session', async () => {
    const { session } = await t.given.signedIn('counsellor', { organisationId });
    expect((await t.as(session).post('/api/auth/totp', { code: '123456' })).statusCode).toBe(403);
    expect((await t.as(undefined).post('/api/auth/totp', { code: '123456' })).statusCode).toBe(401);
    expect((await t.as(undefined).get('/api/auth/totp/enrolment')).statusCode).toBe(401);
  });

  it('lets a half-finished login expire after ten minutes', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const login = await startLogin(user.email);
    t.clock.advance(11 * 60_000);
    const response = await t.as(login.session).post('/api/auth/totp', { code: await totpCode(t, user.totpSecret!) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'session_expired' });
  });
});
