import { z } from 'zod';
import { ServiceLine } from '../identity/access.ts';
import { Gender, PersonRole } from '../referral/Referral.ts';

/**
 * A service (tilbud) as its organisation's admin manages it: the unit that receives referrals and holds courses.
 * Its line decides whom it takes (referral/receiving.ts); its deadlines and attempts are what a referral to it
 * must meet. A public directory listing describes a service for citizens; this is the service itself.
 */
const ServiceName = z.string().trim().min(1).max(120);
const Hours = z.number().int().min(1).max(720);
/** A Danish or international number as people write it: digits, spaces, an optional leading +. */
const IntakePhone = z.string().trim().regex(/^\+?[0-9 ]{8,20}$/);

const serviceFields = {
  name: ServiceName,
  description: z.string().trim().max(2000).default(''),
  /** Null: both lines (like the hotline), so it takes everyone. */
  serviceLine: ServiceLine.nullable(),
  /** The intake's phone for colleagues (not published): where a referrer can call about a referral. */
  intakePhone: IntakePhone.nullable().default(null),
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
