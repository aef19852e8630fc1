import { z } from 'zod';
import { name, text as checkedText } from '../common/text.ts';
import { OutcomePhase } from '../course/course-terms.ts';
import { EligibilityRules } from '../course/eligibility.ts';
import { RecordOutcomeRequest } from '../course/Course.ts';

/**
 * The conversation-group API (samtalegrupper, issue 14 §1): offers, their waiting lists, groups and meetings.
 * Requests are strict; views carry no personal data beyond what the coordinator already sees on the person's course.
 */

const Uuid = z.uuid();
const DateTime = z.iso.datetime({ offset: true });
const line = (max: number) => checkedText({ max }).min(1);
const paragraphs = (max: number) => checkedText({ max, multiline: true }).min(1);
const ClockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'time_format' });

export const GroupMode = z.enum(['in_person', 'online']);
export type GroupMode = z.infer<typeof GroupMode>;

/** Weekday 1 = Monday … 7 = Sunday (ISO 8601), a Danish local start time, every 1 or 2 weeks. */
export const GroupRhythm = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  startTime: ClockTime,
  intervalWeeks: z.union([z.literal(1), z.literal(2)]),
  durationMinutes: z.number().int().min(30).max(480),
});
export type GroupRhythm = z.infer<typeof GroupRhythm>;

const GroupOfferFields = z.strictObject({
  name: name({ max: 200 }).min(1),
  targetGroup: paragraphs(1000),
  /** The same rule language as a service's eligibility (course/eligibility.ts); null: no rules beyond the service's. */
  eligibilityRules: EligibilityRules.nullable(),
  minParticipants: z.number().int().min(2).max(30),
  maxParticipants: z.number().int().min(2).max(30),
  meetingCount: z.number().int().min(1).max(52),
  rhythm: GroupRhythm,
  mode: GroupMode,
  /** A room or address for staff and participants; null online. Never on a public page. */
  place: line(300).nullable(),
  /** One or two of the service's staff. */
  facilitatorUserIds: z.array(Uuid).min(1).max(2),
  /** A waiting entry older than this is asked to reconfirm. */
  reconfirmAfterDays: z.number().int().min(7).max(365),
});

function checkOffer(offer: z.infer<typeof GroupOfferFields>, context: z.core.$RefinementCtx) {
  if (offer.minParticipants > offer.maxParticipants) context.addIssue({ code: 'custom', path: ['minParticipants'], message: 'min_greater_than_max' });
  if (offer.mode === 'in_person' && offer.place === null) context.addIssue({ code: 'custom', path: ['place'], message: 'place_required' });
  if (new Set(offer.facilitatorUserIds).size !== offer.facilitatorUserIds.length) context.addIssue({ code: 'custom', path: ['facilitatorUserIds'], message: 'duplicate_facilitator' });
}

export const CreateGroupOfferRequest = GroupOfferFields.extend({ serviceId: Uuid }).superRefine(checkOffer);
export type CreateGroupOfferRequest = z.infer<typeof CreateGroupOfferRequest>;

export const UpdateGroupOfferRequest = GroupOfferFields.superRefine(checkOffer);
export type UpdateGroupOfferRequest = z.infer<typeof UpdateGroupOfferRequest>;

export const GroupStaffRef = z.object({ userId: z.string(), displayName: z.string() });

export const GroupOfferView = GroupOfferFields.omit({ facilitatorUserIds: true }).extend({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  facilitators: z.array(GroupStaffRef),
  waitingCount: z.number().int(),
  runningGroupCount: z.number().int(),
  createdAt: DateTime,
});
export type GroupOfferView = z.infer<typeof GroupOfferView>;

export const GroupOfferParams = z.strictObject({ offerId: Uuid });

// Waiting list ------------------------------------------------------------------------------------------------

export const DayTime = z.enum(['morning', 'afternoon', 'evening']);
export const ModePreference = z.enum(['in_person', 'online', 'either']);

export const WaitingPreferences = z.strictObject({
  dayTimes: z.array(DayTime).max(3),
  /** A language code the person prefers the group in (e.g. `da`, `en`, `ar`). */
  language: z.string().regex(/^[a-z]{2,3}$/, { message: 'language_format' }),
  mode: ModePreference,
});
export type WaitingPreferences = z.infer<typeof WaitingPreferences>;

/** The person is added through their course at the offer's service (opened from a referral, a self-referral or directly). */
export const AddToWaitingListRequest = z.strictObject({ courseId: Uuid, preferences: WaitingPreferences });
export type AddToWaitingListRequest = z.infer<typeof AddToWaitingListRequest>;

export const WaitingEntryStatus = z.enum(['waiting', 'reconfirmation_requested', 'placed', 'left', 'lapsed']);
export type WaitingEntryStatus = z.infer<typeof WaitingEntryStatus>;

export const WaitingEntryView = z.object({
  id: z.string(),
  /** 1 = first in line; null once the entry is no longer waiting. */
  position: z.number().int().nullable(),
  courseId: z.string(),
  courseReference: z.string(),
  /** The name or pseudonym the coordinator already sees on the course. */
  clientLabel: z.string(),
  status: WaitingEntryStatus,
  addedAt: DateTime,
  waitingDays: z.number().int(),
  preferences: WaitingPreferences,
  declineCount: z.number().int(),
  reconfirmBy: DateTime.nullable(),
});
export type WaitingEntryView = z.infer<typeof WaitingEntryView>;

export const WaitingEntryParams = z.strictObject({ entryId: Uuid });

/** A person turns a place down: they keep their place on the list, or leave it by their own choice. */
export const DeclinePlaceRequest = z.strictObject({ keepsPlace: z.boolean() });
export type DeclinePlaceRequest = z.infer<typeof DeclinePlaceRequest>;

// Groups and meetings ----------------------------------------------------------------------------------------

export const StartGroupRequest = z.strictObject({
  /** The first meeting falls on the rhythm's weekday on or after this date. */
  firstDate: z.iso.date(),
  entryIds: z.array(Uuid).min(1).max(30),
  /** Required when someone is picked past a person still waiting. Stored and audited (not its text). */
  overrideReason: paragraphs(1000).optional(),
});
export type StartGroupRequest = z.infer<typeof StartGroupRequest>;

export const GroupStatus = z.enum(['running', 'closed']);
export const ParticipantStatus = z.enum(['active', 'left']);
export const GroupAttendance = z.enum(['attended', 'absent_with_notice', 'absent']);
export type GroupAttendance = z.infer<typeof GroupAttendance>;

export const GroupParticipantView = z.object({
  id: z.string(),
  courseId: z.string(),
  clientLabel: z.string(),
  status: ParticipantStatus,
  joinedAt: DateTime,
  /** Joined as the replacement for someone who left before the second meeting. */
  isReplacement: z.boolean(),
  outcomes: z.array(z.object({ phase: OutcomePhase, safety: z.number().int(), options: z.number().int() })),
});

export const GroupMeetingView = z.object({
  id: z.string(),
  number: z.number().int(),
  startsAt: DateTime,
  endsAt: DateTime,
  attendance: z.array(z.object({ participantId: z.string(), attendance: GroupAttendance })),
  groupNote: z.string().nullable(),
  /** Which participants have a note from this meeting (the notes are read on the person's own course). */
  participantNoteIds: z.array(z.string()),
});
export type GroupMeetingView = z.infer<typeof GroupMeetingView>;

export const GroupView = z.object({
  id: z.string(),
  offerId: z.string(),
  offerName: z.string(),
  serviceName: z.string(),
  status: GroupStatus,
  startedAt: DateTime,
  closedAt: DateTime.nullable(),
  completedCount: z.number().int().nullable(),
  mode: GroupMode,
  place: z.string().nullable(),
  facilitators: z.array(GroupStaffRef),
  participants: z.array(GroupParticipantView),
  meetings: z.array(GroupMeetingView),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupSummary = z.object({ id: z.string(), status: GroupStatus, startedAt: DateTime, participantCount: z.number().int(), firstMeetingAt: DateTime.nullable(), lastMeetingAt: DateTime.nullable() });
export type GroupSummary = z.infer<typeof GroupSummary>;

export const GroupParams = z.strictObject({ groupId: Uuid });
export const GroupParticipantParams = z.strictObject({ groupId: Uuid, participantId: Uuid });
export const GroupMeetingParams = z.strictObject({ groupId: Uuid, meetingId: Uuid });
export const GroupMeetingParticipantParams = z.strictObject({ groupId: Uuid, meetingId: Uuid, participantId: Uuid });
export const GroupOutcomeParams = z.strictObject({ groupId: Uuid, participantId: Uuid, phase: OutcomePhase });

export const RecordGroupAttendanceRequest = z.strictObject({
  entries: z.array(z.strictObject({ participantId: Uuid, attendance: GroupAttendance })).min(1).max(30),
});
export type RecordGroupAttendanceRequest = z.infer<typeof RecordGroupAttendanceRequest>;

export const GroupNoteRequest = z.strictObject({ note: paragraphs(8000) });
export type GroupNoteRequest = z.infer<typeof GroupNoteRequest>;

/** The same 0–10 ratings as a course (tryghed, handlemuligheder), at the first and the last meeting. */
export const RecordGroupOutcomeRequest = RecordOutcomeRequest.pick({ safety: true, options: true }).strict();
export type RecordGroupOutcomeRequest = z.infer<typeof RecordGroupOutcomeRequest>;

/** What the person's own course shows of their group: the offer, the meetings, and the notes written about them. */
export const CourseGroupNoteView = z.object({
  groupId: z.string(),
  offerName: z.string(),
  meetingNumber: z.number().int(),
  meetingStartsAt: DateTime,
  note: z.string(),
  writtenAt: DateTime,
});
export type CourseGroupNoteView = z.infer<typeof CourseGroupNoteView>;

/** A service the caller runs groups at, with the staff who may facilitate there. */
export const GroupServiceChoice = z.object({ id: z.string(), name: z.string(), staff: z.array(GroupStaffRef) });
export type GroupServiceChoice = z.infer<typeof GroupServiceChoice>;
