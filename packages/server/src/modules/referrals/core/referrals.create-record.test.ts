import type { SafeContactInput } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntries, type AuditTrail } from '../../../platform/audit-log.ts';
import { sealAndVerifyAuditChain } from '../../../test/audit-chain.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createReferralFixture, type ReferralFixture } from '../referral.builders.ts';
import { createReferralRecord, type NewReferral } from './referral-record.service.ts';

/**
 * The one insert path every referral takes (police and municipal referrals, self-referrals, onward referrals from a
 * course), called directly. The routes' own tests cover each caller end to end; this pins what the path writes.
 */
describe('createReferralRecord', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let police: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await createReferralFixture(t);
    const referrer = fx.people.policeReferrer.user;
    police = {
      userId: referrer.id,
      displayName: 'Betjent',
      email: referrer.email,
      sessionId: fx.people.policeReferrer.session.sessionId,
      authenticatedAt: t.clock.now(),
      csrfToken: fx.people.policeReferrer.session.csrfToken,
      authMethod: 'password',
      membershipId: referrer.membershipId,
      organisationId: fx.organisations.police.id,
      organisationName: fx.organisations.police.name,
      organisationKind: 'police_district',
      unitId: fx.policeUnit.id,
      role: 'referrer',
      serviceLine: null,
    };
  });
  afterAll(async () => t.close());

  const contact: SafeContactInput = { phone: '+45 20 30 40 50', isSafeToCall: 'yes', safeTimes: 'Efter kl. 16', voicemailAllowed: 'no', smsAllowed: 'unknown', language: 'da', interpreterNeeded: false };
  const base = (): Omit<NewReferral, 'origin' | 'consent' | 'send'> => ({
    person: { fullName: 'Testperson Create', gender: 'woman', addressProtection: 'none' },
    service: { id: fx.services.lokk.id, organisationId: fx.organisations.lokk.id },
    personRole: 'exposed',
    riskLevel: 'high',
    situation: 'Situation',
    contact,
    childrenInHome: 'yes',
    underretning: null,
  });
  const consent = () => ({ recipientOrganisationId: fx.organisations.lokk.id, dataCategories: ['identity', 'contact'] as const, purpose: 'referral_for_counselling' as const, method: 'oral_at_scene' as const, obtainedAt: t.clock.now() });
  const auditOf = (ids: string[]) => t.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('object_id', 'in', ids).orderBy('id').execute();

  it('a programme referral: person, consent, referral, first event, sent; the audit entries go to the caller’s trail', async () => {
    const trail: AuditTrail = [];
    const created = await t.db.transaction().execute(async (trx) => {
      const result = await createReferralRecord({
        trx,
        clock: t.clock,
        cipher: t.cipher,
        auditTrail: trail,
        referral: { ...base(), origin: { kind: 'programme', actor: police, programmeId: fx.programme.id, incidentId: '6f1c1f43-94f5-4a4c-9d0e-000000000001', isLinked: false }, consent: consent(), send: true },
      });
      // Nothing is appended until the caller appends its trail.
      expect(await auditOf([result.referralId])).toEqual([]);
      await appendAuditEntries(trx, trail);
      return result;
    });
    const referral = await t.db.selectFrom('referrals').selectAll().where('id', '=', created.referralId).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({
      incident_id: '6f1c1f43-94f5-4a4c-9d0e-000000000001',
      person_id: created.personId,
      consent_id: created.consentId,
      source: 'police',
      referring_organisation_id: police.organisationId,
      referring_unit_id: police.unitId,
      created_by_user_id: police.userId,
      programme_id: fx.programme.id,
      origin_course_id: null,
      status: 'sent',
      heard_about: null,
      receipt_code_hash: null,
    });
    expect(t.cipher.decryptOptional(referral.phone_enc)).toBe(contact.phone);
    const events = await t.db.selectFrom('referral_events').select(['action', 'to_status', 'actor_user_id', 'note_enc']).where('referral_id', '=', created.referralId).orderBy('id').execute();
    expect(events).toEqual([
      { action: 'create', to_status: 'draft', actor_user_id: police.userId, note_enc: null },
      { action: 'send', to_status: 'sent', actor_user_id: police.userId, note_enc: null },
    ]);
    expect(await auditOf([created.referralId, created.consentId!])).toEqual([
      { action: 'consent.record', actor_user_id: police.userId, details: { personId: created.personId, recipientOrganisationId: fx.organisations.lokk.id, categories: 'contact,identity', method: 'oral_at_scene' } },
      {
        action: 'referral.create',
        actor_user_id: police.userId,
        details: { personId: created.personId, serviceId: fx.services.lokk.id, programmeId: fx.programme.id, personRole: 'exposed', riskLevel: 'high', consentId: created.consentId, isLinked: false },
      },
      { action: 'referral.send', actor_user_id: police.userId, details: { fromStatus: 'draft', toStatus: 'sent', hasNote: false } },
    ]);
  });

  it('a draft without consent stays a draft, with no consent', async () => {
    const created = await t.db.transaction().execute((trx) =>
      createReferralRecord({ trx, clock: t.clock, cipher: t.cipher, referral: { ...base(), origin: { kind: 'programme', actor: police, programmeId: fx.programme.id, incidentId: crypto.randomUUID(), isLinked: true }, consent: null, send: false } }),
    );
    expect(created.consentId).toBeNull();
    expect(await t.db.selectFrom('referrals').select(['status', 'sent_at']).where('id', '=', created.referralId).executeTakeFirstOrThrow()).toEqual({ status: 'draft', sent_at: null });
    expect((await auditOf([created.referralId])).map((entry) => [entry.action, entry.details])).toEqual([['referral.create', expect.objectContaining({ consentId: null, isLinked: true })]]);
  });

  it('a self-referral: no referring organisation or user, the person’s own consent, receipt hash, appended as it goes', async () => {
    const created = await t.db.transaction().execute((trx) =>
      createReferralRecord({
        trx,
        clock: t.clock,
        cipher: t.cipher,
        referral: { ...base(), origin: { kind: 'self', heardAbout: 'from_friend', receiptCodeHash: 'f'.repeat(64) }, consent: { ...consent(), method: 'written' }, send: true },
      }),
    );
    expect(await t.db.selectFrom('referrals').selectAll().where('id', '=', created.referralId).executeTakeFirstOrThrow()).toMatchObject({
      source: 'self',
      referring_organisation_id: null,
      referring_unit_id: null,
      created_by_user_id: null,
      programme_id: null,
      heard_about: 'from_friend',
      receipt_code_hash: 'f'.repeat(64),
      status: 'sent',
    });
    // The person record belongs to the receiving organisation.
    expect((await t.db.selectFrom('persons').select('created_by_organisation_id').where('id', '=', created.personId).executeTakeFirstOrThrow()).created_by_organisation_id).toBe(fx.organisations.lokk.id);
    const audit = await auditOf([created.referralId, created.consentId!]);
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual([
      ['consent.record', null],
      ['referral.create', null],
      ['referral.send', null],
    ]);
    expect(audit[0]?.details).toMatchObject({ isGivenByPerson: true });
    expect(audit[1]?.details).toEqual({ personId: created.personId, serviceId: fx.services.lokk.id, source: 'self', personRole: 'exposed', consentId: created.consentId });
    expect((await sealAndVerifyAuditChain(t.db)).isIntact).toBe(true);
  });
});
