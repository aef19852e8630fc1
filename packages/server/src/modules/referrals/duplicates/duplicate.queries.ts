import { POSSIBLE_DUPLICATE_WINDOW_DAYS } from '@bro/domain';
import { sql } from 'kysely';
import type { Db } from '../../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from '../core/referral-access.ts';

/**
 * SQL of possible duplicates. Both queries narrow in SQL to the few referrals that could match (visibility,
 * programme, 30 days, the same CPR hash or birth year); the service then compares names, which are encrypted, only
 * among these candidates. A candidate list is short, so nobody's whole register is ever decrypted.
 */

/** Enough for any real unit in 30 days; a bound on how many names one check may decrypt. */
const CANDIDATE_LIMIT = 200;

/** Referrals the referring caller may see, in the programme, sent since `since`, with the same CPR hash or birth year. */
export async function listCandidatesForReferrer(db: Db, input: { visibility: ReferralVisibility; programmeId: string; since: Date; cprHash: string | null; birthYear: number | null }) {
  return db
    .selectFrom('referrals')
    .innerJoin('persons as person', 'person.id', 'referrals.person_id')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    .select(['referrals.reference', 'referrals.created_at', 'service.name as service_name', 'person.cpr_hmac', 'person.birth_year', 'person.full_name_enc'])
    .where(whereReferralVisible(input.visibility))
    .where('referrals.programme_id', '=', input.programmeId)
    // A draft is not a referral yet: nobody has been referred twice.
    .where('referrals.status', '<>', 'draft')
    .where('referrals.created_at', '>=', input.since)
    .where((eb) =>
      eb.or([
        ...(input.cprHash === null ? [] : [eb('person.cpr_hmac', '=', input.cprHash)]),
        ...(input.birthYear === null ? [] : [eb('person.birth_year', '=', input.birthYear)]),
      ]),
    )
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id')
    .limit(CANDIDATE_LIMIT)
    .execute();
}

/**
 * Pairs (listed referral, other referral) at the same service, from the same referring organisation and programme,
 * created within 30 days of each other, with the same CPR hash or birth year. `listedIds` must already be visible to
 * the caller; the other referral is checked here by the visibility rule, so a pair never names a referral the
 * caller may not see. With each side: the consent that covers this service, to compare only what it may see.
 */
export async function listPairsAtService(db: Db, input: { visibility: ReferralVisibility; listedIds: readonly string[] }) {
  if (input.listedIds.length === 0) return [];
  return db
    .selectFrom('referrals as listed')
    .innerJoin('referrals', (join) =>
      join
        .onRef('referrals.service_id', '=', 'listed.service_id')
        .onRef('referrals.id', '<>', 'listed.id')
        .onRef('referrals.referring_organisation_id', '=', 'listed.referring_organisation_id')
        .onRef('referrals.programme_id', '=', 'listed.programme_id'),
    )
    .innerJoin('persons as listed_person', 'listed_person.id', 'listed.person_id')
    .innerJoin('persons as other_person', 'other_person.id', 'referrals.person_id')
    .leftJoin('consents as listed_consent', 'listed_consent.id', 'listed.consent_id')
    .leftJoin('consents as other_consent', 'other_consent.id', 'referrals.consent_id')
    .select([
      'listed.id as listed_id',
      'referrals.id as other_id',
      'referrals.reference as other_reference',
      'listed_person.cpr_hmac as listed_cpr_hmac',
      'other_person.cpr_hmac as other_cpr_hmac',
      'listed_person.birth_year as listed_birth_year',
      'other_person.birth_year as other_birth_year',
      'listed_person.full_name_enc as listed_full_name_enc',
      'other_person.full_name_enc as other_full_name_enc',
      'listed.receiving_organisation_id as listed_receiving_organisation_id',
      'listed_consent.recipient_organisation_id as listed_consent_recipient_id',
      'listed_consent.data_categories as listed_consent_categories',
      'listed_consent.withdrawn_at as listed_consent_withdrawn_at',
      'referrals.receiving_organisation_id as other_receiving_organisation_id',
      'other_consent.recipient_organisation_id as other_consent_recipient_id',
      'other_consent.data_categories as other_consent_categories',
      'other_consent.withdrawn_at as other_consent_withdrawn_at',
    ])
    .where('listed.id', 'in', [...input.listedIds])
    .where(whereReferralVisible(input.visibility))
    // Written as a range on the other referral's created_at (not abs(difference) <= window), so the index on
    // (service, referring organisation, programme, created_at) reads only the window: flat with the years of data.
    .where(sql<boolean>`referrals.created_at BETWEEN listed.created_at - make_interval(days => ${POSSIBLE_DUPLICATE_WINDOW_DAYS}) AND listed.created_at + make_interval(days => ${POSSIBLE_DUPLICATE_WINDOW_DAYS})`)
    .where((eb) => eb.or([eb('other_person.cpr_hmac', '=', eb.ref('listed_person.cpr_hmac')), eb('other_person.birth_year', '=', eb.ref('listed_person.birth_year'))]))
    .orderBy('referrals.created_at')
    .orderBy('referrals.id')
    .execute();
}

export type PairRow = Awaited<ReturnType<typeof listPairsAtService>>[number];
