import {
  composeCommunityMeetingMessage,
  receiptCodeFromBytes,
  summariseEvaluations,
  type CommunityMeetingEvaluationAnswers,
  type CommunityMeetingEvaluations,
  type ValidSignUp,
  copenhagenDateAndTime,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { enqueueMessage } from '../messages/index.ts';
import {
  cancelSignUpByReceipt,
  countRegistered,
  findMeetingByEvaluationCode,
  findPublicMeeting,
  findSignUpByChallenge,
  insertEvaluation,
  insertSignUp,
  isReceiptHashTaken,
  listOwnMeetings,
  listUpcomingCities,
  listUpcomingPublicMeetings,
  lockMeetingForSignUp,
  tallyEvaluations,
  type PublicMeetingRow,
} from './community-meeting.queries.ts';
import { evaluationCodeHash } from './facilitation.service.ts';

/**
 * The public side of community meetings: the list of upcoming meetings, sign-up with a receipt code, cancelling by
 * that code, and the anonymous evaluation. No session, no cookie; the pages (public-site module) add the rate limits
 * and the challenge. Keys: receipt codes, challenges and evaluation codes are stored as keyed hashes only.
 */

const RECEIPT_CODE_ATTEMPTS = 4;

/** A meeting as the public site shows it: the venue's address only where the host made it public. */
export type PublicCommunityMeeting = {
  id: string;
  theme: string;
  city: string;
  organisationName: string;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  /** null when the address is given only to registered participants (sent by the outbox after sign-up). */
  address: string | null;
  description: string;
  placesLeft: number;
};

function toPublic(cipher: FieldCipher, row: PublicMeetingRow): PublicCommunityMeeting {
  return {
    id: row.id,
    theme: row.theme,
    city: row.city,
    organisationName: row.organisation_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    placeName: row.place_name,
    // Decrypted only when public: a registered-only address never reaches the page renderer.
    address: row.is_address_public ? cipher.decrypt(row.address_enc) : null,
    description: row.description,
    placesLeft: Math.max(0, row.capacity - row.sign_up_count),
  };
}

export async function listUpcomingCommunityMeetings(input: { db: Db; clock: Clock; cipher: FieldCipher; city?: string | undefined }): Promise<{ meetings: PublicCommunityMeeting[]; cities: string[] }> {
  const now = input.clock.now();
  const [rows, cities] = await Promise.all([listUpcomingPublicMeetings(input.db, { now, city: input.city, limit: 100 }), listUpcomingCities(input.db, now)]);
  return { meetings: rows.map((row) => toPublic(input.cipher, row)), cities };
}

export async function findUpcomingCommunityMeeting(input: { db: Db; clock: Clock; cipher: FieldCipher; meetingId: string }): Promise<PublicCommunityMeeting | undefined> {
  const row = await findPublicMeeting(input.db, { meetingId: input.meetingId, now: input.clock.now() });
  return row ? toPublic(input.cipher, row) : undefined;
}

function challengeHash(cipher: FieldCipher, challenge: string): string {
  return cipher.lookupHash(`community-meeting-sign-up-challenge:${challenge}`);
}

/** Derived from the challenge with the server's key, so a replayed form can be recognised without storing the code. */
function receiptCodeFor(cipher: FieldCipher, challenge: string, attempt: number): string {
  return receiptCodeFromBytes(Buffer.from(cipher.lookupHash(`community-meeting-receipt:${attempt}:${challenge}`).slice(0, 14), 'hex'));
}

function receiptCodeHash(cipher: FieldCipher, code: string): string {
  return cipher.lookupHash(`community-meeting-receipt-code:${code}`);
}

export type SignUpOutcome =
  | { kind: 'signed_up'; receiptCode: string; isAddressSent: boolean }
  /** The same form (so the same receipt code) was sent before: refused, nothing new is stored. */
  | { kind: 'already_signed_up' }
  | { kind: 'full' }
  | { kind: 'not_open' };

type SignUpInput = { db: Db; clock: Clock; cipher: FieldCipher; meetingId: string; signUp: ValidSignUp; challenge: string; language: 'da' | 'en' | 'ar' };

/**
 * Signs a person up. The meeting row is locked for the count and the insert, so two people cannot take the last
 * place at once (no overbooking). The challenge is single use: the same form again — same receipt code — is
 * refused. When the venue is for registered participants only, its address is queued to the person in the same
 * transaction (the form only accepts such a sign-up with permission to write).
 */
export async function signUpForCommunityMeeting(input: SignUpInput): Promise<SignUpOutcome> {
  const { cipher, signUp } = input;
  const now = input.clock.now();
  if (await findSignUpByChallenge(input.db, challengeHash(cipher, input.challenge))) return { kind: 'already_signed_up' };
  return input.db.transaction().execute(async (trx): Promise<SignUpOutcome> => {
    const meeting = await lockMeetingForSignUp(trx, input.meetingId);
    if (!meeting || meeting.status !== 'planned' || meeting.starts_at.getTime() <= now.getTime()) return { kind: 'not_open' };
    if ((await countRegistered(trx, meeting.id)) >= meeting.capacity) return { kind: 'full' };
    const receipt = await pickReceiptCode(trx, cipher, input.challenge);
    const signUpId = await insertSignUp(trx, {
      meeting_id: meeting.id,
      first_name_enc: cipher.encrypt(signUp.firstName),
      contact_enc: cipher.encrypt(JSON.stringify(signUp.contact)),
      may_message: signUp.mayMessage,
      may_leave_message: signUp.mayLeaveMessage,
      language: input.language,
      receipt_code_hash: receipt.hash,
      challenge_hash: challengeHash(cipher, input.challenge),
      signed_up_at: now,
    });
    // A concurrent copy of the same form got there first (the challenge is unique): that one is the sign-up.
    if (!signUpId) return { kind: 'already_signed_up' };
    const isAddressSent = !meeting.is_address_public && signUp.mayMessage;
    if (isAddressSent) {
      const words = composeCommunityMeetingMessage({ type: 'address', startsAt: meeting.starts_at, address: cipher.decrypt(meeting.address_enc), language: input.language === 'da' ? 'da' : 'en' });
      const message =
        signUp.contact.kind === 'email'
          ? { template: 'community_meeting_address' as const, channel: 'email' as const, to: signUp.contact.email, ...words }
          : { template: 'community_meeting_address' as const, channel: 'sms' as const, to: signUp.contact.phone, text: words.text };
      await enqueueMessage(trx, { cipher, now, message });
    }
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: null,
      actorOrganisationId: null,
      action: 'community_meeting.sign_up',
      objectType: 'community_meeting',
      objectId: meeting.id,
      details: { signUpId, isAddressSent },
    });
    return { kind: 'signed_up', receiptCode: receipt.code, isAddressSent };
  });
}

async function pickReceiptCode(trx: Transaction<Database>, cipher: FieldCipher, challenge: string): Promise<{ code: string; hash: string }> {
  for (let attempt = 0; attempt < RECEIPT_CODE_ATTEMPTS; attempt += 1) {
    const code = receiptCodeFor(cipher, challenge, attempt);
    const hash = receiptCodeHash(cipher, code);
    if (!(await isReceiptHashTaken(trx, hash))) return { code, hash };
  }
  throw new Error('no free receipt code');
}

/** Cancels the sign-up the receipt code belongs to. `false` for an unknown code or one already cancelled. */
export async function cancelCommunityMeetingSignUp(input: { db: Db; clock: Clock; cipher: FieldCipher; receiptCode: string }): Promise<boolean> {
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const cancelled = await cancelSignUpByReceipt(trx, { receiptHash: receiptCodeHash(input.cipher, input.receiptCode), now });
    if (!cancelled) return false;
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: null,
      actorOrganisationId: null,
      action: 'community_meeting.cancel_sign_up',
      objectType: 'community_meeting',
      objectId: cancelled.meeting_id,
      details: { signUpId: cancelled.id },
    });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Anonymous evaluation

export type EvaluationOutcome = 'recorded' | 'wrong_code' | 'expired' | 'not_started';

/**
 * Records one anonymous evaluation: the three answers and the meeting, nothing else (no time, no address). A code
 * works from the meeting's start until it expires. Not audited: an audit entry would carry a time and tie it to a
 * request; the answers are statistics only.
 */
export async function submitCommunityMeetingEvaluation(input: { db: Db; clock: Clock; cipher: FieldCipher; code: string; answers: CommunityMeetingEvaluationAnswers }): Promise<EvaluationOutcome> {
  const now = input.clock.now();
  const meeting = await findMeetingByEvaluationCode(input.db, evaluationCodeHash(input.cipher, input.code));
  if (!meeting || meeting.status === 'cancelled' || !meeting.evaluation_code_expires_at) return 'wrong_code';
  if (meeting.evaluation_code_expires_at.getTime() <= now.getTime()) return 'expired';
  if (meeting.starts_at.getTime() > now.getTime()) return 'not_started';
  await insertEvaluation(input.db, {
    meeting_id: meeting.id,
    felt_safe: input.answers.feltSafe,
    learned_where_to_get_help: input.answers.learnedWhereToGetHelp,
    intends_to_seek_help: input.answers.intendsToSeekHelp,
  });
  return 'recorded';
}

/** The organisation's evaluations per meeting and across all of them; small counts suppressed. */
export async function getCommunityMeetingEvaluations(input: { db: Db; actor: Actor }): Promise<CommunityMeetingEvaluations> {
  const [tallies, meetings] = await Promise.all([tallyEvaluations(input.db, input.actor.organisationId), listOwnMeetings(input.db, input.actor)]);
  const byMeeting = new Map(tallies.map((tally) => [tally.meeting_id, tally]));
  const empty = { responses: 0, feltSafeSum: 0, learnedSum: 0, yes: 0, no: 0, unsure: 0 };
  const total = { ...empty };
  const perMeeting = meetings
    .filter((meeting) => byMeeting.has(meeting.id))
    .map((meeting) => {
      const row = byMeeting.get(meeting.id);
      const tally = row ? { responses: row.responses, feltSafeSum: row.felt_safe_sum, learnedSum: row.learned_sum, yes: row.yes, no: row.no, unsure: row.unsure } : empty;
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += tally[key];
      return { meetingId: meeting.id, theme: meeting.theme, city: meeting.city, date: copenhagenDateAndTime(meeting.starts_at).date, summary: summariseEvaluations(tally) };
    });
  return { overall: summariseEvaluations(total), meetings: perMeeting };
}

