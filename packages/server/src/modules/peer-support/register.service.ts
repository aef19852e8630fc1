import { PeerSupporterStatus, type AddPeerSupporterRequest, type ChangePeerSupporterRequest, type PeerSupporter, type PeerSupporterCandidateList, type PeerSupporterList, type PeerSupportServiceList } from '@bro/domain';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { auditPeerSupport, getCoordinatedService, invalid, listCoordinatedServices, logPeerSupportReads, type PeerSupportDeps } from './peer-support.access.ts';
import { findSupporter, insertSupporter, isPeerSupporterMembership, listCandidates, listSupporters, updateSupporter, type SupporterRow } from './peer-support.queries.ts';

/**
 * The register of a service's peer supporters: what coordinating needs beyond the user account an organisation
 * admin made (languages, areas, availability, active/paused, capacity, the coordinator's note). The supporter's own
 * details are protected like any person's: encrypted, and every read logged.
 */

function toPeerSupporter(row: SupporterRow, cipher: FieldCipher): PeerSupporter {
  return {
    id: row.id,
    serviceId: row.service_id,
    membershipId: row.membership_id,
    displayName: row.display_name,
    languages: row.languages,
    areas: cipher.decryptOptional(row.areas_enc),
    availability: cipher.decryptOptional(row.availability_enc),
    maxPairings: row.max_pairings,
    activePairings: row.active_pairings,
    status: PeerSupporterStatus.parse(row.status),
    note: cipher.decryptOptional(row.note_enc),
    updatedAt: row.updated_at.toISOString(),
  };
}

const supporterRead = (row: { id: string }) => ({ objectType: 'peer_supporter', objectId: row.id, personId: null });

export async function listPeerSupportServices(input: PeerSupportDeps & { actor: Actor }): Promise<PeerSupportServiceList> {
  const services = await listCoordinatedServices(input.db, input.actor);
  return { services: services.map((service) => ({ id: service.id, name: service.name })) };
}

export async function listRegister(input: PeerSupportDeps & { actor: Actor; serviceId: string }): Promise<PeerSupporterList> {
  const service = await getCoordinatedService(input.db, input.actor, input.serviceId);
  const rows = await listSupporters(input.db, service.id);
  await logPeerSupportReads(input.db, { actor: input.actor, now: input.clock.now(), purpose: 'peer_support_coordination', entries: rows.map(supporterRead) });
  return { supporters: rows.map((row) => toPeerSupporter(row, input.cipher)) };
}

/** Users of the organisation with the peer_supporter role not yet in this service's register. */
export async function listRegisterCandidates(input: PeerSupportDeps & { actor: Actor; serviceId: string }): Promise<PeerSupporterCandidateList> {
  const service = await getCoordinatedService(input.db, input.actor, input.serviceId);
  const rows = await listCandidates(input.db, { organisationId: input.actor.organisationId, serviceId: service.id });
  return { candidates: rows.map((row) => ({ membershipId: row.membership_id, displayName: row.display_name })) };
}

export async function addPeerSupporter(input: PeerSupportDeps & { actor: Actor; serviceId: string; request: AddPeerSupporterRequest }): Promise<PeerSupporter> {
  const { request, actor, cipher } = input;
  return input.db.transaction().execute(async (trx) => {
    const service = await getCoordinatedService(trx, actor, input.serviceId);
    // Another organisation's membership, or one without the role, is refused the same way: nothing to learn from it.
    if (!(await isPeerSupporterMembership(trx, { membershipId: request.membershipId, organisationId: actor.organisationId }))) {
      throw invalid('body.membershipId', 'not_a_peer_supporter');
    }
    const now = input.clock.now();
    const supporterId = await insertSupporter(trx, {
      organisation_id: actor.organisationId,
      service_id: service.id,
      membership_id: request.membershipId,
      languages: request.languages ?? [],
      areas_enc: cipher.encryptOptional(request.areas),
      availability_enc: cipher.encryptOptional(request.availability),
      note_enc: cipher.encryptOptional(request.note),
      max_pairings: request.maxPairings ?? 2,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    if (supporterId === undefined) throw new AppError('conflict', [{ path: 'body.membershipId', message: 'already_in_register' }]);
    await auditPeerSupport(trx, { actor, now, action: 'add_supporter', objectType: 'peer_supporter', objectId: supporterId, details: { serviceId: service.id, membershipId: request.membershipId } });
    const row = await findSupporter(trx, { supporterId, organisationId: actor.organisationId });
    if (!row) throw new AppError('not_found');
    await logPeerSupportReads(trx, { actor, now, purpose: 'peer_support_coordination', entries: [supporterRead(row)] });
    return toPeerSupporter(row, cipher);
  });
}

/** A supporter of a service the actor coordinates; 404 otherwise (another organisation's, another service line's). */
async function getCoordinatedSupporter(input: PeerSupportDeps & { actor: Actor; supporterId: string }) {
  const row = await findSupporter(input.db, { supporterId: input.supporterId, organisationId: input.actor.organisationId });
  if (!row) throw new AppError('not_found');
  await getCoordinatedService(input.db, input.actor, row.service_id);
  return row;
}

export async function changePeerSupporter(input: PeerSupportDeps & { actor: Actor; supporterId: string; request: ChangePeerSupporterRequest }): Promise<PeerSupporter> {
  const { request, actor, cipher } = input;
  return input.db.transaction().execute(async (trx) => {
    const before = await getCoordinatedSupporter({ ...input, db: trx });
    const now = input.clock.now();
    await updateSupporter(trx, before.id, {
      ...(request.languages !== undefined ? { languages: request.languages } : {}),
      ...(request.areas !== undefined ? { areas_enc: cipher.encryptOptional(request.areas) } : {}),
      ...(request.availability !== undefined ? { availability_enc: cipher.encryptOptional(request.availability) } : {}),
      ...(request.note !== undefined ? { note_enc: cipher.encryptOptional(request.note) } : {}),
      ...(request.maxPairings !== undefined ? { max_pairings: request.maxPairings } : {}),
      ...(request.status !== undefined ? { status: request.status } : {}),
      updated_at: now,
    });
    const changed = Object.keys(request).sort().join(',');
    await auditPeerSupport(trx, { actor, now, action: 'change_supporter', objectType: 'peer_supporter', objectId: before.id, details: { changed, from: before.status, to: request.status ?? before.status } });
    const row = await findSupporter(trx, { supporterId: before.id, organisationId: actor.organisationId });
    if (!row) throw new AppError('not_found');
    await logPeerSupportReads(trx, { actor, now, purpose: 'peer_support_coordination', entries: [supporterRead(row)] });
    return toPeerSupporter(row, cipher);
  });
}
