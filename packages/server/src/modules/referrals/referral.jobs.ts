import type { JobDefinition } from '../../platform/jobs.ts';
import { referralDeadlineJobs } from './deadlines/deadline.jobs.ts';
import { referralDraftJobs } from './drafts/draft.jobs.ts';

/** Every job of the referrals module: deadlines and expiry, and the purge of expired drafts. */
export const referralJobs: readonly JobDefinition[] = [...referralDeadlineJobs, ...referralDraftJobs];
