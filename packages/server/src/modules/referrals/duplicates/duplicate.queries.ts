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
  const sides = pairSides(db, input);
  // A pair matching on both keys is one row: UNION removes the duplicate.
  return pairsMatchingOn(sides, 'birth_year')
    .union((eb) => pairsMatchingOn(eb, 'cpr_hmac'))
    .orderBy('other_created_at')
    .orderBy('other_id')
    .execute();
}

/** The 30 days within which two referrals may be about the same person. */
const duplicateWindow = () => sql`make_interval(days => ${POSSIBLE_DUPLICATE_WINDOW_DAYS})`;

/**
 * Each side once, with its person and consent: the listed referrals, then every visible referral in the windows of
 * their (service, referring organisation, programme) groups, read by `referrals_duplicate_window_idx`. The pairs are
 * then found by equality (a hash join on the group and the birth year, or the CPR hash), not by a window scan and a
 * person lookup per listed referral: a hotline with 500 open referrals from one police district would otherwise
 * visit 500 × (a month's referrals) rows (docs/performance.md: 4.5–9.4 s against 0.3 s).
 */
function pairSides(db: Db, input: { visibility: ReferralVisibility; listedIds: readonly string[] }) {
  return db
    .with('listed', (qc) =>
      qc
        .selectFrom('referrals')
        .innerJoin('persons as person', 'person.id', 'referrals.person_id')
        .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
        .select([...sideColumns, 'consent.withdrawn_at as consent_withdrawn_at'])
        .where('referrals.id', 'in', [...input.listedIds]),
    )
    .with('scope', (qc) =>
      qc
        .selectFrom('listed')
        .select(['listed.service_id', 'listed.referring_organisation_id', 'listed.programme_id'])
        .select([sql<Date>`min(listed.created_at) - ${duplicateWindow()}`.as('from_at'), sql<Date>`max(listed.created_at) + ${duplicateWindow()}`.as('to_at')])
        .groupBy(['listed.service_id', 'listed.referring_organisation_id', 'listed.programme_id']),
    )
    .with('other', (qc) =>
      qc
        .selectFrom('scope')
        .innerJoin('referrals', (join) =>
          join
            .onRef('referrals.service_id', '=', 'scope.service_id')
            .onRef('referrals.referring_organisation_id', '=', 'scope.referring_organisation_id')
            .onRef('referrals.programme_id', '=', 'scope.programme_id'),
        )
        .innerJoin('persons as person', 'person.id', 'referrals.person_id')
        .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
        .select([...sideColumns, 'consent.withdrawn_at as consent_withdrawn_at', 'referrals.reference'])
        .where(sql<boolean>`referrals.created_at BETWEEN scope.from_at AND scope.to_at`)
        .where(whereReferralVisible(input.visibility)),
    );
}

/** The pairs whose persons have the same `key`, within 30 days of each other. */
function pairsMatchingOn(creator: Pick<ReturnType<typeof pairSides>, 'selectFrom'>, key: 'birth_year' | 'cpr_hmac') {
  return creator
    .selectFrom('listed')
    .innerJoin('other', (join) =>
      join
        .onRef('other.service_id', '=', 'listed.service_id')
        .onRef('other.referring_organisation_id', '=', 'listed.referring_organisation_id')
        .onRef('other.programme_id', '=', 'listed.programme_id')
        .onRef(`other.${key}`, '=', `listed.${key}`)
        .onRef('other.id', '<>', 'listed.id'),
    )
    .select([
      'listed.id as listed_id',
      'other.id as other_id',
      'other.reference as other_reference',
      'other.created_at as other_created_at',
      'listed.cpr_hmac as listed_cpr_hmac',
      'other.cpr_hmac as other_cpr_hmac',
      'listed.birth_year as listed_birth_year',
      'other.birth_year as other_birth_year',
      'listed.full_name_enc as listed_full_name_enc',
      'other.full_name_enc as other_full_name_enc',
      'listed.receiving_organisation_id as listed_receiving_organisation_id',
      'listed.consent_recipient_id as listed_consent_recipient_id',
      'listed.consent_categories as listed_consent_categories',
      'listed.consent_withdrawn_at as listed_consent_withdrawn_at',
      'other.receiving_organisation_id as other_receiving_organisation_id',
      'other.consent_recipient_id as other_consent_recipient_id',
      'other.consent_categories as other_consent_categories',
      'other.consent_withdrawn_at as other_consent_withdrawn_at',
    ])
    .where(sql<boolean>`other.created_at BETWEEN listed.created_at - ${duplicateWindow()} AND listed.created_at + ${duplicateWindow()}`);
}

/** What each side of a pair carries: the group it is compared in, the person's match keys, and the consent. */
const sideColumns = [
  'referrals.id',
  'referrals.service_id',
  'referrals.referring_organisation_id',
  'referrals.programme_id',
  'referrals.created_at',
  'referrals.receiving_organisation_id',
  'person.cpr_hmac',
  'person.birth_year',
  'person.full_name_enc',
  'consent.recipient_organisation_id as consent_recipient_id',
  'consent.data_categories as consent_categories',
] as const;

export type PairRow = Awaited<ReturnType<typeof listPairsAtService>>[number];
