import type { Db } from '../db/tables.ts';

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
  | 'access_history_extract';

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
 * write fails the request fails (fail closed), so no read goes unlogged.
 */
export async function recordAccess(db: Db, records: readonly AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('access_log')
    .values(
      records.map((record) => ({
        occurred_at: record.occurredAt,
        user_id: record.userId,
        organisation_id: record.organisationId,
        action: record.action,
        object_type: record.objectType,
        object_id: record.objectId,
        person_id: record.personId,
        purpose: record.purpose,
      })),
    )
    .execute();
}
