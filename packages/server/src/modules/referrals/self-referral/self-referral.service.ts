import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CHALLENGE_LIFETIME_MS,
  challengePayload,
  HeardAbout,
  HOTLINE_CHOICE,
  isProofOfWorkSolved,
  isRoleServedByLine,
  parseChallenge,
  PROOF_OF_WORK_BITS,
  ProofOfWorkNonce,
  proofOfWorkInput,
  receiptCodeFromBytes,
  receiptStatusOf,
  ReferralStatus,
  SelfReferralForm,
  ServiceLine,
  suppressSmallCount,
  type HeardAboutStatistics,
  type ReceiptStatus,
  type SelfReferralField,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { createReferralRecord } from '../core/referral-record.service.ts';
import { publishReferralChanges } from '../core/referral-transition.ts';
import {
  attachReferralToChallenge,
  claimSelfReferralChallenge,
  countSelfReferralsByHeardAbout,
  deleteChallengesExpiredBefore,
  findReceiptState,
  findReferralOfChallenge,
  isReceiptCodeHashTaken,
  listSelfReferralTargets,
  type SelfReferralTargetRow,
} from './self-referral.queries.ts';

/**
 * Self-referral: a person asks on the public pages to be contacted. It becomes a referral with the source `self`,
 * no referring organisation and no staff user behind it, in the chosen service's intake inbox under the same
 * deadline rules as every referral; the person's submission (consent box ticked) is their written consent to that
 * service's organisation. They get a receipt code that shows, to whoever holds it, only whether anyone has called.
 *
 * Keys: the challenge signature, the receipt code and the stored hashes all come from the field cipher's lookup
 * HMAC (a key derived from the app key), each with its own prefix, so no value can stand in for another.
 */

/** Stored as the name when the person gives none: staff see at once that the person chose to be anonymous. */
const ANONYMOUS_NAME = 'Anonym';
/** A used challenge is kept this long after it expires, then deleted. */
const CHALLENGE_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Tries at a receipt code that no other request has; a clash of 50-bit codes is already vanishingly rare. */
const RECEIPT_CODE_ATTEMPTS = 5;

export type SelfReferralTarget = {
  slug: string;
  names: { da: string; en: string; ar: string | null };
  organisationName: string;
  organisationId: string;
  serviceId: string;
  serviceLine: ServiceLine | null;
  isHotline: boolean;
};

export type ContactFormOptions = {
  /** Every listing that takes requests, including the hotline's. */
  targets: SelfReferralTarget[];
  /** The national hotline's listing, for "let the hotline choose"; undefined if there is none. */
  hotline: SelfReferralTarget | undefined;
};

function toTarget(row: SelfReferralTargetRow): SelfReferralTarget {
  return {
    slug: row.slug,
    names: { da: row.name_da, en: row.name_en, ar: row.name_ar },
    organisationName: row.organisation_name,
    organisationId: row.organisation_id,
    serviceId: row.service_id,
    serviceLine: row.service_line === null ? null : ServiceLine.parse(row.service_line),
    isHotline: row.organisation_kind === 'national_hotline',
  };
}

export async function getContactFormOptions(input: { db: Db }): Promise<ContactFormOptions> {
  const targets = (await listSelfReferralTargets(input.db)).map(toTarget);
  return { targets, hotline: targets.find((target) => target.isHotline) };
}

// ---------------------------------------------------------------------------------------------------------------
// Challenge and proof of work

function signChallenge(cipher: FieldCipher, payload: string): string {
  return cipher.lookupHash(`self-referral-challenge:${payload}`).slice(0, 32);
}

/** A fresh, signed, expiring challenge for one form. Stateless: nothing is stored until it is used. */
export function issueChallenge(input: { clock: Clock; cipher: FieldCipher }): string {
  const payload = challengePayload({
    bits: PROOF_OF_WORK_BITS,
    expiresAt: new Date(input.clock.now().getTime() + CHALLENGE_LIFETIME_MS),
    random: randomBytes(16).toString('base64url'),
  });
  return `${payload}.${signChallenge(input.cipher, payload)}`;
}

type ChallengeCheck = { status: 'invalid' } | { status: 'expired' } | { status: 'valid'; challenge: string; expiresAt: Date; hasProofOfWork: boolean };

/**
 * Checks the form's challenge (ours, unchanged, not expired) and whether the browser solved its proof of work.
 * An unsolved or wrong proof is not an error: the form also works without JavaScript, and the caller then applies
 * the stricter rate limit for requests without proof of work.
 */
export function checkChallenge(input: { clock: Clock; cipher: FieldCipher; challenge: string | undefined; nonce: string | undefined }): ChallengeCheck {
  const challenge = input.challenge ?? '';
  const parsed = parseChallenge(challenge);
  if (!parsed) return { status: 'invalid' };
  const expected = Buffer.from(signChallenge(input.cipher, parsed.payload));
  if (!timingSafeEqual(expected, Buffer.from(parsed.mac))) return { status: 'invalid' };
  if (input.clock.now().getTime() > parsed.expiresAt.getTime()) return { status: 'expired' };
  const nonce = ProofOfWorkNonce.safeParse(input.nonce);
  const hasProofOfWork = nonce.success && isProofOfWorkSolved(createHash('sha256').update(proofOfWorkInput(challenge, nonce.data)).digest(), parsed.bits);
  return { status: 'valid', challenge, expiresAt: parsed.expiresAt, hasProofOfWork };
}

function challengeHash(cipher: FieldCipher, challenge: string): string {
  return cipher.lookupHash(`self-referral-used-challenge:${challenge}`);
}

/**
 * The receipt code is derived from the challenge with the server's key, so a replay of the same form can show the
 * same code again although only its hash is stored. `attempt` moves to another code in the rare case of a clash.
 */
function receiptCodeFor(cipher: FieldCipher, challenge: string, attempt: number): string {
  return receiptCodeFromBytes(Buffer.from(cipher.lookupHash(`self-referral-receipt:${attempt}:${challenge}`).slice(0, 14), 'hex'));
}

function receiptCodeHash(cipher: FieldCipher, code: string): string {
  return cipher.lookupHash(`self-referral-receipt-code:${code}`);
}

/** The receipt of the request this challenge already made (a double click, a resubmitted page), if any. */
export async function findReceiptOfChallenge(input: { db: Db; cipher: FieldCipher; challenge: string }): Promise<{ receiptCode: string } | undefined> {
  const used = await findReferralOfChallenge(input.db, challengeHash(input.cipher, input.challenge));
  if (!used) return undefined;
  for (let attempt = 0; attempt < RECEIPT_CODE_ATTEMPTS; attempt += 1) {
    const code = receiptCodeFor(input.cipher, input.challenge, attempt);
    if (receiptCodeHash(input.cipher, code) === used.receipt_code_hash) return { receiptCode: code };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Validating and creating the request

export type SelfReferralFieldErrors = Partial<Record<SelfReferralField, string>>;
type ValidSelfReferral = { form: SelfReferralForm; target: SelfReferralTarget };

/**
 * Checks the posted form against the schema and the services that take requests now (`options`, read for the same
 * request). Field errors are codes the page translates (`required`, `phone_format`, `too_long`, `unknown_service`,
 * `service_line`, `no_hotline`).
 */
export function validateSelfReferral(input: {
  options: ContactFormOptions;
  body: Partial<Record<string, string>>;
}): { isValid: true; request: ValidSelfReferral } | { isValid: false; errors: SelfReferralFieldErrors } {
  const errors: SelfReferralFieldErrors = {};
  const parsed = SelfReferralForm.safeParse(input.body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as SelfReferralField;
      errors[field] ??= issue.message;
    }
  }
  const { hotline, targets } = input.options;
  const choice = parsed.success ? parsed.data.service : input.body.service;
  const target = choice === HOTLINE_CHOICE ? hotline : targets.find((candidate) => candidate.slug === choice);
  if (!errors.service && !target) errors.service = choice === HOTLINE_CHOICE ? 'no_hotline' : 'unknown_service';
  if (parsed.success && target && !isRoleServedByLine(parsed.data.role, target.serviceLine)) errors.service = 'service_line';
  if (!parsed.success || !target || Object.keys(errors).length > 0) return { isValid: false, errors };
  return { isValid: true, request: { form: parsed.data, target } };
}

type SelfReferralOutcome = { isReplay: boolean; receiptCode: string; referralId?: string };

/**
 * Creates the request, once per challenge: person, consent (given by the person), referral, its events and audit
 * entries in one transaction, sent at once so the deadline runs from now; then tells the service's open inboxes.
 *
 * @idempotent Keyed by the form's single-use challenge: a second submission of the same form (double click,
 * reload) makes nothing and answers with the first request's receipt code.
 */
export async function createSelfReferral(input: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  liveUpdates: LiveUpdates;
  request: ValidSelfReferral;
  challenge: string;
  challengeExpiresAt: Date;
}): Promise<SelfReferralOutcome> {
  const { cipher, request, challenge } = input;
  const now = input.clock.now();
  const created = await input.db.transaction().execute(async (trx) => {
    const hash = challengeHash(cipher, challenge);
    if (!(await claimSelfReferralChallenge(trx, { challengeHash: hash, expiresAt: input.challengeExpiresAt, now }))) return undefined;
    await deleteChallengesExpiredBefore(trx, new Date(now.getTime() - CHALLENGE_RETENTION_MS));
    const receipt = await pickReceiptCode(trx, cipher, challenge);
    const referralId = await insertSelfReferral({ trx, clock: input.clock, cipher, request, receiptHash: receipt.hash, now });
    await attachReferralToChallenge(trx, { challengeHash: hash, referralId });
    return { referralId, receiptCode: receipt.code };
  });
  if (!created) {
    // The same form was sent twice at once; the other request made it. Its receipt is committed now.
    const replay = await findReceiptOfChallenge({ db: input.db, cipher, challenge });
    if (!replay) throw new Error('a claimed challenge has no request');
    return { isReplay: true, receiptCode: replay.receiptCode };
  }
  await publishReferralChanges(input.liveUpdates, [{ serviceId: request.target.serviceId, referralId: created.referralId }]);
  return { isReplay: false, receiptCode: created.receiptCode, referralId: created.referralId };
}

async function pickReceiptCode(trx: Transaction<Database>, cipher: FieldCipher, challenge: string): Promise<{ code: string; hash: string }> {
  for (let attempt = 0; attempt < RECEIPT_CODE_ATTEMPTS; attempt += 1) {
    const code = receiptCodeFor(cipher, challenge, attempt);
    const hash = receiptCodeHash(cipher, code);
    if (!(await isReceiptCodeHashTaken(trx, hash))) return { code, hash };
  }
  throw new Error('no free receipt code');
}

/** What the person gave with the form: their written consent to the chosen service's organisation, for these data. */
const SELF_REFERRAL_CONSENT_CATEGORIES = ['contact', 'identity', 'situation'] as const;

async function insertSelfReferral(input: { trx: Transaction<Database>; clock: Clock; cipher: FieldCipher; request: ValidSelfReferral; receiptHash: string; now: Date }): Promise<string> {
  const { form, target } = input.request;
  const { referralId } = await createReferralRecord({
    trx: input.trx,
    clock: input.clock,
    cipher: input.cipher,
    referral: {
      origin: { kind: 'self', heardAbout: form.heardAbout, receiptCodeHash: input.receiptHash },
      person: { fullName: form.name ?? ANONYMOUS_NAME, gender: 'unknown', addressProtection: 'unknown' },
      consent: { recipientOrganisationId: target.organisationId, dataCategories: SELF_REFERRAL_CONSENT_CATEGORIES, purpose: 'referral_for_counselling', method: 'written', obtainedAt: input.now },
      service: { id: target.serviceId, organisationId: target.organisationId },
      personRole: form.role,
      // No one has assessed the risk yet; the service does that when it calls.
      riskLevel: 'standard',
      situation: form.about,
      // They asked to be called, at the times they gave.
      contact: { phone: form.phone, isSafeToCall: 'yes', safeTimes: form.safeTimes, voicemailAllowed: form.voicemailAllowed, smsAllowed: form.smsAllowed, language: form.language, interpreterNeeded: false },
      childrenInHome: 'unknown',
      underretning: null,
      // Sent at once, through the state machine like every referral: the deadline runs from now.
      send: true,
    },
  });
  return referralId;
}

// ---------------------------------------------------------------------------------------------------------------
// Receipt lookup and statistics

/** What a receipt code shows: four coarse words, or nothing for a code we do not know. */
export async function lookUpReceipt(input: { db: Db; cipher: FieldCipher; receiptCode: string }): Promise<ReceiptStatus | undefined> {
  const state = await findReceiptState(input.db, receiptCodeHash(input.cipher, input.receiptCode));
  if (!state) return undefined;
  return receiptStatusOf({ status: ReferralStatus.parse(state.status), contactAttemptCount: state.contact_attempt_count, hasFirstContact: state.first_contact_at !== null });
}

/**
 * Self-referrals now held by the admin's organisation, counted by how the person heard about the service. Counts
 * only, every value listed, cells below 5 shown as "<5", and no total (which would reveal a suppressed cell).
 */
export async function getHeardAboutStatistics(input: { db: Db; actor: Actor }): Promise<HeardAboutStatistics> {
  const rows = await countSelfReferralsByHeardAbout(input.db, input.actor.organisationId);
  const countOf = (value: HeardAbout) => rows.filter((row) => (row.heard_about ?? 'not_said') === value).reduce((sum, row) => sum + row.count, 0);
  return { counts: HeardAbout.options.map((heardAbout) => ({ heardAbout, count: suppressSmallCount(countOf(heardAbout)) })) };
}
