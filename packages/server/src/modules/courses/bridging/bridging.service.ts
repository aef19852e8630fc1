import {
  CoursePersonRole,
  ReferralForReferrer,
  referralRoleFromCourseRole,
  RiskLevel,
  ServiceLine,
  ShelterLegalBasis,
  type BridgingView,
  type CreateOnwardReferralRequest,
  type OnwardServiceOption,
  type RecordShelterStayRequest,
  type RecordUnderretningRequest,
  type ShelterStayView,
  type UnderretningView,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { hashIdempotentRequest, runIdempotently } from '../../../platform/idempotency.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { createOnwardReferral, isOnwardReferralOfCourse, listOnwardReferralsOfCourse, listOnwardServiceOptions, publishReferralChanges } from '../../referrals/index.ts';
import {
  findMunicipalityByCode,
  findShelterOrganisation,
  findShelterStay,
  findUnderretning,
  insertShelterStay,
  insertUnderretning,
  listShelterStays,
  listUnderretninger,
  updateShelterStay,
  updateUnderretning,
  type ShelterStayRow,
  type UnderretningRow,
} from './bridging.queries.ts';
import type { CourseRow } from '../core/course.queries.ts';
import { auditCourse, getVisibleCourse, logCourseReads, withCourseForChange, withCourseInTransaction, type CourseDeps } from '../core/course.service.ts';
import { courseProblem, openSafeContact, referralContactOf } from '../core/course-views.ts';

/**
 * Bridging onward (brobygning): onward referrals through the closed-loop referral, shelter stays (which shelter,
 * when, § 109/§ 110 — never its address) and underretninger (who, when, to which municipality, the receipt).
 */

function toStayView(row: ShelterStayRow): ShelterStayView {
  return {
    id: row.id,
    shelterOrganisationId: row.shelter_organisation_id,
    shelterName: row.shelter_name,
    legalBasis: ShelterLegalBasis.parse(row.legal_basis),
    admittedOn: row.admitted_on,
    dischargedOn: row.discharged_on,
    onwardReferralId: row.onward_referral_id,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: { userId: row.recorded_by_user_id, displayName: row.recorded_by_display_name },
  };
}

function toUnderretningView(row: UnderretningRow, cipher: FieldCipher): UnderretningView {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name ?? row.municipality_code,
    sentAt: row.sent_at.toISOString(),
    sentBy: { userId: row.sent_by_user_id, displayName: row.sent_by_display_name },
    receiptReceivedAt: row.receipt_received_at?.toISOString() ?? null,
    note: cipher.decryptOptional(row.note_enc),
    recordedAt: row.recorded_at.toISOString(),
  };
}

export async function getBridging(input: CourseDeps & { actor: Actor; courseId: string }): Promise<BridgingView> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const [onwardReferrals, stays, underretninger] = await Promise.all([
    listOnwardReferralsOfCourse(input.db, input.cipher, { organisationId: row.organisation_id, courseId: row.id, personLabel: input.cipher.decrypt(row.client_label_enc) }),
    listShelterStays(input.db, row.id),
    listUnderretninger(input.db, row.id),
  ]);
  await logCourseReads(input.db, {
    actor: input.actor,
    now,
    entries: [
      ...onwardReferrals.map((referral) => ({ objectType: 'referral', objectId: referral.id, personId: row.person_id })),
      ...underretninger.map((notification) => ({ objectType: 'underretning', objectId: notification.id, personId: row.person_id })),
      ...stays.map((stay) => ({ objectType: 'shelter_stay', objectId: stay.id, personId: row.person_id })),
    ],
  });
  return { onwardReferrals, shelterStays: stays.map(toStayView), underretninger: underretninger.map((notification) => toUnderretningView(notification, input.cipher)) };
}

/** Services the course can bridge to: active, on its side or serving both, other than the course's own. */
export async function listOnwardOptions(input: CourseDeps & { actor: Actor; courseId: string }): Promise<OnwardServiceOption[]> {
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, input.clock.now());
  return (await listOnwardServiceOptions(input.db, ServiceLine.parse(row.side))).filter((option) => option.id !== row.service_id);
}

/**
 * Refers the person onward, with their new consent, through the closed-loop referral; the course links to it, so
 * its staff see when help was received. A high-risk course's referral is high risk, so the receiver's shorter
 * deadline applies.
 *
 * @idempotent Keyed by the client's Idempotency-Key per user: a retry replays the first response.
 */
export async function referOnward(input: CourseDeps & { liveUpdates: LiveUpdates; actor: Actor; courseId: string; request: CreateOnwardReferralRequest; idempotencyKey: string }) {
  const outcome = await runIdempotently({
    ...input,
    userId: input.actor.userId,
    key: input.idempotencyKey,
    requestHash: hashIdempotentRequest({ operation: 'course.refer_onward', courseId: input.courseId, body: input.request }),
    statusCode: 201,
    execute: (trx) => withCourseInTransaction(trx, input, input.actor, input.courseId, 'refer_onward', (locked, row) => createFromCourse(locked, input, row)),
    serialize: (result) => JSON.stringify(ReferralForReferrer.parse(result.view)),
  });
  if (!outcome.isReplay) await publishReferralChanges(input.liveUpdates, [{ serviceId: outcome.result.serviceId, referralId: outcome.result.view.id }]);
  return { statusCode: outcome.statusCode, body: outcome.body, isReplay: outcome.isReplay };
}

async function createFromCourse(trx: Transaction<Database>, input: CourseDeps & { actor: Actor; request: CreateOnwardReferralRequest }, row: CourseRow) {
  const now = input.clock.now();
  const personRole = referralRoleFromCourseRole(CoursePersonRole.parse(row.person_role));
  if (!personRole) throw courseProblem.invalid('body', 'a_relative_is_not_referred_from_a_course');
  const created = await createOnwardReferral({
    trx,
    clock: input.clock,
    cipher: input.cipher,
    actor: input.actor,
    origin: {
      courseId: row.id,
      personId: row.person_id,
      personRole,
      side: ServiceLine.parse(row.side),
      riskLevel: row.risk_level === null ? 'standard' : RiskLevel.parse(row.risk_level),
      contact: referralContactOf(openSafeContact(input.cipher, row.safe_contact_enc)),
    },
    request: input.request,
  });
  await auditCourse(trx, { actor: input.actor, now, action: 'course.refer_onward', courseId: row.id, details: { referralId: created.referralId, serviceId: created.serviceId } });
  const view = (await listOnwardReferralsOfCourse(trx, input.cipher, { organisationId: row.organisation_id, courseId: row.id, personLabel: input.cipher.decrypt(row.client_label_enc) })).find((referral) => referral.id === created.referralId);
  if (!view) throw new Error('onward referral not visible to its course');
  await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'referral', objectId: view.id, personId: row.person_id }] });
  return { view, serviceId: created.serviceId };
}

export async function recordShelterStay(input: CourseDeps & { actor: Actor; courseId: string; request: RecordShelterStayRequest }): Promise<ShelterStayView> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_shelter_stay', async (trx, row) => {
    const now = input.clock.now();
    const { request } = input;
    if ((request.shelterOrganisationId === undefined) === (request.shelterName === undefined)) throw courseProblem.invalid('body.shelterOrganisationId', 'give_either_shelter_on_bro_or_shelter_name');
    if (request.shelterOrganisationId && !(await findShelterOrganisation(trx, request.shelterOrganisationId))) throw courseProblem.invalid('body.shelterOrganisationId', 'not_a_shelter');
    if (request.onwardReferralId && !(await isOnwardReferralOfCourse({ db: trx, referralId: request.onwardReferralId, courseId: row.id }))) {
      throw courseProblem.invalid('body.onwardReferralId', 'not_an_onward_referral_of_this_course');
    }
    if (request.dischargedOn && request.dischargedOn < request.admittedOn) throw courseProblem.invalid('body.dischargedOn', 'before_admission');
    const stayId = await insertShelterStay(trx, {
      course_id: row.id,
      shelter_organisation_id: request.shelterOrganisationId ?? null,
      shelter_name: request.shelterName ?? null,
      legal_basis: request.legalBasis,
      admitted_on: request.admittedOn,
      discharged_on: request.dischargedOn ?? null,
      onward_referral_id: request.onwardReferralId ?? null,
      recorded_by_user_id: input.actor.userId,
      recorded_at: now,
      updated_at: now,
    });
    await auditCourse(trx, {
      actor: input.actor,
      now,
      action: 'course.record_shelter_stay',
      courseId: row.id,
      details: { stayId, legalBasis: request.legalBasis, shelterOrganisationId: request.shelterOrganisationId ?? null, isDischarged: Boolean(request.dischargedOn) },
    });
    return stayViewOf(trx, input, row, stayId);
  });
}

export async function updateStay(input: CourseDeps & { actor: Actor; courseId: string; stayId: string; dischargedOn: string | null }): Promise<ShelterStayView> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_shelter_stay', async (trx, row) => {
    const now = input.clock.now();
    const stay = await findShelterStay(trx, { courseId: row.id, stayId: input.stayId });
    if (!stay) throw new AppError('not_found');
    if (input.dischargedOn !== null && input.dischargedOn < stay.admitted_on) throw courseProblem.invalid('body.dischargedOn', 'before_admission');
    await updateShelterStay(trx, stay.id, { discharged_on: input.dischargedOn, updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.update_shelter_stay', courseId: row.id, details: { stayId: stay.id, isDischarged: input.dischargedOn !== null } });
    return stayViewOf(trx, input, row, stay.id);
  });
}

async function stayViewOf(trx: Transaction<Database>, input: CourseDeps & { actor: Actor }, row: CourseRow, stayId: string): Promise<ShelterStayView> {
  const stay = await findShelterStay(trx, { courseId: row.id, stayId });
  if (!stay) throw new Error('shelter stay not found after write');
  await logCourseReads(trx, { actor: input.actor, now: input.clock.now(), entries: [{ objectType: 'shelter_stay', objectId: stay.id, personId: row.person_id }] });
  return toStayView(stay);
}

/** Records that an underretning was sent: never the child-welfare case itself, which is the municipality's. */
export async function recordUnderretning(input: CourseDeps & { actor: Actor; courseId: string; request: RecordUnderretningRequest }): Promise<UnderretningView> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_underretning', async (trx, row) => {
    const now = input.clock.now();
    if (!(await findMunicipalityByCode(trx, input.request.municipalityCode))) throw courseProblem.invalid('body.municipalityCode', 'unknown_municipality');
    if (new Date(input.request.sentAt).getTime() > now.getTime() + 5 * 60_000) throw courseProblem.invalid('body.sentAt', 'in_the_future');
    const id = await insertUnderretning(trx, {
      course_id: row.id,
      municipality_code: input.request.municipalityCode,
      sent_at: input.request.sentAt,
      sent_by_user_id: input.actor.userId,
      note_enc: input.cipher.encryptOptional(input.request.note),
      recorded_at: now,
    });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.record_underretning', courseId: row.id, details: { underretningId: id, municipalityCode: input.request.municipalityCode } });
    return underretningViewOf(trx, input, row, id);
  });
}

export async function recordUnderretningReceipt(input: CourseDeps & { actor: Actor; courseId: string; underretningId: string; receiptReceivedAt: string }): Promise<UnderretningView> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_underretning', async (trx, row) => {
    const now = input.clock.now();
    const notification = await findUnderretning(trx, { courseId: row.id, id: input.underretningId });
    if (!notification) throw new AppError('not_found');
    if (new Date(input.receiptReceivedAt).getTime() < notification.sent_at.getTime()) throw courseProblem.invalid('body.receiptReceivedAt', 'before_it_was_sent');
    await updateUnderretning(trx, notification.id, { receipt_received_at: input.receiptReceivedAt });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.record_underretning_receipt', courseId: row.id, details: { underretningId: notification.id } });
    return underretningViewOf(trx, input, row, notification.id);
  });
}

async function underretningViewOf(trx: Transaction<Database>, input: CourseDeps & { actor: Actor }, row: CourseRow, id: string): Promise<UnderretningView> {
  const notification = await findUnderretning(trx, { courseId: row.id, id });
  if (!notification) throw new Error('underretning not found after write');
  await logCourseReads(trx, { actor: input.actor, now: input.clock.now(), entries: [{ objectType: 'underretning', objectId: notification.id, personId: row.person_id }] });
  return toUnderretningView(notification, input.cipher);
}
