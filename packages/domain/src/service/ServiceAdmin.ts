import { z } from 'zod';
import { name, text } from '../common/text.ts';
import { ServiceLine } from '../identity/access.ts';
import { Gender, PersonRole } from '../referral/Referral.ts';
import { ServiceEndReason } from '../referral/referral-status.ts';

/**
 * A service (tilbud) as its organisation's admin manages it: the unit that receives referrals and holds courses.
 * Its line decides whom it takes (referral/receiving.ts); its deadlines and attempts are what a referral to it
 * must meet. A public directory listing describes a service for citizens; this is the service itself.
 */
const ServiceName = name({ max: 120 }).min(1);
const Hours = z.number().int().min(1).max(720);
/** A Danish or international number as people write it: digits, spaces, an optional leading +; short numbers like 1888 too. */
const IntakePhone = z.string().trim().regex(/^\+?[0-9 ]{4,20}$/);

const serviceFields = {
  name: ServiceName,
  description: text({ max: 2000, multiline: true }).default(''),
  /** Null: both lines (like the hotline), so it takes everyone. */
  serviceLine: ServiceLine.nullable(),
  /** The intake's phone for colleagues (not published): where a referrer can call about a referral. */
  intakePhone: IntakePhone.nullable().default(null),
  /** When the intake can be reached, in words ("Hverdage 9–15"); empty: not given. */
  intakeHours: text({ max: 200 }).default(''),
  firstContactDeadlineHours: Hours,
  highRiskDeadlineHours: Hours,
  maxContactAttempts: z.number().int().min(1).max(20),
  /** The genders it takes; null: all. A referral of another gender is refused and the form does not offer it. */
  receivesGenders: z.array(Gender).min(1).max(4).nullable().default(null),
  minimumAge: z.number().int().min(0).max(120).nullable().default(null),
  maximumAge: z.number().int().min(0).max(120).nullable().default(null),
};

/** A high-risk referral must never wait longer than a standard one. */
const highRiskNotSlower = (service: { firstContactDeadlineHours: number; highRiskDeadlineHours: number }) =>
  service.highRiskDeadlineHours <= service.firstContactDeadlineHours;
const highRiskMessage = { message: 'The high-risk deadline cannot be longer than the standard one', path: ['highRiskDeadlineHours'] };
const agesInOrder = (service: { minimumAge: number | null; maximumAge: number | null }) =>
  service.minimumAge === null || service.maximumAge === null || service.minimumAge <= service.maximumAge;
const agesMessage = { message: 'The minimum age cannot be above the maximum age', path: ['maximumAge'] };

export const CreateServiceRequest = z.strictObject(serviceFields).refine(highRiskNotSlower, highRiskMessage).refine(agesInOrder, agesMessage);
export type CreateServiceRequest = z.infer<typeof CreateServiceRequest>;

export const UpdateServiceRequest = z.strictObject({ ...serviceFields, isActive: z.boolean() }).refine(highRiskNotSlower, highRiskMessage).refine(agesInOrder, agesMessage);
export type UpdateServiceRequest = z.infer<typeof UpdateServiceRequest>;

export const AdminService = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  serviceLine: ServiceLine.nullable(),
  intakePhone: z.string().nullable(),
  intakeHours: z.string(),
  firstContactDeadlineHours: z.number().int(),
  highRiskDeadlineHours: z.number().int(),
  maxContactAttempts: z.number().int(),
  isActive: z.boolean(),
  /** Whom the service takes, from its line: what referrers are offered it for. */
  receivesRoles: z.array(PersonRole),
  receivesGenders: z.array(Gender).nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  /** Referrals sent, received or accepted and courses not closed: while there are any, the line cannot change. */
  openReferralCount: z.number().int(),
  openCourseCount: z.number().int(),
});
export type AdminService = z.infer<typeof AdminService>;

export const AdminServiceList = z.array(AdminService);

// ---------------------------------------------------------------------------------------------------------------
// Ending a service (afslut tilbud)

/**
 * How a service ends: its open referrals and open courses are either handed over to another active service (of any
 * organisation, if it takes every one of them) or closed with a reason; then the service is inactive. Nothing is left
 * hanging. `explanation` is free text for the admin's own organisation (stored encrypted, never in the audit log).
 */
export const EndServiceRequest = z.discriminatedUnion('openWork', [
  z.strictObject({ openWork: z.literal('hand_over'), targetServiceId: z.uuid() }),
  z
    .strictObject({ openWork: z.literal('close'), reason: ServiceEndReason, explanation: text({ max: 1000, multiline: true }).min(1).optional() })
    .refine((request) => request.reason !== 'other' || request.explanation !== undefined, { message: 'required_for_other', path: ['explanation'] }),
]);
export type EndServiceRequest = z.infer<typeof EndServiceRequest>;

/** A service the open work can be handed over to: it takes every open referral and course. Names only. */
export const ServiceEndTarget = z.object({ id: z.uuid(), name: z.string(), organisationName: z.string() });
export type ServiceEndTarget = z.infer<typeof ServiceEndTarget>;

/** What ending the service would touch: counts only, never anything about the people in the cases. */
export const ServiceEndPreview = z.object({
  /** Referrals sent, received or accepted. */
  openReferralCount: z.number().int(),
  /** Courses not closed, of which `waitingCourseCount` still wait for triage. */
  openCourseCount: z.number().int(),
  waitingCourseCount: z.number().int(),
  /** Active services that can take all of it, by name; empty when none can (then the work can only be closed). */
  targets: z.array(ServiceEndTarget),
});
export type ServiceEndPreview = z.infer<typeof ServiceEndPreview>;

/** What ending the service did. */
export const ServiceEndResult = z.object({
  service: AdminService,
  handedOverReferralCount: z.number().int(),
  closedReferralCount: z.number().int(),
  handedOverCourseCount: z.number().int(),
  closedCourseCount: z.number().int(),
});
export type ServiceEndResult = z.infer<typeof ServiceEndResult>;
