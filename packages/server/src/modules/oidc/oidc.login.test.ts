import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import Provider, { type ProviderConfiguration } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { hashSessionToken, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { verifyAuditChain } from '../../platform/audit-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { OIDC_DEMO_ACCOUNT_REFUSED_LOCATION, OIDC_FAILURE_LOCATION, OIDC_STATE_COOKIE } from './oidc.routes.ts';

/**
 * End to end against a real OpenID provider (oidc-provider) on 127.0.0.1: the Bro app runs on app.inject, the
 * browser between the two is `fetch` with manual redirects and a cookie jar. The provider finishes its login and
 * consent interactions programmatically, as whichever account the test says.
 */

const PUBLIC_ORIGIN = 'http://localhost:3000';
const CLIENT_ID = 'bro-test';
const CLIENT_SECRET = randomBytes(32).toString('base64url');

type IdpAccount = { email?: string; emailVerified?: boolean };
type NextInteraction = { accountId: string } | { deny: true };

type TestIdentityProvider = {
  issuer: string;
  accounts: Map<string, IdpAccount>;
  setNextInteraction: (next: NextInteraction) => void;
  close: () => Promise<void>;
};

async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, IdpAccount>();
  let nextInteraction: NextInteraction = { deny: true };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: ProviderConfiguration = {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${PUBLIC_ORIGIN}/api/auth/oidc/callback`], token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    findAccount: async (_context, subject) => {
      const account = accounts.get(subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          ...(account.email === undefined ? {} : { email: account.email }),
          ...(account.emailVerified === undefined ? {} : { email_verified: account.emailVerified }),
        }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    cookies: { keys: [randomBytes(16).toString('hex')] },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();
  server.on('request', (request, response) => {
    if (!request.url?.startsWith('/interaction/')) return handle(request, response);
    void (async () => {
      const current = nextInteraction;
      if ('deny' in current) {
        await provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'cancelled' }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: current.accountId, clientId: CLIENT_ID });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, { login: { accountId: current.accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  return {
    issuer,
    accounts,
    setNextInteraction: (next) => {
      nextInteraction = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Plays the browser at the provider: follows redirects with its cookies until the provider sends us back. */
async function followProviderRedirects(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(`${PUBLIC_ORIGIN}/`)) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const value = pair.slice(separator + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(pair.slice(0, separator));
      else jar.set(pair.slice(0, separator), value);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped with status ${response.status}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

function cookieOf(response: LightMyRequestResponse, name: string) {
  return response.cookies.find((cookie) => cookie.name === name);
}

describe('OIDC sign-in per organisation', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let policeId: string;
  let anna: { id: string; membershipId: string };
  let bo: { id: string };
  let carl: { id: string };

  beforeAll(async () => {
    [t, idp] = await Promise.all([createTestApp(), startTestIdentityProvider()]);
    const police = await t.given.organisation({ kind: 'police_district', slug: 'politi-test', name: 'Test Politi' });
    const other = await t.given.organisation({ kind: 'municipality', slug: 'kommune-test', name: 'Test Kommune' });
    const disabled = await t.given.organisation({ kind: 'municipality', slug: 'kommune-slukket', name: 'Slukket Kommune' });
    policeId = police.id;
    const unit = await t.given.unit(police.id, 'Team for partnervold');
    anna = await t.given.user({ organisationId: police.id, role: 'referrer', unitId: unit.id, email: 'anna@politi.test', hasPassword: false });
    bo = await t.given.user({ organisationId: other.id, role: 'referrer', email: 'bo@kommune.test' });
    carl = await t.given.user({ organisationId: police.id, role: 'referrer', email: 'carl@politi.test' });
    await t.db
      .insertInto('oidc_providers')
      .values([
        { organisation_id: police.id, issuer: idp.issuer, client_id: CLIENT_ID, client_secret_enc: t.cipher.encrypt(CLIENT_SECRET), display_name: 'Test Politi (MitID Erhverv)' },
        { organisation_id: disabled.id, issuer: idp.issuer, client_id: CLIENT_ID, client_secret_enc: t.cipher.encrypt(CLIENT_SECRET), display_name: 'Slukket', is_enabled: false },
      ])
      .execute();
    idp.accounts.set('sub-anna', { email: 'Anna@Politi.test', emailVerified: true });
    idp.accounts.set('sub-stranger', { email: 'stranger@politi.test', emailVerified: true });
    idp.accounts.set('sub-bo', { email: 'bo@kommune.test' });
    idp.accounts.set('sub-carl-unverified', { email: 'carl@politi.test', emailVerified: false });
    const dora = await t.given.user({ organisationId: police.id, role: 'referrer', email: 'dora@politi.test', hasPassword: false });
    await t.db.updateTable('users').set({ is_demo: true }).where('id', '=', dora.id).execute();
    idp.accounts.set('sub-dora-demo', { email: 'dora@politi.test', emailVerified: true });
  });
  afterAll(async () => {
    await Promise.all([t?.close(), idp?.close()]);
  });

  /** /start → the provider (as `accountId`) → back to us. Returns what the browser would send to the callback. */
  async function reachCallback(next: NextInteraction, slug = 'politi-test') {
    const start = await t.as(undefined).get(`/api/auth/oidc/${slug}/start`);
    expect(start.statusCode).toBe(302);
    const state = cookieOf(start, OIDC_STATE_COOKIE)?.value;
    expect(state).toBeTruthy();
    idp.setNextInteraction(next);
    const callbackUrl = await followProviderRedirects(String(start.headers.location));
    expect(callbackUrl.pathname).toBe('/api/auth/oidc/callback');
    return { path: `${callbackUrl.pathname}${callbackUrl.search}`, stateCookie: `${OIDC_STATE_COOKIE}=${state}`, state: String(state) };
  }

  const callback = (path: string, cookie?: string) => t.app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });

  async function lastFailureReason(): Promise<unknown> {
    const row = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').orderBy('id', 'desc').executeTakeFirst();
    expect(row?.details).toMatchObject({ method: 'oidc', factor: 'oidc' });
    return row?.details.reason;
  }

  const countSessionsOf = async (userId: string) =>
    Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n);

  it('lists the enabled providers of active organisations for the login page', async () => {
    const response = await t.as(undefined).get('/api/auth/oidc/providers');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ organisationSlug: 'politi-test', displayName: 'Test Politi (MitID Erhverv)' }]);
  });

  it('start redirects to the provider with PKCE (S256), state, nonce and the registered redirect URI', async () => {
    const response = await t.as(undefined).get('/api/auth/oidc/politi-test/start');
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(idp.issuer);
    const params = location.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(`${PUBLIC_ORIGIN}/api/auth/oidc/callback`);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('nonce')).toBeTruthy();
    const state = params.get('state');
    expect(state).toBeTruthy();

    const stored = await t.db.selectFrom('oidc_login_attempts').selectAll().where('state', '=', String(state)).executeTakeFirstOrThrow();
    expect(stored.organisation_id).toBe(policeId);
    expect(stored.nonce).toBe(params.get('nonce'));
    expect(stored.code_verifier).not.toBe(params.get('code_challenge'));

    const cookie = cookieOf(response, OIDC_STATE_COOKIE);
    expect(cookie).toMatchObject({ value: state, httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: 600 });
  });

  it('signs a member in end to end: links the subject by e-mail, starts an authenticated OIDC session and audits it', async () => {
    const { path, stateCookie, state } = await reachCallback({ accountId: 'sub-anna' });
    const response = await callback(path, stateCookie);

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/medarbejder/');
    const sessionCookie = cookieOf(response, SESSION_COOKIE);
    expect(sessionCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookieOf(response, OIDC_STATE_COOKIE)?.value).toBe('');

    const session = await t.db.selectFrom('sessions').selectAll().where('id', '=', hashSessionToken(String(sessionCookie?.value))).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ user_id: anna.id, membership_id: anna.membershipId, stage: 'authenticated', auth_method: 'oidc', ended_at: null });
    expect(await t.db.selectFrom('oidc_identities').selectAll().where('subject', '=', 'sub-anna').execute()).toEqual([
      expect.objectContaining({ organisation_id: policeId, user_id: anna.id }),
    ]);
    // The state is spent.
    expect(await t.db.selectFrom('oidc_login_attempts').select('state').where('state', '=', state).executeTakeFirst()).toBeUndefined();

    // The cookie is a working session.
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${sessionCookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authMethod: 'oidc', user: { id: anna.id }, organisation: { id: policeId }, role: 'referrer' });

    const audit = await t.db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', anna.id).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['oidc_identity.link', 'auth.login_succeeded']);
    expect(audit[0]).toMatchObject({ actor_organisation_id: policeId, object_type: 'user', object_id: anna.id, details: { organisationId: policeId } });
    expect(audit[1]).toMatchObject({ actor_organisation_id: policeId, object_type: 'user', object_id: anna.id, details: { method: 'oidc', factor: 'oidc', membershipId: anna.membershipId } });
    expect(JSON.stringify(audit)).not.toMatch(/anna@|politi\.test|sub-anna/i);
  });

  it('once linked, the subject decides: the account signs in after its e-mail changed at the provider', async () => {
    idp.accounts.set('sub-anna', { email: 'anna.new-name@politi.test', emailVerified: true });
    try {
      const { path, stateCookie } = await reachCallback({ accountId: 'sub-anna' });
      const response = await callback(path, stateCookie);
      expect(response.headers.location).toBe('/medarbejder/');
      const session = await t.db.selectFrom('sessions').select('user_id').where('id', '=', hashSessionToken(String(cookieOf(response, SESSION_COOKIE)?.value))).executeTakeFirstOrThrow();
      expect(session.user_id).toBe(anna.id);
    } finally {
      idp.accounts.set('sub-anna', { email: 'Anna@Politi.test', emailVerified: true });
    }
  });

  it('ends the session the browser had before, so only the new one lives', async () => {
    const earlier = await t.given.session({ id: anna.id, membershipId: anna.membershipId });
    const { path, stateCookie } = await reachCallback({ accountId: 'sub-anna' });
    const response = await callback(path, `${stateCookie}; ${SESSION_COOKIE}=${earlier.token}`);
    expect(response.headers.location).toBe('/medarbejder/');
    const old = await t.db.selectFrom('sessions').select('ended_at').where('id', '=', earlier.sessionId).executeTakeFirstOrThrow();
    expect(old.ended_at).not.toBeNull();
  });

  it('refuses a replayed callback: the state is one-time', async () => {
    const { path, stateCookie } = await reachCallback({ accountId: 'sub-anna' });
    expect((await callback(path, stateCookie)).headers.location).toBe('/medarbejder/');
    const sessionsBefore = await countSessionsOf(anna.id);

    const replay = await callback(path, stateCookie);
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(cookieOf(replay, SESSION_COOKIE)).toBeUndefined();
    expect(await countSessionsOf(anna.id)).toBe(sessionsBefore);
    expect(await lastFailureReason()).toBe('unknown_state');
  });

  it('refuses a state it never issued', async () => {
    const forged = randomBytes(32).toString('base64url');
    const response = await callback(`/api/auth/oidc/callback?code=abc&state=${forged}`, `${OIDC_STATE_COOKIE}=${forged}`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(await lastFailureReason()).toBe('unknown_state');
  });

  it('refuses a callback that arrives in a browser that did not start the login (login CSRF), and spends the state', async () => {
    const sessionsBefore = await countSessionsOf(anna.id);
    const { path, stateCookie, state } = await reachCallback({ accountId: 'sub-anna' });
    const lured = await callback(path);
    expect(lured.headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(await lastFailureReason()).toBe('state_not_bound_to_browser');
    expect(await t.db.selectFrom('oidc_login_attempts').select('state').where('state', '=', state).executeTakeFirst()).toBeUndefined();
    expect((await callback(path, stateCookie)).headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(await countSessionsOf(anna.id)).toBe(sessionsBefore);
  });

  it('refuses a login that took longer than 10 minutes', async () => {
    const { path, stateCookie } = await reachCallback({ accountId: 'sub-anna' });
    t.clock.advance(10 * 60_000 + 1_000);
    try {
      const response = await callback(path, stateCookie);
      expect(response.headers.location).toBe(OIDC_FAILURE_LOCATION);
      expect(await lastFailureReason()).toBe('expired');
    } finally {
      t.clock.advance(-(10 * 60_000 + 1_000));
    }
  });

  it('refuses a provider user whose e-mail belongs to no member of that organisation, a member elsewhere included', async () => {
    for (const accountId of ['sub-stranger', 'sub-bo']) {
      const { path, stateCookie } = await reachCallback({ accountId });
      const response = await callback(path, stateCookie);
      expect(response.statusCode, accountId).toBe(302);
      expect(response.headers.location, accountId).toBe(OIDC_FAILURE_LOCATION);
      expect(cookieOf(response, SESSION_COOKIE), accountId).toBeUndefined();
      expect(await lastFailureReason(), accountId).toBe('unknown_user');
    }
    expect(await countSessionsOf(bo.id)).toBe(0);
    expect(await t.db.selectFrom('oidc_identities').select('subject').where('subject', 'in', ['sub-stranger', 'sub-bo']).execute()).toEqual([]);
    const failure = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login_failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(failure).toMatchObject({ actor_user_id: null, actor_organisation_id: policeId, object_type: 'user', object_id: 'unknown' });
    expect(JSON.stringify(failure.details)).not.toMatch(/@|sub-/);
  });

  it('refuses an e-mail the provider marks as unverified', async () => {
    const { path, stateCookie } = await reachCallback({ accountId: 'sub-carl-unverified' });
    expect((await callback(path, stateCookie)).headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(await lastFailureReason()).toBe('email_not_verified');
    expect(await countSessionsOf(carl.id)).toBe(0);
  });

  it('refuses a deactivated user, even one already linked', async () => {
    await t.db.updateTable('users').set({ is_active: false }).where('id', '=', anna.id).execute();
    try {
      const { path, stateCookie } = await reachCallback({ accountId: 'sub-anna' });
      expect((await callback(path, stateCookie)).headers.location).toBe(OIDC_FAILURE_LOCATION);
      expect(await lastFailureReason()).toBe('user_inactive');
    } finally {
      await t.db.updateTable('users').set({ is_active: true }).where('id', '=', anna.id).execute();
    }
  });

  it('ends on the login page when the user cancels at the provider', async () => {
    const { path, stateCookie } = await reachCallback({ deny: true });
    expect(path).toContain('error=access_denied');
    const response = await callback(path, stateCookie);
    expect(response.headers.location).toBe(OIDC_FAILURE_LOCATION);
    expect(await lastFailureReason()).toBe('provider_error');
  });

  it('ends a garbled callback on the login page too, never on an error document', async () => {
    for (const path of ['/api/auth/oidc/callback', `/api/auth/oidc/callback?state=${'x'.repeat(600)}`, '/api/auth/oidc/callback?state=a&state=b']) {
      const response = await callback(path);
      expect(response.statusCode, path).toBe(302);
      expect(response.headers.location, path).toBe(OIDC_FAILURE_LOCATION);
    }
  });

  it('answers 404 for a disabled provider or an unknown organisation, and 422 for a malformed slug', async () => {
    for (const slug of ['kommune-slukket', 'kommune-test', 'findes-ikke']) {
      const response = await t.as(undefined).get(`/api/auth/oidc/${slug}/start`);
      expect(response.statusCode, slug).toBe(404);
      expect(response.headers['content-type'], slug).toContain('application/problem+json');
      expect(response.json(), slug).toMatchObject({ code: 'not_found' });
    }
    const malformed = await t.as(undefined).get('/api/auth/oidc/Ikke%20gyldig/start');
    expect(malformed.statusCode).toBe(422);
  });

  it('refuses a provider on plain http unless insecure OIDC is explicitly allowed', async () => {
    const strictApp = await buildApp({
      db: t.db,
      clock: t.clock,
      cipher: t.cipher,
      liveUpdates: t.liveUpdates,
      config: { publicOrigin: PUBLIC_ORIGIN, allowInsecureOidc: false, logLevel: 'silent', webDistDir: '/nonexistent' },
    });
    try {
      const response = await strictApp.inject({ method: 'GET', url: '/api/auth/oidc/politi-test/start' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(OIDC_FAILURE_LOCATION);
    } finally {
      await strictApp.close();
    }
  });

  it('refuses a demo account in production, audited without personal data, and lets it in elsewhere', async () => {
    const productionApp = await buildApp({
      db: t.db,
      clock: t.clock,
      cipher: t.cipher,
      liveUpdates: t.liveUpdates,
      config: { publicOrigin: PUBLIC_ORIGIN, allowInsecureOidc: true, logLevel: 'silent', webDistDir: '/nonexistent', isProduction: true },
    });
    try {
      // The state lives in the database, so the production app can take the callback of a login t started.
      const refused = await reachCallback({ accountId: 'sub-dora-demo' });
      const response = await productionApp.inject({ method: 'GET', url: refused.path, headers: { cookie: refused.stateCookie } });
      expect(response.headers.location).toBe(OIDC_DEMO_ACCOUNT_REFUSED_LOCATION);
      expect(cookieOf(response, SESSION_COOKIE)).toBeUndefined();
      expect(await lastFailureReason()).toBe('demo_account_refused');
      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute();
      expect(JSON.stringify(audit)).not.toMatch(/dora|sub-dora/);
    } finally {
      await productionApp.close();
    }
    const accepted = await reachCallback({ accountId: 'sub-dora-demo' });
    expect((await callback(accepted.path, accepted.stateCookie)).headers.location).toBe('/medarbejder/');
  });

  it('documents its routes in the OpenAPI description', async () => {
    const response = await t.as(undefined).get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/oidc/providers', '/api/auth/oidc/{organisationSlug}/start', '/api/auth/oidc/callback']));
  });

  it('leaves an intact audit chain', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ isIntact: true });
  });
});
