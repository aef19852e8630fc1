import { hasPermission, Role } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { givenHelpService, helpServiceInput } from './directory.test-support.ts';

const APPROVALS = '/api/approvals/directory-listings';

describe('approval of directory listings: who may do what', () => {
  let t: TestApp;
  let admin: GivenSession;
  let ownOrganisationId: string;
  let foreignServiceId: string;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin');
    admin = signedIn.session;
    ownOrganisationId = signedIn.organisationId;
    const serviceId = await givenHelpService(t, ownOrganisationId);
    await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameDa: 'Foreslået navn' });
    requestId = (await t.db.selectFrom('publication_requests').select('id').where('content_id', '=', serviceId).executeTakeFirstOrThrow()).id;
    foreignServiceId = await givenHelpService(t, (await t.given.organisation()).id, helpServiceInput({ nameDa: 'Fremmed tilbud' }));
  });
  afterAll(async () => t.close());

  const routes = (client: ReturnType<TestApp['as']>) => [
    client.get(APPROVALS),
    client.post(`${APPROVALS}/${requestId}/approve`),
    client.post(`${APPROVALS}/${requestId}/reject`, { reason: 'Nej' }),
  ];

  it('every role without directory:approve answers 403 on every approval route, the proposer’s organisation admin too', async () => {
    const withoutPermission = Role.options.filter((role) => !hasPermission(role, 'directory:approve'));
    // Guards against a vacuous test: today only the platform operator approves.
    expect(withoutPermission).toEqual(['referrer', 'intake_coordinator', 'counsellor', 'supervisor', 'organisation_admin', 'facilitator', 'peer_supporter']);
    for (const role of withoutPermission) {
      const member = await t.given.signedIn(role, { organisationId: ownOrganisationId });
      for (const response of await Promise.all(routes(t.as(member.session)))) {
        expect(response.statusCode, role).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    const request = await t.db.selectFrom('publication_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request.status).toBe('pending');
  });

  it('without a session answers 401 with a problem document', async () => {
    for (const response of await Promise.all(routes(t.as(undefined)))) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers bad input with a 422 problem, an unknown request with 404', async () => {
    const approver = t.as((await t.given.signedIn('platform_admin')).session);
    const cases = [
      [await approver.post(`${APPROVALS}/not-a-uuid/approve`), 'params.requestId'],
      [await approver.post(`${APPROVALS}/${requestId}/reject`, {}), 'body.reason'],
      [await approver.post(`${APPROVALS}/${requestId}/reject`, { reason: 'x'.repeat(1001) }), 'body.reason'],
      [await approver.post(`${APPROVALS}/${requestId}/reject`, { reason: 'Nej', extra: 1 }), 'body'],
    ] as const;
    for (const [response, path] of cases) {
      expect(response.statusCode, path).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { path: string }) => error.path), path).toContain(path);
    }
    const unknown = await approver.post(`${APPROVALS}/00000000-0000-4000-8000-000000000000/approve`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
  });

  it('another organisation’s listing answers 404 and no proposal is recorded for it', async () => {
    const response = await t.as(admin).patch(`/api/directory/services/${foreignServiceId}`, { nameDa: 'Overtaget' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Fremmed');
    const proposals = await t.db.selectFrom('publication_requests').select('id').where('content_id', '=', foreignServiceId).execute();
    expect(proposals).toEqual([]);
  });
});
