import { unknownSafeContactPreferences, type CourseStatus, type SafeContactPreferences, type ServiceLine } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { getVisibleCourse } from './course.service.ts';
import { openSafeContact, statusOf } from './course-views.ts';
import { listSealedSafeContacts } from './course-sharing.queries.ts';

/**
 * What other modules may learn of a course to share it with someone the person chose (peer support, issue 14 §4).
 * The course's access rules apply to whoever asks for a course: the service assignment and the service line; a
 * course out of reach is 404.
 */
export type CourseForSharing = { id: string; reference: string; personId: string; serviceId: string; organisationId: string; side: ServiceLine; status: CourseStatus };

export async function getCourseForSharing(input: { db: Db; clock: Clock; actor: Actor; courseId: string }): Promise<CourseForSharing> {
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, input.clock.now());
  return { id: row.id, reference: row.reference, personId: row.person_id, serviceId: row.service_id, organisationId: row.organisation_id, side: row.side as ServiceLine, status: statusOf(row) };
}

/**
 * Only the safe-contact PREFERENCES of courses (channels, safe times, whether messages may be left) — never the
 * phone number, e-mail or anything else of the course. The caller has already decided, from a consented pairing,
 * that these may be shown; read live, so a person's changed preferences (say, calls no longer safe) reach the peer
 * supporter at once.
 */
export async function readSharedContactPreferences(input: { db: Db; cipher: FieldCipher; courseIds: readonly string[] }): Promise<Map<string, SafeContactPreferences>> {
  const rows = await listSealedSafeContacts(input.db, input.courseIds);
  return new Map(rows.map((row) => [row.id, row.safe_contact_enc === null ? unknownSafeContactPreferences : openSafeContact(input.cipher, row.safe_contact_enc).preferences]));
}
