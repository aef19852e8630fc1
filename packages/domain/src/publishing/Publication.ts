import { z } from 'zod';
import { text } from '../common/text.ts';

/**
 * Four-eyes publication of public content. A new or changed item (today: a directory listing) is a proposal until
 * another person, holding the content kind's approval permission, approves it; until then the public keeps seeing
 * the last approved version, or nothing for a new item. A newer proposal for the same item supersedes a pending one.
 */

/** Kinds of public content that go through approval. Campaigns, events and meetings are meant to follow. */
export const ContentKind = z.enum(['directory_listing']);
export type ContentKind = z.infer<typeof ContentKind>;

export const PublicationRequestStatus = z.enum(['pending', 'approved', 'rejected', 'superseded']);
export type PublicationRequestStatus = z.infer<typeof PublicationRequestStatus>;

/**
 * Where an item stands, as its owner sees it: `published` (what the owner sees is what the public sees), `pending`
 * (a proposal waits for approval) or `rejected` (the latest proposal was refused, with the approver's reason).
 * `isLive` says whether any version is public: false for a new item until its first approval.
 */
export const PublicationState = z.object({
  state: z.enum(['published', 'pending', 'rejected']),
  isLive: z.boolean(),
  /** Only when rejected: the approver's reason, for the proposer. */
  rejectionReason: z.string().nullable(),
  /** When the latest proposal was made or decided; null for an item that never went through approval (loaded live). */
  changedAt: z.iso.datetime().nullable(),
});
export type PublicationState = z.infer<typeof PublicationState>;

/** A value in a proposal's readable diff: text, a number, yes/no, a list, or a secret that is never shown. */
export const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.object({ isSecret: z.literal(true) }), z.null()]);
export type ChangeValue = z.infer<typeof ChangeValue>;

/** One changed field: its path in the content (e.g. `nameDa`, `locations.0.city`), the public value and the proposed one. */
export const FieldChange = z.object({ field: z.string(), current: ChangeValue, proposed: ChangeValue });
export type FieldChange = z.infer<typeof FieldChange>;

/** A pending proposal as an approver sees it. */
export const PublicationRequestView = z.object({
  id: z.uuid(),
  contentKind: ContentKind,
  contentId: z.uuid(),
  /** The item's name as proposed (e.g. the listing's Danish name). */
  title: z.string(),
  organisationName: z.string(),
  proposedByName: z.string(),
  proposedAt: z.iso.datetime(),
  /** Not public at all yet: approving publishes it for the first time. */
  isNew: z.boolean(),
  changes: z.array(FieldChange),
});
export type PublicationRequestView = z.infer<typeof PublicationRequestView>;

export const PublicationRequestList = z.array(PublicationRequestView);
export type PublicationRequestList = z.infer<typeof PublicationRequestList>;

export const PublicationRequestIdParams = z.strictObject({ requestId: z.uuid() });
export type PublicationRequestIdParams = z.infer<typeof PublicationRequestIdParams>;

export const RejectPublicationRequest = z.strictObject({
  /** Why, for the proposer: what to correct. About the content, never about a person. */
  reason: text({ max: 1000, multiline: true }).min(1),
});
export type RejectPublicationRequest = z.infer<typeof RejectPublicationRequest>;

/** What approving or rejecting answers: the request as it now stands. */
export const PublicationDecision = z.object({
  id: z.uuid(),
  status: PublicationRequestStatus,
  decidedAt: z.iso.datetime(),
});
export type PublicationDecision = z.infer<typeof PublicationDecision>;
