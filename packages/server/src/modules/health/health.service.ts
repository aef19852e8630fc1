import type { Db } from '../../db/tables.ts';
import { findNewestAppliedMigration, pingDatabase } from './health.queries.ts';

export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    // Unreachable is exactly what this check reports; the caller answers 503.
    return false;
  }
}

export type Readiness = { isReady: true; migration: string } | { isReady: false; reason: 'database_unreachable' | 'migrations_behind' };

/**
 * Ready for traffic: the database answers, and it has (at least) the newest migration this code knows. A database
 * that is ahead — a newer node has migrated it during a rolling update — is ready: migrations are forward-only and
 * additive, so older code keeps working on it until it is replaced.
 */
export async function checkReadiness({ db, expectedMigration }: { db: Db; expectedMigration: string }): Promise<Readiness> {
  let applied: string | undefined;
  try {
    applied = await findNewestAppliedMigration(db);
  } catch {
    // No connection, or no migration table yet: either way not ready, and the caller answers 503.
    return { isReady: false, reason: 'database_unreachable' };
  }
  if (applied === undefined || applied < expectedMigration) return { isReady: false, reason: 'migrations_behind' };
  return { isReady: true, migration: applied };
}
