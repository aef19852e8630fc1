import type { ConsentInput, PersonRole, ReferralForReferrer, RiskLevel, ServiceLine, YesNoUnknown } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { assertConsentFits } from '../../persons/index.ts';
import { assertServiceTakes, courseReferralVisibility } from '../core/referral-access.ts';
import { findReferableService, listReferralEvents } from '../core/referral-record.queries.ts';
import { createReferralRecord, getRecord } from '../core/referral-record.service.ts';
import { toReferrerView } from '../core/referral-views.ts';
import { isReferralMadeFromCourse, listOnwardTargets, listReferralIdsOfCourse } from './onward-referral.queries.ts';

/**
 * Onward referral (brobygning) from a counselling course, through the same closed loop as every referral: the
 * counsellor refers on behalf of their organisation, with the person's new consent to the receiving organisation;
 * the receiver sees it in its inbox like any other; the course's staff follow its status (received, accepted,
 * first contact, handed over) through the course. No programme: a course may bridge to any active service on
 * Bro whose service line fits the course's side.
 */

type OnwardOrigin = {
  courseId: string;
  personId: string;
  personRole: PersonRole;
  side: ServiceLine;
  riskLevel: RiskLevel;
  /** What the course knows about safe contact, in the referral's terms. Passed on only as far as the consent reaches. */
  contact: { phone: string | null; isSafeToCall: YesNoUnknown; smsAllowed: YesNoUnknown; voicemailAllowed: YesNoUnknown; safeTimes: string | null; language: string };
};

type OnwardRequest = { serviceId: string; consent: ConsentInput; situation?: string | undefined; childrenInHome: YesNoUnknown; note?: string | undefined };

/**
 * Creates and sends the referral inside the caller's transaction (the course records it in the same one). The
 * caller publishes the live update after commit.
 */
export async function createOnwardReferral(input: {
  trx: Transaction<Database>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  origin: OnwardOrigin;
  request: OnwardRequest;
}): Promise<{ referralId: string; serviceId: string }> {
  const { trx, actor, origin, request } = input;
  const target = await findReferableService(trx, request.serviceId);
  // A perpetrator-side course never bridges into a victim-side service, nor the other way round.
  if (!target || (target.service_line !== null && target.service_line !== origin.side)) throw new AppError('service_not_allowed');
  // The course's person is known by role here; the receiving intake checks gender and age as it always has.
  await assertServiceTakes(target, { role: origin.personRole, gender: undefined, age: undefined }, () => listOnwardTargets(trx, { serviceLines: [origin.side] }));
  assertConsentFits(request.consent, target.organisation_id, input.clock.now(), 'body.consent');
  const { referralId } = await createReferralRecord({
    trx,
    clock: input.clock,
    cipher: input.cipher,
    referral: {
      origin: { kind: 'course', actor, courseId: origin.courseId },
      person: { id: origin.personId },
      consent: request.consent,
      service: { id: target.id, organisationId: target.organisation_id },
      personRole: origin.personRole,
      riskLevel: origin.riskLevel,
      situation: request.situation,
      contact: { ...origin.contact, interpreterNeeded: false },
      childrenInHome: request.childrenInHome,
      underretning: null,
      note: request.note,
      send: true,
    },
  });
  return { referralId, serviceId: target.id };
}

/**
 * The closed loop of every onward referral made from the course, as the referring side sees it: status and
 * timeline, never the receiver's notes, under the course's label for the person. The caller has checked that the
 * actor may see the course.
 */
export async function listOnwardReferralsOfCourse(
  db: Db,
  cipher: FieldCipher,
  input: { organisationId: string; courseId: string; personLabel: string },
): Promise<ReferralForReferrer[]> {
  const visibility = courseReferralVisibility(input);
  const ids = await listReferralIdsOfCourse(db, { courseId: input.courseId, referringOrganisationId: input.organisationId });
  const views: ReferralForReferrer[] = [];
  for (const id of ids) {
    const record = await getRecord(db, id, visibility, false);
    const view = toReferrerView({ record, events: await listReferralEvents(db, id), linkedReferralIds: [], cipher });
    // The course knows the person by its own label (maybe a pseudonym, when the first consent did not cover identity):
    // the person record's name, which may have come from the police, is not the course's to see.
    views.push({ ...view, personName: input.personLabel });
  }
  return views;
}

/** Where a course on this side can bridge to: every active service of that line or of both lines. */
export async function listOnwardServiceOptions(db: Db, side: ServiceLine) {
  const rows = await listOnwardTargets(db, { serviceLines: [side] });
  return rows.map((row) => ({ id: row.id, name: row.name, organisationId: row.organisation_id, organisationName: row.organisation_name, organisationKind: row.organisation_kind }));
}

/** A service a referral can go to now: active, of an active organisation (e.g. a course's eligibility rule names it). */
export async function isReferableService(input: { db: Db; serviceId: string }): Promise<boolean> {
  return (await findReferableService(input.db, input.serviceId)) !== undefined;
}

/** Was the referral made from this course (a shelter stay may name the onward referral that led to it)? */
export async function isOnwardReferralOfCourse(input: { db: Db; referralId: string; courseId: string }): Promise<boolean> {
  return isReferralMadeFromCourse(input.db, { referralId: input.referralId, courseId: input.courseId });
}
