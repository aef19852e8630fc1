import { Gender, rolesReceivedBy, ServiceLine, type AdminService, type CreateServiceRequest, type UpdateServiceRequest } from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAuditEntry, appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { slugFor } from '../../platform/slug.ts';
import { findOwnService, insertService, listOwnServices, lockService, updateService as writeService, type OwnServiceRow } from './service-admin.queries.ts';

/** Use cases of an organisation admin's own services. Service names are not personal data; audits name fields only. */

type Deps = { db: Db; clock: Clock; actor: Actor };

function toAdminService(row: OwnServiceRow): AdminService {
  const serviceLine = ServiceLine.nullable().parse(row.service_line);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    serviceLine,
    intakePhone: row.phone,
    intakeHours: row.intake_hours,
    firstContactDeadlineHours: row.first_contact_deadline_hours,
    highRiskDeadlineHours: row.high_risk_deadline_hours,
    maxContactAttempts: row.max_contact_attempts,
    isActive: row.is_active,
    receivesRoles: [...rolesReceivedBy(serviceLine)],
    receivesGenders: row.receives_genders === null ? null : row.receives_genders.map((gender) => Gender.parse(gender)),
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    openReferralCount: Number(row.open_referral_count ?? 0),
    openCourseCount: Number(row.open_course_count ?? 0),
  };
}

export async function listServices(input: { db: Db; actor: Actor }): Promise<AdminService[]> {
  return (await listOwnServices(input.db, input.actor.organisationId)).map(toAdminService);
}

/**
 * Who creates a service: an organisation admin, in their organisation; or the demo loader (no user), in the
 * organisation it sets up, with the slug the rest of the demo data refers to.
 */
type ServiceCreator = { userId: string | null; organisationId: string };

export async function createService(input: { db: Db; clock: Clock; actor: ServiceCreator; request: CreateServiceRequest; demoSlug?: string }): Promise<AdminService> {
  const { actor, request } = input;
  return inTransaction(input.db, async (trx) => {
    const serviceId = await insertService(trx, {
      organisation_id: actor.organisationId,
      slug: input.demoSlug ?? slugFor(request.name, 'tilbud'),
      ...toColumns(request),
      created_at: input.clock.now(),
    });
    await appendAuditEntry(trx, {
      occurredAt: input.clock.now(),
      actorUserId: actor.userId,
      actorOrganisationId: actor.userId === null ? null : actor.organisationId,
      action: 'service.create',
      objectType: 'service',
      objectId: serviceId,
      details: { organisationId: actor.organisationId, serviceLine: request.serviceLine },
    });
    return getOwnService(trx, actor, serviceId);
  });
}

/**
 * Changes a service. Its line may not change, and it may not close, while it has open referrals or courses: the
 * people in them would drop out of sight of the staff who can see them now (see referral/receiving.ts). Closing a
 * service with open work is what `endService` does (service-end.service.ts): the 409 `service_in_use` says so.
 */
export async function updateService(input: Deps & { serviceId: string; request: UpdateServiceRequest }): Promise<AdminService> {
  const { actor, request, serviceId } = input;
  return input.db.transaction().execute(async (trx) => {
    await getOwnService(trx, actor, serviceId);
    await lockService(trx, serviceId);
    const before = await getOwnService(trx, actor, serviceId);
    const isLineChanged = before.serviceLine !== request.serviceLine;
    const isClosing = before.isActive && !request.isActive;
    const hasOpenCases = before.openReferralCount > 0 || before.openCourseCount > 0;
    if ((isLineChanged || isClosing) && hasOpenCases) throw new AppError('service_in_use');
    await writeService(trx, serviceId, { ...toColumns(request), is_active: request.isActive });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: input.clock.now(),
      action: 'service.update',
      objectType: 'service',
      objectId: serviceId,
      details: { changed: changedFields(before, request).join(','), serviceLine: request.serviceLine, isActive: request.isActive },
    });
    return getOwnService(trx, actor, serviceId);
  });
}

function toColumns(request: CreateServiceRequest) {
  return {
    name: request.name,
    description: request.description,
    service_line: request.serviceLine,
    phone: request.intakePhone,
    intake_hours: request.intakeHours,
    first_contact_deadline_hours: request.firstContactDeadlineHours,
    high_risk_deadline_hours: request.highRiskDeadlineHours,
    max_contact_attempts: request.maxContactAttempts,
    receives_genders: request.receivesGenders,
    minimum_age: request.minimumAge,
    maximum_age: request.maximumAge,
  };
}

/** The names of the fields that change, for the audit trail (never their values: a description is free text). */
function changedFields(before: AdminService, after: UpdateServiceRequest): string[] {
  const fields = ['name', 'description', 'serviceLine', 'intakePhone', 'intakeHours', 'firstContactDeadlineHours', 'highRiskDeadlineHours', 'maxContactAttempts', 'minimumAge', 'maximumAge', 'isActive'] as const;
  const changed: string[] = fields.filter((field) => before[field] !== after[field]);
  return JSON.stringify(before.receivesGenders) === JSON.stringify(after.receivesGenders) ? changed : [...changed, 'receivesGenders'];
}

/** The own organisation's service; another organisation's answers 404, like one that does not exist. */
export async function getOwnService(db: Db, actor: Pick<Actor, 'organisationId'>, serviceId: string): Promise<AdminService> {
  const row = await findOwnService(db, { organisationId: actor.organisationId, serviceId });
  if (!row) throw new AppError('not_found');
  return toAdminService(row);
}
