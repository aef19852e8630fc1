import {
  birthYearFromCpr,
  ConsentDataCategory,
  normalisePersonName,
  POSSIBLE_DUPLICATE_WINDOW_DAYS,
  type DuplicateCheckRequest,
  type DuplicateCheckResponse,
  type PossibleDuplicateAtService,
} from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { cprLookupHash } from '../../persons/index.ts';
import { referrerVisibility, type ReferralVisibility } from '../core/referral-access.ts';
import { listCandidatesForReferrer, listPairsAtService, type PairRow } from './duplicate.queries.ts';

/**
 * Possible duplicates (see POSSIBLE_DUPLICATE_WINDOW_DAYS in @bro/domain). Two persons are possibly the same when
 * their CPR hashes match, or, unless both CPR numbers are known and differ, when their names and birth years match.
 * Names are decrypted only to compare, only among candidates already narrowed in SQL, and never leave the server.
 */

const DAY_MS = 86_400_000;

type Person = { cprHash: string | null; birthYear: number | null; name: () => string };

function isPossiblySamePerson(a: Person, b: Person): boolean {
  if (a.cprHash !== null && a.cprHash === b.cprHash) return true;
  if (a.cprHash !== null && b.cprHash !== null) return false;
  return a.birthYear !== null && a.birthYear === b.birthYear && normalisePersonName(a.name()) === normalisePersonName(b.name());
}

/**
 * For the referring officer, while filling in the form: referrals they may already see (the referrer visibility
 * rule: their unit's, or their own) to the same programme in the last 30 days that may be about this person.
 * Read-only and nothing personal in the answer (the caller sees these referrals anyway), so no access-log entry.
 */
export async function checkPossibleDuplicates(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; request: DuplicateCheckRequest }): Promise<DuplicateCheckResponse> {
  const { request, cipher } = input;
  const cprHash = request.cpr ? cprLookupHash(cipher, request.cpr) : null;
  const birthYear = request.birthYear ?? (request.cpr ? birthYearFromCpr(request.cpr) : null);
  // A name alone is too weak a match: no candidates without a CPR number or a birth year.
  if (cprHash === null && birthYear === null) return { possibleDuplicates: [] };
  const rows = await listCandidatesForReferrer(input.db, {
    visibility: referrerVisibility(input.actor),
    programmeId: request.programmeId,
    since: new Date(input.clock.now().getTime() - POSSIBLE_DUPLICATE_WINDOW_DAYS * DAY_MS),
    cprHash,
    birthYear,
  });
  const typed: Person = { cprHash, birthYear, name: () => request.fullName };
  const matches = rows.filter((row) => isPossiblySamePerson(typed, { cprHash: row.cpr_hmac, birthYear: row.birth_year, name: () => cipher.decrypt(row.full_name_enc) }));
  return { possibleDuplicates: matches.map((row) => ({ reference: row.reference, createdAt: row.created_at.toISOString(), serviceName: row.service_name })) };
}

/** What the service may see of one side of a pair under that referral's consent (as visibleCategoriesOf). */
function coveredCategories(receivingOrganisationId: string, consent: { recipientId: string | null; categories: string[] | null; withdrawnAt: Date | null }): ReadonlySet<ConsentDataCategory> {
  if (consent.recipientId !== receivingOrganisationId || consent.withdrawnAt !== null) return new Set();
  return new Set((consent.categories ?? []).map((category) => ConsentDataCategory.parse(category)));
}

/**
 * One side of a pair as the service may compare it: the CPR hash only if the consent covers the CPR number, name
 * and birth year only if it covers identity. So a flag never tells the service more than the consents let it see.
 */
function sideOf(row: PairRow, side: 'listed' | 'other', openName: (sealed: string) => string): Person {
  const categories = coveredCategories(row[`${side}_receiving_organisation_id`], {
    recipientId: row[`${side}_consent_recipient_id`],
    categories: row[`${side}_consent_categories`],
    withdrawnAt: row[`${side}_consent_withdrawn_at`],
  });
  const hasIdentity = categories.has('identity');
  return {
    cprHash: categories.has('cpr') ? row[`${side}_cpr_hmac`] : null,
    birthYear: hasIdentity ? row[`${side}_birth_year`] : null,
    name: () => openName(row[`${side}_full_name_enc`]),
  };
}

/**
 * "Mulig dublet" for the receiving service: for each listed referral (already visible to the caller), the other
 * referrals at the same service that the caller may also see and that may be about the same person.
 */
export async function findPossibleDuplicatesAtService(input: { db: Db; cipher: FieldCipher; visibility: ReferralVisibility; referralIds: readonly string[] }): Promise<Map<string, PossibleDuplicateAtService[]>> {
  const rows = await listPairsAtService(input.db, { visibility: input.visibility, listedIds: input.referralIds });
  // A referral is in many pairs (the listed one in each of its candidates): each name is decrypted once per call.
  const openedNames = new Map<string, string>();
  const openName = (sealed: string) => {
    let name = openedNames.get(sealed);
    if (name === undefined) {
      name = input.cipher.decrypt(sealed);
      openedNames.set(sealed, name);
    }
    return name;
  };
  const found = new Map<string, PossibleDuplicateAtService[]>();
  for (const row of rows) {
    if (!isPossiblySamePerson(sideOf(row, 'listed', openName), sideOf(row, 'other', openName))) continue;
    found.set(row.listed_id, [...(found.get(row.listed_id) ?? []), { id: row.other_id, reference: row.other_reference }]);
  }
  return found;
}
