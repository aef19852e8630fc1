import { z } from 'zod';
import { identifier, name, text } from '../common/text.ts';
import { isPlausibleCpr } from '../person/cpr.ts';
import { isPhone } from '../person/phone.ts';
import { ContactOutcome, DeclineReason, DeclinedBy, ReferralStatus, referralActionTypes, ServiceEndReason } from './referral-status.ts';

export const PersonRole = z.enum(['exposed', 'uses_violence', 'both']);
export type PersonRole = z.infer<typeof PersonRole>;

export const Gender = z.enum(['woman', 'man', 'other', 'unknown']);
export type Gender = z.infer<typeof Gender>;

export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;

export const RiskLevel = z.enum(['standard', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Name and address protection in CPR, or a shelter stay. The address itself is never stored on a referral. */
export const AddressProtection = z.enum(['none', 'name_and_address', 'special', 'shelter', 'unknown']);
export type AddressProtection = z.infer<typeof AddressProtection>;

export const ConsentMethod = z.enum(['oral_at_scene', 'written']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** What a consent lets the recipient see. The receiver's view is cut to exactly these categories. */
export const ConsentDataCategory = z.enum(['identity', 'contact', 'situation', 'children', 'cpr']);
export type ConsentDataCategory = z.infer<typeof ConsentDataCategory>;

export const ConsentPurpose = z.enum(['referral_for_counselling']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** A public employee's duty to notify the municipality about children (underretning, Barnets Lov § 133). */
export const UnderretningStatus = z.enum(['sent', 'will_send', 'not_needed']);
export type UnderretningStatus = z.infer<typeof UnderretningStatus>;

export const ReferralSource = z.enum(['police', 'municipality', 'self', 'other']);
export type ReferralSource = z.infer<typeof ReferralSource>;

const Uuid = z.uuid();
/** A note, a situation, how else to reach someone: paragraphs. */
const paragraphs = (max: number) => text({ max, multiline: true });

export const Cpr = identifier({ max: 20 }).refine(isPlausibleCpr, { message: 'cpr_format' });

export const PersonInput = z.strictObject({
  fullName: name({ max: 200 }).min(1),
  cpr: Cpr.optional(),
  gender: Gender,
  birthYear: z.number().int().min(1900).max(2100).optional(),
  addressProtection: AddressProtection.default('unknown'),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const SafeContactInput = z.strictObject({
  /** Any way of writing a phone number `normalisePhone` reads (`20-30-40-50`, `+4520304050`); stored normalised. */
  phone: identifier({ max: 30 }).refine(isPhone, { message: 'phone_format' }).optional(),
  isSafeToCall: YesNoUnknown,
  safeTimes: text({ max: 200 }).optional(),
  voicemailAllowed: YesNoUnknown,
  smsAllowed: YesNoUnknown,
  /** ISO 639-1 code of the language the person prefers. */
  language: z.string().trim().regex(/^[a-z]{2}$/, { message: 'language_format' }).default('da'),
  interpreterNeeded: z.boolean().default(false),
});
export type SafeContactInput = z.infer<typeof SafeContactInput>;

export const ConsentInput = z.strictObject({
  recipientOrganisationId: Uuid,
  dataCategories: z.array(ConsentDataCategory).min(1).max(5),
  purpose: ConsentPurpose.default('referral_for_counselling'),
  method: ConsentMethod,
  obtainedAt: z.iso.datetime({ offset: true }),
});
export type ConsentInput = z.infer<typeof ConsentInput>;

/**
 * A referral's safe contact: the service cannot act without a way to reach the person, so a phone is needed, or the
 * referrer states there is none (`hasNoPhone`) and writes how the service should reach them instead.
 */
export const ReferralSafeContactInput = SafeContactInput.extend({
  hasNoPhone: z.boolean().default(false),
  otherWayToReach: paragraphs(500).optional(),
}).superRefine((contact, context) => {
  if (contact.phone || contact.hasNoPhone) {
    if (!contact.phone && !contact.otherWayToReach) context.addIssue({ code: 'custom', path: ['otherWayToReach'], message: 'other_way_required' });
    return;
  }
  context.addIssue({ code: 'custom', path: ['phone'], message: 'phone_required' });
});
export type ReferralSafeContactInput = z.infer<typeof ReferralSafeContactInput>;

export const CreateReferralRequest = z.strictObject({
  programmeId: Uuid,
  serviceId: Uuid,
  role: PersonRole,
  person: PersonInput,
  /** The consent the referrer obtained. Required to send; a draft may be saved without it. */
  consent: ConsentInput.optional(),
  safeContact: ReferralSafeContactInput,
  childrenInHome: YesNoUnknown,
  underretning: UnderretningStatus.optional(),
  situation: paragraphs(4000).optional(),
  riskLevel: RiskLevel.default('standard'),
  /** Another referral from the same call-out: the new one joins its incident (e.g. the other party). */
  linkedReferralId: Uuid.optional(),
  send: z.boolean().default(true),
});
export type CreateReferralRequest = z.infer<typeof CreateReferralRequest>;

export const NoteInput = z.strictObject({ note: paragraphs(2000).optional() });
export type NoteInput = z.infer<typeof NoteInput>;

export const DeclineReferralRequest = z.strictObject({ reason: DeclineReason, decidedBy: DeclinedBy, note: paragraphs(2000).optional() });
export type DeclineReferralRequest = z.infer<typeof DeclineReferralRequest>;

export const RerouteReferralRequest = z.strictObject({
  toServiceId: Uuid,
  consent: ConsentInput,
  note: paragraphs(2000).optional(),
});
export type RerouteReferralRequest = z.infer<typeof RerouteReferralRequest>;

export const ContactAttemptRequest = z.strictObject({ outcome: ContactOutcome, note: paragraphs(2000).optional() });
export type ContactAttemptRequest = z.infer<typeof ContactAttemptRequest>;

export const ReferralEventAction = z.enum(['create', ...referralActionTypes, 'consent_withdrawn', 'escalate']);
export type ReferralEventAction = z.infer<typeof ReferralEventAction>;

export const ReferralTimelineEntry = z.object({
  id: z.string(),
  action: ReferralEventAction,
  at: z.iso.datetime({ offset: true }),
  organisationName: z.string().nullable(),
  toStatus: ReferralStatus.nullable(),
  declineReason: DeclineReason.nullable(),
  declinedBy: DeclinedBy.nullable(),
  contactOutcome: ContactOutcome.nullable(),
  /** Why the referral was closed when its service or programme ended (`close`). */
  closingReason: ServiceEndReason.nullable(),
  fromServiceName: z.string().nullable(),
  toServiceName: z.string().nullable(),
  /** The receiver's own notes. Never sent to the referrer's side. */
  note: z.string().nullable(),
});
export type ReferralTimelineEntry = z.infer<typeof ReferralTimelineEntry>;

export const ConsentView = z.object({
  id: z.string(),
  recipientOrganisationName: z.string(),
  dataCategories: z.array(ConsentDataCategory),
  method: ConsentMethod,
  obtainedAt: z.iso.datetime({ offset: true }),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ConsentView = z.infer<typeof ConsentView>;

const ActionList = z.array(z.enum(referralActionTypes));

/** One line in the referrer's "my referrals". Status only: never the counselling content. */
export const ReferralSummaryForReferrer = z.object({
  id: z.string(),
  reference: z.string(),
  incidentId: z.string(),
  status: ReferralStatus,
  role: PersonRole,
  personName: z.string(),
  serviceName: z.string(),
  receivingOrganisationName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastEventAt: z.iso.datetime({ offset: true }),
  hasFirstContact: z.boolean(),
});
export type ReferralSummaryForReferrer = z.infer<typeof ReferralSummaryForReferrer>;

export const ReferralForReferrer = ReferralSummaryForReferrer.extend({
  riskLevel: RiskLevel,
  /** When the service must have made first contact (from the service's deadline and the risk); null until sent. */
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  consent: ConsentView.nullable(),
  timeline: z.array(ReferralTimelineEntry),
  allowedActions: ActionList,
  linkedReferralIds: z.array(z.string()),
});
export type ReferralForReferrer = z.infer<typeof ReferralForReferrer>;

/**
 * The data of a `referral_changed` server-sent event on `GET /api/inbox/events`: the id only. Everything else is
 * fetched again through the normal, access-logged API.
 */
export const ReferralChangedEvent = z.object({ referralId: z.string() });
export type ReferralChangedEvent = z.infer<typeof ReferralChangedEvent>;

/**
 * On the receiving side: another referral at the same service that may be about the same person (same referring
 * organisation and programme, within 30 days; same CPR or same name and birth year, each compared only where the
 * consents of both referrals let this service see it).
 */
export const PossibleDuplicateAtService = z.object({ id: z.string(), reference: z.string() });
export type PossibleDuplicateAtService = z.infer<typeof PossibleDuplicateAtService>;

/** One line in a service's intake inbox: no name, no contact details; enough to sort and pick. */
export const InboxItem = z.object({
  id: z.string(),
  reference: z.string(),
  status: ReferralStatus,
  role: PersonRole,
  source: ReferralSource,
  serviceId: z.string(),
  serviceName: z.string(),
  referringOrganisationName: z.string(),
  riskLevel: RiskLevel,
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  isOverdue: z.boolean(),
  isEscalated: z.boolean(),
  contactAttemptCount: z.number().int(),
  hasFirstContact: z.boolean(),
  firstContactAt: z.iso.datetime({ offset: true }).nullable(),
  isConsentWithdrawn: z.boolean(),
  /** "Mulig dublet": only referrals this service holds too, and may see. */
  possibleDuplicates: z.array(PossibleDuplicateAtService),
});
export type InboxItem = z.infer<typeof InboxItem>;

/**
 * The person as the receiving service may see them. `fullName`, `birthYear`, `gender` and `addressProtection` need
 * the consent category `identity`, `cpr` needs `cpr`; without a category its fields are null, except `gender` and
 * `addressProtection`, which then read `unknown`. The whole object is null when neither category is consented to.
 */
export const ReceiverPersonView = z.object({
  fullName: z.string().nullable(),
  cpr: z.string().nullable(),
  gender: Gender,
  birthYear: z.number().int().nullable(),
  addressProtection: AddressProtection,
});

export const ReceiverSafeContactView = z.object({
  phone: z.string().nullable(),
  isSafeToCall: YesNoUnknown,
  safeTimes: z.string().nullable(),
  voicemailAllowed: YesNoUnknown,
  smsAllowed: YesNoUnknown,
  language: z.string(),
  interpreterNeeded: z.boolean(),
  /** How to reach a person without a phone, as the referrer wrote it. */
  otherWayToReach: z.string().nullable(),
});

/** The receiving service's view: only what the consent covers; nothing once consent is withdrawn. */
export const ReferralForReceiver = InboxItem.extend({
  receivedAt: z.iso.datetime({ offset: true }).nullable(),
  consent: ConsentView.nullable(),
  person: ReceiverPersonView.nullable(),
  safeContact: ReceiverSafeContactView.nullable(),
  situation: z.string().nullable(),
  childrenInHome: YesNoUnknown.nullable(),
  timeline: z.array(ReferralTimelineEntry),
  allowedActions: ActionList,
  maxContactAttempts: z.number().int(),
});
export type ReferralForReceiver = z.infer<typeof ReferralForReceiver>;

export const ServiceOption = z.object({
  id: z.string(),
  name: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  /** The people this service takes in the programme: what its line sees (receiving.ts), narrowed by the programme. */
  receivesRoles: z.array(PersonRole),
  /** The genders it takes (null: all) and its age range (null: no limit). */
  receivesGenders: z.array(Gender).nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
});
export type ServiceOption = z.infer<typeof ServiceOption>;

/** A programme's routing, in order: whom a service takes is its ServiceOption's intake (narrowed to the programme). */
export const RoutingRule = z.object({
  serviceId: z.string(),
  isFallback: z.boolean(),
  /** False: the service may be chosen, but routing never proposes it. */
  isProposed: z.boolean(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const ProgrammeOption = z.object({
  id: z.string(),
  name: z.string(),
  services: z.array(ServiceOption),
  routingRules: z.array(RoutingRule),
});
export type ProgrammeOption = z.infer<typeof ProgrammeOption>;

export const ReferralOptions = z.object({
  programmes: z.array(ProgrammeOption),
  /** Public employees have the enhanced duty to notify about children; the form prompts them. */
  isPublicEmployee: z.boolean(),
});
export type ReferralOptions = z.infer<typeof ReferralOptions>;

/** Sending a draft: the consent may come now if the draft was saved without one. */
export const SendReferralRequest = z.strictObject({ consent: ConsentInput.optional() });
export type SendReferralRequest = z.infer<typeof SendReferralRequest>;

/** In-app notices. They carry ids only: the user opens Bro to see what it is about. */
export const NotificationKind = z.enum(['referral_overdue', 'referral_unseen', 'directory_check_due']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Named apart from the browser's `Notification` (web push), which Bro never uses: notices carry no content. */
export const InAppNotification = z.object({
  id: z.string(),
  kind: NotificationKind,
  referralId: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  isRead: z.boolean(),
});
export type InAppNotification = z.infer<typeof InAppNotification>;

/** The steps of the referral form, as ids (what the address and a draft say; never personal data). */
export const ReferralFormStep = z.enum(['who', 'consent', 'person', 'contact', 'situation', 'check']);
export type ReferralFormStep = z.infer<typeof ReferralFormStep>;

/** A draft's form values: the web form's own shape, opaque to the server, at most 32,000 characters as JSON. */
const ReferralDraftValues = z.record(z.string(), z.unknown()).refine((values) => JSON.stringify(values).length <= 32_000, { message: 'too_large' });

/**
 * The referral an officer is writing, saved as they go (one per author, encrypted, gone after 24 hours), so a
 * timeout, a reload or a lost connection does not lose it. Never kept in the browser.
 */
export const SaveReferralDraftRequest = z.strictObject({
  values: ReferralDraftValues,
  /** The furthest step reached: the form opens there again. */
  reachedStep: ReferralFormStep,
});
export type SaveReferralDraftRequest = z.infer<typeof SaveReferralDraftRequest>;

export const ReferralDraftSaved = z.object({
  updatedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ReferralDraftSaved = z.infer<typeof ReferralDraftSaved>;

export const ReferralDraft = ReferralDraftSaved.extend({
  values: z.record(z.string(), z.unknown()),
  reachedStep: ReferralFormStep,
});
export type ReferralDraft = z.infer<typeof ReferralDraft>;
