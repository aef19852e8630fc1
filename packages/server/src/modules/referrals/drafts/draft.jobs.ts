import type { JobContext, JobDefinition, JobResult } from '../../../platform/jobs.ts';
import { deleteExpiredReferralDrafts } from './draft.queries.ts';

/** Drafts past their 24 hours are deleted, not just hidden: an unsent referral's personal data is not kept. */
export async function purgeExpiredReferralDrafts(context: JobContext): Promise<JobResult> {
  const deleted = await deleteExpiredReferralDrafts(context.db, context.clock.now());
  return deleted > 0 ? 'done' : 'skipped';
}

export const referralDraftJobs: JobDefinition[] = [{ name: 'purge-expired-referral-drafts', cron: '23 * * * *', handler: purgeExpiredReferralDrafts }];
