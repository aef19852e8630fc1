import { z } from 'zod';
import { text } from '../common/text.ts';
import { StaffRef } from './Course.ts';

/** "Who looked at my data": the person's access-history extract (GDPR Art. 15, QUALITY.md #44). */

const DateTime = z.iso.datetime({ offset: true });

export const ProduceAccessHistoryRequest = z
  .strictObject({
    includeStaffNames: z.boolean().default(false),
    /** Staff names are shown only on a recorded, justified request (QUALITY.md #44). */
    justification: text({ max: 2000, multiline: true }).min(10).optional(),
  })
  .refine((request) => !request.includeStaffNames || request.justification !== undefined, { message: 'justification_required', path: ['justification'] });
export type ProduceAccessHistoryRequest = z.infer<typeof ProduceAccessHistoryRequest>;

export const AccessHistoryEntry = z.object({
  at: DateTime,
  organisationName: z.string(),
  /** Why: `referral_intake`, `course_work`, … (the access log's purpose codes). */
  purpose: z.string(),
  action: z.string(),
  staffName: z.string().nullable(),
});

export const AccessHistoryExtract = z.object({
  id: z.string(),
  producedAt: DateTime,
  producedBy: StaffRef,
  producedByOrganisationName: z.string(),
  personLabel: z.string(),
  includesStaffNames: z.boolean(),
  isTruncated: z.boolean(),
  summary: z.array(z.object({ organisationName: z.string(), purpose: z.string(), count: z.number().int(), firstAt: DateTime, lastAt: DateTime })),
  entries: z.array(AccessHistoryEntry),
});
export type AccessHistoryExtract = z.infer<typeof AccessHistoryExtract>;
