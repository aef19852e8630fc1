import { AddPeerSupporterRequest, CreatePairingRequest, EndPairingRequest, LogPeerContactRequest, type PairingEndReason, type PeerContactForm } from '@bro/domain';
import type { TFunction } from 'i18next';
import { z } from 'zod';

/** The peer-support forms: what is typed, and the request each stands for (checked with the server's own schemas). */

export const endReasons: readonly PairingEndReason[] = ['consent_withdrawn', 'completed', 'supporter_unavailable', 'other'];
export const contactForms: readonly PeerContactForm[] = ['phone', 'meeting', 'text', 'video'];

const optional = (text: string) => (text.trim() === '' ? undefined : text);

export type AddSupporterDraft = { membershipId: string; languages: string; areas: string; availability: string; maxPairings: string; note: string };
export const emptyAddSupporter: AddSupporterDraft = { membershipId: '', languages: 'da', areas: '', availability: '', maxPairings: '2', note: '' };

export function toAddSupporterRequest(draft: AddSupporterDraft) {
  const languages = draft.languages
    .split(/[,\s]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  return {
    membershipId: optional(draft.membershipId),
    languages,
    areas: optional(draft.areas),
    availability: optional(draft.availability),
    maxPairings: draft.maxPairings.trim() === '' ? undefined : Number(draft.maxPairings.trim()),
    note: optional(draft.note),
  };
}
export const AddSupporterSchema = AddPeerSupporterRequest;

export type MatchDraft = { courseId: string; peerSupporterId: string; displayName: string; consentGiven: boolean; consentGivenOn: string };
export const emptyMatch = (today: string): MatchDraft => ({ courseId: '', peerSupporterId: '', displayName: '', consentGiven: false, consentGivenOn: today });

/** The course is in the path, the rest in the body; the form checks both with the server's schema. */
export const MatchSchema = CreatePairingRequest.extend({ courseId: z.uuid() }).refine((request) => request.consentGiven, { path: ['consentGiven'], message: 'consent_required' });

export function toMatchRequest(draft: MatchDraft) {
  return { courseId: optional(draft.courseId), peerSupporterId: optional(draft.peerSupporterId), displayName: draft.displayName, consentGiven: draft.consentGiven, consentGivenOn: optional(draft.consentGivenOn) };
}

export type EndDraft = { reason: PairingEndReason | ''; note: string };
export const emptyEnd: EndDraft = { reason: '', note: '' };
export const toEndRequest = (draft: EndDraft) => ({ reason: draft.reason === '' ? undefined : draft.reason, note: optional(draft.note) });
export const EndSchema = EndPairingRequest;

export type ContactDraft = { contactedOn: string; form: PeerContactForm | ''; note: string };
export const emptyContact = (today: string): ContactDraft => ({ contactedOn: today, form: '', note: '' });
export const toContactRequest = (draft: ContactDraft) => ({ contactedOn: optional(draft.contactedOn), form: draft.form === '' ? undefined : draft.form, note: optional(draft.note) });
export const ContactSchema = LogPeerContactRequest;

/** One sentence per field of every form here. */
export const fieldMessages = (t: TFunction) => ({
  membershipId: t('peerSupport.errors.membershipId'),
  languages: t('peerSupport.errors.languages'),
  maxPairings: t('peerSupport.errors.maxPairings'),
  areas: t('peerSupport.errors.areas'),
  availability: t('peerSupport.errors.availability'),
  note: t('peerSupport.errors.note'),
  courseId: t('peerSupport.errors.courseId'),
  peerSupporterId: t('peerSupport.errors.peerSupporterId'),
  displayName: t('peerSupport.errors.displayName'),
  consentGiven: t('peerSupport.errors.consentGiven'),
  consentGivenOn: t('peerSupport.errors.consentGivenOn'),
  reason: t('peerSupport.errors.reason'),
  contactedOn: t('peerSupport.errors.contactedOn'),
  form: t('peerSupport.errors.form'),
});

const serverCodes = [
  'not_a_peer_supporter',
  'already_in_register',
  'supporter_paused',
  'supporter_at_capacity',
  'supporter_not_at_service',
  'course_already_paired',
  'course_closed',
  'consent_required',
  'date_in_future',
  'pairing_already_ended',
] as const;
type ServerCode = (typeof serverCodes)[number];
const isServerCode = (message: string): message is ServerCode => (serverCodes as readonly string[]).includes(message);

/** The server's field codes in words; anything else as the server said it. */
export const serverMessage =
  (t: TFunction) =>
  (message: string): string =>
    isServerCode(message) ? t(`peerSupport.errors.${message}`) : message;
