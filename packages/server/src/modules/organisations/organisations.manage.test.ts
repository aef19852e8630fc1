import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { GivenSession } from '../../test/builders.ts';
import { auditEntries, loginFully, loginWithPassword } from '../auth/testing.ts';

describe('organisation administration', () => {
  let t: TestApp;
  let platform: GivenSession;
  let platformUserId: string;
  let platformOrganisationId: string;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const signedIn = await t.given.signedIn('platform_admin');
    platform = signedIn.session;
    platformUserId = signedIn.user.id;
    platformOrganisationId = signedIn.organisationId;
  });
  afterAll(async () => t.close());

  it('creates an organisation and lists it with its settings and user count', async () => {
    const response = await t.as(platform).post('/api/platform/organisations', { slug: 'aarhus-kommune', name: 'Aarhus Kommune', kind: 'municipality', municipalityCode: '751' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      slug: 'aarhus-kommune',
      name: 'Aarhus Kommune',
      kind: 'municipality',
      municipalityCode: '751',
      isActive: true,
      isLocalLoginEnabled: true,
      userCount: 0,
      pendingChanges: [],
    });
    await t.given.user({ organisationId: created.id, role: 'referrer' });
    await t.given.user({ organisationId: created.id, role: 'counsellor' });

    const listed = await t.as(platform).get('/api/platform/organisations');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().find((organisation: { id: string }) => organisation.id === created.id)).toMatchObject({ userCount: 2 });
    const audit = await auditEntries(t, 'organisation.create');
    expect(audit.rows.at(-1)).toMatchObject({ actor_user_id: platformUserId, object_id: created.id, details: { kind: 'municipality', municipalityCode: '751' } });
    expect(audit.json).not.toContain('Aarhus');
  });

  it('lists organisations in Danish alphabetical order', async () => {
    for (const name of ['Ørsted Krisecenter', 'Ålborg Rådgivning', 'Æbeltoft Kommune']) await t.given.organisation({ name });
    const names = (await t.as(platform).get('/api/platform/organisations')).json().map((organisation: { name: string }) => organisation.name);
    const danish = names.filter((name: string) => ['Ørsted Krisecenter', 'Ålborg Rådgivning', 'Æbeltoft Kommune'].includes(name));
    expect(danish).toEqual(['Æbeltoft Kommune', 'Ørsted Krisecenter', 'Ålborg Rådgivning']);
  });

  it('answers 409 slug_taken for a slug in use and 422 for bad input', async () => {
    await t.given.organisation({ slug: 'taget' });
    const taken = await t.as(platform).post('/api/platform/organisations', { slug: 'taget', name: 'Dublet', kind: 'ngo' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'slug_taken' });
    const bad = [
      { slug: 'Ikke gyldig!', name: 'X', kind: 'ngo' },
      { slug: 'ok-slug', name: 'X', kind: 'bank' },
      { slug: 'ok-slug', name: 'X', kind: 'municipality', municipalityCode: '12' },
      { slug: 'ok-slug', name: '', kind: 'ngo' },
    ];
    for (const body of bad) {
      const response = await t.as(platform).post('/api/platform/organisations', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: expect.any(Array) });
    }
  });

  it('creates an organisation admin there, who can sign in and manage that organisation only', async () => {
    const organisation = await t.given.organisation({ kind: 'shelter' });
    const response = await t.as(platform).post(`/api/platform/organisations/${organisation.id}/admins`, { email: 'Leder@Krisecenter.test.bro.dk', displayName: 'Leder' });
    expect(response.statusCode).toBe(201);
    const { user, initialPassword } = response.json();
    expect(user).toMatchObject({ email: 'leder@krisecenter.test.bro.dk', role: 'organisation_admin', isActive: true, isTotpEnrolled: false });
    expect(initialPassword).toHaveLength(20);
    const login = await loginWithPassword(t, user.email, initialPassword);
    expect(login.json().stage).toBe('mfa_enrolment');

    const audit = await auditEntries(t, 'user.create');
    expect(audit.rows.at(-1)).toMatchObject({ actor_user_id: platformUserId, actor_organisation_id: platformOrganisationId, details: { organisationId: organisation.id, role: 'organisation_admin' } });
    expect(audit.json).not.toContain('leder');

    // Now that the organisation has an admin of its own, a second one waits for its approval (organisations.four-eyes.test.ts).
    const again = await t.as(platform).post(`/api/platform/organisations/${organisation.id}/admins`, { email: 'leder2@krisecenter.test.bro.dk', displayName: 'Leder 2' });
    expect(again.statusCode).toBe(202);
    const missing = await t.as(platform).post('/api/platform/organisations/00000000-0000-4000-8000-000000000000/admins', { email: 'x@test.bro.dk', displayName: 'X' });
    expect(missing.statusCode).toBe(404);
  });

  it('deactivating an organisation ends its users’ sessions and stops their logins', async () => {
    const organisation = await t.given.organisation();
    const user = await t.given.user({ organisationId: organisation.id, role: 'counsellor' });
    const session = await loginFully(t, user);
    expect((await t.as(session).get('/api/session')).statusCode).toBe(200);

    const response = await t.as(platform).patch(`/api/platform/organisations/${organisation.id}`, { isActive: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: organisation.id, isActive: false });
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(401);

    // Reactivating does not bring the old session back.
    await t.as(platform).patch(`/api/platform/organisations/${organisation.id}`, { isActive: true });
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);

    const audit = await auditEntries(t, 'organisation.update');
    const entries = audit.rows.filter((row) => row.object_id === organisation.id);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ details: { fromIsActive: true, toIsActive: false, endedSessions: 1 } });
  });

  it('turning local login off refuses passwords and ends password sessions; renaming works', async () => {
    const organisation = await t.given.organisation();
    const user = await t.given.user({ organisationId: organisation.id, role: 'counsellor' });
    const session = await loginFully(t, user);
    const response = await t.as(platform).patch(`/api/platform/organisations/${organisation.id}`, { isLocalLoginEnabled: false, name: 'Nyt Navn' });
    expect(response.json()).toMatchObject({ isLocalLoginEnabled: false, name: 'Nyt Navn', isActive: true });
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    const login = await loginWithPassword(t, user.email);
    expect(login.statusCode).toBe(401);
    expect(login.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('answers 404 for an unknown organisation and 409 for deactivating the platform’s own', async () => {
    expect((await t.as(platform).patch('/api/platform/organisations/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode).toBe(404);
    const own = await t.as(platform).patch(`/api/platform/organisations/${platformOrganisationId}`, { isActive: false });
    expect(own.statusCode).toBe(409);
    expect((await t.as(platform).patch(`/api/platform/organisations/${platformOrganisationId}`, { isActive: 'no' })).statusCode).toBe(422);
  });
});
