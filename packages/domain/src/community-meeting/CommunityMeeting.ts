import { z } from 'zod';
import { identifier, name, text } from '../common/text.ts';
import { SuppressedCount, suppressSmallCount } from '../self-referral/SelfReferral.ts';

/**
 * Community meetings (issue 14 §3, e.g. Omsorg i Fællesskabet by LGBT+ Danmark): a host organisation plans meetings
 * in several cities; people sign up anonymously on the public site (a first name or pseudonym and one way to be
 * reached); facilitators record the head count and a report without names; participants evaluate anonymously with
 * a code given out at the meeting.
 *
 * Nothing here asks for sexual orientation or gender identity (GDPR art. 9): signing up for a meeting of an LGBT+
 * organisation already says enough, so the sign-up holds as little as the host needs to reach the person.
 */

export const CommunityMeetingStatus = z.enum(['planned', 'cancelled', 'held']);
export type CommunityMeetingStatus = z.infer<typeof CommunityMeetingStatus>;

const LocalDate = z.iso.date();
const LocalTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'time_format' });

/** What the host plans. Date and times are Danish local time (Europe/Copenhagen); the server keeps the instants. */
export const CommunityMeetingPlan = z
  .strictObject({
    theme: text({ max: 200 }).min(1),
    city: name({ max: 80 }).min(1),
    date: LocalDate,
    startTime: LocalTime,
    endTime: LocalTime,
    placeName: text({ max: 200 }).min(1),
    /** The venue's address. Public only when `isAddressPublic`; otherwise sent to each registered participant. */
    address: identifier({ max: 300 }).min(1),
    isAddressPublic: z.boolean(),
    capacity: z.number().int().min(1).max(500),
    description: text({ max: 2000, multiline: true }),
    /** Memberships of the host organisation whose role may facilitate. */
    facilitatorMembershipIds: z.array(z.uuid()).max(5),
  })
  .refine((plan) => plan.startTime < plan.endTime, { message: 'ends_before_it_starts', path: ['endTime'] });
export type CommunityMeetingPlan = z.infer<typeof CommunityMeetingPlan>;

export const CommunityMeetingIdParams = z.object({ meetingId: z.uuid() });

export const CommunityMeetingFacilitator = z.object({ membershipId: z.uuid(), displayName: z.string() });
export type CommunityMeetingFacilitator = z.infer<typeof CommunityMeetingFacilitator>;

export const CommunityMeetingReport = z.strictObject({
  headCount: z.number().int().min(0).max(5000),
  /** Themes raised, in the facilitator's words: no names, nothing that points at a person. */
  themesRaised: text({ max: 1000, multiline: true }),
  /** How many were shown on to help (counselling, the hotline): a number, never who. */
  referralCount: z.number().int().min(0).max(5000),
  /** A note without personal data. */
  note: text({ max: 1000, multiline: true }),
});
export type CommunityMeetingReport = z.infer<typeof CommunityMeetingReport>;

export const CommunityMeeting = z.object({
  id: z.uuid(),
  theme: z.string(),
  city: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  placeName: z.string(),
  address: z.string(),
  isAddressPublic: z.boolean(),
  capacity: z.number().int(),
  description: z.string(),
  status: CommunityMeetingStatus,
  facilitators: z.array(CommunityMeetingFacilitator),
  signUpCount: z.number().int(),
  report: CommunityMeetingReport.nullable(),
});
export type CommunityMeeting = z.infer<typeof CommunityMeeting>;

export const CommunityMeetingList = z.array(CommunityMeeting);

export const EvaluationCode = z.object({ code: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export type EvaluationCode = z.infer<typeof EvaluationCode>;

/** A meeting as its facilitator sees it: with the evaluation code once it is issued. */
export const FacilitatedCommunityMeeting = CommunityMeeting.extend({ evaluationCode: EvaluationCode.nullable() });
export type FacilitatedCommunityMeeting = z.infer<typeof FacilitatedCommunityMeeting>;
export const FacilitatedCommunityMeetingList = z.array(FacilitatedCommunityMeeting);

/** Who the host may choose: members of the organisation whose role may facilitate (facilitators and counsellors). */
export const FacilitatorOptionList = z.array(CommunityMeetingFacilitator);

/** A sign-up as a facilitator sees it: the first name or pseudonym only. */
export const CommunityMeetingSignUp = z.object({ id: z.uuid(), firstName: z.string(), signedUpAt: z.iso.datetime({ offset: true }) });
export const CommunityMeetingSignUpList = z.object({ count: z.number().int(), capacity: z.number().int(), signUps: z.array(CommunityMeetingSignUp) });
export type CommunityMeetingSignUpList = z.infer<typeof CommunityMeetingSignUpList>;

// ---------------------------------------------------------------------------------------------------------------
// Anonymous evaluation

export const SeekHelpIntention = z.enum(['yes', 'no', 'unsure']);
export type SeekHelpIntention = z.infer<typeof SeekHelpIntention>;

const Rating = z.coerce.number().int().min(1).max(5);

/** The public form's answers (a form post: numbers arrive as text). No identity, no free text. */
export const CommunityMeetingEvaluationAnswers = z.object({
  feltSafe: Rating,
  learnedWhereToGetHelp: Rating,
  intendsToSeekHelp: SeekHelpIntention,
});
export type CommunityMeetingEvaluationAnswers = z.infer<typeof CommunityMeetingEvaluationAnswers>;

/** How long after the meeting's end its evaluation code works. */
export const EVALUATION_CODE_LIFETIME_DAYS = 14;

/**
 * Evaluations of one meeting or many, as counts and averages. Fewer than 5 answers: everything but the suppressed
 * count is withheld (a mean of two answers would tell a facilitator who said what).
 */
export const EvaluationSummary = z.object({
  responses: SuppressedCount,
  feltSafeAverage: z.number().nullable(),
  learnedWhereToGetHelpAverage: z.number().nullable(),
  intendsToSeekHelp: z.object({ yes: SuppressedCount, no: SuppressedCount, unsure: SuppressedCount }).nullable(),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const CommunityMeetingEvaluations = z.object({
  overall: EvaluationSummary,
  meetings: z.array(z.object({ meetingId: z.uuid(), theme: z.string(), city: z.string(), date: z.string(), summary: EvaluationSummary })),
});
export type CommunityMeetingEvaluations = z.infer<typeof CommunityMeetingEvaluations>;

export type EvaluationTally = { responses: number; feltSafeSum: number; learnedSum: number; yes: number; no: number; unsure: number };

/** Counts to what may be shown: small counts as "<5", and no average or split at all below 5 answers. */
export function summariseEvaluations(tally: EvaluationTally): EvaluationSummary {
  const responses = suppressSmallCount(tally.responses);
  if (responses === '<5') return { responses, feltSafeAverage: null, learnedWhereToGetHelpAverage: null, intendsToSeekHelp: null };
  const average = (sum: number) => Math.round((sum / tally.responses) * 10) / 10;
  return {
    responses,
    feltSafeAverage: average(tally.feltSafeSum),
    learnedWhereToGetHelpAverage: average(tally.learnedSum),
    intendsToSeekHelp: { yes: suppressSmallCount(tally.yes), no: suppressSmallCount(tally.no), unsure: suppressSmallCount(tally.unsure) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public sign-up

export const CommunityContactKind = z.enum(['email', 'phone']);
export type CommunityContactKind = z.infer<typeof CommunityContactKind>;

const YesNo = z.enum(['yes', 'no']);
const DanishPhone = z.string().trim().regex(/^(\+?[0-9][0-9 ]{7,18})$/, { message: 'phone_format' });

/** The sign-up form as posted. Field errors are codes; the page words them in its language. */
export const CommunityMeetingSignUpForm = z.object({
  firstName: name({ max: 60 }).min(1, { message: 'required' }),
  contactKind: CommunityContactKind,
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  /** May we write to you (SMS or e-mail, whichever you gave)? */
  mayMessage: YesNo,
  /** May we leave a message (a voicemail) if we call and you do not answer? */
  mayLeaveMessage: YesNo,
  consent: z.literal('yes', { message: 'required' }),
});
export type CommunityMeetingSignUpForm = z.infer<typeof CommunityMeetingSignUpForm>;

export const communityMeetingSignUpFields = ['firstName', 'contactKind', 'email', 'phone', 'mayMessage', 'mayLeaveMessage', 'consent'] as const;
export type CommunityMeetingSignUpField = (typeof communityMeetingSignUpFields)[number];

export type ValidSignUp = { firstName: string; contact: { kind: 'email'; email: string } | { kind: 'phone'; phone: string }; mayMessage: boolean; mayLeaveMessage: boolean };

const EmailAddress = z.email().max(200);

/**
 * Checks a posted sign-up. `isAddressSentByMessage`: the venue is for registered participants only, so the person
 * must let us write to them, or they could never learn where to go.
 */
export function validateCommunityMeetingSignUp(
  body: Record<string, string | undefined>,
  options: { isAddressSentByMessage: boolean },
): { isValid: true; signUp: ValidSignUp } | { isValid: false; errors: Partial<Record<CommunityMeetingSignUpField, string>> } {
  const parsed = CommunityMeetingSignUpForm.safeParse(body);
  const errors: Partial<Record<CommunityMeetingSignUpField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CommunityMeetingSignUpField;
      errors[field] ??= issue.code === 'too_big' ? 'too_long' : issue.message.match(/^[a-z_]+$/) ? issue.message : 'required';
    }
    return { isValid: false, errors };
  }
  const form = parsed.data;
  let contact: ValidSignUp['contact'] | undefined;
  if (form.contactKind === 'email') {
    const email = EmailAddress.safeParse(form.email ?? '');
    if (email.success) contact = { kind: 'email', email: email.data };
    else errors.email = form.email ? 'email_format' : 'required';
  } else {
    const phone = DanishPhone.safeParse(form.phone ?? '');
    if (phone.success) contact = { kind: 'phone', phone: phone.data.replace(/ /g, '') };
    else errors.phone = form.phone ? 'phone_format' : 'required';
  }
  if (options.isAddressSentByMessage && form.mayMessage !== 'yes') errors.mayMessage = 'needed_for_address';
  if (!contact || Object.keys(errors).length > 0) return { isValid: false, errors };
  return { isValid: true, signUp: { firstName: form.firstName, contact, mayMessage: form.mayMessage === 'yes', mayLeaveMessage: form.mayLeaveMessage === 'yes' } };
}

// ---------------------------------------------------------------------------------------------------------------
// Messages to participants

const whenFormat = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
};

/**
 * The words of a message to someone who signed up. Neutral, as every message in Bro: "a meeting", a time and (for
 * the address) where — never the theme, the host or what the meeting is about, since a phone or mailbox may be read
 * by the person who uses violence. Arabic-page sign-ups get English (the outbox texts are Danish or English).
 */
export function composeCommunityMeetingMessage(input: { type: 'address' | 'cancelled'; startsAt: Date; address: string; language: 'da' | 'en' }): { subject: string; text: string } {
  const when = whenFormat[input.language].format(input.startsAt);
  if (input.language === 'en') {
    return input.type === 'address'
      ? { subject: 'Your meeting', text: `You are signed up for the meeting on ${when}. Address: ${input.address}` }
      : { subject: 'Meeting cancelled', text: `The meeting on ${when} has been cancelled.` };
  }
  return input.type === 'address'
    ? { subject: 'Dit møde', text: `Du er tilmeldt mødet ${when}. Adresse: ${input.address}` }
    : { subject: 'Møde aflyst', text: `Mødet ${when} er aflyst.` };
}

// ---------------------------------------------------------------------------------------------------------------
// Danish local time

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Date ("2026-03-29") and time ("HH:MM") of an instant in Danish local time. */
export function copenhagenDateAndTime(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant of a Danish local date and time, across daylight-saving changes: guess it as UTC, see what local time
 * that is, and correct by the difference (twice, which settles on either side of a change).
 */
export function instantOfCopenhagenTime(date: string, time: string): Date {
  const target = Date.parse(`${date}T${time}:00Z`);
  let instant = target;
  for (let step = 0; step < 2; step += 1) {
    const local = copenhagenDateAndTime(new Date(instant));
    instant += target - Date.parse(`${local.date}T${local.time}:00Z`);
  }
  return new Date(instant);
}
