import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries, loginWithPassword } from './auth.test-support.ts';

/**
 * Demo accounts have published passwords and TOTP secrets. A production system (NODE_ENV=production, here
 * `config.isProduction`) refuses them at the password step with their own problem code; elsewhere they work.
 */
describe('demo accounts at sign-in', () => {
  let production: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    [production, development] = await Promise.all([
      createTestApp({ isRateLimitEnabled: false, config: { isProduction: true } }),
      createTestApp({ isRateLimitEnabled: false }),
    ]);
  });
  afterAll(async () => Promise.all([production?.close(), development?.close()]));

  async function givenDemoAccount(t: TestApp, email: string) {
    const organisation = await t.given.organisation();
    const user = await t.given.user({ organisationId: organisation.id, role: 'referrer', email });
    await t.db.updateTable('users').set({ is_demo: true }).where('id', '=', user.id).execute();
    return user;
  }

  it('refuses a demo account in production with demo_account_refused, in Danish and English, and starts no session', async () => {
    const demo = await givenDemoAccount(production, 'politi.demo@test.bro.dk');
    const response = await loginWithPassword(production, demo.email);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'demo_account_refused', status: 403, title: 'Demokonto afvist' });
    expect(response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toBeUndefined();

    const english = await production.as(undefined).post('/api/auth/login', { email: demo.email, password: 'korrekt-hest-batteri-klips' }, { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ code: 'demo_account_refused', title: 'Demo account refused' });
    expect(await production.db.selectFrom('sessions').select('id').where('user_id', '=', demo.id).execute()).toEqual([]);
  });

  it('audits the refusal with the reason, without e-mail or password', async () => {
    const demo = await givenDemoAccount(production, 'kommune.demo@test.bro.dk');
    await loginWithPassword(production, demo.email);
    const refused = await auditEntries(production, 'auth.login_failed');
    expect(refused.rows.at(-1)).toMatchObject({ object_id: demo.id, details: { factor: 'password', reason: 'demo_account' } });
    expect(refused.json).not.toMatch(/kommune\.demo|test\.bro\.dk|korrekt-hest/);
  });

  it('does not tell a wrong password that the account is a demo account', async () => {
    const demo = await givenDemoAccount(production, 'lokk.demo@test.bro.dk');
    const response = await loginWithPassword(production, demo.email, 'forkert-kodeord');
    expect(response.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('lets an ordinary account in production, and a demo account outside production', async () => {
    const organisation = await production.given.organisation();
    const ordinary = await production.given.user({ organisationId: organisation.id, role: 'referrer' });
    expect((await loginWithPassword(production, ordinary.email)).statusCode).toBe(200);

    const demo = await givenDemoAccount(development, 'politi.demo@test.bro.dk');
    const response = await loginWithPassword(development, demo.email);
    expect(response.statusCode).toBe(200);
    expect(response.json().stage).toBe('mfa_required');
  });
});
