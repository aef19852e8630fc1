import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loginFully, startAuthTests } from './auth.test-support.ts';

const minutes = (count: number) => count * 60_000;
const auditEntryCount = async (t: TestApp) => (await t.db.selectFrom('audit_log').select('id').execute()).length;

describe('POST /api/auth/heartbeat', () => {
  let t: TestApp;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
  });
  afterAll(async () => t.close());

  it('keeps a session alive past the 15 idle minutes while heartbeats come, without an audit entry', async () => {
    const { session } = await t.given.signedIn('referrer', { organisationId });
    const auditBefore = await auditEntryCount(t);
    // 40 minutes of typing, a heartbeat every 10 minutes and no other request.
    for (let elapsed = 0; elapsed < 40; elapsed += 10) {
      t.clock.advance(minutes(10));
      const heartbeat = await t.as(session).post('/api/auth/heartbeat');
      expect(heartbeat.statusCode, `after ${elapsed + 10} minutes`).toBe(204);
      expect(heartbeat.body).toBe('');
    }
    t.clock.advance(minutes(14));
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);
    expect(await auditEntryCount(t)).toBe(auditBefore);
  });

  it('does not revive a session that went idle: without heartbeats it ends after 15 minutes as before', async () => {
    const { session } = await t.given.signedIn('referrer', { organisationId });
    t.clock.advance(minutes(15) + 1_000);
    const late = await t.as(session).post('/api/auth/heartbeat');
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ code: 'session_expired' });
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
  });

  it('answers 401 without a session and 403 without the CSRF token', async () => {
    const anonymous = await t.as(undefined).post('/api/auth/heartbeat');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const { session } = await t.given.signedIn('referrer', { organisationId });
    const withoutToken = await t.as(undefined).post('/api/auth/heartbeat', {}, { cookie: session.headers.cookie });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json()).toMatchObject({ code: 'csrf_failed' });
  });
});

describe('a configured idle timeout (SESSION_IDLE_TIMEOUT_SECONDS, development and e2e only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false, config: { sessionIdleTimeoutMs: 20_000 } });
  });
  afterAll(async () => t.close());

  it('is what the session says and what the server enforces; heartbeats keep such a session alive too', async () => {
    const organisationId = (await t.given.organisation()).id;
    const user = await t.given.user({ organisationId, role: 'referrer' });
    const session = await loginFully(t, user);
    expect((await t.as(session).get('/api/session')).json()).toMatchObject({ idleTimeoutSeconds: 20 });
    for (let second = 0; second < 60; second += 10) {
      t.clock.advance(10_000);
      expect((await t.as(session).post('/api/auth/heartbeat')).statusCode).toBe(204);
    }
    t.clock.advance(21_000);
    expect((await t.as(session).get('/api/session')).json()).toMatchObject({ code: 'session_expired' });
  });
});
