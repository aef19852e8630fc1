import {
  CourseFocus,
  EligibilityRules,
  findEligibilityRuleProblems,
  onwardServiceIdsOf,
  ServiceLine,
  SessionMode,
  type CourseServiceConfig,
  type CourseTemplateInput,
  type EligibilityRuleSetView,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { isReferableService } from '../../referrals/index.ts';
import {
  findCourseTemplate,
  listCourseTemplates,
  listServiceStaff,
  listStaffOfOrganisation,
  replaceServiceStaff,
  upsertCourseTemplate,
  type CourseTerms,
} from './configuration.queries.ts';
import { findServiceOfOrganisation, listServicesOfOrganisation, type ServiceRow } from '../core/course.queries.ts';
import { courseProblem } from '../core/course-views.ts';
import { insertRuleSet, listCurrentRuleSets, listRuleSetVersions, type RuleSetRow } from '../triage/triage.queries.ts';

/**
 * The organisation admin's side: for each of the organisation's services, the course template, the eligibility
 * rules (versioned, validated) and who works there. None of it shows course content.
 */

type Deps = { db: Db; clock: Clock };

/** A service without a template of its own gets the Interventionscenter's shape: five sessions, any mode. */
const defaultTemplate: CourseTerms = {
  planned_sessions: 5,
  session_modes: ['in_person', 'phone', 'video'],
  focus: ['clarification', 'bridging'],
  contact_interval_days: 14,
  high_risk_contact_interval_days: 3,
  offers_case_conference: false,
};

/** The service's course template: the terms a new course there starts with. */
export async function getCourseTemplate(input: { db: Db; serviceId: string }): Promise<CourseTerms> {
  return (await findCourseTemplate(input.db, input.serviceId)) ?? defaultTemplate;
}

async function getOwnService(db: Db, actor: Actor, serviceId: string): Promise<ServiceRow> {
  const service = await findServiceOfOrganisation(db, { serviceId, organisationId: actor.organisationId });
  // Another organisation's service answers 404, like any object outside the caller's organisation.
  if (!service) throw new AppError('not_found');
  return service;
}

function toRuleSetView(row: RuleSetRow): EligibilityRuleSetView {
  return {
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_user_id ? { userId: row.created_by_user_id, displayName: row.created_by_display_name ?? '' } : null,
    rules: EligibilityRules.parse(row.rules),
  };
}

function toTemplate(row: CourseTerms | undefined) {
  const template = row ?? defaultTemplate;
  return {
    plannedSessions: template.planned_sessions,
    sessionModes: template.session_modes.map((mode) => SessionMode.parse(mode)),
    focus: template.focus.map((focus) => CourseFocus.parse(focus)),
    contactIntervalDays: template.contact_interval_days,
    highRiskContactIntervalDays: template.high_risk_contact_interval_days,
    offersCaseConference: template.offers_case_conference,
    isDefault: row === undefined,
  };
}

export async function listCourseServiceConfigs(input: Deps & { actor: Actor; serviceId?: string }): Promise<CourseServiceConfig[]> {
  const services = (await listServicesOfOrganisation(input.db, input.actor.organisationId)).filter((service) => !input.serviceId || service.id === input.serviceId);
  const serviceIds = services.map((service) => service.id);
  const [templates, ruleSets, assignments, staff] = await Promise.all([
    listCourseTemplates(input.db, serviceIds),
    listCurrentRuleSets(input.db, serviceIds),
    listServiceStaff(input.db, serviceIds),
    listStaffOfOrganisation(input.db, { organisationId: input.actor.organisationId }),
  ]);
  const toMember = (member: (typeof staff)[number]) => ({
    membershipId: member.membership_id,
    userId: member.user_id,
    displayName: member.display_name,
    role: member.role,
    serviceLine: member.service_line === null ? null : ServiceLine.parse(member.service_line),
  });
  return services.map((service) => {
    const assigned = new Set(assignments.filter((assignment) => assignment.service_id === service.id).map((assignment) => assignment.membership_id));
    const ruleSet = ruleSets.find((candidate) => candidate.service_id === service.id);
    return {
      serviceId: service.id,
      serviceName: service.name,
      serviceLine: service.service_line === null ? null : ServiceLine.parse(service.service_line),
      template: toTemplate(templates.find((template) => template.service_id === service.id)),
      eligibility: ruleSet ? toRuleSetView(ruleSet) : null,
      staff: staff.filter((member) => assigned.has(member.membership_id)).map(toMember),
      assignableStaff: staff.map(toMember),
    };
  });
}

async function configOf(input: Deps & { actor: Actor }, serviceId: string): Promise<CourseServiceConfig> {
  const [config] = await listCourseServiceConfigs({ ...input, serviceId });
  if (!config) throw new AppError('not_found');
  return config;
}

async function audit(trx: Transaction<Database>, input: { actor: Actor; now: Date; action: string; serviceId: string; details: Record<string, string | number | boolean | null> }) {
  await appendAuditEntryBy(trx, input.actor, {
    occurredAt: input.now,
    action: input.action,
    objectType: 'service',
    objectId: input.serviceId,
    details: input.details,
  });
}

/** New courses take the template's terms; open courses keep the terms they started with. */
export async function saveCourseTemplate(input: Deps & { actor: Actor; serviceId: string; template: CourseTemplateInput }): Promise<CourseServiceConfig> {
  await input.db.transaction().execute(async (trx) => {
    const service = await getOwnService(trx, input.actor, input.serviceId);
    const now = input.clock.now();
    const { template } = input;
    await upsertCourseTemplate(trx, {
      service_id: service.id,
      planned_sessions: template.plannedSessions,
      session_modes: [...new Set(template.sessionModes)],
      focus: [...new Set(template.focus)],
      contact_interval_days: template.contactIntervalDays,
      high_risk_contact_interval_days: template.highRiskContactIntervalDays,
      offers_case_conference: template.offersCaseConference,
      updated_by_user_id: input.actor.userId,
      updated_at: now,
    });
    await audit(trx, {
      actor: input.actor,
      now,
      action: 'course_template.save',
      serviceId: service.id,
      details: { plannedSessions: template.plannedSessions, sessionModes: template.sessionModes.join(','), offersCaseConference: template.offersCaseConference },
    });
  });
  return configOf(input, input.serviceId);
}

/**
 * Saves the rules as a new version. Rules that parse but cannot be evaluated as meant (a range upside down, two
 * conditions that contradict, a duplicate id, a proposed service that does not exist) are refused with 422, each
 * problem named with its place: `rule_invalid:<reason>`.
 */
export async function saveEligibilityRules(input: Deps & { actor: Actor; serviceId: string; rules: EligibilityRules }): Promise<EligibilityRuleSetView> {
  return input.db.transaction().execute(async (trx) => {
    const service = await getOwnService(trx, input.actor, input.serviceId);
    const problems = findEligibilityRuleProblems(input.rules);
    for (const serviceId of onwardServiceIdsOf(input.rules)) {
      if (!(await isReferableService({ db: trx, serviceId }))) problems.push({ path: pathOfService(input.rules, serviceId), message: 'rule_invalid:unknown_service' });
    }
    if (problems.length > 0) throw courseProblem.many(problems);
    const now = input.clock.now();
    const saved = await insertRuleSet(trx, { serviceId: service.id, rules: input.rules, createdByUserId: input.actor.userId, now });
    await audit(trx, {
      actor: input.actor,
      now,
      action: 'eligibility_rules.save',
      serviceId: service.id,
      details: { version: saved.version, targetGroups: input.rules.targetGroups.length, exclusions: input.rules.exclusions.length },
    });
    const [latest] = await listRuleSetVersions(trx, service.id);
    if (!latest) throw new Error('rule set not found after insert');
    return toRuleSetView(latest);
  });
}

function pathOfService(rules: EligibilityRules, serviceId: string): string {
  const index = rules.exclusions.findIndex((rule) => rule.onward.serviceId === serviceId);
  return index >= 0 ? `exclusions.${index}.onward.serviceId` : 'notInTargetGroupOnward.serviceId';
}

export async function listEligibilityRuleVersions(input: Deps & { actor: Actor; serviceId: string }): Promise<EligibilityRuleSetView[]> {
  const service = await getOwnService(input.db, input.actor, input.serviceId);
  return (await listRuleSetVersions(input.db, service.id)).map(toRuleSetView);
}

/** Who works at the service: the only way staff get to see its courses. Staff of another organisation cannot be added. */
export async function assignServiceStaff(input: Deps & { actor: Actor; serviceId: string; membershipIds: readonly string[] }): Promise<CourseServiceConfig> {
  await input.db.transaction().execute(async (trx) => {
    const service = await getOwnService(trx, input.actor, input.serviceId);
    const members = await listStaffOfOrganisation(trx, { organisationId: input.actor.organisationId });
    const known = new Set(members.map((member) => member.membership_id));
    const wanted = [...new Set(input.membershipIds)];
    const unknownIndex = wanted.findIndex((id) => !known.has(id));
    if (unknownIndex >= 0) throw courseProblem.invalid(`body.membershipIds.${unknownIndex}`, 'not_staff_of_the_organisation');
    const now = input.clock.now();
    await replaceServiceStaff(trx, { serviceId: service.id, membershipIds: wanted, now });
    await audit(trx, { actor: input.actor, now, action: 'service_staff.assign', serviceId: service.id, details: { membershipIds: [...wanted].sort().join(','), count: wanted.length } });
  });
  return configOf(input, input.serviceId);
}
