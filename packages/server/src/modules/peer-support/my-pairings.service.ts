import { danishDateOf, PeerContactForm, type LogPeerContactRequest, type MyPairing, type MyPairingList, type MyPeerContact } from '@bro/domain';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import { readSharedContactPreferences } from '../courses/index.ts';
import { auditPeerSupport, invalid, logPeerSupportReads, type PeerSupportDeps } from './peer-support.access.ts';
import { insertContact, listContacts, listOwnActivePairings, type ContactRow } from './peer-support.queries.ts';

/**
 * The peer supporter's own view: ONLY their active pairings, each with the first name or pseudonym and the
 * safe-contact preferences the person consented to share — never an address, CPR, course, referral or risk
 * assessment. The contacts they logged show whether a note was written, never the note: notes are for the
 * coordinating counsellor only. Someone else's pairing, or an ended one, is 404.
 */

/** Whether a note was written is shown to its writer only: never someone else's note, nor that there is one. */
function toMyContact(row: ContactRow, actor: Actor): MyPeerContact {
  const hasNote = row.note_enc !== null && row.logged_by_user_id === actor.userId;
  return { id: row.id, contactedOn: row.contacted_on, form: PeerContactForm.parse(row.form), hasNote, loggedAt: row.created_at.toISOString() };
}

async function readOwnPairings(input: PeerSupportDeps & { actor: Actor; pairingId?: string }): Promise<MyPairing[]> {
  const { actor } = input;
  const rows = await listOwnActivePairings(input.db, { membershipId: actor.membershipId, organisationId: actor.organisationId, ...(input.pairingId ? { pairingId: input.pairingId } : {}) });
  const [preferences, contacts] = await Promise.all([
    readSharedContactPreferences({ db: input.db, cipher: input.cipher, courseIds: rows.map((row) => row.course_id) }),
    listContacts(input.db, rows.map((row) => row.id)),
  ]);
  await logPeerSupportReads(input.db, { actor, now: input.clock.now(), purpose: 'peer_support', entries: rows.map((row) => ({ objectType: 'peer_pairing', objectId: row.id, personId: row.person_id })) });
  return rows.map((row) => {
    const safeContact = preferences.get(row.course_id);
    if (!safeContact) throw new AppError('not_found');
    return {
      id: row.id,
      displayName: input.cipher.decrypt(row.display_name_enc),
      safeContact,
      startedAt: row.started_at.toISOString(),
      contacts: contacts.filter((contact) => contact.pairing_id === row.id).map((contact) => toMyContact(contact, actor)),
    };
  });
}

export async function listMyPairings(input: PeerSupportDeps & { actor: Actor }): Promise<MyPairingList> {
  return { pairings: await readOwnPairings(input) };
}

/** Logs a contact on one of the caller's own active pairings; the date cannot be in the future. */
export async function logPeerContact(input: PeerSupportDeps & { actor: Actor; pairingId: string; request: LogPeerContactRequest }): Promise<MyPairing> {
  const { actor, request } = input;
  const now = input.clock.now();
  if (request.contactedOn > danishDateOf(now)) throw invalid('body.contactedOn', 'date_in_future');
  return input.db.transaction().execute(async (trx) => {
    const [own] = await listOwnActivePairings(trx, { membershipId: actor.membershipId, organisationId: actor.organisationId, pairingId: input.pairingId });
    if (!own) throw new AppError('not_found');
    const contactId = await insertContact(trx, {
      pairing_id: own.id,
      contacted_on: request.contactedOn,
      form: request.form,
      note_enc: input.cipher.encryptOptional(request.note),
      logged_by_user_id: actor.userId,
      created_at: now,
    });
    await auditPeerSupport(trx, { actor, now, action: 'log_contact', objectType: 'peer_pairing', objectId: own.id, details: { contactId, form: request.form, hasNote: request.note !== undefined } });
    const [view] = await readOwnPairings({ ...input, db: trx, pairingId: own.id });
    if (!view) throw new AppError('not_found');
    return view;
  });
}
