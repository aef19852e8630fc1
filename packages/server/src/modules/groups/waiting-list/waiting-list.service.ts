import { CoursePersonRole, EligibilityRules, evaluateEligibility, TriageFacts, WaitingPreferences, waitingDays, type AddToWaitingListRequest, type DeclinePlaceRequest, type WaitingEntryView } from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { auditGroupChange, getWorkableOffer, getWorkableOfferOfEntry, logGroupReads, sidesFor, type GroupDeps } from '../core/group-access.ts';
import { findCourseForWaitingList, findEntry, insertEntry, listOpenEntries, updateEntry, type EntryRow } from './waiting-list.queries.ts';

/**
 * An offer's waiting list. A person is put on it through their course at the offer's service — a course opened from
 * an accepted referral, a self-referral or directly — so the person record is reached only as the course reaches it,
 * and the list shows only the name or pseudonym the coordinator already sees on that course (each read logged).
 */

export async function listWaitingList(input: GroupDeps & { actor: Actor; offerId: string }): Promise<WaitingEntryView[]> {
  const offer = await getWorkableOffer(input.db, input.actor, input.offerId);
  const rows = await listOpenEntries(input.db, offer.id);
  const now = input.clock.now();
  await logGroupReads(input.db, { actor: input.actor, now, action: 'list', objectType: 'group_waiting_entry', entries: rows.map((row) => ({ objectId: row.id, personId: row.person_id })) });
  return rows.map((row, index) => toEntryView(input.cipher, row, index + 1, now));
}

export async function addToWaitingList(input: GroupDeps & { actor: Actor; offerId: string; request: AddToWaitingListRequest }): Promise<WaitingEntryView> {
  const { actor, request } = input;
  const entryId = await input.db.transaction().execute(async (trx) => {
    const offer = await getWorkableOffer(trx, actor, input.offerId, { forUpdate: true });
    const course = await findCourseForWaitingList(trx, { courseId: request.courseId, organisationId: actor.organisationId, serviceId: offer.service_id, sides: sidesFor(actor, offer) });
    // A course elsewhere (another service, the other side) is refused as if it did not exist.
    if (!course) throw new AppError('validation_failed', [{ path: 'body.courseId', message: 'not_a_course_of_this_service' }]);
    if (course.status === 'closed') throw new AppError('validation_failed', [{ path: 'body.courseId', message: 'course_closed' }]);
    checkEligibility(input.cipher, offer.eligibility_rules, course);
    const now = input.clock.now();
    const id = await insertEntry(trx, { offer_id: offer.id, course_id: course.id, status: 'waiting', added_at: now, waiting_since: now, preferences: JSON.stringify(request.preferences), added_by_user_id: actor.userId });
    if (!id) throw new AppError('conflict', [{ path: 'body.courseId', message: 'already_waiting' }]);
    await auditGroupChange(trx, { actor, now, action: 'group_waiting_list.add', objectType: 'group_offer', objectId: offer.id, details: { entryId: id, courseId: course.id } });
    return id;
  });
  return readEntry(input, entryId);
}

/**
 * A person turns down a place: they keep their place (their date added, so their turn, stays) or leave the list by
 * their own choice.
 */
export async function declinePlace(input: GroupDeps & { actor: Actor; entryId: string; request: DeclinePlaceRequest }): Promise<WaitingEntryView> {
  await input.db.transaction().execute(async (trx) => {
    const offer = await getWorkableOfferOfEntry(trx, input.actor, input.entryId, { forUpdate: true });
    const entry = await requireOpenEntry(trx, input.entryId);
    const now = input.clock.now();
    if (input.request.keepsPlace) await updateEntry(trx, entry.id, { decline_count: entry.decline_count + 1 });
    else await updateEntry(trx, entry.id, { status: 'left', ended_at: now, reconfirm_by: null });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group_waiting_list.decline', objectType: 'group_offer', objectId: offer.id, details: { entryId: entry.id, keepsPlace: input.request.keepsPlace } });
  });
  return readEntry(input, input.entryId);
}

/** The person confirmed they still want their place: the wait before the next question starts again. */
export async function reconfirmEntry(input: GroupDeps & { actor: Actor; entryId: string }): Promise<WaitingEntryView> {
  await input.db.transaction().execute(async (trx) => {
    const offer = await getWorkableOfferOfEntry(trx, input.actor, input.entryId, { forUpdate: true });
    const entry = await requireOpenEntry(trx, input.entryId);
    const now = input.clock.now();
    await updateEntry(trx, entry.id, { status: 'waiting', waiting_since: now, reconfirm_by: null, reconfirmation_requested_at: null, reconfirmation_queued_at: null });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group_waiting_list.reconfirm', objectType: 'group_offer', objectId: offer.id, details: { entryId: entry.id } });
  });
  return readEntry(input, input.entryId);
}

/**
 * The offer's own rules (the course rule language) on what triage knew: a person the rules exclude or who is outside
 * the target group is refused (422 `not_eligible`); unknown facts leave it to the coordinator, as at triage.
 */
function checkEligibility(cipher: FieldCipher, rules: unknown, course: { person_role: string; triage_facts_enc: string | null }): void {
  if (rules === null) return;
  const facts = course.triage_facts_enc === null ? TriageFacts.parse({}) : TriageFacts.parse(JSON.parse(cipher.decrypt(course.triage_facts_enc)));
  const evaluation = evaluateEligibility(EligibilityRules.parse(rules), { ...facts, role: CoursePersonRole.parse(course.person_role) });
  if (evaluation.outcome === 'excluded' || evaluation.outcome === 'not_in_target_group') throw new AppError('validation_failed', [{ path: 'body.courseId', message: 'not_eligible' }]);
}

async function requireOpenEntry(db: GroupDeps['db'], entryId: string): Promise<EntryRow> {
  const entry = await findEntry(db, entryId);
  if (!entry) throw new AppError('not_found');
  if (entry.status !== 'waiting' && entry.status !== 'reconfirmation_requested') throw new AppError('transition_not_allowed', [{ path: 'entry.status', message: `entry_${entry.status}` }]);
  return entry;
}

/** One entry as the list shows it, its position counted in the current list. The read is logged. */
async function readEntry(input: GroupDeps & { actor: Actor }, entryId: string): Promise<WaitingEntryView> {
  const entry = await findEntry(input.db, entryId);
  if (!entry) throw new AppError('not_found');
  const open = await listOpenEntries(input.db, entry.offer_id);
  const position = open.findIndex((row) => row.id === entry.id);
  const now = input.clock.now();
  await logGroupReads(input.db, { actor: input.actor, now, objectType: 'group_waiting_entry', entries: [{ objectId: entry.id, personId: entry.person_id }] });
  return toEntryView(input.cipher, entry, position >= 0 ? position + 1 : null, now);
}

function toEntryView(cipher: FieldCipher, row: EntryRow, position: number | null, now: Date): WaitingEntryView {
  return {
    id: row.id,
    position,
    courseId: row.course_id,
    courseReference: row.course_reference,
    clientLabel: cipher.decrypt(row.client_label_enc),
    status: row.status as WaitingEntryView['status'],
    addedAt: row.added_at.toISOString(),
    waitingDays: waitingDays(row.added_at, now),
    preferences: WaitingPreferences.parse(row.preferences),
    declineCount: row.decline_count,
    reconfirmBy: row.reconfirm_by?.toISOString() ?? null,
  };
}
