import {
  AddressProtection,
  CourseFocus,
  CourseFromReferral,
  CourseOrigin,
  CoursePersonRole,
  CourseStatus,
  nextContactDueAt,
  OutcomePhase,
  parseSafeTimes,
  RiskLevel,
  SafeContactPreferences,
  ServiceLine,
  SessionMode,
  unknownSafeContactPreferences,
  ViolenceForm,
  type ChannelSafety,
  type CourseSafeContactInput,
  type CourseSummary,
  type OutcomeView,
  type SafeTimeWindow,
  type YesNoUnknown,
} from '@bro/domain';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { OutcomeRow } from '../outcomes/outcome.queries.ts';
import type { CourseRow } from './course.queries.ts';

/** Rows → API views for courses. Field-level policy lives here: lists carry a label, never contact details. */

export type SafeContact = { phone: string | null; email: string | null; preferences: SafeContactPreferences };

const StoredSafeContact = z.object({ phone: z.string().nullable(), email: z.string().nullable(), preferences: SafeContactPreferences });

export function sealSafeContact(cipher: FieldCipher, contact: SafeContact): string {
  return cipher.encrypt(JSON.stringify(contact));
}

export function openSafeContact(cipher: FieldCipher, sealed: string): SafeContact {
  return StoredSafeContact.parse(JSON.parse(cipher.decrypt(sealed)));
}

export function safeContactFromInput(input: CourseSafeContactInput | undefined): SafeContact {
  if (!input) return { phone: null, email: null, preferences: unknownSafeContactPreferences };
  return { phone: input.phone ?? null, email: input.email ?? null, preferences: input.preferences };
}

const safetyFromYesNo: Record<YesNoUnknown, ChannelSafety> = { yes: 'safe', no: 'unsafe', unknown: 'unknown' };
const yesNoFromSafety: Record<ChannelSafety, YesNoUnknown> = { safe: 'yes', unsafe: 'no', unknown: 'unknown' };

/**
 * What a referral said about safe contact, in the course's terms. Its safe times were free text: the windows are
 * read from them when the words are unambiguous ("hverdage 9-15"), else stay unknown; the words stay on the course.
 */
export function safeContactFromReferral(input: {
  phone: string | null;
  isSafeToCall: YesNoUnknown;
  smsAllowed: YesNoUnknown;
  voicemailAllowed: YesNoUnknown;
  safeTimes: string | null;
  language: string;
}): SafeContact {
  return {
    phone: input.phone,
    email: null,
    preferences: {
      ...unknownSafeContactPreferences,
      safeTimeWindows: parseSafeTimes(input.safeTimes),
      channels: { ...unknownSafeContactPreferences.channels, sms: safetyFromYesNo[input.smsAllowed], phoneCall: safetyFromYesNo[input.isSafeToCall], voicemail: safetyFromYesNo[input.voicemailAllowed] },
      language: input.language === 'en' ? 'en' : 'da',
    },
  };
}

const dayNames = ['', 'man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'];

/** Safe times as the receiving service reads them on a referral ("man, tir 09:00–16:00"). */
function describeSafeTimes(windows: readonly SafeTimeWindow[] | null): string | null {
  if (windows === null) return null;
  if (windows.length === 0) return 'Ingen tidspunkter er sikre';
  return windows.map((window) => `${window.days.map((day) => dayNames[day]).join(', ')} ${window.from}–${window.to}`).join('; ');
}

/** The onward referral's view of the course's safe-contact preferences. */
export function referralContactOf(contact: SafeContact) {
  return {
    phone: contact.phone,
    isSafeToCall: yesNoFromSafety[contact.preferences.channels.phoneCall],
    smsAllowed: yesNoFromSafety[contact.preferences.channels.sms],
    voicemailAllowed: yesNoFromSafety[contact.preferences.channels.voicemail],
    safeTimes: describeSafeTimes(contact.preferences.safeTimeWindows),
    language: contact.preferences.language,
  };
}

function contactPolicyOf(row: Pick<CourseRow, 'contact_interval_days' | 'high_risk_contact_interval_days'>) {
  return { contactIntervalDays: row.contact_interval_days, highRiskContactIntervalDays: row.high_risk_contact_interval_days };
}

function riskLevelOf(row: Pick<CourseRow, 'risk_level'>): RiskLevel | null {
  return row.risk_level === null ? null : RiskLevel.parse(row.risk_level);
}

export function statusOf(row: Pick<CourseRow, 'status'>): CourseStatus {
  return CourseStatus.parse(row.status);
}

function lastContactAtOf(row: Pick<CourseRow, 'opened_at' | 'last_attended_at'>): Date {
  return row.last_attended_at && row.last_attended_at.getTime() > row.opened_at.getTime() ? row.last_attended_at : row.opened_at;
}

/** Past its contact interval (shorter when high risk) without a held session: the caseload's "without contact". */
export function contactStateOf(row: CourseRow, now: Date): { lastContactAt: Date; dueAt: Date; isOverdue: boolean } {
  const lastContactAt = lastContactAtOf(row);
  const dueAt = nextContactDueAt(lastContactAt, contactPolicyOf(row), riskLevelOf(row));
  return { lastContactAt, dueAt, isOverdue: statusOf(row) !== 'closed' && now.getTime() > dueAt.getTime() };
}

export function toCourseSummary(row: CourseRow, cipher: FieldCipher, now: Date): CourseSummary {
  const riskLevel = riskLevelOf(row);
  const status = statusOf(row);
  const { lastContactAt, dueAt, isOverdue } = contactStateOf(row, now);
  return {
    id: row.id,
    reference: row.reference,
    status,
    side: ServiceLine.parse(row.side),
    personRole: CoursePersonRole.parse(row.person_role),
    origin: CourseOrigin.parse(row.origin),
    clientLabel: cipher.decrypt(row.client_label_enc),
    isAnonymous: row.is_anonymous,
    serviceId: row.service_id,
    serviceName: row.service_name,
    counsellor: row.counsellor_user_id === null ? null : { userId: row.counsellor_user_id, displayName: row.counsellor_display_name ?? '' },
    riskLevel,
    isHighRisk: riskLevel === 'high',
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    sessionsUsed: row.sessions_used,
    plannedSessions: row.planned_sessions,
    nextSessionAt: row.next_session_at?.toISOString() ?? null,
    lastContactAt: lastContactAt.toISOString(),
    nextContactDueAt: dueAt.toISOString(),
    isContactOverdue: isOverdue,
  };
}

/** The person's own ratings at a session, as recorded. */
export function toOutcomeView(row: OutcomeRow): OutcomeView {
  return {
    phase: OutcomePhase.parse(row.phase),
    safety: row.safety_rating,
    options: row.options_rating,
    violenceForms: row.violence_forms.map((form) => ViolenceForm.parse(form)),
    sessionId: row.session_id,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: { userId: row.recorded_by_user_id, displayName: row.recorded_by_display_name },
  };
}

export function courseTermsOf(row: Pick<CourseRow, 'focus' | 'session_modes' | 'address_protection'>) {
  return {
    focus: row.focus.map((focus) => CourseFocus.parse(focus)),
    sessionModes: row.session_modes.map((mode) => SessionMode.parse(mode)),
    addressProtection: AddressProtection.parse(row.address_protection),
  };
}

/**
 * Course-specific problems, carried by the closest existing problem codes with a field error that names them
 * (`course_closed`, `instrument_version_unknown`, `judgement_cannot_lower`, `rule_invalid:<reason>`), so a client
 * can tell them apart and the Danish/English text still fits.
 */
export const courseProblem = {
  courseClosed: () => new AppError('transition_not_allowed', [{ path: 'course.status', message: 'course_closed' }]),
  invalid: (path: string, message: string) => new AppError('validation_failed', [{ path, message }]),
  many: (problems: readonly { path: string; message: string }[], prefix = 'body') =>
    new AppError(
      'validation_failed',
      problems.map((problem) => ({ path: problem.path ? `${prefix}.${problem.path}` : prefix, message: problem.message })),
    ),
};

/** The referral's facts kept with the course (null when it was opened directly). */
export function openFromReferral(cipher: FieldCipher, sealed: string | null): CourseFromReferral | null {
  return sealed === null ? null : CourseFromReferral.parse(JSON.parse(cipher.decrypt(sealed)));
}
