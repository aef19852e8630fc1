import type { Db } from '../../db/tables.ts';
import { pingDatabase } from './health.queries.ts';

export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    // Unreachable is exactly what this check reports; the caller answers 503.
    return false;
  }
}
