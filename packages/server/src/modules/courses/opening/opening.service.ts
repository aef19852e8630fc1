import {
  canServiceHoldSide,
  Course,
  courseRoleFromReferralRole,
  PersonRole,
  sideOfCourseRole,
  YesNoUnknown,
  type AddressProtection,
  type OpenCourseRequest,
} from '@bro/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { hashIdempotentRequest, runIdempotently } from '../../../platform/idempotency.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { createPerson } from '../../persons/index.ts';
import { applyReferralTransition, getRecord, isConsentWithdrawn, publishReferralChanges, receiverVisibility, visibleCategoriesOf } from '../../referrals/index.ts';
import { getCourseTemplate } from '../configuration/configuration.service.ts';
import { canWorkAt, type CourseVisibility } from '../core/course-access.ts';
import { findCourseRow, findServiceOfOrganisation, isCounsellorOfService, listServicesOfOrganisation } from '../core/course.queries.ts';
import { buildCourseView } from '../core/course-record.service.ts';
import { auditCourse, courseVisibilityOf, type CourseDeps } from '../core/course.service.ts';
import { courseProblem, safeContactFromInput, safeContactFromReferral, sealSafeContact } from '../core/course-views.ts';
import { findLatestCourseOfPerson, insertCourse } from './opening.queries.ts';

/** Opening a course: from an accepted referral, or directly (self-referral, walk-in, phone); and where one may be opened. */

/**
 * Opens a course: from an accepted referral (the referral is handed over in the same transaction, so the referrer
 * sees that help started), or directly for a self-referral, walk-in or phone contact (anonymous is fine).
 *
 * @idempotent Keyed by the client's Idempotency-Key per user (platform/idempotency.ts): a retry replays the first
 * response and opens nothing.
 */
export async function openCourse(input: CourseDeps & { liveUpdates: LiveUpdates; actor: Actor; request: OpenCourseRequest; idempotencyKey: string }) {
  const outcome = await runIdempotently({
    db: input.db,
    clock: input.clock,
    cipher: input.cipher,
    userId: input.actor.userId,
    key: input.idempotencyKey,
    requestHash: hashIdempotentRequest({ operation: 'course.open', body: input.request }),
    statusCode: 201,
    execute: (trx) => insertNewCourse({ ...input, trx }),
    serialize: (result) => JSON.stringify(Course.parse(result.view)),
  });
  if (!outcome.isReplay && outcome.result.handedOverReferral) await publishReferralChanges(input.liveUpdates, [outcome.result.handedOverReferral]);
  return { statusCode: outcome.statusCode, body: outcome.body, isReplay: outcome.isReplay };
}

type NewCourseParts = {
  serviceId: string;
  personId: string;
  personRole: 'exposed' | 'uses_violence' | 'relative';
  referralId: string | null;
  isAnonymous: boolean;
  clientLabel: string;
  addressProtection: AddressProtection;
  safeContact: ReturnType<typeof safeContactFromInput>;
};

async function insertNewCourse(input: CourseDeps & { trx: Transaction<Database>; actor: Actor; request: OpenCourseRequest }) {
  const { trx, actor, request, cipher } = input;
  const now = input.clock.now();
  const visibility = await courseVisibilityOf(trx, actor);
  let handedOverReferral: { serviceId: string; referralId: string } | null = null;
  let parts: NewCourseParts;

  if (request.origin === 'referral') {
    const record = await getRecord(trx, request.referralId, receiverVisibility(actor), true);
    const referralRole = PersonRole.parse(record.person_role);
    const personRole = courseRoleFromReferralRole(referralRole) ?? request.personRole;
    if (!personRole) throw courseProblem.invalid('body.personRole', 'required_for_a_person_referred_as_both');
    if (referralRole !== 'both' && request.personRole !== undefined && request.personRole !== personRole) throw courseProblem.invalid('body.personRole', 'differs_from_referral');
    if (isConsentWithdrawn(record)) throw new AppError('consent_withdrawn');
    await assertCanHoldCourse(trx, { actor, visibility, serviceId: record.service_id, side: sideOfCourseRole(personRole) });
    const categories = visibleCategoriesOf(record);
    const referredName = categories.has('identity') ? cipher.decrypt(record.person_full_name_enc) : undefined;
    const clientLabel = request.clientLabel ?? referredName;
    if (!clientLabel) throw courseProblem.invalid('body.clientLabel', 'required_without_identity_consent');
    // Hand-over needs an accepted referral with first contact; the domain refuses it otherwise (409).
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'hand_over' }, side: 'receiver', actor });
    handedOverReferral = { serviceId: record.service_id, referralId: record.id };
    parts = {
      serviceId: record.service_id,
      personId: record.person_id,
      personRole,
      referralId: record.id,
      isAnonymous: referredName === undefined,
      clientLabel,
      addressProtection: categories.has('identity') ? (record.person_address_protection as AddressProtection) : 'unknown',
      safeContact: request.safeContact
        ? safeContactFromInput(request.safeContact)
        : categories.has('contact')
          ? safeContactFromReferral({
              phone: cipher.decryptOptional(record.phone_enc),
              isSafeToCall: YesNoUnknown.parse(record.is_safe_to_call),
              smsAllowed: YesNoUnknown.parse(record.sms_allowed),
              voicemailAllowed: YesNoUnknown.parse(record.voicemail_allowed),
              language: record.language,
            })
          : safeContactFromInput(undefined),
    };
  } else {
    await assertCanHoldCourse(trx, { actor, visibility, serviceId: request.serviceId, side: sideOfCourseRole(request.personRole) });
    if ((request.person === undefined) === (request.personId === undefined)) throw courseProblem.invalid('body.person', 'give_either_person_or_personId');
    let personId = request.personId;
    let clientLabel: string;
    let isAnonymous: boolean;
    let addressProtection: AddressProtection;
    if (personId !== undefined) {
      // A returning person: only one this caller already holds a course for (on the same side, at their services).
      const previousRow = await findLatestCourseOfPerson(trx, { personId, visibility });
      if (!previousRow) throw new AppError('not_found');
      clientLabel = cipher.decrypt(previousRow.client_label_enc);
      isAnonymous = previousRow.is_anonymous;
      addressProtection = previousRow.address_protection as AddressProtection;
    } else {
      const person = request.person!;
      if (person.isAnonymous && person.cpr) throw courseProblem.invalid('body.person.cpr', 'not_for_anonymous_contacts');
      personId = await createPerson({ trx, cipher, createdByOrganisationId: actor.organisationId, person: { ...person, fullName: person.label }, now });
      clientLabel = person.label;
      isAnonymous = person.isAnonymous;
      addressProtection = person.addressProtection;
    }
    parts = { serviceId: request.serviceId, personId, personRole: request.personRole, referralId: null, isAnonymous, clientLabel, addressProtection, safeContact: safeContactFromInput(request.safeContact) };
  }

  const counsellorUserId = request.counsellorUserId ?? (actor.role === 'counsellor' ? actor.userId : null);
  if (counsellorUserId !== null && !(await isCounsellorOfService(trx, { serviceId: parts.serviceId, userId: counsellorUserId }))) {
    throw courseProblem.invalid('body.counsellorUserId', 'not_a_counsellor_of_the_service');
  }
  const template = await getCourseTemplate({ db: trx, serviceId: parts.serviceId });
  const courseId = await insertCourse(trx, {
    person_id: parts.personId,
    service_id: parts.serviceId,
    organisation_id: actor.organisationId,
    side: sideOfCourseRole(parts.personRole),
    person_role: parts.personRole,
    origin: request.origin,
    referral_id: parts.referralId,
    is_anonymous: parts.isAnonymous,
    client_label_enc: cipher.encrypt(parts.clientLabel),
    address_protection: parts.addressProtection,
    safe_contact_enc: sealSafeContact(cipher, parts.safeContact),
    status: 'triage',
    counsellor_user_id: counsellorUserId,
    planned_sessions: template.planned_sessions,
    session_modes: template.session_modes,
    focus: template.focus,
    contact_interval_days: template.contact_interval_days,
    high_risk_contact_interval_days: template.high_risk_contact_interval_days,
    offers_case_conference: template.offers_case_conference,
    risk_level: null,
    opened_by_user_id: actor.userId,
    opened_at: now,
    created_at: now,
    updated_at: now,
  });
  await auditCourse(trx, {
    actor,
    now,
    action: 'course.open',
    courseId,
    details: { serviceId: parts.serviceId, personId: parts.personId, origin: request.origin, side: sideOfCourseRole(parts.personRole), referralId: parts.referralId, isAnonymous: parts.isAnonymous, counsellorUserId },
  });
  const row = await findCourseRow(trx, { courseId, visibility, now });
  if (!row) throw new Error('opened course not visible to its opener');
  return { view: await buildCourseView(trx, { cipher, actor, row, visibility, now }), handedOverReferral };
}

/** The service is the actor's (assigned), on a side the actor works and the service holds. */
async function assertCanHoldCourse(db: Db, input: { actor: Actor; visibility: CourseVisibility; serviceId: string; side: 'victim' | 'perpetrator' }): Promise<void> {
  const service = await findServiceOfOrganisation(db, { serviceId: input.serviceId, organisationId: input.actor.organisationId });
  if (!service || !service.is_active || !canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, input.side)) throw new AppError('service_not_allowed');
  if (!canWorkAt(input.visibility, input.serviceId, input.side)) throw new AppError('forbidden');
}

/** The services the actor may open courses at: assigned to them, active, and holding a side they work. No personal data. */
export async function listMyCourseServices(input: { db: Kysely<Database>; actor: Actor }): Promise<{ id: string; name: string; serviceLine: 'victim' | 'perpetrator' | null }[]> {
  const visibility = await courseVisibilityOf(input.db, input.actor);
  if (visibility.kind !== 'staff') return [];
  const services = await listServicesOfOrganisation(input.db, input.actor.organisationId);
  return services
    .filter((service) => service.is_active && visibility.serviceIds.includes(service.id))
    .filter((service) => visibility.sides.some((side) => canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, side)))
    .map((service) => ({ id: service.id, name: service.name, serviceLine: service.service_line as 'victim' | 'perpetrator' | null }));
}
