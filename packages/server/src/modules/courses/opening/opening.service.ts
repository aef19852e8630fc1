import {
  canServiceHoldSide,
  Course,
  courseRoleFromReferralRole,
  type CourseFromReferral,
  sideOfCourseRole,
  type AddressProtection,
  type CoursePersonInput,
  type CoursePersonRole,
  type OpenCourseRequest,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { hashIdempotentRequest, runIdempotently } from '../../../platform/idempotency.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { createPerson } from '../../persons/index.ts';
import { handOverReferralToCourse, publishReferralChanges, readReferralForCourse, type ReferralChange } from '../../referrals/index.ts';
import { getCourseTemplate } from '../configuration/configuration.service.ts';
import { canWorkAt, type CourseVisibility } from '../core/course-access.ts';
import { findCourseRow, findServiceOfOrganisation, isCounsellorOfService, listServicesOfOrganisation } from '../core/course.queries.ts';
import { buildCourseView } from '../core/course-record.service.ts';
import { auditCourse, courseVisibilityOf, type CourseDeps } from '../core/course.service.ts';
import { courseProblem, safeContactFromInput, safeContactFromReferral, sealSafeContact, type SafeContact } from '../core/course-views.ts';
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
    ...input,
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
  personRole: CoursePersonRole;
  referralId: string | null;
  isAnonymous: boolean;
  clientLabel: string;
  addressProtection: AddressProtection;
  safeContact: SafeContact;
  /** What the referral already said; null when opened directly. */
  fromReferral: CourseFromReferral | null;
};

/** What every step of opening needs: the transaction, who opens, what they see, and the moment. */
type Opening = CourseDeps & { trx: Transaction<Database>; actor: Actor; visibility: CourseVisibility; now: Date };

async function insertNewCourse(input: CourseDeps & { trx: Transaction<Database>; actor: Actor; request: OpenCourseRequest }) {
  const { trx, actor, request } = input;
  const opening: Opening = { ...input, visibility: await courseVisibilityOf(trx, actor), now: input.clock.now() };
  const { parts, handedOverReferral } =
    request.origin === 'referral' ? await partsFromReferral(opening, request) : { parts: await partsForDirectContact(opening, request), handedOverReferral: null };
  const counsellorUserId = request.counsellorUserId ?? (actor.role === 'counsellor' ? actor.userId : null);
  if (counsellorUserId !== null && !(await isCounsellorOfService(trx, { serviceId: parts.serviceId, userId: counsellorUserId }))) {
    throw courseProblem.invalid('body.counsellorUserId', 'not_a_counsellor_of_the_service');
  }
  const template = await getCourseTemplate({ db: trx, serviceId: parts.serviceId });
  const side = sideOfCourseRole(parts.personRole);
  const courseId = await insertCourse(trx, {
    person_id: parts.personId,
    service_id: parts.serviceId,
    organisation_id: actor.organisationId,
    side,
    person_role: parts.personRole,
    origin: request.origin,
    referral_id: parts.referralId,
    is_anonymous: parts.isAnonymous,
    client_label_enc: input.cipher.encrypt(parts.clientLabel),
    address_protection: parts.addressProtection,
    safe_contact_enc: sealSafeContact(input.cipher, parts.safeContact),
    referral_facts_enc: parts.fromReferral ? input.cipher.encrypt(JSON.stringify(parts.fromReferral)) : null,
    status: 'triage',
    counsellor_user_id: counsellorUserId,
    // The template's terms: an open course keeps them when the template changes later.
    ...template,
    // The referral's rating is the starting level (not an assessment: the view says where it came from).
    risk_level: parts.fromReferral?.riskLevel ?? null,
    opened_by_user_id: actor.userId,
    opened_at: opening.now,
    created_at: opening.now,
    updated_at: opening.now,
  });
  const details = { serviceId: parts.serviceId, personId: parts.personId, origin: request.origin, side, referralId: parts.referralId, isAnonymous: parts.isAnonymous, counsellorUserId };
  await auditCourse(trx, { actor, now: opening.now, action: 'course.open', courseId, details });
  const row = await findCourseRow(trx, { courseId, visibility: opening.visibility, now: opening.now });
  if (!row) throw new Error('opened course not visible to its opener');
  return { view: await buildCourseView(trx, { cipher: input.cipher, actor, row, visibility: opening.visibility, now: opening.now }), handedOverReferral };
}

/**
 * From an accepted referral: the course takes over the person, and what the receiver may see of them under the
 * consent; the referral is handed over in the same transaction.
 */
async function partsFromReferral(opening: Opening, request: Extract<OpenCourseRequest, { origin: 'referral' }>): Promise<{ parts: NewCourseParts; handedOverReferral: ReferralChange }> {
  const { trx, actor } = opening;
  const referral = await readReferralForCourse({ trx, cipher: opening.cipher, actor, referralId: request.referralId });
  const personRole = courseRoleFromReferralRole(referral.personRole) ?? request.personRole;
  if (!personRole) throw courseProblem.invalid('body.personRole', 'required_for_a_person_referred_as_both');
  if (referral.personRole !== 'both' && request.personRole !== undefined && request.personRole !== personRole) throw courseProblem.invalid('body.personRole', 'differs_from_referral');
  if (referral.isConsentWithdrawn) throw new AppError('consent_withdrawn');
  await assertCanHoldCourse(trx, { actor, visibility: opening.visibility, serviceId: referral.serviceId, side: sideOfCourseRole(personRole) });
  const referredName = referral.person?.fullName ?? undefined;
  const clientLabel = request.clientLabel ?? referredName;
  if (!clientLabel) throw courseProblem.invalid('body.clientLabel', 'required_without_identity_consent');
  // Hand-over needs an accepted referral with first contact; the domain refuses it otherwise (409).
  const handedOverReferral = await handOverReferralToCourse({ trx, clock: opening.clock, actor, referralId: referral.id });
  const parts: NewCourseParts = {
    serviceId: referral.serviceId,
    personId: referral.personId,
    personRole,
    referralId: referral.id,
    isAnonymous: referredName === undefined,
    clientLabel,
    addressProtection: referral.person?.addressProtection ?? 'unknown',
    // Details given now win; otherwise what the referral's consent let through; otherwise nothing is known.
    safeContact: request.safeContact ? safeContactFromInput(request.safeContact) : referral.safeContact ? safeContactFromReferral(referral.safeContact) : safeContactFromInput(undefined),
    fromReferral: {
      gender: referral.person?.gender ?? 'unknown',
      birthYear: referral.person?.birthYear ?? null,
      childrenInHome: referral.childrenInHome,
      riskLevel: referral.riskLevel,
      safeTimes: referral.safeContact?.safeTimes ?? null,
    },
  };
  return { parts, handedOverReferral };
}

/** Directly (self-referral, walk-in, phone): a new person, or a returning one this caller already holds a course for. */
async function partsForDirectContact(opening: Opening, request: Exclude<OpenCourseRequest, { origin: 'referral' }>): Promise<NewCourseParts> {
  await assertCanHoldCourse(opening.trx, { actor: opening.actor, visibility: opening.visibility, serviceId: request.serviceId, side: sideOfCourseRole(request.personRole) });
  if ((request.person === undefined) === (request.personId === undefined)) throw courseProblem.invalid('body.person', 'give_either_person_or_personId');
  const person = request.personId !== undefined ? await returningPerson(opening, request.personId) : await newPerson(opening, request.person!);
  return { serviceId: request.serviceId, personRole: request.personRole, referralId: null, safeContact: safeContactFromInput(request.safeContact), fromReferral: null, ...person };
}

/** A returning person: only one this caller already holds a course for (on the same side, at their services). */
async function returningPerson(opening: Opening, personId: string) {
  const previousRow = await findLatestCourseOfPerson(opening.trx, { personId, visibility: opening.visibility });
  if (!previousRow) throw new AppError('not_found');
  return {
    personId,
    clientLabel: opening.cipher.decrypt(previousRow.client_label_enc),
    isAnonymous: previousRow.is_anonymous,
    addressProtection: previousRow.address_protection as AddressProtection,
  };
}

async function newPerson(opening: Opening, person: CoursePersonInput) {
  if (person.isAnonymous && person.cpr) throw courseProblem.invalid('body.person.cpr', 'not_for_anonymous_contacts');
  const personId = await createPerson({ trx: opening.trx, cipher: opening.cipher, createdByOrganisationId: opening.actor.organisationId, person: { ...person, fullName: person.label }, now: opening.now });
  return { personId, clientLabel: person.label, isAnonymous: person.isAnonymous, addressProtection: person.addressProtection };
}

/** The service is the actor's (assigned), on a side the actor works and the service holds. */
async function assertCanHoldCourse(db: Db, input: { actor: Actor; visibility: CourseVisibility; serviceId: string; side: 'victim' | 'perpetrator' }): Promise<void> {
  const service = await findServiceOfOrganisation(db, { serviceId: input.serviceId, organisationId: input.actor.organisationId });
  if (!service || !service.is_active || !canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, input.side)) throw new AppError('service_not_allowed');
  if (!canWorkAt(input.visibility, input.serviceId, input.side)) throw new AppError('forbidden');
}

/** The services the actor may open courses at: assigned to them, active, and holding a side they work. No personal data. */
export async function listMyCourseServices(input: { db: Db; actor: Actor }): Promise<{ id: string; name: string; serviceLine: 'victim' | 'perpetrator' | null }[]> {
  const visibility = await courseVisibilityOf(input.db, input.actor);
  const services = await listServicesOfOrganisation(input.db, input.actor.organisationId);
  return services
    .filter((service) => service.is_active && visibility.serviceIds.includes(service.id))
    .filter((service) => visibility.sides.some((side) => canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, side)))
    .map((service) => ({ id: service.id, name: service.name, serviceLine: service.service_line as 'victim' | 'perpetrator' | null }));
}
