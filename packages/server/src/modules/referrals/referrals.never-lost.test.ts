import { linesThatSee, listRolesWithPermission, PersonRole, ServiceLine, type Role } from '@bro/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createReferralFixture, idempotencyKey, type ReferralFixture } from './testing.ts';
import { referralRequest } from './referral.builders.ts';

/**
 * The promise behind "a referral can never get lost", as a property over generated set-ups: for any receiving
 * service line, any programme configuration (whom the programme lets the service take; a manager or none, active or
 * not), any staff of the receiving organisation (roles, lines, deactivated or not) and any person, a referral that is
 * sent is either visible to an active member who takes referrals there, or escalated at once, by reference, to
 * someone: the programme's active managers and the organisation's admins (else the platform admins). Never a silent
 * wait.
 */
const Member = fc.record({
  role: fc.constantFrom<Role>('intake_coordinator', 'counsellor', 'supervisor', 'organisation_admin'),
  serviceLine: fc.constantFrom<ServiceLine | null>('victim', 'perpetrator', null),
  isActive: fc.boolean(),
});
const SetUp = fc.record({
  serviceLine: fc.constantFrom<ServiceLine | null>('victim', 'perpetrator', null),
  /** Whom the programme lets the service take (null: as its line). */
  programmeRole: fc.option(fc.constantFrom(...PersonRole.options), { nil: null }),
  manager: fc.constantFrom('none', 'active', 'inactive'),
  role: fc.constantFrom(...PersonRole.options),
  staff: fc.array(Member, { maxLength: 4 }),
});

describe('a referral can never get lost', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
  });
  afterAll(async () => t.close());

  it('is, once sent, visible to an active member who takes referrals there, or escalated at once to someone', async () => {
    const takesReferrals = listRolesWithPermission('referral:intake');
    let sentCount = 0;
    await fc.assert(
      fc.asyncProperty(SetUp, async ({ serviceLine, programmeRole, manager, role, staff }) => {
        const organisation = await t.given.organisation({ kind: 'counselling_service' });
        const service = await t.given.service({ organisationId: organisation.id, serviceLine });
        const programme = await t.given.programme({ referrerOrganisationIds: [fx.organisations.police.id], services: [{ serviceId: service.id, role: programmeRole }] });
        const managerIds: string[] = [];
        if (manager !== 'none') {
          const user = await t.given.user({ organisationId: fx.organisations.hotline.id, role: 'organisation_admin' });
          await t.db.insertInto('programme_managers').values({ programme_id: programme.id, user_id: user.id, appointed_by_user_id: null, appointed_at: new Date() }).execute();
          if (manager === 'inactive') await t.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
          else managerIds.push(user.id);
        }
        const members = [];
        for (const member of staff) {
          const user = await t.given.user({ organisationId: organisation.id, role: member.role, serviceLine: member.serviceLine });
          if (!member.isActive) await t.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
          members.push({ ...member, user });
        }

        const body = { ...referralRequest(t, fx, { role, consentTo: organisation.id }), programmeId: programme.id, serviceId: service.id };
        const response = await fx.people.policeReferrer.client.post('/api/referrals', body, { 'idempotency-key': idempotencyKey() });
        if (response.statusCode === 422) {
          // Refused up front is never lost: only for a person the service's line, or the programme, does not let it take.
          expect(response.json().code).toBe('role_not_received');
          return;
        }
        expect(response.statusCode).toBe(201);
        sentCount += 1;
        const referralId = response.json().id as string;

        const seers = members.filter(
          (member) => member.isActive && takesReferrals.includes(member.role) && (member.serviceLine === null || linesThatSee(role).includes(member.serviceLine)),
        );
        for (const seer of seers) {
          const session = await t.given.session(seer.user);
          expect((await t.as(session).get(`/api/inbox/${referralId}`)).statusCode).toBe(200);
        }
        const escalations = await t.db.selectFrom('referral_events').select('id').where('referral_id', '=', referralId).where('action', '=', 'escalate').execute();
        const notified = await t.db.selectFrom('notifications').select('user_id').where('referral_id', '=', referralId).execute();
        if (seers.length > 0) {
          expect(escalations).toHaveLength(0);
        } else {
          expect(escalations).toHaveLength(1);
          expect(notified.length).toBeGreaterThan(0);
          const admins = members.filter((member) => member.isActive && member.role === 'organisation_admin').map((member) => member.user.id);
          if (admins.length > 0) expect(notified.map((row) => row.user_id).sort()).toEqual([...admins, ...managerIds].sort());
          else expect(notified.map((row) => row.user_id)).toEqual(expect.arrayContaining(managerIds));
        }
      }),
      { numRuns: 40 },
    );
    // The generator must reach both branches, or the property says little.
    expect(sentCount).toBeGreaterThan(5);
  });
});
