import { z } from 'zod';
import { name, text } from '../common/text.ts';
import { OrganisationKind, ServiceLine } from '../identity/access.ts';
import { EmailAddress } from '../identity/Session.ts';
import { Gender, PersonRole } from '../referral/Referral.ts';

/**
 * A programme (e.g. the Interventionscenter): who may refer, to which services, and how routing proposes one. Its
 * managers (a grant of a user on the programme, not an organisation role) configure it; they see its
 * configuration, counts and escalations by reference, never a referral's content. Every change raises the version
 * and applies to new referrals only: a referral keeps the deadlines it was sent under.
 */
export const ProgrammeStatus = z.enum(['planned', 'running', 'ended']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

const ProgrammeName = name({ max: 120 }).min(1);
/** A calendar day, `YYYY-MM-DD`. */
const Day = z.iso.date();
const Hours = z.number().int().min(1).max(720);
const Age = z.number().int().min(0).max(120);

/** The platform admin starts a programme and appoints its first manager; the manager sets up the rest. */
export const CreateProgrammeRequest = z.strictObject({
  name: ProgrammeName,
  /** An existing, active user; they become the programme's manager. */
  managerEmail: EmailAddress,
});
export type CreateProgrammeRequest = z.infer<typeof CreateProgrammeRequest>;

export const AppointManagerRequest = z.strictObject({ email: EmailAddress });
export type AppointManagerRequest = z.infer<typeof AppointManagerRequest>;

/** One participating service, in routing order. Null limits and settings mean "as the service itself". */
export const ProgrammeServiceSettings = z.strictObject({
  serviceId: z.uuid(),
  /** Whom it takes in this programme: never more than its line sees (see referral/receiving.ts). Null: as its line. */
  receivesRoles: z.array(PersonRole).min(1).max(3).nullable(),
  receivesGenders: z.array(Gender).min(1).max(4).nullable(),
  minimumAge: Age.nullable(),
  maximumAge: Age.nullable(),
  /** False: referrers may choose it, but routing never proposes it. */
  isProposed: z.boolean(),
  /** Proposed when no other service takes the person (at most one per programme). */
  isFallback: z.boolean(),
  firstContactDeadlineHours: Hours.nullable(),
  highRiskDeadlineHours: Hours.nullable(),
  maxContactAttempts: z.number().int().min(1).max(20).nullable(),
});
export type ProgrammeServiceSettings = z.infer<typeof ProgrammeServiceSettings>;

export const UpdateProgrammeRequest = z
  .strictObject({
    /** The version the change was made from: a change made from an older version answers 409 `programme_changed`. */
    version: z.number().int().min(1),
    name: ProgrammeName,
    description: text({ max: 4000, multiline: true }),
    funder: name({ max: 200 }),
    periodStart: Day.nullable(),
    periodEnd: Day.nullable(),
    status: ProgrammeStatus,
    /** Organisations whose staff may refer (police districts, municipalities, the hotline …), all their units. */
    referrerOrganisationIds: z.array(z.uuid()).max(200),
    /** In routing order. */
    services: z.array(ProgrammeServiceSettings).max(50),
  })
  .refine((programme) => programme.periodStart === null || programme.periodEnd === null || programme.periodStart <= programme.periodEnd, {
    message: 'The period cannot end before it starts',
    path: ['periodEnd'],
  })
  .refine((programme) => new Set(programme.services.map((service) => service.serviceId)).size === programme.services.length, {
    message: 'A service can take part only once',
    path: ['services'],
  })
  .refine((programme) => programme.services.filter((service) => service.isFallback).length <= 1, {
    message: 'A programme has at most one fallback service',
    path: ['services'],
  })
  .refine((programme) => programme.services.every((service) => service.minimumAge === null || service.maximumAge === null || service.minimumAge <= service.maximumAge), {
    message: 'The minimum age cannot be above the maximum age',
    path: ['services'],
  });
export type UpdateProgrammeRequest = z.infer<typeof UpdateProgrammeRequest>;

/** How the open referrals of an ending programme are dealt with. Required when ending one that has any. */
export const EndProgrammeRequest = z.strictObject({
  version: z.number().int().min(1),
  openReferrals: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('hand_over'), serviceId: z.uuid() }),
    /** Closed with the reason "the programme ended"; the explanation is kept for the manager's organisation only. */
    z.strictObject({ kind: z.literal('close'), explanation: text({ max: 1000, multiline: true }).min(3) }),
  ]),
});
export type EndProgrammeRequest = z.infer<typeof EndProgrammeRequest>;

export const ProgrammeManager = z.object({ userId: z.uuid(), displayName: z.string(), email: z.string(), organisationName: z.string().nullable() });
export type ProgrammeManager = z.infer<typeof ProgrammeManager>;

export const ProgrammeServiceView = ProgrammeServiceSettings.extend({
  serviceName: z.string(),
  organisationName: z.string(),
  serviceLine: ServiceLine.nullable(),
  isServiceActive: z.boolean(),
  /** The service's own deadlines and attempts: what null above means. */
  serviceFirstContactDeadlineHours: z.number().int(),
  serviceHighRiskDeadlineHours: z.number().int(),
  serviceMaxContactAttempts: z.number().int(),
});
export type ProgrammeServiceView = z.infer<typeof ProgrammeServiceView>;

export const Programme = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  funder: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  status: ProgrammeStatus,
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  referrers: z.array(z.object({ organisationId: z.uuid(), name: z.string(), kind: OrganisationKind })),
  services: z.array(ProgrammeServiceView),
  managers: z.array(ProgrammeManager),
});
export type Programme = z.infer<typeof Programme>;

export const ProgrammeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: ProgrammeStatus,
  version: z.number().int(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  referrerCount: z.number().int(),
  serviceCount: z.number().int(),
  managers: z.array(ProgrammeManager),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;
export const ProgrammeSummaryList = z.array(ProgrammeSummary);

/** What a manager may pick from: organisations that can refer, and active services. Names only, no case data. */
export const ProgrammeChoices = z.object({
  organisations: z.array(z.object({ id: z.uuid(), name: z.string(), kind: OrganisationKind })),
  services: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      organisationName: z.string(),
      serviceLine: ServiceLine.nullable(),
      /** What the service itself takes (its line): a programme can only narrow it. */
      receivesRoles: z.array(PersonRole),
      /** Its own deadlines and attempts: what a programme's empty setting means. */
      firstContactDeadlineHours: z.number().int(),
      highRiskDeadlineHours: z.number().int(),
      maxContactAttempts: z.number().int(),
    }),
  ),
});
export type ProgrammeChoices = z.infer<typeof ProgrammeChoices>;

/** Counts and escalations, by reference only: a manager oversees the programme, not the people in it. */
export const ProgrammeOverview = z.object({
  countsByService: z.array(z.object({ serviceId: z.uuid(), serviceName: z.string(), open: z.number().int(), accepted: z.number().int(), closed: z.number().int() })),
  escalations: z.array(z.object({ reference: z.string(), serviceName: z.string(), status: z.string(), escalatedAt: z.iso.datetime() })),
  versions: z.array(z.object({ version: z.number().int(), changedAt: z.iso.datetime(), changedBy: z.string().nullable() })),
});
export type ProgrammeOverview = z.infer<typeof ProgrammeOverview>;
