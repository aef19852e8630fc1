import { EligibilityRules, findEligibilityRuleProblems, type CreateGroupOfferRequest, type GroupServiceChoice, type GroupOfferView, type UpdateGroupOfferRequest } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { listUserNames } from '../core/core.queries.ts';
import { auditGroupChange, getWorkableOffer, listWorkableServices, requireWorkableService, type GroupDeps } from '../core/group-access.ts';
import { insertOffer, listOfferRows, listStaffOfService, listStaffOfServices, updateOffer, type OfferListRow } from './offer.queries.ts';

/**
 * Group offers: a service's standing conversation-group offer. Only staff assigned to the service (on its side) may
 * define or change one, and the facilitators must work at that service too. No personal data in an offer.
 */

type OfferFields = UpdateGroupOfferRequest;

export async function listGroupOffers(input: GroupDeps & { actor: Actor }): Promise<GroupOfferView[]> {
  const services = await listWorkableServices(input.db, input.actor);
  const rows = await listOfferRows(input.db, { organisationId: input.actor.organisationId, serviceIds: services.map((service) => service.id) });
  return toOfferViews(input.db, rows);
}

/** The services the caller may define offers at, with the staff who can facilitate there. No personal data. */
export async function listGroupServices(input: GroupDeps & { actor: Actor }): Promise<GroupServiceChoice[]> {
  const services = await listWorkableServices(input.db, input.actor);
  const staff = await listStaffOfServices(input.db, services.map((service) => service.id));
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    staff: staff.filter((member) => member.service_id === service.id).map((member) => ({ userId: member.user_id, displayName: member.display_name })),
  }));
}

export async function getGroupOffer(input: GroupDeps & { actor: Actor; offerId: string }): Promise<GroupOfferView> {
  const offer = await getWorkableOffer(input.db, input.actor, input.offerId);
  const rows = await listOfferRows(input.db, { organisationId: input.actor.organisationId, serviceIds: [offer.service_id], offerId: offer.id });
  const [view] = await toOfferViews(input.db, rows);
  if (!view) throw new AppError('not_found');
  return view;
}

export async function createGroupOffer(input: GroupDeps & { actor: Actor; request: CreateGroupOfferRequest }): Promise<GroupOfferView> {
  const { actor, request } = input;
  const offerId = await input.db.transaction().execute(async (trx) => {
    await requireWorkableService(trx, actor, request.serviceId);
    await checkOfferFields(trx, request.serviceId, request);
    const now = input.clock.now();
    const id = await insertOffer(trx, { organisation_id: actor.organisationId, service_id: request.serviceId, created_by_user_id: actor.userId, created_at: now, ...toColumns(request, now) });
    await auditGroupChange(trx, { actor, now, action: 'group_offer.create', objectType: 'group_offer', objectId: id, details: { serviceId: request.serviceId } });
    return id;
  });
  return getGroupOffer({ ...input, offerId });
}

export async function changeGroupOffer(input: GroupDeps & { actor: Actor; offerId: string; request: UpdateGroupOfferRequest }): Promise<GroupOfferView> {
  await input.db.transaction().execute(async (trx) => {
    const offer = await getWorkableOffer(trx, input.actor, input.offerId, { forUpdate: true });
    await checkOfferFields(trx, offer.service_id, input.request);
    const now = input.clock.now();
    await updateOffer(trx, offer.id, toColumns(input.request, now));
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group_offer.change', objectType: 'group_offer', objectId: offer.id });
  });
  return getGroupOffer(input);
}

/** What the schema cannot know: the eligibility rules evaluate, and the facilitators work at the service. */
async function checkOfferFields(trx: Transaction<Database>, serviceId: string, fields: OfferFields): Promise<void> {
  const problems = fields.eligibilityRules ? findEligibilityRuleProblems(fields.eligibilityRules).map((problem) => ({ path: `body.eligibilityRules.${problem.path}`, message: problem.message })) : [];
  const staff = await listStaffOfService(trx, { serviceId, userIds: fields.facilitatorUserIds });
  fields.facilitatorUserIds.forEach((userId, index) => {
    if (!staff.includes(userId)) problems.push({ path: `body.facilitatorUserIds.${index}`, message: 'not_staff_of_service' });
  });
  if (problems.length > 0) throw new AppError('validation_failed', problems);
}

function toColumns(fields: OfferFields, now: Date) {
  return {
    name: fields.name,
    target_group: fields.targetGroup,
    eligibility_rules: fields.eligibilityRules ? JSON.stringify(fields.eligibilityRules) : null,
    min_participants: fields.minParticipants,
    max_participants: fields.maxParticipants,
    meeting_count: fields.meetingCount,
    weekday: fields.rhythm.weekday,
    start_time: fields.rhythm.startTime,
    interval_weeks: fields.rhythm.intervalWeeks,
    duration_minutes: fields.rhythm.durationMinutes,
    mode: fields.mode,
    place: fields.mode === 'online' ? null : fields.place,
    facilitator_user_ids: fields.facilitatorUserIds,
    reconfirm_after_days: fields.reconfirmAfterDays,
    updated_at: now,
  };
}

async function toOfferViews(db: GroupDeps['db'], rows: readonly OfferListRow[]): Promise<GroupOfferView[]> {
  const names = new Map((await listUserNames(db, [...new Set(rows.flatMap((row) => row.facilitator_user_ids))])).map((user) => [user.id, user.display_name]));
  return rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    name: row.name,
    targetGroup: row.target_group,
    eligibilityRules: row.eligibility_rules === null ? null : EligibilityRules.parse(row.eligibility_rules),
    minParticipants: row.min_participants,
    maxParticipants: row.max_participants,
    meetingCount: row.meeting_count,
    rhythm: { weekday: row.weekday, startTime: row.start_time, intervalWeeks: row.interval_weeks === 2 ? 2 : 1, durationMinutes: row.duration_minutes },
    mode: row.mode === 'online' ? 'online' : 'in_person',
    place: row.place,
    reconfirmAfterDays: row.reconfirm_after_days,
    facilitators: row.facilitator_user_ids.map((userId) => ({ userId, displayName: names.get(userId) ?? '' })),
    waitingCount: Number(row.waiting_count ?? 0),
    runningGroupCount: Number(row.running_group_count ?? 0),
    createdAt: row.created_at.toISOString(),
  }));
}
