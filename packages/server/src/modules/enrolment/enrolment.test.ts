import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries } from '../auth/testing.ts';
import { createPlatformAdmin, ENROLMENT_LINK_LIFETIME_MS } from './index.ts';

const PASSWORD = 'en lang og god adgangskode';

/** `admin:create` and its one-time link: set a password, then the login's own TOTP enrolment step. */
describe('the first platform admin and the enrolment link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
  });
  afterAll(async () => t.close());

  const createAdmin = (email: string) => createPlatformAdmin({ db: t.db, clock: t.clock, publicOrigin: 'https://bro.example.dk', email, displayName: 'Drift Admin' });
  const tokenOf = (url: string) => String(new URLSearchParams(new URL(url).hash.slice(1)).get('enrolment'));
  const openLink = (token: string, password = PASSWORD) => t.as(undefined).post('/api/auth/enrolment', { token, password });

  it('creates the platform operator organisation when missing, and the admin in it without a password', async () => {
    expect(await t.db.selectFrom('organisations').select('id').where('kind', '=', 'platform_operator').execute()).toEqual([]);
    const issued = await createAdmin('drift.admin@test.bro.dk');
    expect(issued.organisationName).toBe('Bro drift');
    expect(issued.url).toMatch(/^https:\/\/bro\.example\.dk\/medarbejder\/login#enrolment=[A-Za-z0-9_-]{43}$/);
    expect(issued.expiresAt.getTime() - t.clock.now().getTime()).toBe(ENROLMENT_LINK_LIFETIME_MS);
    const row = await t.db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['u.password_hash', 'u.is_demo', 'm.role', 'o.kind', 'o.slug'])
      .where('u.id', '=', issued.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ password_hash: null, is_demo: false, role: 'platform_admin', kind: 'platform_operator', slug: 'bro-drift' });
    // Only the token's hash is stored, and the audit log names neither e-mail nor token.
    expect(JSON.stringify(await t.db.selectFrom('enrolment_links').selectAll().execute())).not.toContain(tokenOf(issued.url));
    const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).toContain('enrolment_link.create');
    expect(audit).not.toMatch(/drift\.admin|test\.bro\.dk/);
    expect(audit).not.toContain(tokenOf(issued.url));

    // A second admin joins the same organisation.
    const second = await createAdmin('drift.two@test.bro.dk');
    expect(await t.db.selectFrom('organisations').select('id').where('kind', '=', 'platform_operator').execute()).toHaveLength(1);
    expect(second.organisationName).toBe('Bro drift');
  });

  it('works once: sets the password, continues at TOTP enrolment, and signs the admin in', async () => {
    const issued = await createAdmin('drift.once@test.bro.dk');
    const response = await openLink(tokenOf(issued.url));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ stage: 'mfa_enrolment', csrfToken: expect.any(String) });
    const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    const pending = { cookie: `${SESSION_COOKIE}=${cookie?.value}`, 'x-csrf-token': String(response.json().csrfToken) };

    const enrolment = await t.app.inject({ method: 'GET', url: '/api/auth/totp/enrolment', headers: pending });
    expect(enrolment.statusCode).toBe(200);
    const code = await generate({ secret: enrolment.json().secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers: pending, payload: { code } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ role: 'platform_admin', organisation: { kind: 'platform_operator' } });

    // The password now works at the ordinary login.
    expect((await t.as(undefined).post('/api/auth/login', { email: 'drift.once@test.bro.dk', password: PASSWORD })).json().stage).toBe('mfa_required');
    const again = await openLink(tokenOf(issued.url), 'en anden lang adgangskode');
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'enrolment_link_invalid' });
    expect((await auditEntries(t, 'enrolment_link.refused')).rows.at(-1)).toMatchObject({ object_id: issued.userId, details: { reason: 'used' } });
  });

  it('stops working after 24 hours', async () => {
    const issued = await createAdmin('drift.late@test.bro.dk');
    t.clock.advance(ENROLMENT_LINK_LIFETIME_MS);
    try {
      const response = await openLink(tokenOf(issued.url));
      expect(response.statusCode).toBe(410);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((await auditEntries(t, 'enrolment_link.refused')).rows.at(-1)).toMatchObject({ details: { reason: 'expired' } });
      const user = await t.db.selectFrom('users').select('password_hash').where('id', '=', issued.userId).executeTakeFirstOrThrow();
      expect(user.password_hash).toBeNull();
    } finally {
      t.clock.advance(-ENROLMENT_LINK_LIFETIME_MS);
    }
  });

  it('issues a new link for an admin who never used theirs, and the old one stops working', async () => {
    const first = await createAdmin('drift.again@test.bro.dk');
    const second = await createAdmin('drift.again@test.bro.dk');
    expect(second.userId).toBe(first.userId);
    expect((await openLink(tokenOf(first.url))).statusCode).toBe(410);
    expect((await openLink(tokenOf(second.url))).statusCode).toBe(200);
  });

  it('refuses an e-mail that belongs to any other account', async () => {
    const organisation = await t.given.organisation();
    const user = await t.given.user({ organisationId: organisation.id, role: 'counsellor' });
    await expect(createAdmin(user.email)).rejects.toEqual(new AppError('email_taken'));
    // Also an admin who has enrolled already: a new link would let its holder take the account over.
    await expect(createAdmin('drift.once@test.bro.dk')).rejects.toEqual(new AppError('email_taken'));
  });

  it('answers an unknown token 410 and bad input 422, both as problem+json', async () => {
    const unknown = await openLink('A'.repeat(43));
    expect(unknown.statusCode).toBe(410);
    expect(unknown.json()).toMatchObject({ code: 'enrolment_link_invalid', title: 'Linket virker ikke' });

    const issued = await createAdmin('drift.short@test.bro.dk');
    for (const body of [{ token: tokenOf(issued.url), password: 'kort' }, { token: 'not a token!', password: PASSWORD }, { token: tokenOf(issued.url) }, {}]) {
      const response = await t.as(undefined).post('/api/auth/enrolment', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    // Bad input did not spend the link.
    expect((await openLink(tokenOf(issued.url))).statusCode).toBe(200);
  });

  it('is public but rate-limited like the login', async () => {
    const limited = await createTestApp({ config: { loginAttemptsPerMinute: 2 } });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await limited.as(undefined).post('/api/auth/enrolment', { token: 'B'.repeat(43), password: PASSWORD })).statusCode);
      expect(statuses).toEqual([410, 410, 429]);
      expect(limited.app.routeCatalogue.find((route) => route.url === '/api/auth/enrolment')?.permission).toBe('public');
    } finally {
      await limited.close();
    }
  });
});
