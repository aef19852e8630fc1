import { createHash } from 'node:crypto';
import type { Db } from '../db/tables.ts';
import { insertAccessRecords } from './access-log.queries.ts';

export type AccessAction = 'read' | 'list' | 'search' | 'export' | 'print';

/** Why personal data was read. Shown to the person in their access-history extract (GDPR Art. 15). */
export type AccessPurpose =
  | 'referral_intake'
  | 'referral_follow_up'
  | 'referral_tracking'
  | 'referral_creation'
  /** A counsellor's (or intake coordinator's) work on a course of their service. */
  | 'course_work'
  /** A supervisor reading a course or a counsellor's caseload. */
  | 'course_supervision'
  /** Producing the person's own "who looked at my data" extract. */
  | 'access_history_extract'
  /** A counsellor keeping the peer-supporter register and supervising pairings (issue 14 §4). */
  | 'peer_support_coordination'
  /** A peer supporter reading their own pairings: the first name and the safe-contact preferences only. */
  | 'peer_support'
  /** A facilitator reading the first names of those signed up for a community meeting they run. */
  | 'community_meeting_facilitation';

export type AccessRecord = {
  occurredAt: Date;
  userId: string;
  organisationId: string | null;
  action: AccessAction;
  objectType: string;
  objectId: string;
  personId: string | null;
  purpose: AccessPurpose;
};

/**
 * Logs reads of personal data: who, when, which person, why. Call it before the data leaves the server; if the
 * write fails the request fails (fail closed), so no read goes unlogged. One INSERT, no lock: the sealer
 * (audit-sealer.ts) hashes the committed rows into the access log's chain.
 */
export async function recordAccess(db: Db, records: readonly AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  await insertAccessRecords(db, records);
}

/** hash = sha256(previous hash || canonical record): the access log's chain, as the audit log's (audit-log.ts). */
export function computeAccessHash(previousHash: string, record: AccessRecord): string {
  const canonical = JSON.stringify([
    record.occurredAt.toISOString(),
    record.userId,
    record.organisationId,
    record.action,
    record.objectType,
    record.objectId,
    record.personId,
    record.purpose,
  ]);
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}
