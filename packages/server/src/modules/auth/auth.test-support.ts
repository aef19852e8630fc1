import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { hashSessionToken, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { TEST_PASSWORD, type GivenSession, type GivenUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The app the auth tests sign in to, and one organisation for their users. Rate limits are off: these tests sign
 * in far more often than the limits allow (the limits have tests of their own).
 */
export async function startAuthTests(organisation?: Parameters<TestApp['given']['organisation']>[0]): Promise<{ t: TestApp; organisationId: string }> {
  const t = await createTestApp({ isRateLimitEnabled: false });
  return { t, organisationId: (await t.given.organisation(organisation)).id };
}

/** The session a response just set, in the shape `t.as(…)` takes. */
export function sessionFrom(response: LightMyRequestResponse, csrfToken: string): GivenSession {
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in the response (status ${response.statusCode})`);
  return { token: cookie.value, sessionId: '', csrfToken, headers: { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': csrfToken } };
}

/** The code an authenticator app would show now, by the app's (fixed) clock. */
export function totpCode(t: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

export async function loginWithPassword(t: TestApp, email: string, password = TEST_PASSWORD) {
  const response = await t.as(undefined).post('/api/auth/login', { email, password });
  return response;
}

/** Both factors through the real routes, for an enrolled user; answers the authenticated session. */
export async function loginFully(t: TestApp, user: GivenUser): Promise<GivenSession> {
  if (!user.totpSecret) throw new Error('loginFully needs an enrolled user');
  const first = await loginWithPassword(t, user.email);
  if (first.statusCode !== 200) throw new Error(`password step answered ${first.statusCode}`);
  const pending = sessionFrom(first, first.json().csrfToken);
  const second = await t.as(pending).post('/api/auth/totp', { code: await totpCode(t, user.totpSecret) });
  if (second.statusCode !== 200) throw new Error(`TOTP step answered ${second.statusCode}`);
  return sessionFrom(second, second.json().csrfToken);
}

/** How many audit entries of one action there are, and their JSON, to check they carry no personal data. */
export async function auditEntries(t: TestApp, action: string) {
  const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  return { count: rows.length, json: JSON.stringify(rows), rows };
}

/**
 * The session's last proof of identity lies further back than the re-authentication window: the way to test that a
 * risky change asks again. Sessions the builders make are freshly authenticated, as after a real sign-in.
 */
export async function makeAuthenticationStale(t: TestApp, session: GivenSession, minutesAgo = 6): Promise<void> {
  const authenticatedAt = new Date(t.clock.now().getTime() - minutesAgo * 60_000);
  await t.db.updateTable('sessions').set({ authenticated_at: authenticatedAt }).where('id', '=', hashSessionToken(session.token)).execute();
}
