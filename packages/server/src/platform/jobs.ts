import type { Db } from '../db/tables.ts';
import type { Clock } from './clock.ts';
import type { FieldCipher } from './field-encryption.ts';
import type { LiveUpdates } from './live-updates.ts';
import type { Mailer } from './mailer.ts';
import type { SmsSender } from './sms.ts';

/** What a job handler receives. Same shape in the worker and in tests (which call handlers directly). */
export type JobContext = {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  liveUpdates: LiveUpdates;
  /** For jobs that read encrypted fields (session reminders need the person's contact details). */
  cipher?: FieldCipher;
  sms?: SmsSender;
};

/** Handlers are idempotent and say what they did. */
export type JobResult = 'done' | 'skipped' | 'failed';

/**
 * A named job: its definition is data (name, schedule), its handler a plain function. Modules export their
 * definitions from `<module>.jobs.ts`; platform/job-queue.ts runs them on pg-boss.
 */
export type JobDefinition = {
  name: string;
  /** Cron expression (pg-boss schedule, minute granularity). Omit for jobs only ever sent explicitly. */
  cron?: string;
  handler: (context: JobContext) => Promise<JobResult>;
};
