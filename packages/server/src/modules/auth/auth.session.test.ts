import { permissionsByRole } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import type { TestApp } from '../../test/test-app.ts';
import { auditEntries, loginFully, startAuthTests } from './auth.test-support.ts';

describe('GET /api/session, session limits and POST /api/auth/logout', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests({ kind: 'police_district', name: 'Københavns Politi' }));
  });
  afterAll(async () => t.close());

  it('describes the signed-in user, organisation, role and permissions', async () => {
    const user = await t.given.user({ organisationId, role: 'referrer', displayName: 'Betjent Ø' });
    const session = await loginFully(t, user);
    const response = await t.as(session).get('/api/session');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      user: { id: user.id, displayName: 'Betjent Ø', email: user.email },
      organisation: { id: organisationId, name: 'Københavns Politi', kind: 'police_district' },
      role: 'referrer',
      serviceLine: null,
      permissions: [...permissionsByRole.referrer],
      csrfToken: session.csrfToken,
      authMethod: 'password',
      idleTimeoutSeconds: 900,
    });
  });

  it('answers 401 without a session and with an unknown token', async () => {
    expect((await t.as(undefined).get('/api/session')).statusCode).toBe(401);
    const forged = await t.as(undefined).get('/api/session', { cookie: `${SESSION_COOKIE}=not-a-real-token` });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a state-changing request without or with a wrong CSRF token', async () => {
    const { session } = await t.given.signedIn('referrer', { organisationId });
    const withoutToken = await t.as(undefined).post('/api/auth/logout', {}, { cookie: session.headers.cookie });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.headers['content-type']).toContain('application/problem+json');
    expect(withoutToken.json()).toMatchObject({ code: 'csrf_failed' });
    const wrongToken = await t.as(undefined).post('/api/auth/logout', {}, { cookie: session.headers.cookie, 'x-csrf-token': 'x'.repeat(32) });
    expect(wrongToken.json()).toMatchObject({ code: 'csrf_failed' });
    // The session survived both attempts.
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);
  });

  it('ends a session idle for more than 15 minutes', async () => {
    const { session } = await t.given.signedIn('referrer', { organisationId });
    t.clock.advance(14 * 60_000);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    const expired = await t.as(session).get('/api/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
    // Ended for good, not just refused this once.
    t.clock.advance(-16 * 60_000);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    t.clock.advance(16 * 60_000);
  });

  it('ends a session after 8 hours even while it is in use', async () => {
    const { session } = await t.given.signedIn('referrer', { organisationId });
    let minutes = 0;
    while (minutes < 8 * 60) {
      expect((await t.as(session).get('/api/session')).statusCode, `after ${minutes} minutes`).toBe(200);
      t.clock.advance(10 * 60_000);
      minutes += 10;
    }
    t.clock.advance(60_000);
    const expired = await t.as(session).get('/api/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
  });

  it('logs out: ends the session, clears the cookie and tells the browser to forget the site data', async () => {
    const user = await t.given.user({ organisationId, role: 'referrer' });
    const session = await loginFully(t, user);
    const before = (await auditEntries(t, 'auth.logout')).count;
    const response = await t.as(session).post('/api/auth/logout');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    const cleared = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cleared).toMatchObject({ value: '', path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(new Date(String(cleared?.expires)).getTime()).toBeLessThan(Date.now());
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    const after = await auditEntries(t, 'auth.logout');
    expect(after.count - before).toBe(1);
    expect(after.rows.at(-1)).toMatchObject({ actor_user_id: user.id, object_id: user.id });
  });
});
