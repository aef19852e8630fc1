import { z } from 'zod';
import { ServiceLine } from '../identity/access.ts';
import { StaffRef } from './Course.ts';
import { CourseFocus, SessionMode } from './course-terms.ts';
import { EligibilityRules } from './eligibility.ts';

/** The organisation admin's course settings per service: template, eligibility rules (versioned), staff. */

const Uuid = z.uuid();
const DateTime = z.iso.datetime({ offset: true });

export const CourseTemplateInput = z.strictObject({
  plannedSessions: z.number().int().min(1).max(50),
  sessionModes: z.array(SessionMode).min(1).max(3),
  focus: z.array(CourseFocus).min(1).max(7),
  contactIntervalDays: z.number().int().min(1).max(90).default(14),
  highRiskContactIntervalDays: z.number().int().min(1).max(30).default(3),
  offersCaseConference: z.boolean().default(false),
});
export type CourseTemplateInput = z.infer<typeof CourseTemplateInput>;

export const CourseTemplate = z.object({
  plannedSessions: z.number().int(),
  sessionModes: z.array(SessionMode),
  focus: z.array(CourseFocus),
  contactIntervalDays: z.number().int(),
  highRiskContactIntervalDays: z.number().int(),
  offersCaseConference: z.boolean(),
  isDefault: z.boolean(),
});
export type CourseTemplate = z.infer<typeof CourseTemplate>;

export const EligibilityRuleSetView = z.object({ version: z.number().int(), createdAt: DateTime, createdBy: StaffRef.nullable(), rules: EligibilityRules });
export type EligibilityRuleSetView = z.infer<typeof EligibilityRuleSetView>;

export const ServiceStaffMember = z.object({ membershipId: z.string(), userId: z.string(), displayName: z.string(), role: z.string(), serviceLine: ServiceLine.nullable() });

export const CourseServiceConfig = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  serviceLine: ServiceLine.nullable(),
  template: CourseTemplate,
  eligibility: EligibilityRuleSetView.nullable(),
  staff: z.array(ServiceStaffMember),
  /** Members of the organisation who could be assigned (counsellors, intake coordinators, supervisors). */
  assignableStaff: z.array(ServiceStaffMember),
});
export type CourseServiceConfig = z.infer<typeof CourseServiceConfig>;

export const AssignServiceStaffRequest = z.strictObject({ membershipIds: z.array(Uuid).max(200) });
export type AssignServiceStaffRequest = z.infer<typeof AssignServiceStaffRequest>;

