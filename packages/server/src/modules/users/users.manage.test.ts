import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { GivenSession } from '../../test/builders.ts';
import { auditEntries, loginFully, loginWithPassword } from '../auth/testing.ts';

describe('user administration', () => {
  let t: TestApp;
  let organisationId: string;
  let admin: GivenSession;
  let adminUserId: string;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const signedIn = await t.given.signedIn('organisation_admin', { kind: 'counselling_service' });
    organisationId = signedIn.organisationId;
    admin = signedIn.session;
    adminUserId = signedIn.user.id;
  });
  afterAll(async () => t.close());

  it('creates a user with a one-time initial password, hashed with argon2id, who then enrols TOTP at login', async () => {
    const unit = await t.given.unit(organisationId, 'Team Vest');
    const response = await t.as(admin).post('/api/admin/users', {
      email: '  Ny.Raadgiver@Test.Bro.dk ',
      displayName: 'Ny Rådgiver',
      role: 'counsellor',
      unitId: unit.id,
      serviceLine: 'victim',
    });
    expect(response.statusCode).toBe(201);
    const { user, initialPassword } = response.json();
    expect(user).toEqual({
      id: expect.any(String),
      email: 'ny.raadgiver@test.bro.dk',
      displayName: 'Ny Rådgiver',
      role: 'counsellor',
      unitId: unit.id,
      unitName: 'Team Vest',
      serviceLine: 'victim',
      isActive: true,
      isLocked: false,
      isTotpEnrolled: false,
      lastSignedInAt: null,
    });
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{20}$/);

    const stored = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(stored.password_hash!, initialPassword)).toBe(true);

    const login = await loginWithPassword(t, 'ny.raadgiver@test.bro.dk', initialPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().stage).toBe('mfa_enrolment');

    const audit = await auditEntries(t, 'user.create');
    expect(audit.rows.at(-1)).toMatchObject({
      actor_user_id: adminUserId,
      actor_organisation_id: organisationId,
      object_id: user.id,
      details: { role: 'counsellor', unitId: unit.id, serviceLine: 'victim', organisationId },
    });
    expect(audit.json).not.toContain('raadgiver');
    expect(audit.json).not.toContain('Rådgiver');
    expect(audit.json).not.toContain(initialPassword);
  });

  it('creates a supervisor (faglig leder), listed as one, and can make another user a supervisor', async () => {
    const response = await t.as(admin).post('/api/admin/users', { email: 'faglig.leder@test.bro.dk', displayName: 'Faglig Leder', role: 'supervisor' });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ displayName: 'Faglig Leder', role: 'supervisor' });
    const listed = (await t.as(admin).get('/api/admin/users')).json() as { displayName: string; role: string }[];
    expect(listed.find((user) => user.displayName === 'Faglig Leder')).toMatchObject({ role: 'supervisor' });

    const counsellor = await t.given.user({ organisationId, role: 'counsellor' });
    const promoted = await t.as(admin).patch(`/api/admin/users/${counsellor.id}`, { role: 'supervisor' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'supervisor' });
    // The platform's own role is never the organisation admin's to give.
    expect((await t.as(admin).patch(`/api/admin/users/${counsellor.id}`, { role: 'platform_admin' })).statusCode).toBe(422);
  });

  it('answers 409 email_taken for an e-mail already in use, whatever its case', async () => {
    const existing = await t.given.user({ organisationId, role: 'referrer' });
    const response = await t.as(admin).post('/api/admin/users', { email: existing.email.toUpperCase(), displayName: 'Dublet', role: 'referrer' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'email_taken' });
  });

  it('answers 422 with the fields at fault for bad input', async () => {
    const cases = [
      { email: 'not-an-email', displayName: 'X', role: 'referrer' },
      { email: 'platform@test.bro.dk', displayName: 'X', role: 'platform_admin' },
      { email: 'x@test.bro.dk', displayName: '', role: 'referrer' },
      { email: 'x@test.bro.dk', displayName: 'X', role: 'referrer', isAdmin: true },
      { email: 'x@test.bro.dk', displayName: 'X', role: 'referrer', serviceLine: 'both' },
    ];
    for (const body of cases) {
      const response = await t.as(admin).post('/api/admin/users', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: expect.any(Array) });
    }
    expect((await t.as(admin).patch('/api/admin/users/not-a-uuid', { displayName: 'X' })).statusCode).toBe(422);
  });

  it('refuses a unit of another organisation with 422', async () => {
    const other = await t.given.organisation();
    const foreignUnit = await t.given.unit(other.id);
    const response = await t.as(admin).post('/api/admin/users', { email: 'unit-test@test.bro.dk', displayName: 'Enhed', role: 'referrer', unitId: foreignUnit.id });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.unitId', message: 'unknown_unit' }] });
    const patched = await t.as(admin).patch(`/api/admin/users/${adminUserId}`, { unitId: foreignUnit.id });
    expect(patched.statusCode).toBe(422);
  });

  it('lists the organisation’s users in Danish alphabetical order', async () => {
    const own = await t.given.organisation();
    const { session: ownAdmin } = await t.given.signedIn('organisation_admin', { organisationId: own.id });
    await t.db.updateTable('users').set({ display_name: 'Zenia' }).where('id', '=', (await t.given.user({ organisationId: own.id, role: 'referrer' })).id).execute();
    for (const displayName of ['Åse', 'Ærbar', 'Øjvind', 'Anders']) await t.given.user({ organisationId: own.id, role: 'counsellor', displayName });
    await t.given.user({ organisationId: (await t.given.organisation()).id, role: 'counsellor', displayName: 'Anden Organisation' });
    const response = await t.as(ownAdmin).get('/api/admin/users');
    expect(response.statusCode).toBe(200);
    const names = response.json().map((user: { displayName: string }) => user.displayName);
    expect(names.filter((name: string) => !name.startsWith('Bruger'))).toEqual(['Anders', 'Zenia', 'Ærbar', 'Øjvind', 'Åse']);
    expect(names).not.toContain('Anden Organisation');
  });

  it('shows when each user last completed sign-in: after both factors, not after the password alone', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor', displayName: 'Sidst Logget Ind' });
    const lastSignedIn = async () => {
      const list = (await t.as(admin).get('/api/admin/users')).json() as { id: string; lastSignedInAt: string | null }[];
      return list.find((candidate) => candidate.id === user.id)?.lastSignedInAt;
    };
    expect(await lastSignedIn()).toBeNull();

    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);
    expect(await lastSignedIn()).toBeNull();

    await loginFully(t, user);
    expect(await lastSignedIn()).toBe(t.clock.now().toISOString());
  });

  it('changes role, unit and service line, effective on the user’s very next request', async () => {
    const unit = await t.given.unit(organisationId);
    const { user, session } = await t.given.signedIn('referrer', { organisationId });
    expect((await t.as(session).get('/api/session')).json().role).toBe('referrer');

    const response = await t.as(admin).patch(`/api/admin/users/${user.id}`, { role: 'intake_coordinator', unitId: unit.id, serviceLine: 'perpetrator', displayName: 'Omdøbt' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, role: 'intake_coordinator', unitId: unit.id, serviceLine: 'perpetrator', displayName: 'Omdøbt' });
    const info = (await t.as(session).get('/api/session')).json();
    expect(info).toMatchObject({ role: 'intake_coordinator', serviceLine: 'perpetrator', user: { displayName: 'Omdøbt' } });
    expect(info.permissions).toContain('referral:decide');

    const cleared = await t.as(admin).patch(`/api/admin/users/${user.id}`, { unitId: null, serviceLine: null });
    expect(cleared.json()).toMatchObject({ unitId: null, unitName: null, serviceLine: null, role: 'intake_coordinator' });

    const audit = await auditEntries(t, 'user.update');
    expect(audit.rows.filter((row) => row.object_id === user.id)).toHaveLength(2);
    expect(audit.rows.find((row) => row.object_id === user.id)).toMatchObject({ details: { fromRole: 'referrer', toRole: 'intake_coordinator', isDisplayNameChanged: true } });
    expect(audit.json).not.toContain('Omdøbt');
  });

  it('keeps an admin from demoting or deactivating themself', async () => {
    expect((await t.as(admin).patch(`/api/admin/users/${adminUserId}`, { role: 'counsellor' })).json()).toMatchObject({ code: 'conflict' });
    // Self-deactivation is told as what it is, in the user's language, never as a "changed meanwhile" conflict.
    const response = await t.as(admin).post(`/api/admin/users/${adminUserId}/deactivate`);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'cannot_deactivate_self', status: 422, title: 'Du kan ikke deaktivere dig selv' });
    const english = await t.as(admin).post(`/api/admin/users/${adminUserId}/deactivate`, undefined, { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ code: 'cannot_deactivate_self', title: 'You cannot deactivate yourself' });
    expect((await t.as(admin).get('/api/session')).statusCode).toBe(200);
    const audited = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'user.deactivate').where('object_id', '=', adminUserId).execute();
    expect(audited).toEqual([]);
  });

  it('deactivation ends all the user’s sessions at once; reactivation lets them sign in again', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const first = await t.given.session(user);
    const second = await loginFully(t, user);
    expect((await t.as(first).get('/api/session')).statusCode).toBe(200);
    expect((await t.as(second).get('/api/session')).statusCode).toBe(200);

    const response = await t.as(admin).post(`/api/admin/users/${user.id}/deactivate`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, isActive: false });
    expect((await t.as(first).get('/api/session')).statusCode).toBe(401);
    expect((await t.as(second).get('/api/session')).statusCode).toBe(401);
    const live = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).where('ended_at', 'is', null).execute();
    expect(live).toEqual([]);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(401);
    expect((await auditEntries(t, 'user.deactivate')).rows.find((row) => row.object_id === user.id)).toMatchObject({ details: { endedSessions: 2 } });

    // Reactivation does not revive the ended sessions; the user signs in anew.
    const reactivated = await t.as(admin).post(`/api/admin/users/${user.id}/reactivate`);
    expect(reactivated.json()).toMatchObject({ isActive: true });
    expect((await t.as(first).get('/api/session')).statusCode).toBe(401);
    expect((await loginWithPassword(t, user.email)).statusCode).toBe(200);
    expect((await auditEntries(t, 'user.reactivate')).rows.filter((row) => row.object_id === user.id)).toHaveLength(1);
  });

  it('resetting TOTP ends the sessions and makes the next login enrol again', async () => {
    const user = await t.given.user({ organisationId, role: 'counsellor' });
    const session = await t.given.session(user);
    const response = await t.as(admin).post(`/api/admin/users/${user.id}/reset-totp`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isTotpEnrolled: false });
    expect((await t.as(session).get('/api/session')).statusCode).toBe(401);
    const login = await loginWithPassword(t, user.email);
    expect(login.json().stage).toBe('mfa_enrolment');
    const stored = await t.db.selectFrom('users').select(['totp_secret_enc', 'totp_enrolled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ totp_secret_enc: null, totp_enrolled_at: null });
    expect((await auditEntries(t, 'user.reset_totp')).rows.filter((row) => row.object_id === user.id)).toHaveLength(1);
  });

  it('lists and creates units of the own organisation only', async () => {
    const created = await t.as(admin).post('/api/admin/units', { name: '  Øst  ' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(String), name: 'Øst' });
    expect((await t.as(admin).post('/api/admin/units', { name: 'Øst' })).statusCode).toBe(409);
    expect((await t.as(admin).post('/api/admin/units', { name: '' })).statusCode).toBe(422);
    await t.given.unit((await t.given.organisation()).id, 'Fremmed enhed');
    const listed = (await t.as(admin).get('/api/admin/units')).json();
    expect(listed.map((unit: { name: string }) => unit.name)).toContain('Øst');
    expect(listed.map((unit: { name: string }) => unit.name)).not.toContain('Fremmed enhed');
    expect((await auditEntries(t, 'unit.create')).rows.find((row) => row.object_id === created.json().id)).toMatchObject({ actor_user_id: adminUserId });
  });

  it('keeps every change on an intact audit chain that holds no e-mail address', async () => {
    const created = await t.as(admin).post('/api/admin/users', { email: 'kaede.hansen@test.bro.dk', displayName: 'Kaede Hansen', role: 'referrer' });
    await t.as(admin).post(`/api/admin/users/${created.json().user.id}/deactivate`);
    expect(await sealAndVerifyAuditChain(t.db)).toMatchObject({ isIntact: true });
    const everything = JSON.stringify(await t.db.selectFrom('audit_log').select(['action', 'object_id', 'details']).execute());
    expect(everything).not.toContain('@');
    expect(everything).not.toContain('Kaede');
  });
});
