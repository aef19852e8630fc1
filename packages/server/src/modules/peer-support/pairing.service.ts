import {
  danishDateOf,
  findPairingProblem,
  isConsentDatePlausible,
  PairingEndReason,
  PairingStatus,
  PeerContactForm,
  PeerSupporterStatus,
  type CreatePairingRequest,
  type EndPairingRequest,
  type Pairing,
  type PairingDetail,
  type PairingList,
  type PeerContact,
  type ServiceLine,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { getCourseForSharing } from '../courses/index.ts';
import { auditPeerSupport, invalid, logPeerSupportReads, pairingScopeOf, type PeerSupportDeps } from './peer-support.access.ts';
import {
  findPairing,
  findSupporter,
  hasActivePairingForCourse,
  insertPairing,
  listContacts,
  listPairingsOfService,
  lockPairing,
  lockSupporter,
  updatePairing,
  type ContactRow,
  type PairingRow,
} from './peer-support.queries.ts';

/**
 * Matching a person of one of the counsellor's courses with a peer supporter — only with the person's recorded
 * consent to share their first name or pseudonym and their safe-contact preferences — and supervising the pairings:
 * the contact log with its notes, ending a pairing (the person withdrawing consent ends it too).
 */

function toPairing(row: PairingRow, cipher: FieldCipher): Pairing {
  return {
    id: row.id,
    serviceId: row.service_id,
    courseId: row.course_id,
    courseReference: row.course_reference,
    peerSupporterId: row.peer_supporter_id,
    peerSupporterName: row.supporter_name,
    displayName: cipher.decrypt(row.display_name_enc),
    consent: { givenOn: row.consent_given_on, recordedAt: row.consent_recorded_at.toISOString(), recordedBy: row.recorder_name },
    status: PairingStatus.parse(row.status),
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason === null ? null : PairingEndReason.parse(row.end_reason),
    endNote: cipher.decryptOptional(row.end_note_enc),
    contactCount: row.contact_count,
    lastContactOn: row.last_contact_on,
  };
}

function toContact(row: ContactRow, cipher: FieldCipher): PeerContact {
  return { id: row.id, contactedOn: row.contacted_on, form: PeerContactForm.parse(row.form), note: cipher.decryptOptional(row.note_enc), loggedAt: row.created_at.toISOString() };
}

const pairingRead = (row: Pick<PairingRow, 'id' | 'person_id'>) => ({ objectType: 'peer_pairing', objectId: row.id, personId: row.person_id });

export async function listPairings(input: PeerSupportDeps & { actor: Actor; serviceId: string; status: 'active' | 'ended' | 'all' }): Promise<PairingList> {
  const scope = await pairingScopeOf(input.db, input.actor);
  if (!scope.serviceIds.includes(input.serviceId)) throw new AppError('not_found');
  // The service line: a pairing on the other side of the caller's line is never listed.
  const rows = (await listPairingsOfService(input.db, { serviceId: input.serviceId, status: input.status })).filter((row) => scope.sides.includes(row.side as ServiceLine));
  await logPeerSupportReads(input.db, { actor: input.actor, now: input.clock.now(), purpose: 'peer_support_coordination', entries: rows.map(pairingRead) });
  return { pairings: rows.map((row) => toPairing(row, input.cipher)) };
}

export async function getPairingDetail(input: PeerSupportDeps & { actor: Actor; pairingId: string }): Promise<PairingDetail> {
  const row = await findPairing(input.db, { pairingId: input.pairingId, scope: await pairingScopeOf(input.db, input.actor) });
  if (!row) throw new AppError('not_found');
  const contacts = await listContacts(input.db, [row.id]);
  const now = input.clock.now();
  await logPeerSupportReads(input.db, {
    actor: input.actor,
    now,
    purpose: 'peer_support_coordination',
    entries: [pairingRead(row), ...contacts.map((contact) => ({ objectType: 'peer_contact', objectId: contact.id, personId: row.person_id }))],
  });
  return { ...toPairing(row, input.cipher), contacts: contacts.map((contact) => toContact(contact, input.cipher)) };
}

async function checkSupporterCanTake(trx: Transaction<Database>, actor: Actor, supporterId: string, serviceId: string): Promise<void> {
  await lockSupporter(trx, supporterId);
  const supporter = await findSupporter(trx, { supporterId, organisationId: actor.organisationId });
  // Another organisation's or another service's supporter: one answer, so an id from elsewhere teaches nothing.
  if (!supporter || supporter.service_id !== serviceId) throw invalid('body.peerSupporterId', 'supporter_not_at_service');
  const problem = findPairingProblem({ status: PeerSupporterStatus.parse(supporter.status), maxPairings: supporter.max_pairings, activePairings: supporter.active_pairings });
  if (problem) throw invalid('body.peerSupporterId', problem);
}

/** @returns the new pairing. Without the person's consent: 422 `consent_required`; nothing is stored. */
export async function matchWithPeerSupporter(input: PeerSupportDeps & { actor: Actor; courseId: string; request: CreatePairingRequest }): Promise<Pairing> {
  const { actor, request, cipher } = input;
  if (!request.consentGiven) throw new AppError('consent_required', [{ path: 'body.consentGiven', message: 'consent_required' }]);
  const now = input.clock.now();
  if (!isConsentDatePlausible(request.consentGivenOn, danishDateOf(now))) throw invalid('body.consentGivenOn', 'date_in_future');
  // The course's own access rules: the counsellor's service assignment and service line (404 otherwise).
  const course = await getCourseForSharing({ db: input.db, clock: input.clock, actor, courseId: input.courseId });
  if (course.status === 'closed') throw new AppError('transition_not_allowed', [{ path: 'course.status', message: 'course_closed' }]);
  return input.db.transaction().execute(async (trx) => {
    await checkSupporterCanTake(trx, actor, request.peerSupporterId, course.serviceId);
    if (await hasActivePairingForCourse(trx, course.id)) throw new AppError('conflict', [{ path: 'course', message: 'course_already_paired' }]);
    const pairingId = await insertPairing(trx, {
      organisation_id: course.organisationId,
      service_id: course.serviceId,
      side: course.side,
      peer_supporter_id: request.peerSupporterId,
      course_id: course.id,
      course_reference: course.reference,
      person_id: course.personId,
      display_name_enc: cipher.encrypt(request.displayName),
      consent_given_on: request.consentGivenOn,
      consent_recorded_by_user_id: actor.userId,
      consent_recorded_at: now,
      started_at: now,
    });
    await auditPeerSupport(trx, {
      actor,
      now,
      action: 'match',
      objectType: 'peer_pairing',
      objectId: pairingId,
      details: { courseId: course.id, peerSupporterId: request.peerSupporterId, consentGivenOn: request.consentGivenOn },
    });
    const row = await findPairing(trx, { pairingId, scope: { organisationId: actor.organisationId, serviceIds: [course.serviceId], sides: [course.side] } });
    if (!row) throw new AppError('not_found');
    await logPeerSupportReads(trx, { actor, now, purpose: 'peer_support_coordination', entries: [pairingRead(row)] });
    return toPairing(row, cipher);
  });
}

/** Ends an active pairing; `consent_withdrawn` records the person's withdrawal. An ended pairing cannot end again (409). */
export async function endPairing(input: PeerSupportDeps & { actor: Actor; pairingId: string; request: EndPairingRequest }): Promise<Pairing> {
  const { actor, request, cipher } = input;
  return input.db.transaction().execute(async (trx) => {
    const scope = await pairingScopeOf(trx, actor);
    if (!(await findPairing(trx, { pairingId: input.pairingId, scope }))) throw new AppError('not_found');
    await lockPairing(trx, input.pairingId);
    const before = await findPairing(trx, { pairingId: input.pairingId, scope });
    if (!before) throw new AppError('not_found');
    if (before.status !== 'active') throw new AppError('transition_not_allowed', [{ path: 'pairing.status', message: 'pairing_already_ended' }]);
    const now = input.clock.now();
    await updatePairing(trx, before.id, { status: 'ended', ended_at: now, ended_by_user_id: actor.userId, end_reason: request.reason, end_note_enc: cipher.encryptOptional(request.note) });
    await auditPeerSupport(trx, { actor, now, action: 'end', objectType: 'peer_pairing', objectId: before.id, details: { reason: request.reason, hasNote: request.note !== undefined } });
    const row = await findPairing(trx, { pairingId: before.id, scope });
    if (!row) throw new AppError('not_found');
    await logPeerSupportReads(trx, { actor, now, purpose: 'peer_support_coordination', entries: [pairingRead(row)] });
    return toPairing(row, cipher);
  });
}
