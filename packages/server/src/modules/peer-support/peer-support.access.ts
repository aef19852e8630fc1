import type { ServiceLine } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { recordAccess, type AccessPurpose } from '../../platform/access-log.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { listAssignedServices, type PairingScope } from './peer-support.queries.ts';

/**
 * Who coordinates what — the one place this is decided. A counsellor coordinates the peer support of the services
 * of their organisation they are assigned to (service_staff), on their service line: victim-side and
 * perpetrator-side work never cross. Anything else answers 404 (its existence is itself confidential).
 */

export type PeerSupportDeps = { db: Db; clock: Clock; cipher: FieldCipher };

const everySide: readonly ServiceLine[] = ['victim', 'perpetrator'];

function sidesOf(actor: Actor): readonly ServiceLine[] {
  return actor.serviceLine === null ? everySide : [actor.serviceLine];
}

export async function listCoordinatedServices(db: Db, actor: Actor) {
  return listAssignedServices(db, { membershipId: actor.membershipId, organisationId: actor.organisationId, sides: sidesOf(actor) });
}

export async function pairingScopeOf(db: Db, actor: Actor): Promise<PairingScope> {
  const services = await listCoordinatedServices(db, actor);
  return { organisationId: actor.organisationId, serviceIds: services.map((service) => service.id), sides: sidesOf(actor) };
}

/** The service, if the actor coordinates it; 404 otherwise. */
export async function getCoordinatedService(db: Db, actor: Actor, serviceId: string) {
  const service = (await listCoordinatedServices(db, actor)).find((candidate) => candidate.id === serviceId);
  if (!service) throw new AppError('not_found');
  return service;
}

/** A field problem on the request: 422 `validation_failed` with the field named. */
export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', [{ path, message }]);
}

/** Every read of personal data is logged before it leaves the server (fail closed). */
export async function logPeerSupportReads(
  db: Db,
  input: { actor: Actor; now: Date; purpose: AccessPurpose; entries: readonly { objectType: string; objectId: string; personId: string | null }[] },
): Promise<void> {
  await recordAccess(
    db,
    input.entries.map((entry) => ({
      occurredAt: input.now,
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: input.entries.length > 1 ? 'list' : 'read',
      objectType: entry.objectType,
      objectId: entry.objectId,
      personId: entry.personId,
      purpose: input.purpose,
    })),
  );
}

/** Identifiers and codes only in the details: never a name, a contact detail or free text. */
export async function auditPeerSupport(
  trx: Transaction<Database>,
  input: { actor: Actor; now: Date; action: string; objectType: 'peer_supporter' | 'peer_pairing'; objectId: string; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await appendAuditEntryBy(trx, input.actor, { occurredAt: input.now, action: `peer_support.${input.action}`, objectType: input.objectType, objectId: input.objectId, details: input.details ?? {} });
}
