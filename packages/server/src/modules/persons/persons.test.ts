import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { createBuilders } from '../../test/builders.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createPerson, openPersonUnderConsent, recordConsent, withdrawConsentsOfPerson } from './index.ts';

/** The person record and consents, called the way referrals and courses call them: inside their transaction. */
describe('persons and consents', () => {
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  const clock = createFixedClock(TEST_NOW);
  let database: TestDatabase;
  let staff: { userId: string; organisationId: string };
  let recipientId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const given = createBuilders({ db: database.db, cipher, clock });
    const police = await given.organisation({ kind: 'police_district' });
    recipientId = (await given.organisation({ kind: 'counselling_service' })).id;
    const user = await given.user({ organisationId: police.id, role: 'referrer' });
    staff = { userId: user.id, organisationId: police.id };
  });
  afterAll(async () => database?.drop());

  const newPerson = (cpr?: string) =>
    database.db.transaction().execute((trx) =>
      createPerson({
        trx,
        cipher,
        createdByOrganisationId: staff.organisationId,
        person: { fullName: 'Testperson Hansen', cpr, gender: 'woman', birthYear: 1990, addressProtection: 'none' },
        now: clock.now(),
      }),
    );
  const auditOf = (objectId: string) => database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('object_id', '=', objectId).execute();

  it('stores the name and CPR encrypted, the CPR also as a keyed hash of its digits', async () => {
    const personId = await newPerson('010190 1234');
    const row = await database.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(row.full_name_enc).not.toContain('Hansen');
    expect(cipher.decrypt(row.full_name_enc)).toBe('Testperson Hansen');
    expect(cipher.decryptOptional(row.cpr_enc)).toBe('010190-1234');
    expect(row.cpr_hmac).toBe(cipher.lookupHash('0101901234'));
    expect(row).toMatchObject({ created_by_organisation_id: staff.organisationId, gender: 'woman', birth_year: 1990, address_protection: 'none' });

    const withoutCpr = await newPerson();
    expect(await database.db.selectFrom('persons').select(['cpr_enc', 'cpr_hmac']).where('id', '=', withoutCpr).executeTakeFirstOrThrow()).toEqual({ cpr_enc: null, cpr_hmac: null });
  });

  it('records a consent obtained by staff with its audit entry, and one the person gave themselves without an actor', async () => {
    const personId = await newPerson();
    const consent = { recipientOrganisationId: recipientId, dataCategories: ['identity', 'contact', 'identity'] as const, purpose: 'referral_for_counselling' as const, obtainedAt: clock.now() };
    const [byStaff, byPerson] = await database.db.transaction().execute(async (trx) => [
      await recordConsent({ trx, personId, consent: { ...consent, method: 'oral_at_scene' }, obtainedBy: staff, now: clock.now() }),
      await recordConsent({ trx, personId, consent: { ...consent, method: 'written' }, obtainedBy: 'person', now: clock.now() }),
    ]);
    const rows = await database.db.selectFrom('consents').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
    expect(rows.find((row) => row.id === byStaff)).toMatchObject({ data_categories: ['identity', 'contact'], obtained_by_user_id: staff.userId, is_given_by_person: false });
    expect(rows.find((row) => row.id === byPerson)).toMatchObject({ obtained_by_user_id: null, obtained_by_organisation_id: null, is_given_by_person: true });
    expect(await auditOf(byStaff!)).toEqual([
      { action: 'consent.record', actor_user_id: staff.userId, details: { personId, recipientOrganisationId: recipientId, categories: 'contact,identity', method: 'oral_at_scene' } },
    ]);
    expect(await auditOf(byPerson!)).toEqual([
      { action: 'consent.record', actor_user_id: null, details: { personId, recipientOrganisationId: recipientId, categories: 'contact,identity', method: 'written', isGivenByPerson: true } },
    ]);
    expect((await sealAndVerifyAuditChain(database.db)).isIntact).toBe(true);
  });

  it('withdraws every active consent of the person, and only those', async () => {
    const personId = await newPerson();
    const other = await newPerson();
    const consent = { recipientOrganisationId: recipientId, dataCategories: ['contact'] as const, purpose: 'referral_for_counselling' as const, method: 'written' as const, obtainedAt: clock.now() };
    const withdrawn = await database.db.transaction().execute(async (trx) => {
      const ids = [await recordConsent({ trx, personId, consent, obtainedBy: staff, now: clock.now() }), await recordConsent({ trx, personId, consent, obtainedBy: staff, now: clock.now() })];
      await recordConsent({ trx, personId: other, consent, obtainedBy: staff, now: clock.now() });
      return { ids, first: await withdrawConsentsOfPerson({ trx, personId, withdrawnAt: clock.now(), withdrawnByUserId: staff.userId }), again: await withdrawConsentsOfPerson({ trx, personId, withdrawnAt: clock.now(), withdrawnByUserId: staff.userId }) };
    });
    expect(withdrawn.first.sort()).toEqual(withdrawn.ids.sort());
    expect(withdrawn.again).toEqual([]);
    expect(await database.db.selectFrom('consents').select('id').where('person_id', '=', other).where('withdrawn_at', 'is', null).execute()).toHaveLength(1);
  });

  it('opens only what the consent covers', () => {
    const sealed = { full_name_enc: cipher.encrypt('Kim'), cpr_enc: cipher.encrypt('010190-1234'), gender: 'woman', birth_year: 1990, address_protection: 'special' };
    expect(openPersonUnderConsent(sealed, new Set(['contact']), cipher)).toBeNull();
    expect(openPersonUnderConsent(sealed, new Set(['cpr']), cipher)).toEqual({ fullName: null, cpr: '010190-1234', gender: 'unknown', birthYear: null, addressProtection: 'unknown' });
    expect(openPersonUnderConsent(sealed, new Set(['identity']), cipher)).toEqual({ fullName: 'Kim', cpr: null, gender: 'woman', birthYear: 1990, addressProtection: 'special' });
  });
});
