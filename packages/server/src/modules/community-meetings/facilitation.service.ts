import {
  EVALUATION_CODE_LIFETIME_DAYS,
  hasPermission,
  receiptCodeFromBytes,
  type CalendarEntry,
  type CommunityMeetingReport,
  type CommunityMeetingSignUpList,
  type EvaluationCode,
  type FacilitatedCommunityMeeting,
} from '@bro/domain';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/tables.ts';
import { recordAccess } from '../../platform/access-log.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import type { StaffCalendarSource } from '../../platform/staff-calendar.ts';
import {
  findFacilitatedMeeting,
  listMeetingsOfFacilitator,
  listOwnMeetings,
  listRegisteredSignUps,
  saveEvaluationCode,
  saveReport,
  type CommunityMeetingRow,
} from './community-meeting.queries.ts';
import { toMeetings } from './community-meeting.service.ts';

/**
 * Running a community meeting (`community_meetings:facilitate`): a facilitator reaches the meetings they facilitate;
 * a counsellor who also plans meetings (`community_meetings:manage`) reaches all of their organisation's. Another
 * organisation's meeting, or one the facilitator does not run, answers 404.
 */

type FacilitationInput = { db: Db; cipher: FieldCipher; actor: Actor; meetingId: string };

const DAY_MS = 24 * 3_600_000;

function isHostManager(actor: Actor): boolean {
  return hasPermission(actor.role, 'community_meetings:manage');
}

async function getRunMeeting(db: Db, actor: Actor, meetingId: string, isForUpdate = false): Promise<CommunityMeetingRow> {
  const row = await findFacilitatedMeeting(db, { meetingId, organisationId: actor.organisationId, serviceLine: actor.serviceLine, membershipId: actor.membershipId, isHostManager: isHostManager(actor), isForUpdate });
  if (!row) throw new AppError('not_found');
  return row;
}

async function toFacilitated(db: Db, cipher: FieldCipher, rows: readonly CommunityMeetingRow[]): Promise<FacilitatedCommunityMeeting[]> {
  const meetings = await toMeetings(db, cipher, rows);
  return meetings.map((meeting, index) => {
    const row = rows[index];
    const code = row?.evaluation_code_enc ? cipher.decrypt(row.evaluation_code_enc) : null;
    return { ...meeting, evaluationCode: code && row?.evaluation_code_expires_at ? { code, expiresAt: row.evaluation_code_expires_at.toISOString() } : null };
  });
}

export async function listFacilitatedMeetings(input: { db: Db; cipher: FieldCipher; actor: Actor }): Promise<FacilitatedCommunityMeeting[]> {
  const { db, actor } = input;
  const rows = isHostManager(actor)
    ? await listOwnMeetings(db, actor)
    : await listMeetingsOfFacilitator(db, { organisationId: actor.organisationId, membershipId: actor.membershipId });
  return toFacilitated(db, input.cipher, rows);
}

export async function getFacilitatedMeeting(input: FacilitationInput): Promise<FacilitatedCommunityMeeting> {
  const [meeting] = await toFacilitated(input.db, input.cipher, [await getRunMeeting(input.db, input.actor, input.meetingId)]);
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

/**
 * Who signed up: first names or pseudonyms only (never how to reach them). The read is access-logged before the
 * names leave the server; the sign-ups are not persons in Bro, so the entry names the meeting.
 */
export async function listSignUpsOfMeeting(input: FacilitationInput & { clock: Clock }): Promise<CommunityMeetingSignUpList> {
  const { db, actor, cipher } = input;
  const meeting = await getRunMeeting(db, actor, input.meetingId);
  const rows = await listRegisteredSignUps(db, meeting.id);
  await recordAccess(db, [
    {
      occurredAt: input.clock.now(),
      userId: actor.userId,
      organisationId: actor.organisationId,
      action: 'list',
      objectType: 'community_meeting_sign_ups',
      objectId: meeting.id,
      personId: null,
      purpose: 'community_meeting_facilitation',
    },
  ]);
  return {
    count: rows.length,
    capacity: meeting.capacity,
    // Erased a week after the meeting (sign-up.jobs.ts): the count stays, the name is gone.
    signUps: rows.map((row) => ({ id: row.id, firstName: cipher.decryptOptional(row.first_name_enc) ?? '–', signedUpAt: row.signed_up_at.toISOString() })),
  };
}

/**
 * After the meeting: the head count and the facilitator's report (themes, how many were shown on to help, a note —
 * no names). Recording it marks the meeting held; it can be corrected later. 409 before it has started or once cancelled.
 */
export async function recordMeetingReport(input: FacilitationInput & { clock: Clock; report: CommunityMeetingReport }): Promise<FacilitatedCommunityMeeting> {
  const { actor, cipher, report } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const meeting = await getRunMeeting(trx, actor, input.meetingId, true);
    if (meeting.status === 'cancelled' || meeting.starts_at.getTime() > now.getTime()) throw new AppError('transition_not_allowed');
    await saveReport(trx, {
      meetingId: meeting.id,
      headCount: report.headCount,
      referralCount: report.referralCount,
      themesRaisedEnc: cipher.encryptOptional(report.themesRaised),
      noteEnc: cipher.encryptOptional(report.note),
      now,
    });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: meeting.reported_at ? 'community_meeting.correct_report' : 'community_meeting.report',
      objectType: 'community_meeting',
      objectId: meeting.id,
      details: { headCount: report.headCount, referralCount: report.referralCount },
    });
  });
  return getFacilitatedMeeting(input);
}

/**
 * The code participants evaluate the meeting with, to be given out at the meeting. Issued once and shown again on
 * later calls; it works from the meeting's start until {@link EVALUATION_CODE_LIFETIME_DAYS} days after its end.
 */
export async function issueEvaluationCode(input: FacilitationInput & { clock: Clock }): Promise<EvaluationCode> {
  const { actor, cipher } = input;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const meeting = await getRunMeeting(trx, actor, input.meetingId, true);
    if (meeting.evaluation_code_enc && meeting.evaluation_code_expires_at) {
      return { code: cipher.decrypt(meeting.evaluation_code_enc), expiresAt: meeting.evaluation_code_expires_at.toISOString() };
    }
    if (meeting.status === 'cancelled') throw new AppError('transition_not_allowed');
    const code = receiptCodeFromBytes(randomBytes(8));
    const expiresAt = new Date(meeting.ends_at.getTime() + EVALUATION_CODE_LIFETIME_DAYS * DAY_MS);
    await saveEvaluationCode(trx, { meetingId: meeting.id, hash: evaluationCodeHash(cipher, code), codeEnc: cipher.encrypt(code), expiresAt, now });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'community_meeting.issue_evaluation_code', objectType: 'community_meeting', objectId: meeting.id, details: {} });
    return { code, expiresAt: expiresAt.toISOString() };
  });
}

export function evaluationCodeHash(cipher: FieldCipher, code: string): string {
  return cipher.lookupHash(`community-meeting-evaluation-code:${code}`);
}

/**
 * The staff calendar's community meetings: those the staff member facilitates, as theme and city, with the place's
 * name (the address is sealed and a calendar is synced into other systems: the app shows it) — never who signed up.
 */
export const communityMeetingCalendarSource: StaffCalendarSource = async (db, staff, range) => {
  const rows = await listMeetingsOfFacilitator(db, { organisationId: staff.organisationId, membershipId: staff.membershipId, from: range.from, to: range.to });
  return rows.map(
    (row): CalendarEntry => ({
      uid: `community-meeting-${row.id}@bro`,
      kind: 'community_meeting',
      title: `${row.theme} · ${row.city}`,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: `${row.place_name}, ${row.city}`,
      isOnline: false,
      isCancelled: row.status === 'cancelled',
      appPath: `/community-meetings/facilitated/${row.id}`,
    }),
  );
};
