import { Gender, rolesReceivedBy, ServiceLine, type EndServiceRequest, type ServiceEndPreview, type ServiceEndReason, type ServiceEndResult } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { AppDeps } from '../../platform/app-deps.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { closeReferralIntake } from '../../platform/referral-intake-locks.queries.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { countCoursesNotMovable, endOpenCoursesOfService, type CourseTarget } from '../courses/index.ts';
import { countReferralsNotMovable, endOpenReferrals, publishReferralChanges, type OpenReferralFilter, type ReferralChange, type ReferralTarget } from '../referrals/index.ts';
import { countWaitingCourses, listHandOverCandidates, lockService, updateService, type HandOverCandidateRow } from './service-admin.queries.ts';
import { getOwnService } from './service-admin.service.ts';

/**
 * Ending a service (afslut tilbud, issue 10 §1): its open referrals, courses and waiting list are handed over to
 * another service or closed with a reason — never left hanging — and then the service is inactive. One transaction,
 * every change audited; inboxes hear of moved referrals after commit.
 */

type EndDeps = Pick<AppDeps, 'db' | 'clock' | 'cipher' | 'liveUpdates'>;

/** What happens to open work: handed over to an active service, or closed with a reason (and the admin's words). */
export type OpenWorkTarget = { kind: 'hand_over'; serviceId: string } | { kind: 'close'; reason: ServiceEndReason; explanation?: string | undefined };

function toTargets(row: HandOverCandidateRow): { referral: ReferralTarget; course: CourseTarget } {
  const serviceLine = ServiceLine.nullable().parse(row.service_line);
  const intake = {
    roles: rolesReceivedBy(serviceLine),
    genders: row.receives_genders === null ? null : row.receives_genders.map((gender) => Gender.parse(gender)),
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
  };
  return { referral: { id: row.id, organisationId: row.organisation_id, intake }, course: { id: row.id, organisationId: row.organisation_id, serviceLine } };
}

/**
 * What ending the service would touch — counts only — and the services that could take all of it. Another
 * organisation's service is 404.
 */
export async function previewServiceEnd(input: Pick<EndDeps, 'db' | 'clock'> & { actor: Actor; serviceId: string }): Promise<ServiceEndPreview> {
  const { db, serviceId } = input;
  const service = await getOwnService(db, input.actor, serviceId);
  const candidates = await listHandOverCandidates(db, { exceptServiceId: serviceId });
  const targets = candidates.map(toTargets);
  const referralsNotMovable = await countReferralsNotMovable(db, { filter: { serviceId }, targets: targets.map((target) => target.referral), now: input.clock.now() });
  const coursesNotMovable = await countCoursesNotMovable(db, { serviceId, targets: targets.map((target) => target.course) });
  const fits = (id: string) => referralsNotMovable.get(id) === 0 && coursesNotMovable.get(id) === 0;
  return {
    openReferralCount: service.openReferralCount,
    openCourseCount: service.openCourseCount,
    waitingCourseCount: await countWaitingCourses(db, serviceId),
    targets: candidates.filter((candidate) => fits(candidate.id)).map((candidate) => ({ id: candidate.id, name: candidate.name, organisationName: candidate.organisation_name })),
  };
}

/**
 * 422 naming how many referrals and courses the chosen service cannot take; the transaction rolls back. The detail
 * says it in words (the staff app shows it at the target field); counts only, nothing about the people.
 */
function notMovable(counts: { referrals: number; courses: number }): AppError {
  return new AppError('open_work_not_movable', undefined, { referrals: String(counts.referrals), courses: String(counts.courses) });
}

async function findTarget(trx: Transaction<Database>, serviceId: string, targetServiceId: string) {
  const [row] = await listHandOverCandidates(trx, { exceptServiceId: serviceId, serviceId: targetServiceId });
  if (!row) throw new AppError('validation_failed', [{ path: 'body.targetServiceId', message: 'not_an_active_service' }]);
  return toTargets(row);
}

function openWorkTargetOf(request: EndServiceRequest): OpenWorkTarget {
  return request.openWork === 'hand_over' ? { kind: 'hand_over', serviceId: request.targetServiceId } : { kind: 'close', reason: request.reason, explanation: request.explanation };
}

/**
 * Ends a service of the own organisation (another organisation's is 404): hands its open referrals and courses over
 * to the chosen service, or closes them with the reason, then makes it inactive. A hand-over is all or nothing: if
 * the target cannot take some of the work, 422 `open_work_not_movable` with the counts, and nothing changes.
 */
export async function endService(input: EndDeps & { actor: Actor; serviceId: string; request: EndServiceRequest }): Promise<ServiceEndResult> {
  const { actor, serviceId } = input;
  const target = openWorkTargetOf(input.request);
  const { result, changes } = await input.db.transaction().execute(async (trx) => {
    await getOwnService(trx, actor, serviceId);
    // Creations at the service in flight commit first, later ones find it ended (before the row lock: see the helper).
    await closeReferralIntake(trx, { serviceId });
    await lockService(trx, serviceId);
    const courseOutcome = target.kind === 'hand_over' ? { kind: 'hand_over' as const, target: (await findTarget(trx, serviceId, target.serviceId)).course } : target;
    const referrals = await endOpenReferrals({ trx, clock: input.clock, cipher: input.cipher, actor, filter: { serviceId }, outcome: target });
    const courses = await endOpenCoursesOfService({ trx, clock: input.clock, cipher: input.cipher, actor, serviceId, outcome: courseOutcome });
    if (referrals.notMovableCount > 0 || courses.notMovableCount > 0) throw notMovable({ referrals: referrals.notMovableCount, courses: courses.notMovableCount });
    await updateService(trx, serviceId, { is_active: false });
    const counts = {
      handedOverReferralCount: referrals.handedOverCount,
      closedReferralCount: referrals.closedCount,
      handedOverCourseCount: courses.handedOverCount,
      closedCourseCount: courses.closedCount,
    };
    await appendAuditEntryBy(trx, actor, {
      occurredAt: input.clock.now(),
      action: 'service.end',
      objectType: 'service',
      objectId: serviceId,
      // Codes and counts only: the explanation is free text and stays out of the audit log.
      details: { ...counts, openWork: target.kind, ...(target.kind === 'hand_over' ? { targetServiceId: target.serviceId } : { reason: target.reason, hasExplanation: target.explanation !== undefined }) },
    });
    return { result: { service: await getOwnService(trx, actor, serviceId), ...counts }, changes: referrals.changes };
  });
  await publishReferralChanges(input.liveUpdates, changes);
  return result;
}

/**
 * Hands over or closes open referrals in the caller's transaction — the building block for ending a programme
 * (or a service) elsewhere. `referralFilter` selects a service's open referrals (`{ serviceId }`) or a programme's
 * (`{ programmeId }`, optionally only at `serviceId`); `target` says where they go:
 *  - `{ kind: 'hand_over', serviceId }`: to an active service, which must take every one of them (role, gender, age)
 *    and whose organisation each person must have an active consent for, as on reroute. Otherwise 422
 *    `open_work_not_movable` (nothing changed; the caller's transaction rolls back). Referrals already there stay.
 *    422 `validation_failed` at `body.targetServiceId` if it is not an active service.
 *  - `{ kind: 'close', reason, explanation? }`: closed (status `closed`) with the reason; the explanation is stored
 *    encrypted as the event's note, for the actor's organisation only (the referrer sees the reason).
 * Each referral gets its event and audit entry (actor: the deciding admin). Publish the returned `changes` with
 * `publishReferralChanges` (referrals/index.ts) after commit, never before.
 */
export async function handOverOpenReferrals(
  trx: Transaction<Database>,
  input: { deps: { clock: Clock; cipher: FieldCipher }; actor: Pick<Actor, 'userId' | 'organisationId'>; referralFilter: OpenReferralFilter; target: OpenWorkTarget },
): Promise<{ handedOverCount: number; closedCount: number; changes: ReferralChange[] }> {
  const { deps } = input;
  const ended = await endOpenReferrals({ trx, clock: deps.clock, cipher: deps.cipher, actor: input.actor, filter: input.referralFilter, outcome: input.target });
  if (ended.notMovableCount > 0) throw notMovable({ referrals: ended.notMovableCount, courses: 0 });
  return { handedOverCount: ended.handedOverCount, closedCount: ended.closedCount, changes: ended.changes };
}
