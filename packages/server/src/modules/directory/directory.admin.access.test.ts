import { hasPermission, Role } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { givenHelpService, helpServiceInput } from './directory.test-support.ts';

describe('directory admin API: who may do what', () => {
  let t: TestApp;
  let ownOrganisationId: string;
  let ownServiceId: string;
  let foreignServiceId: string;
  let admin: GivenSession;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin');
    admin = signedIn.session;
    ownOrganisationId = signedIn.organisationId;
    ownServiceId = await givenHelpService(t, signedIn.organisationId);
    const otherOrganisation = await t.given.organisation();
    foreignServiceId = await givenHelpService(t, otherOrganisation.id, helpServiceInput({ nameDa: 'Fremmed tilbud' }));
  });
  afterAll(async () => t.close());

  it('another organisation’s listing answers 404, as if it did not exist', async () => {
    const responses = [
      await t.as(admin).get(`/api/directory/services/${foreignServiceId}`),
      await t.as(admin).patch(`/api/directory/services/${foreignServiceId}`, { nameDa: 'Overtaget' }),
      await t.as(admin).post(`/api/directory/services/${foreignServiceId}/mark-checked`),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
      expect(response.body).not.toContain('Fremmed');
    }
    const untouched = await t.db.selectFrom('directory_services').select('name_da').where('id', '=', foreignServiceId).executeTakeFirstOrThrow();
    expect(untouched.name_da).toBe('Fremmed tilbud');
  });

  it('every role without directory:manage answers 403 on every directory admin route, in the same organisation too', async () => {
    const withoutPermission = Role.options.filter((role) => !hasPermission(role, 'directory:manage'));
    // Guards against a vacuous test: today only the organisation admin keeps the listings.
    expect(withoutPermission).toEqual(['referrer', 'intake_coordinator', 'counsellor', 'supervisor', 'platform_admin', 'facilitator', 'peer_supporter']);
    for (const role of withoutPermission) {
      const member = await t.given.signedIn(role, role === 'platform_admin' ? {} : { organisationId: ownOrganisationId });
      const client = t.as(member.session);
      for (const response of [
        await client.get('/api/directory/services'),
        await client.post('/api/directory/services', helpServiceInput()),
        await client.get(`/api/directory/services/${ownServiceId}`),
        await client.patch(`/api/directory/services/${ownServiceId}`, { nameDa: 'Overtaget' }),
        await client.post(`/api/directory/services/${ownServiceId}/mark-checked`),
      ]) {
        expect(response.statusCode, role).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    const untouched = await t.db.selectFrom('directory_services').select('name_da').where('id', '=', ownServiceId).executeTakeFirstOrThrow();
    expect(untouched.name_da).not.toBe('Overtaget');
  });

  it('without a session answers 401; without the CSRF header a change answers 403', async () => {
    for (const response of [
      await t.as(undefined).get('/api/directory/services'),
      await t.as(undefined).get(`/api/directory/services/${ownServiceId}`),
      await t.as(undefined).post('/api/directory/services', helpServiceInput()),
      await t.as(undefined).patch(`/api/directory/services/${ownServiceId}`, { nameDa: 'x' }),
      await t.as(undefined).post(`/api/directory/services/${ownServiceId}/mark-checked`),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const withoutCsrf = await t.app.inject({ method: 'PATCH', url: `/api/directory/services/${ownServiceId}`, payload: { nameDa: 'x' }, headers: { cookie: admin.headers.cookie } });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('a malformed id answers 422, an unknown one 404', async () => {
    expect((await t.as(admin).get('/api/directory/services/not-a-uuid')).statusCode).toBe(422);
    expect((await t.as(admin).get('/api/directory/services/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
