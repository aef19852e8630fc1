import type { Programme, ProgrammeOverview, ProgrammeSummary, ReferralForReferrer, ReferralOptions, UpdateProgrammeRequest } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import type { GivenSession, GivenUser } from '../../test/builders.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../test/test-app.ts';
import { createReferralFixture, postReferral, referralRequest, type ReferralFixture } from '../referrals/testing.ts';

/**
 * Programme administration through the app: a platform admin starts a programme and appoints its manager, the
 * manager sets it up, and a police referral then follows it — to the right service only, under the deadlines of
 * the version it was sent under.
 */
describe('programme administration', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let platformAdmin: GivenSession;
  let manager: { user: GivenUser; session: GivenSession };
  let outsider: GivenSession;
  let programmeId: string;

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
    ({ session: platformAdmin } = await t.given.signedIn('platform_admin', { organisationId: fx.organisations.operator.id }));
    manager = await t.given.signedIn('organisation_admin', { organisationId: fx.organisations.hotline.id });
    ({ session: outsider } = await t.given.signedIn('organisation_admin', { organisationId: fx.organisations.lokk.id }));
  });
  afterAll(async () => t.close());

  /** The manager's set-up: Københavns Politi refers; LOKK takes women exposed to violence, Dialog mod Vold people who use it. */
  const setUp = (version: number, overrides: Partial<UpdateProgrammeRequest> = {}): UpdateProgrammeRequest => ({
    version,
    name: 'Tryg Hjem',
    description: 'Politiet henviser med samtykke til kort rådgivning.',
    funder: 'Socialstyrelsen',
    periodStart: '2026-01-01',
    periodEnd: '2027-12-31',
    status: 'running',
    referrerOrganisationIds: [fx.organisations.police.id],
    services: [
      { ...noLimits, serviceId: fx.services.lokk.id, receivesRoles: ['exposed'], receivesGenders: ['woman'], firstContactDeadlineHours: 12 },
      { ...noLimits, serviceId: fx.services.dmv.id, receivesRoles: ['uses_violence'] },
    ],
    ...overrides,
  });
  const noLimits = { receivesRoles: null, receivesGenders: null, minimumAge: null, maximumAge: null, isProposed: true, isFallback: false, firstContactDeadlineHours: null, highRiskDeadlineHours: null, maxContactAttempts: null };

  it('lets a platform admin start a programme and appoint its manager by e-mail, audited', async () => {
    const response = await t.as(platformAdmin).post('/api/platform/programmes', { name: 'Tryg Hjem', managerEmail: manager.user.email.toUpperCase() });
    expect(response.statusCode).toBe(201);
    const created = response.json() as ProgrammeSummary;
    expect(created).toMatchObject({ name: 'Tryg Hjem', status: 'planned', version: 1, referrerCount: 0, serviceCount: 0 });
    expect(created.managers.map((entry) => entry.userId)).toEqual([manager.user.id]);
    programmeId = created.id;

    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', programmeId).execute();
    expect(audit.map((entry) => entry.action)).toEqual(['programme.create']);
    const listed = (await t.as(platformAdmin).get('/api/platform/programmes')).json() as ProgrammeSummary[];
    expect(listed.map((programme) => programme.name)).toContain('Tryg Hjem');
  });

  it('refuses an unknown manager (422 in the user’s language), bad input (422), other roles (403) and anonymous callers (401)', async () => {
    const unknown = await t.as(platformAdmin).post('/api/platform/programmes', { name: 'X', managerEmail: 'nobody@example.dk' }, { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'manager_not_found', title: 'No user with that e-mail' });
    expect((await t.as(platformAdmin).post('/api/platform/programmes', { name: '', managerEmail: 'not an e-mail' })).statusCode).toBe(422);
    expect((await t.as(outsider).post('/api/platform/programmes', { name: 'X', managerEmail: manager.user.email })).statusCode).toBe(403);
    expect((await t.as(outsider).get('/api/platform/programmes')).statusCode).toBe(403);
    expect((await t.as(undefined).get('/api/platform/programmes')).statusCode).toBe(401);
    expect((await t.as(undefined).get('/api/programmes')).statusCode).toBe(401);
  });

  it('hides a programme from everyone but its managers: 404 for a non-manager, even an admin elsewhere', async () => {
    expect(((await t.as(manager.session).get('/api/programmes')).json() as ProgrammeSummary[]).map((programme) => programme.id)).toEqual([programmeId]);
    expect((await t.as(outsider).get('/api/programmes')).json()).toEqual([]);
    expect((await t.as(outsider).get(`/api/programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await t.as(outsider).put(`/api/programmes/${programmeId}`, setUp(1))).statusCode).toBe(404);
    expect((await t.as(outsider).get(`/api/programmes/${programmeId}/overview`)).statusCode).toBe(404);
    expect((await t.as(outsider).get('/api/programmes/choices')).statusCode).toBe(403);
    expect((await t.as(fx.people.policeReferrer.session).get(`/api/programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await t.as(manager.session).get('/api/programmes/not-a-uuid')).statusCode).toBe(422);
  });

  it('offers the manager organisations and services to choose from, with whom each service’s line takes', async () => {
    const choices = (await t.as(manager.session).get('/api/programmes/choices')).json() as { organisations: { id: string }[]; services: { id: string; receivesRoles: string[] }[] };
    expect(choices.organisations.map((organisation) => organisation.id)).toContain(fx.organisations.police.id);
    expect(choices.organisations.map((organisation) => organisation.id)).not.toContain(fx.organisations.operator.id);
    expect(choices.services.find((service) => service.id === fx.services.dmv.id)?.receivesRoles).toEqual(['uses_violence']);
  });

  it('refuses a set-up that would send a referral where nobody can see it, or to an unknown service, and changes nothing', async () => {
    const victimLineForPerpetrators = setUp(1, { services: [{ ...noLimits, serviceId: fx.services.lokk.id, receivesRoles: ['uses_violence'] }] });
    const unseen = await t.as(manager.session).put(`/api/programmes/${programmeId}`, victimLineForPerpetrators);
    expect(unseen.statusCode).toBe(422);
    expect(unseen.json()).toMatchObject({ code: 'programme_role_not_seen' });
    expect(unseen.json().detail).toContain('LOKK rådgivning');

    const unknownService = await t.as(manager.session).put(`/api/programmes/${programmeId}`, setUp(1, { services: [{ ...noLimits, serviceId: crypto.randomUUID() }] }));
    expect(unknownService.statusCode).toBe(422);
    expect(unknownService.json().errors).toEqual([expect.objectContaining({ path: 'services.0.serviceId' })]);
    const twice = setUp(1, { services: [{ ...noLimits, serviceId: fx.services.lokk.id }, { ...noLimits, serviceId: fx.services.lokk.id }] });
    expect((await t.as(manager.session).put(`/api/programmes/${programmeId}`, twice)).statusCode).toBe(422);
    const backwards = setUp(1, { periodStart: '2027-01-01', periodEnd: '2026-01-01' });
    expect((await t.as(manager.session).put(`/api/programmes/${programmeId}`, backwards)).statusCode).toBe(422);

    const programme = (await t.as(manager.session).get(`/api/programmes/${programmeId}`)).json() as Programme;
    expect(programme).toMatchObject({ version: 1, status: 'planned', services: [], referrers: [] });
  });

  it('sets the programme running: versioned, audited in the same transaction, and a change from an old version is 409', async () => {
    const response = await t.as(manager.session).put(`/api/programmes/${programmeId}`, setUp(1));
    expect(response.statusCode).toBe(200);
    const programme = response.json() as Programme;
    expect(programme).toMatchObject({ version: 2, status: 'running', funder: 'Socialstyrelsen', periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    expect(programme.referrers.map((referrer) => referrer.name)).toEqual(['Københavns Politi']);
    expect(programme.services.map((service) => [service.serviceName, service.receivesRoles, service.firstContactDeadlineHours, service.serviceFirstContactDeadlineHours])).toEqual([
      ['LOKK rådgivning', ['exposed'], 12, 48],
      ['Dialog mod Vold behandling', ['uses_violence'], null, 72],
    ]);

    const stale = await t.as(manager.session).put(`/api/programmes/${programmeId}`, setUp(1, { name: 'Gammel' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('programme_changed');
    const versions = await t.db.selectFrom('programme_versions').select('version').where('programme_id', '=', programmeId).orderBy('version').execute();
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    expect((await sealAndVerifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('lets a police officer send a referral the programme routes, and refuses one to the wrong service', async () => {
    const options = (await t.as(fx.people.policeReferrer.session).get('/api/referrals/options')).json() as ReferralOptions;
    const offered = options.programmes.find((programme) => programme.id === programmeId);
    expect(offered?.services.map((service) => service.name)).toEqual(['LOKK rådgivning', 'Dialog mod Vold behandling']);
    // Frederiksberg Kommune is not a referrer of this programme.
    const municipal = (await t.as(fx.people.municipalityReferrer.session).get('/api/referrals/options')).json() as ReferralOptions;
    expect(municipal.programmes.map((programme) => programme.id)).not.toContain(programmeId);

    const toLokk = { ...referralRequest(t, fx), programmeId };
    const sent = await postReferral(fx.people.policeReferrer, toLokk);
    expect(sent.statusCode).toBe(201);
    const referral = sent.json() as ReferralForReferrer;
    const row = await t.db.selectFrom('referrals').select(['due_at', 'programme_version', 'first_contact_deadline_hours']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    // The programme's 12 hours for LOKK, not LOKK's own 48.
    expect(row).toMatchObject({ programme_version: 2, first_contact_deadline_hours: 12 });
    expect(row.due_at?.getTime()).toBe(TEST_NOW.getTime() + 12 * 3_600_000);

    const exposedToPerpetratorLine = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { role: 'exposed' }), programmeId, serviceId: fx.services.dmv.id });
    expect(exposedToPerpetratorLine.statusCode).toBe(422);
    expect(exposedToPerpetratorLine.json()).toMatchObject({ code: 'role_not_received' });
    expect(exposedToPerpetratorLine.json().detail).toContain('LOKK rådgivning');
    const manToLokk = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { gender: 'man' }), programmeId });
    expect(manToLokk.json().code).toBe('person_not_received');
    const notInProgramme = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { to: 'hotline' }), programmeId });
    expect(notInProgramme.json().code).toBe('service_not_allowed');
  });

  it('applies a change to new referrals only: the one already sent keeps its deadline', async () => {
    const before = await t.db.selectFrom('referrals').select(['id', 'due_at']).where('programme_id', '=', programmeId).execute();
    const current = (await t.as(manager.session).get(`/api/programmes/${programmeId}`)).json() as Programme;
    const slower = setUp(current.version, { services: [{ ...noLimits, serviceId: fx.services.lokk.id, receivesRoles: ['exposed'], receivesGenders: ['woman'], firstContactDeadlineHours: 36 }] });
    expect((await t.as(manager.session).put(`/api/programmes/${programmeId}`, slower)).statusCode).toBe(200);

    const after = await t.db.selectFrom('referrals').select(['id', 'due_at']).where('id', 'in', before.map((row) => row.id)).execute();
    expect(after).toEqual(before);
    const next = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx), programmeId });
    const row = await t.db.selectFrom('referrals').select(['due_at', 'programme_version']).where('id', '=', (next.json() as ReferralForReferrer).id).executeTakeFirstOrThrow();
    expect(row.programme_version).toBe(3);
    expect(row.due_at?.getTime()).toBe(TEST_NOW.getTime() + 36 * 3_600_000);
  });

  it('shows the manager counts and escalations by reference, never a person', async () => {
    const overview = (await t.as(manager.session).get(`/api/programmes/${programmeId}/overview`)).json() as ProgrammeOverview;
    expect(overview.countsByService).toEqual([expect.objectContaining({ serviceName: 'LOKK rådgivning', open: 2 })]);
    expect(overview.versions.map((version) => version.version)).toEqual([3, 2, 1]);
    expect(JSON.stringify(overview)).not.toContain('Testperson');
  });

  it('escalates at once to the programme’s managers a referral nobody at the service can see', async () => {
    const unstaffed = await t.given.organisation({ kind: 'ngo', name: 'Ubemandet' });
    const service = await t.given.service({ organisationId: unstaffed.id, name: 'Ubemandet rådgivning', serviceLine: 'victim' });
    const current = (await t.as(manager.session).get(`/api/programmes/${programmeId}`)).json() as Programme;
    const withUnstaffed = setUp(current.version, { services: [{ ...noLimits, serviceId: service.id }] });
    expect((await t.as(manager.session).put(`/api/programmes/${programmeId}`, withUnstaffed)).statusCode).toBe(200);

    const sent = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { consentTo: unstaffed.id }), programmeId, serviceId: service.id });
    expect(sent.statusCode).toBe(201);
    const referralId = (sent.json() as ReferralForReferrer).id;
    const notices = await t.db.selectFrom('notifications').select(['user_id', 'kind']).where('referral_id', '=', referralId).execute();
    expect(notices).toContainEqual({ user_id: manager.user.id, kind: 'referral_unseen' });
    const overview = (await t.as(manager.session).get(`/api/programmes/${programmeId}/overview`)).json() as ProgrammeOverview;
    expect(overview.escalations.map((escalation) => escalation.serviceName)).toContain('Ubemandet rådgivning');
  });

  it('refuses to end a programme with open referrals (409), and stops offering an ended or planned one', async () => {
    const current = (await t.as(manager.session).get(`/api/programmes/${programmeId}`)).json() as Programme;
    const ending = await t.as(manager.session).put(`/api/programmes/${programmeId}`, setUp(current.version, { status: 'ended', services: [] }));
    expect(ending.statusCode).toBe(409);
    expect(ending.json().code).toBe('programme_has_open_referrals');

    const planned = (await t.as(platformAdmin).post('/api/platform/programmes', { name: 'Kommer snart', managerEmail: manager.user.email })).json() as ProgrammeSummary;
    const options = (await t.as(fx.people.policeReferrer.session).get('/api/referrals/options')).json() as ReferralOptions;
    expect(options.programmes.map((programme) => programme.id)).not.toContain(planned.id);
  });

  it('ends a programme by closing its open referrals with a reason, after refusing a hand-over that cannot take them all', async () => {
    const current = (await t.as(manager.session).get(`/api/programmes/${programmeId}`)).json() as Programme;
    const open = await t.db.selectFrom('referrals').select(['id', 'status']).where('programme_id', '=', programmeId).where('status', 'in', ['sent', 'received', 'accepted']).execute();
    expect(open.length).toBeGreaterThan(0);

    // The persons consented to LOKK (and the unstaffed service), not to the hotline: nothing moves, nothing changes.
    const toHotline = await t.as(manager.session).post(`/api/programmes/${programmeId}/end`, { version: current.version, openReferrals: { kind: 'hand_over', serviceId: fx.services.hotline.id } });
    expect(toHotline.statusCode).toBe(422);
    expect(toHotline.json().code).toBe('open_work_not_movable');
    expect((await t.db.selectFrom('programmes').select('status').where('id', '=', programmeId).executeTakeFirstOrThrow()).status).toBe('running');

    expect((await t.as(manager.session).post(`/api/programmes/${programmeId}/end`, { version: current.version, openReferrals: { kind: 'close', explanation: '' } })).statusCode).toBe(422);
    expect((await t.as(outsider).post(`/api/programmes/${programmeId}/end`, { version: current.version, openReferrals: { kind: 'close', explanation: 'Bevillingen er slut.' } })).statusCode).toBe(404);
    const ended = await t.as(manager.session).post(`/api/programmes/${programmeId}/end`, { version: current.version, openReferrals: { kind: 'close', explanation: 'Bevillingen er slut.' } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', version: current.version + 1 });
    const after = await t.db.selectFrom('referrals').select('status').where('id', 'in', open.map((row) => row.id)).execute();
    expect(after.every((row) => row.status === 'closed')).toBe(true);
    const options = (await t.as(fx.people.policeReferrer.session).get('/api/referrals/options')).json() as ReferralOptions;
    expect(options.programmes.map((programme) => programme.id)).not.toContain(programmeId);
    expect((await sealAndVerifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('lets a manager appoint a co-manager and remove them, but never the last manager', async () => {
    const colleague = await t.given.user({ organisationId: fx.organisations.hotline.id, role: 'organisation_admin' });
    const appointed = await t.as(manager.session).post(`/api/programmes/${programmeId}/managers`, { email: colleague.email });
    expect(appointed.statusCode).toBe(200);
    expect((appointed.json() as ProgrammeSummary).managers.map((entry) => entry.userId).sort()).toEqual([manager.user.id, colleague.id].sort());
    expect((await t.as(manager.session).delete(`/api/programmes/${programmeId}/managers/${colleague.id}`)).statusCode).toBe(200);
    const last = await t.as(manager.session).delete(`/api/programmes/${programmeId}/managers/${manager.user.id}`);
    expect(last.statusCode).toBe(409);
    expect((await t.as(outsider).post(`/api/programmes/${programmeId}/managers`, { email: colleague.email })).statusCode).toBe(404);
  });
});
