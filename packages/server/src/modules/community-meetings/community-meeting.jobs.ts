import type { JobContext, JobDefinition, JobResult } from '../../platform/jobs.ts';
import { eraseSignUpsOfPastMeetings } from './community-meeting.queries.ts';

/**
 * The sign-up form promises to keep a name and a way to reach the person only until a week after the meeting: the
 * facilitator may still need to tell someone something afterwards, nobody needs it later. The count of sign-ups stays.
 */
const KEPT_AFTER_MEETING_MS = 7 * 24 * 3_600_000;

async function eraseOldSignUps(context: JobContext): Promise<JobResult> {
  const now = context.clock.now();
  const erased = await eraseSignUpsOfPastMeetings(context.db, { endedBefore: new Date(now.getTime() - KEPT_AFTER_MEETING_MS), now });
  if (erased > 0) context.log?.('info', `erased the names and contacts of ${erased} community-meeting sign-ups`);
  return erased > 0 ? 'done' : 'skipped';
}

export const communityMeetingJobs: JobDefinition[] = [{ name: 'erase-community-meeting-sign-ups', cron: '17 3 * * *', handler: eraseOldSignUps }];
