import type { Db } from '../../../db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import { findReferralRecord, type ReferralRecord } from './referral-record.queries.ts';
import type { ReferralVisibility } from './referral-access.ts';

/** Use cases every referral path shares. */

/** The referral, if the visibility allows it; 404 otherwise. With `lock`, the row stays locked until commit. */
export async function getRecord(db: Db, referralId: string, visibility: ReferralVisibility, lock: boolean): Promise<ReferralRecord> {
  const record = await findReferralRecord(db, { referralId, visibility, lock });
  if (!record) throw new AppError('not_found');
  return record;
}
