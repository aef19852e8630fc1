import { createInProcessLiveUpdates, type LiveUpdates } from './live-updates.ts';

// Placeholder: filled in by the referrals work (LISTEN/NOTIFY).
export async function createPostgresLiveUpdates(_connectionString: string): Promise<LiveUpdates> {
  return createInProcessLiveUpdates();
}
