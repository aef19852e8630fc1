import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Clock } from './clock.ts';
import type { LiveUpdates } from './live-updates.ts';
import type { Mailer } from './mailer.ts';

export type JobDeps = { connectionString: string; db: Kysely<Database>; clock: Clock; mailer: Mailer; liveUpdates: LiveUpdates };

// Placeholder: filled in by the referrals work (pg-boss).
export async function startJobWorker(_deps: JobDeps): Promise<{ stop: () => Promise<void> }> {
  return { stop: async () => {} };
}
