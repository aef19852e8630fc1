import type { Db } from '../db/tables.ts';
import type { Clock } from './clock.ts';
import type { FieldCipher } from './field-encryption.ts';
import type { LiveUpdates } from './live-updates.ts';
import type { Mailer } from './mailer.ts';
import type { SmsSender } from './sms.ts';

/** Where jobs say what they did. Never given personal data: ids, template names and statuses only. */
export type JobLog = (level: 'info' | 'error', message: string) => void;

/** What a job handler receives. Same shape in the worker and in tests (which call handlers directly). */
export type JobContext = {
  db: Db;
  clock: Clock;
  liveUpdates: LiveUpdates;
  /** Jobs that queue messages encrypt them; the outbox delivery and session reminders decrypt. */
  cipher: FieldCipher;
  /** The transports. Missing means not configured: messages then stay in the outbox, "not sent: no transport". */
  mailer?: Mailer;
  sms?: SmsSender;
  log?: JobLog;
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
