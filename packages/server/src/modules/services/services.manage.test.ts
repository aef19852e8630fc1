import type { AdminService, CreateServiceRequest } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createReferralFixture, givenReferral, type ReferralFixture } from '../referrals/testing.ts';

const newService = (overrides: Partial<CreateServiceRequest> = {}) => ({
  name: 'Ambulant rådgivning Øst',
  description: 'Samtaler for voldsudsatte kvinder.',
  serviceLine: 'victim',
  intakePhone: '+45 33 33 33 33',
  intakeHours: 'Hverdage 9–15',
  firstContactDeadlineHours: 48,
  highRiskDeadlineHours: 24,
  maxContactAttempts: 3,
  receivesGenders: null,
  minimumAge: null,
  maximumAge: null,
  ...overrides,
});

const asUpdate = (service: AdminService) => ({
  name: service.name,
  description: service.description,
  serviceLine: service.serviceLine,
  intakePhone: service.intakePhone,
  intakeHours: service.intakeHours,
  firstContactDeadlineHours: service.firstContactDeadlineHours,
  highRiskDeadlineHours: service.highRiskDeadlineHours,
  maxContactAttempts: service.maxContactAttempts,
  receivesGenders: service.receivesGenders,
  minimumAge: service.minimumAge,
  maximumAge: service.maximumAge,
  isActive: service.isActive,
});

describe('an organisation admin’s services', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let lokkAdmin: GivenSession;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
    ({ session: lokkAdmin } = await t.given.signedIn('organisation_admin', { organisationId: fx.organisations.lokk.id }));
  });
  afterAll(async () => t.close());

  it('creates a service that then takes referrals as its line allows, and audits it without its texts', async () => {
    const response = await t.as(lokkAdmin).post('/api/admin/services', newService({ receivesGenders: ['woman'], minimumAge: 18 }));
    expect(response.statusCode).toBe(201);
    const created = response.json() as AdminService;
    expect(created).toMatchObject({
      name: 'Ambulant rådgivning Øst',
      serviceLine: 'victim',
      intakePhone: '+45 33 33 33 33',
      intakeHours: 'Hverdage 9–15',
      isActive: true,
      receivesRoles: ['exposed'],
      receivesGenders: ['woman'],
      minimumAge: 18,
      maximumAge: null,
      openReferralCount: 0,
      openCourseCount: 0,
    });
    expect(created.slug).toMatch(/^ambulant-raadgivning-oest-[0-9a-f]{6}$/);

    const listed = (await t.as(lokkAdmin).get('/api/admin/services')).json() as AdminService[];
    expect(listed.map((service) => service.name)).toEqual(['Ambulant rådgivning Øst', 'LOKK rådgivning']);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'service.create').where('object_id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('voldsudsatte');
    expect((await sealAndVerifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('lists only the own organisation’s services, and answers 404 for another organisation’s', async () => {
    const listed = (await t.as(lokkAdmin).get('/api/admin/services')).json() as AdminService[];
    expect(listed.map((service) => service.id)).not.toContain(fx.services.dmv.id);
    const dmvService = (await t.as(lokkAdmin).get('/api/admin/services')).json() as AdminService[];
    const foreign = await t.as(lokkAdmin).put(`/api/admin/services/${fx.services.dmv.id}`, asUpdate({ ...dmvService[0]!, serviceLine: null }));
    expect(foreign.statusCode).toBe(404);
    const row = await t.db.selectFrom('services').select('service_line').where('id', '=', fx.services.dmv.id).executeTakeFirstOrThrow();
    expect(row.service_line).toBe('perpetrator');
  });

  it('refuses every role without services:manage with 403', async () => {
    for (const member of [fx.people.lokkCoordinator, fx.people.lokkCounsellor, fx.people.policeReferrer]) {
      expect((await member.client.get('/api/admin/services')).statusCode).toBe(403);
      expect((await member.client.post('/api/admin/services', newService())).statusCode).toBe(403);
    }
    expect((await t.as(undefined).get('/api/admin/services')).statusCode).toBe(401);
  });

  it('answers bad input with 422 and the fields at fault, and writes nothing', async () => {
    const before = await t.db.selectFrom('services').select('id').execute();
    const cases: [string, unknown, string][] = [
      ['empty name', newService({ name: '  ' }), 'body.name'],
      ['unknown line', { ...newService(), serviceLine: 'both' }, 'body.serviceLine'],
      ['deadline too long', newService({ firstContactDeadlineHours: 1000 }), 'body.firstContactDeadlineHours'],
      ['high risk slower than standard', newService({ firstContactDeadlineHours: 24, highRiskDeadlineHours: 48 }), 'body.highRiskDeadlineHours'],
      ['letters in the phone', newService({ intakePhone: 'ring os' }), 'body.intakePhone'],
      ['opening hours too long', newService({ intakeHours: 'x'.repeat(201) }), 'body.intakeHours'],
      ['extra property', { ...newService(), address: 'Hemmelig vej 1' }, 'body'],
      ['ages out of order', newService({ minimumAge: 30, maximumAge: 18 }), 'body.maximumAge'],
      ['unknown gender', { ...newService(), receivesGenders: ['child'] }, 'body.receivesGenders'],
      ['no gender ticked', newService({ receivesGenders: [] }), 'body.receivesGenders'],
    ];
    for (const [name, body, path] of cases) {
      const response = await t.as(lokkAdmin).post('/api/admin/services', body as Record<string, unknown>);
      expect(response.statusCode, name).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { path: string }) => error.path).some((at: string) => at.startsWith(path)), name).toBe(true);
    }
    expect(await t.db.selectFrom('services').select('id').execute()).toHaveLength(before.length);
  });

  it('keeps the line and stays open while referrals are open (409 service_in_use), and allows it once they are not', async () => {
    await givenReferral(t, fx, { to: 'lokk' });
    const lokkService = ((await t.as(lokkAdmin).get('/api/admin/services')).json() as AdminService[]).find((service) => service.id === fx.services.lokk.id)!;
    expect(lokkService.openReferralCount).toBeGreaterThanOrEqual(1);

    for (const change of [{ serviceLine: null }, { isActive: false }] as const) {
      const refused = await t.as(lokkAdmin).put(`/api/admin/services/${lokkService.id}`, { ...asUpdate(lokkService), ...change });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('service_in_use');
    }
    // Other changes go through: a shorter deadline applies to new referrals.
    const renamed = await t.as(lokkAdmin).put(`/api/admin/services/${lokkService.id}`, { ...asUpdate(lokkService), maxContactAttempts: 4 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ maxContactAttempts: 4, serviceLine: 'victim' });

    await t.db.updateTable('referrals').set({ status: 'withdrawn' }).where('service_id', '=', lokkService.id).where('status', 'in', ['sent', 'received', 'accepted']).execute();
    const closed = await t.as(lokkAdmin).put(`/api/admin/services/${lokkService.id}`, { ...asUpdate(lokkService), maxContactAttempts: 4, isActive: false });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ isActive: false, openReferralCount: 0 });
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'service.update').where('object_id', '=', lokkService.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ changed: 'isActive', isActive: false });
  });
});
