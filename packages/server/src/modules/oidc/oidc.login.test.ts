import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import Provider, { type ProviderConfiguration } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { hashSessionToken, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { GivenSession } from '../../test/builders.ts';
import { sessionFrom, totpCode } from '../auth/testing.ts';
import { OIDC_DEMO_ACCOUNT_REFUSED_LOCATION, OIDC_FAILURE_LOCATION, OIDC_STATE_COOKIE, OIDC_TOTP_LOCATION } from './oidc.routes.ts';

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
  let carl: { id: string; totpSecret: string | null };
  let erik: { id: string };
  let admin: GivenSession;

  beforeAll(async () => {
    [t, idp] = await Promise.all([createTestApp(), startTestIdentityProvider()]);
    const police = await t.given.organisation({ kind: 'police_district', slug: 'politi-test', name: 'Test Politi' });
    const other = await t.given.organisation({ kind: 'municipality', slug: 'kommune-test', name: 'Test Kommune' });
    const disabled = await t.given.organisation({ kind: 'municipality', slug: 'kommune-slukket', name: 'Slukket Kommune' });
    policeId = police.id;
    const unit = await t.given.unit(police.id, 'Team for partnervold');
    // Anna signs in only through the provider (no password, no TOTP in Bro); her link was made before these tests.
    anna = await t.given.user({ organisationId: police.id, role: 'referrer', unitId: unit.id, email: 'anna@politi.test', hasPassword: false, isTotpEnrolled: false });
    bo = await t.given.user({ organisationId: other.id, role: 'referrer', email: 'bo@kommune.test' });
    // Carl has a password and TOTP; Erik only the provider. Neither is linked yet.
    carl = await t.given.user({ organisationId: police.id, role: 'referrer', email: 'carl@politi.test' });
    erik = await t.given.user({ organisationId: police.id, role: 'referrer', email: 'erik@politi.test', hasPassword: false, isTotpEnrolled: false });
    admin = (await t.given.signedIn('organisation_admin', { organisationId: police.id })).session;
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
    idp.accounts.set('sub-carl', { email: 'carl@politi.test', emailVerified: true });
    idp.accounts.set('sub-erik', { email: 'erik@politi.test', emailVerified: true });
    const dora = await t.given.user({ organisationId: police.id, role: 'referrer', email: 'dora@politi.test', hasPassword: false, isTotpEnrolled: false });
    await t.db.updateTable('users').set({ is_demo: true }).where('id', '=', dora.id).execute();
    idp.accounts.set('sub-dora-demo', { email: 'dora@politi.test', emailVerified: true });
    const linked = { organisation_id: police.id, issuer: idp.issuer, confirmed_at: t.clock.now() };
    await t.db
      .insertInto('oidc_identities')
      .values([
        { ...linked, subject: 'sub-anna', user_id: anna.id },
        { ...linked, subject: 'sub-dora-demo', user_id: dora.id },
      ])
      .execute();
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

  /** The invited user's browser: opens the one-time link (its token), the provider (as `accountId`), back to us. */
  async function reachCallbackInvited(token: string, next: NextInteraction) {
    const start = await t.as(undefined).post('/api/auth/oidc/invitation', { token });
    expect(start.statusCode).toBe(200);
    const state = cookieOf(start, OIDC_STATE_COOKIE)?.value;
    idp.setNextInteraction(next);
    const callbackUrl = await followProviderRedirects(String(start.json().authorizationUrl));
    return { path: `${callbackUrl.pathname}${callbackUrl.search}`, stateCookie: `${OIDC_STATE_COOKIE}=${state}` };
  }

  async function invite(userId: string): Promise<string> {
    const response = await t.as(admin).post(`/api/admin/users/${userId}/oidc-invitation`, {});
    expect(response.statusCode).toBe(201);
    const token = new URL(response.json().url).hash.replace('#oidc-invitation=', '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return token;
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

  it('signs a member in end to end through an invitation made inside Bro: links issuer and subject, starts an OIDC session, audits it', async () => {
    const token = await invite(erik.id);
    const invitation = await t.db.selectFrom('oidc_invitations').selectAll().where('user_id', '=', erik.id).executeTakeFirstOrThrow();
    expect(invitation.token_hash).not.toContain(token);
    const { path, stateCookie } = await reachCallbackInvited(token, { accountId: 'sub-erik' });
    const response = await callback(path, stateCookie);

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/medarbejder/');
    const sessionCookie = cookieOf(response, SESSION_COOKIE);
    expect(sessionCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookieOf(response, OIDC_STATE_COOKIE)?.value).toBe('');
    const session = await t.db.selectFrom('sessions').selectAll().where('id', '=', hashSessionToken(String(sessionCookie?.value))).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ user_id: erik.id, stage: 'authenticated', auth_method: 'oidc', ended_at: null });
    expect(await t.db.selectFrom('oidc_identities').selectAll().where('subject', '=', 'sub-erik').execute()).toEqual([
      expect.objectContaining({ organisation_id: policeId, issuer: idp.issuer, user_id: erik.id, confirmed_at: expect.any(Date) }),
    ]);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${sessionCookie?.value}` } });
    expect(me.json()).toMatchObject({ authMethod: 'oidc', user: { id: erik.id }, organisation: { id: policeId }, role: 'referrer' });

    const audit = await t.db.selectFrom('audit_log').selectAll().where('object_id', '=', erik.id).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['oidc_invitation.create', 'oidc_identity.link', 'auth.login_succeeded']);
    expect(audit[1]).toMatchObject({ actor_user_id: erik.id, actor_organisation_id: policeId, details: { organisationId: policeId, invitationId: invitation.id } });
    expect(JSON.stringify(audit)).not.toMatch(/erik@|politi\.test|sub-erik/i);

    // The link works once.
    const again = await t.as(undefined).post('/api/auth/oidc/invitation', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'enrolment_link_invalid' });
  });

  it('never links by an e-mail claim alone: a verified e-mail of a member, without an invitation, is refused', async () => {
    for (const accountId of ['sub-carl', 'sub-stranger', 'sub-bo']) {
      const { path, stateCookie } = await reachCallback({ accountId });
      const response = await callback(path, stateCookie);
      expect(response.headers.location, accountId).toBe(OIDC_FAILURE_LOCATION);
      expect(cookieOf(response, SESSION_COOKIE), accountId).toBeUndefined();
      expect(await lastFailureReason(), accountId).toBe('not_invited');
    }
    expect(await countSessionsOf(carl.id)).toBe(0);
    expect(await countSessionsOf(bo.id)).toBe(0);
    expect(await t.db.selectFrom('oidc_identities').select('subject').where('subject', 'in', ['sub-carl', 'sub-stranger', 'sub-bo']).execute()).toEqual([]);
    const failure = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login_failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(failure).toMatchObject({ actor_user_id: null, actor_organisation_id: policeId, object_type: 'user', object_id: 'unknown' });
    expect(JSON.stringify(failure.details)).not.toMatch(/@|sub-/);
  });

  it("asks for the account's TOTP code at its first sign-in through the provider, and only then links for good", async () => {
    const token = await invite(carl.id);
    const { path, stateCookie } = await reachCallbackInvited(token, { accountId: 'sub-carl' });
    const response = await callback(path, stateCookie);
    expect(response.headers.location).toBe(OIDC_TOTP_LOCATION);
    const halfway = String(cookieOf(response, SESSION_COOKIE)?.value);
    const session = await t.db.selectFrom('sessions').selectAll().where('id', '=', hashSessionToken(halfway)).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ user_id: carl.id, stage: 'mfa_required', auth_method: 'oidc' });
    expect(await t.db.selectFrom('oidc_identities').select('confirmed_at').where('subject', '=', 'sub-carl').executeTakeFirstOrThrow()).toEqual({ confirmed_at: null });
    // Halfway is not signed in.
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${halfway}` } })).statusCode).toBe(401);

    // A second sign-in through the unconfirmed link asks again: the provider alone never passes the account's TOTP.
    const second = await reachCallback({ accountId: 'sub-carl' });
    expect((await callback(second.path, second.stateCookie)).headers.location).toBe(OIDC_TOTP_LOCATION);

    const pendingInfo = await t.app.inject({ method: 'GET', url: '/api/auth/pending-login', headers: { cookie: `${SESSION_COOKIE}=${halfway}` } });
    expect(pendingInfo.json()).toMatchObject({ stage: 'mfa_required', csrfToken: session.csrf_token });
    const pending = sessionFrom(response, session.csrf_token);
    const wrong = await t.as(pending).post('/api/auth/totp', { code: '000000' });
    expect(wrong.json()).toMatchObject({ code: 'invalid_totp' });
    const completed = await t.as(pending).post('/api/auth/totp', { code: await totpCode(t, String(carl.totpSecret)) });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ authMethod: 'oidc', user: { id: carl.id } });
    expect((await t.db.selectFrom('oidc_identities').select('confirmed_at').where('subject', '=', 'sub-carl').executeTakeFirstOrThrow()).confirmed_at).not.toBeNull();

    const later = await reachCallback({ accountId: 'sub-carl' });
    expect((await callback(later.path, later.stateCookie)).headers.location).toBe('/medarbejder/');
  });

  it("links by the provider's subject an admin recorded, under the provider's issuer, and refuses another organisation's user", async () => {
    const eva = await t.given.user({ organisationId: policeId, role: 'referrer', email: 'eva@politi.test', hasPassword: false, isTotpEnrolled: false });
    idp.accounts.set('sub-eva', {});
    const recorded = await t.as(admin).post(`/api/admin/users/${eva.id}/oidc-invitation`, { subject: 'sub-eva' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toEqual({ url: null, expiresAt: null, isSubjectRecorded: true });
    expect(await t.db.selectFrom('oidc_identities').select(['issuer', 'user_id']).where('subject', '=', 'sub-eva').executeTakeFirstOrThrow()).toEqual({ issuer: idp.issuer, user_id: eva.id });
    const { path, stateCookie } = await reachCallback({ accountId: 'sub-eva' });
    expect((await callback(path, stateCookie)).headers.location).toBe('/medarbejder/');

    const elsewhere = await t.as(admin).post(`/api/admin/users/${bo.id}/oidc-invitation`, {});
    expect(elsewhere.statusCode).toBe(404);
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
    expect(await sealAndVerifyAuditChain(t.db)).toMatchObject({ isIntact: true });
  });
});
