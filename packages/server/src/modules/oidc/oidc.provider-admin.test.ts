import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('PUT/GET /api/platform/organisations/:id/oidc-provider', () => {
  let t: TestApp;
  let platformAdmin: GivenSession;
  let organisationId: string;
  const settings = { issuer: 'https://broker.example.dk/realms/politi', clientId: 'bro', clientSecret: 'top-secret-value', displayName: 'MitID Erhverv', isEnabled: true };

  beforeAll(async () => {
    t = await createTestApp();
    platformAdmin = (await t.given.signedIn('platform_admin')).session;
    organisationId = (await t.given.organisation({ kind: 'police_district' })).id;
  });
  afterAll(async () => t.close());

  it('stores the provider with the secret encrypted, returns it without the secret, and audits it', async () => {
    const put = await t.as(platformAdmin).put(`/api/platform/organisations/${organisationId}/oidc-provider`, settings);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({
      issuer: settings.issuer,
      clientId: 'bro',
      displayName: 'MitID Erhverv',
      isEnabled: true,
      hasClientSecret: true,
      redirectUri: 'http://localhost:3000/api/auth/oidc/callback',
    });
    expect(put.body).not.toContain('top-secret-value');
    const row = await t.db.selectFrom('oidc_providers').selectAll().where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    expect(row.client_secret_enc).not.toContain('top-secret-value');
    expect(t.cipher.decrypt(row.client_secret_enc)).toBe('top-secret-value');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'oidc_provider.create').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('top-secret-value');
    expect((await t.as(platformAdmin).get(`/api/platform/organisations/${organisationId}/oidc-provider`)).json()).toMatchObject({ clientId: 'bro' });
  });

  it('keeps the stored secret when an update leaves it out, and lists an enabled provider for sign-in', async () => {
    const { clientSecret: _secret, ...withoutSecret } = settings;
    const put = await t.as(platformAdmin).put(`/api/platform/organisations/${organisationId}/oidc-provider`, { ...withoutSecret, displayName: 'Politiets login' });
    expect(put.statusCode).toBe(200);
    const row = await t.db.selectFrom('oidc_providers').selectAll().where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    expect(t.cipher.decrypt(row.client_secret_enc)).toBe('top-secret-value');
    const providers = await t.as(undefined).get('/api/auth/oidc/providers');
    expect(providers.json()).toContainEqual(expect.objectContaining({ displayName: 'Politiets login' }));
  });

  it('requires a secret the first time, a valid issuer URL, and an existing organisation', async () => {
    const other = (await t.given.organisation()).id;
    const { clientSecret: _secret, ...withoutSecret } = settings;
    const missingSecret = await t.as(platformAdmin).put(`/api/platform/organisations/${other}/oidc-provider`, withoutSecret);
    expect(missingSecret.statusCode).toBe(422);
    expect(missingSecret.json().errors).toContainEqual(expect.objectContaining({ path: 'body.clientSecret' }));
    const badIssuer = await t.as(platformAdmin).put(`/api/platform/organisations/${other}/oidc-provider`, { ...settings, issuer: 'not a url' });
    expect(badIssuer.statusCode).toBe(422);
    const unknown = await t.as(platformAdmin).put('/api/platform/organisations/00000000-0000-4000-8000-000000000000/oidc-provider', settings);
    expect(unknown.statusCode).toBe(404);
    expect((await t.as(platformAdmin).get(`/api/platform/organisations/${other}/oidc-provider`)).statusCode).toBe(404);
  });

  it('is for platform admins only', async () => {
    const admin = (await t.given.signedIn('organisation_admin')).session;
    expect((await t.as(admin).put(`/api/platform/organisations/${organisationId}/oidc-provider`, settings)).statusCode).toBe(403);
    expect((await t.as(undefined).get(`/api/platform/organisations/${organisationId}/oidc-provider`)).statusCode).toBe(401);
  });
});
