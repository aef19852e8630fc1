import { z } from 'zod';
import { name, text as checkedText } from '../common/text.ts';
import { SafeContactPreferences } from '../course/reminders.ts';

/**
 * Peer support (issue 14 §4): a service's register of peer supporters, pairings of a person with a peer supporter
 * (only with the person's recorded consent), and the contacts a peer supporter logs. The peer supporter's own view
 * carries the first name or pseudonym and the safe-contact preferences — never an address, CPR, course, referral,
 * risk assessment or anything else — so its schema is separate from the counsellor's and has nothing more in it.
 */

const Uuid = z.uuid();
const DateTime = z.iso.datetime({ offset: true });
const LocalDate = z.iso.date();
const line = (max: number) => checkedText({ max }).min(1);
const paragraphs = (max: number) => checkedText({ max, multiline: true }).min(1);

/** ISO 639 language codes the supporter speaks (da, en, ar, fa …). */
export const PeerLanguage = z.string().regex(/^[a-z]{2,3}$/, { message: 'language_code' });

export const PeerSupporterStatus = z.enum(['active', 'paused']);
export type PeerSupporterStatus = z.infer<typeof PeerSupporterStatus>;

export const PeerContactForm = z.enum(['phone', 'meeting', 'text', 'video']);
export type PeerContactForm = z.infer<typeof PeerContactForm>;

export const PairingEndReason = z.enum(['consent_withdrawn', 'completed', 'supporter_unavailable', 'other']);
export type PairingEndReason = z.infer<typeof PairingEndReason>;

export const PairingStatus = z.enum(['active', 'ended']);
export type PairingStatus = z.infer<typeof PairingStatus>;

// ---------------------------------------------------------------------------------------------------------------
// The register

export const AddPeerSupporterRequest = z.strictObject({
  membershipId: Uuid,
  languages: z.array(PeerLanguage).max(10).default([]),
  areas: line(300).optional(),
  availability: line(300).optional(),
  maxPairings: z.number().int().min(1).max(20).default(2),
  note: paragraphs(2000).optional(),
});
export type AddPeerSupporterRequest = z.input<typeof AddPeerSupporterRequest>;

export const ChangePeerSupporterRequest = z.strictObject({
  languages: z.array(PeerLanguage).max(10).optional(),
  areas: line(300).nullable().optional(),
  availability: line(300).nullable().optional(),
  maxPairings: z.number().int().min(1).max(20).optional(),
  status: PeerSupporterStatus.optional(),
  note: paragraphs(2000).nullable().optional(),
});
export type ChangePeerSupporterRequest = z.infer<typeof ChangePeerSupporterRequest>;

export const PeerSupporter = z.object({
  id: Uuid,
  serviceId: Uuid,
  membershipId: Uuid,
  displayName: z.string(),
  languages: z.array(z.string()),
  areas: z.string().nullable(),
  availability: z.string().nullable(),
  maxPairings: z.number().int(),
  activePairings: z.number().int(),
  status: PeerSupporterStatus,
  note: z.string().nullable(),
  updatedAt: DateTime,
});
export type PeerSupporter = z.infer<typeof PeerSupporter>;

export const PeerSupporterList = z.object({ supporters: z.array(PeerSupporter) });
export type PeerSupporterList = z.infer<typeof PeerSupporterList>;

/** A user of the organisation with the peer_supporter role, not yet in the service's register. */
export const PeerSupporterCandidate = z.object({ membershipId: Uuid, displayName: z.string() });
export const PeerSupporterCandidateList = z.object({ candidates: z.array(PeerSupporterCandidate) });
export type PeerSupporterCandidateList = z.infer<typeof PeerSupporterCandidateList>;

export const PeerSupportService = z.object({ id: Uuid, name: z.string() });
export const PeerSupportServiceList = z.object({ services: z.array(PeerSupportService) });
export type PeerSupportServiceList = z.infer<typeof PeerSupportServiceList>;

// ---------------------------------------------------------------------------------------------------------------
// Pairings (the counsellor's view)

/**
 * A match needs the person's consent to share their first name or pseudonym and their safe-contact preferences
 * with the peer supporter: without `consentGiven: true` the answer is 422 `consent_required`.
 */
export const CreatePairingRequest = z.strictObject({
  peerSupporterId: Uuid,
  displayName: name({ max: 80 }).min(1).describe('The first name or pseudonym the person chose to share'),
  consentGiven: z.boolean(),
  consentGivenOn: LocalDate,
});
export type CreatePairingRequest = z.infer<typeof CreatePairingRequest>;

export const EndPairingRequest = z.strictObject({ reason: PairingEndReason, note: paragraphs(2000).optional() });
export type EndPairingRequest = z.infer<typeof EndPairingRequest>;

export const PeerContact = z.object({
  id: Uuid,
  contactedOn: LocalDate,
  form: PeerContactForm,
  /** Only in the coordinating counsellor's view; the supporter's own view says only whether one was written. */
  note: z.string().nullable(),
  loggedAt: DateTime,
});
export type PeerContact = z.infer<typeof PeerContact>;

export const Pairing = z.object({
  id: Uuid,
  serviceId: Uuid,
  courseId: Uuid,
  courseReference: z.string(),
  peerSupporterId: Uuid,
  peerSupporterName: z.string(),
  displayName: z.string(),
  consent: z.object({ givenOn: LocalDate, recordedAt: DateTime, recordedBy: z.string() }),
  status: PairingStatus,
  startedAt: DateTime,
  endedAt: DateTime.nullable(),
  endReason: PairingEndReason.nullable(),
  endNote: z.string().nullable(),
  contactCount: z.number().int(),
  lastContactOn: LocalDate.nullable(),
});
export type Pairing = z.infer<typeof Pairing>;

export const PairingList = z.object({ pairings: z.array(Pairing) });
export type PairingList = z.infer<typeof PairingList>;

export const PairingDetail = Pairing.extend({ contacts: z.array(PeerContact) });
export type PairingDetail = z.infer<typeof PairingDetail>;

// ---------------------------------------------------------------------------------------------------------------
// The peer supporter's own view: nothing beyond the name and the safe-contact preferences

export const MyPeerContact = z.object({ id: Uuid, contactedOn: LocalDate, form: PeerContactForm, hasNote: z.boolean(), loggedAt: DateTime });
export type MyPeerContact = z.infer<typeof MyPeerContact>;

export const MyPairing = z.object({
  id: Uuid,
  displayName: z.string(),
  safeContact: SafeContactPreferences,
  startedAt: DateTime,
  contacts: z.array(MyPeerContact),
});
export type MyPairing = z.infer<typeof MyPairing>;

export const MyPairingList = z.object({ pairings: z.array(MyPairing) });
export type MyPairingList = z.infer<typeof MyPairingList>;

export const LogPeerContactRequest = z.strictObject({ contactedOn: LocalDate, form: PeerContactForm, note: paragraphs(1000).optional() });
export type LogPeerContactRequest = z.infer<typeof LogPeerContactRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Rules
/**
 * Whether a peer supporter can take one more pairing: an active (not paused) supporter below their capacity.
 * Returns the field problem otherwise, for a 422 on the match.
 */
export function findPairingProblem(supporter: { status: PeerSupporterStatus; maxPairings: number; activePairings: number }): 'supporter_paused' | 'supporter_at_capacity' | undefined {
  if (supporter.status === 'paused') return 'supporter_paused';
  if (supporter.activePairings >= supporter.maxPairings) return 'supporter_at_capacity';
  return undefined;
}

/** A consent date can be today or earlier, never in the future (compared as YYYY-MM-DD in Danish time). */
export function isConsentDatePlausible(givenOn: string, today: string): boolean {
  return givenOn <= today;
}

const copenhagenDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Denmark at an instant. */
export function danishDateOf(instant: Date): string {
  return copenhagenDate.format(instant);
}
