import {
  AddressProtection,
  Gender,
  normaliseCpr,
  type ConsentDataCategory,
  type ConsentMethod,
  type ConsentPurpose,
  type ReferralForReceiver,
} from '@bro/domain';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Row } from '../../db/tables.ts';
import { recordAuditEntry, type AuditEntry, type AuditTrail } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { insertConsent, insertConsentQuery, insertPerson, insertPersonQuery, withdrawActiveConsentsOfPerson } from './person.queries.ts';

/**
 * The person record and the consents given for their data, shared by referrals and courses. Names and CPR numbers
 * are stored encrypted (CPR also as a keyed hash, for lookups); a consent is a record of its own — who obtained
 * it, how, when, for whom, for what — and audited like any change.
 */

/** Clocks drift; a consent "obtained" further in the future than this is a mistake in the form. */
const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

export type NewPerson = {
  fullName: string;
  cpr?: string | undefined;
  gender: Gender;
  birthYear?: number | null | undefined;
  addressProtection: AddressProtection;
};

/** The keyed hash a person's CPR number is looked up by (`persons.cpr_hmac`): the same normalisation as on create. */
export function cprLookupHash(cipher: FieldCipher, cpr: string): string {
  return cipher.lookupHash(normaliseCpr(cpr));
}

/** Creates a person record in the caller's transaction; returns its id. */
export async function createPerson(input: { trx: Transaction<Database>; cipher: FieldCipher; createdByOrganisationId: string; person: NewPerson; now: Date }): Promise<string> {
  return insertPerson(input.trx, personRowOf(input));
}

/**
 * The person's row with its id chosen here, and its insert not yet run: a caller that creates a person with other
 * records runs it inside its own single statement (see createReferralRecord), so nothing is read back.
 */
export function preparePerson(input: { trx: Transaction<Database>; cipher: FieldCipher; createdByOrganisationId: string; person: NewPerson; now: Date }) {
  const row = { id: randomUUID(), ...personRowOf(input) };
  return { personId: row.id, row, insert: insertPersonQuery(input.trx, row) };
}

function personRowOf(input: { cipher: FieldCipher; createdByOrganisationId: string; person: NewPerson; now: Date }) {
  const { cipher, person } = input;
  const cpr = person.cpr ? normaliseCpr(person.cpr) : undefined;
  return {
    created_by_organisation_id: input.createdByOrganisationId,
    full_name_enc: cipher.encrypt(person.fullName),
    cpr_enc: cpr ? cipher.encrypt(`${cpr.slice(0, 6)}-${cpr.slice(6)}`) : null,
    cpr_hmac: cpr ? cprLookupHash(cipher, cpr) : null,
    gender: person.gender,
    birth_year: person.birthYear ?? null,
    address_protection: person.addressProtection,
    created_at: input.now,
  };
}

export type ConsentGiven = {
  recipientOrganisationId: string;
  dataCategories: readonly ConsentDataCategory[];
  purpose: ConsentPurpose;
  method: ConsentMethod;
  obtainedAt: string | Date;
};

/** A consent must name the organisation that will receive the data, and cannot have been given in the future. */
export function assertConsentFits(consent: Pick<ConsentGiven, 'recipientOrganisationId' | 'obtainedAt'>, recipientOrganisationId: string, now: Date, path: string): void {
  if (consent.recipientOrganisationId !== recipientOrganisationId) throw new AppError('consent_required');
  if (new Date(consent.obtainedAt).getTime() > now.getTime() + CONSENT_CLOCK_SKEW_MS) {
    throw new AppError('validation_failed', [{ path: `${path}.obtainedAt`, message: 'in_the_future' }]);
  }
}

type ConsentToRecord = {
  personId: string;
  consent: ConsentGiven;
  obtainedBy: Pick<Actor, 'userId' | 'organisationId'> | 'person';
  now: Date;
};

/**
 * Records a consent in the caller's transaction, with its audit entry (appended now, or added to the caller's
 * trail). `obtainedBy` is the staff member who obtained it, or `'person'` when the person gave it themselves (the
 * public contact form): then no user or organisation stands behind it.
 */
export async function recordConsent(input: ConsentToRecord & { trx: Transaction<Database>; auditTrail?: AuditTrail | undefined }): Promise<string> {
  const { row, auditEntry } = consentRecordOf(input);
  const consentId = await insertConsent(input.trx, row);
  await recordAuditEntry(input.trx, { ...auditEntry, objectId: consentId }, input.auditTrail);
  return consentId;
}

/**
 * The consent's row with its id chosen here, its insert not yet run (see {@link preparePerson}), and its audit entry,
 * which the caller appends with its own.
 */
export function prepareConsent(input: ConsentToRecord & { trx: Transaction<Database> }) {
  const consentId = randomUUID();
  const { row, auditEntry } = consentRecordOf(input);
  const identified = { id: consentId, ...row };
  return { consentId, row: identified, insert: insertConsentQuery(input.trx, identified), auditEntry: { ...auditEntry, objectId: consentId } };
}

function consentRecordOf(input: ConsentToRecord) {
  const { consent } = input;
  const staff = input.obtainedBy === 'person' ? null : input.obtainedBy;
  const categories = [...new Set(consent.dataCategories)];
  const row = {
    person_id: input.personId,
    recipient_organisation_id: consent.recipientOrganisationId,
    data_categories: categories,
    purpose: consent.purpose,
    method: consent.method,
    obtained_by_user_id: staff?.userId ?? null,
    obtained_by_organisation_id: staff?.organisationId ?? null,
    is_given_by_person: staff === null,
    obtained_at: consent.obtainedAt,
    created_at: input.now,
  };
  const auditEntry: AuditEntry = {
    occurredAt: input.now,
    actorUserId: staff?.userId ?? null,
    actorOrganisationId: staff?.organisationId ?? null,
    action: 'consent.record',
    objectType: 'consent',
    objectId: '',
    details: {
      personId: input.personId,
      recipientOrganisationId: consent.recipientOrganisationId,
      categories: [...categories].sort().join(','),
      method: consent.method,
      ...(staff === null ? { isGivenByPerson: true } : {}),
    },
  };
  return { row, auditEntry };
}

/**
 * The person withdrew their consent: every active consent of theirs ends now. Returns the ids it ended; the
 * caller's audit entry names them (the change is recorded where the person asked for it, e.g. on the referral).
 */
export async function withdrawConsentsOfPerson(input: { trx: Transaction<Database>; personId: string; withdrawnAt: Date; withdrawnByUserId: string }): Promise<string[]> {
  return withdrawActiveConsentsOfPerson(input.trx, { personId: input.personId, withdrawnAt: input.withdrawnAt, withdrawnByUserId: input.withdrawnByUserId });
}

export type SealedPerson = Pick<Row<'persons'>, 'full_name_enc' | 'cpr_enc' | 'gender' | 'birth_year' | 'address_protection'>;
export type PersonUnderConsent = NonNullable<ReferralForReceiver['person']>;

/**
 * The person as a view may show them under a consent: `identity` opens name, gender, birth year and address
 * protection; `cpr` opens the CPR number. Only those fields are decrypted. Uncovered fields are null, except gender
 * and address protection, which then read `unknown`; null when the consent covers neither.
 */
export function openPersonUnderConsent(person: SealedPerson, categories: ReadonlySet<ConsentDataCategory>, cipher: FieldCipher): PersonUnderConsent | null {
  const hasIdentity = categories.has('identity');
  if (!hasIdentity && !categories.has('cpr')) return null;
  return {
    fullName: hasIdentity ? cipher.decrypt(person.full_name_enc) : null,
    cpr: categories.has('cpr') ? cipher.decryptOptional(person.cpr_enc) : null,
    gender: hasIdentity ? Gender.parse(person.gender) : 'unknown',
    birthYear: hasIdentity ? person.birth_year : null,
    addressProtection: hasIdentity ? AddressProtection.parse(person.address_protection) : 'unknown',
  };
}
