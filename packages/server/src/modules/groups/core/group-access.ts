import type { ServiceLine } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAccess } from '../../../platform/access-log.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { findEntryOfferId, findGroupOfferId, findOfferRow, listAssignedServices, type AssignedService, type OfferRow } from './core.queries.ts';

/**
 * Who may work with which group offer — the one place this is decided. An offer, its waiting list and its groups are
 * reachable by staff of the offer's organisation who are assigned to its service (service_staff) and whose service
 * line covers the service's side. Anything else is 404: another organisation's groups, or the other side's, are not
 * even known to exist.
 */

export type GroupDeps = { db: Db; clock: Clock; cipher: FieldCipher };

/** Does a staff member's line reach a service's line? A service without a line serves both sides. */
function linesMeet(actorLine: ServiceLine | null, serviceLine: string | null): boolean {
  return actorLine === null || serviceLine === null || actorLine === serviceLine;
}

/** The services the actor may run groups at: assigned, and on their side. */
export async function listWorkableServices(db: Db, actor: Actor): Promise<AssignedService[]> {
  const services = await listAssignedServices(db, { membershipId: actor.membershipId, organisationId: actor.organisationId });
  return services.filter((service) => linesMeet(actor.serviceLine, service.service_line));
}

export async function requireWorkableService(db: Db, actor: Actor, serviceId: string): Promise<AssignedService> {
  const service = (await listWorkableServices(db, actor)).find((candidate) => candidate.id === serviceId);
  if (!service) throw new AppError('not_found');
  return service;
}

/** The offer, if the actor may work with it; 404 otherwise. `forUpdate` locks it for the transaction. */
export async function getWorkableOffer(db: Db, actor: Actor, offerId: string, options: { forUpdate?: boolean } = {}): Promise<OfferRow> {
  const offer = await findOfferRow(db, { offerId, organisationId: actor.organisationId, ...options });
  if (!offer) throw new AppError('not_found');
  await requireWorkableService(db, actor, offer.service_id);
  return offer;
}

export async function getWorkableOfferOfGroup(db: Db, actor: Actor, groupId: string, options: { forUpdate?: boolean } = {}): Promise<OfferRow> {
  const offerId = await findGroupOfferId(db, groupId);
  if (!offerId) throw new AppError('not_found');
  return getWorkableOffer(db, actor, offerId, options);
}

export async function getWorkableOfferOfEntry(db: Db, actor: Actor, entryId: string, options: { forUpdate?: boolean } = {}): Promise<OfferRow> {
  const offerId = await findEntryOfferId(db, entryId);
  if (!offerId) throw new AppError('not_found');
  return getWorkableOffer(db, actor, offerId, options);
}

/** The side a course must be on to join an offer's groups: the service's, narrowed by the actor's own line. */
export function sidesFor(actor: Actor, offer: OfferRow): ServiceLine[] {
  const serviceSides: ServiceLine[] = offer.service_line === 'victim' || offer.service_line === 'perpetrator' ? [offer.service_line] : ['victim', 'perpetrator'];
  return serviceSides.filter((side) => actor.serviceLine === null || actor.serviceLine === side);
}

export async function auditGroupChange(trx: Transaction<Database>, input: { actor: Actor; now: Date; action: string; objectType: string; objectId: string; details?: Record<string, string | number | boolean | null> }) {
  await appendAuditEntryBy(trx, input.actor, { occurredAt: input.now, action: input.action, objectType: input.objectType, objectId: input.objectId, details: input.details ?? {} });
}

/** Every read of a participant's or waiting person's data is logged, per person, before it leaves the server. */
export async function logGroupReads(db: Db, input: { actor: Actor; now: Date; action?: 'read' | 'list'; objectType: string; entries: readonly { objectId: string; personId: string }[] }) {
  await recordAccess(
    db,
    input.entries.map((entry) => ({
      occurredAt: input.now,
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: input.action ?? 'read',
      objectType: input.objectType,
      objectId: entry.objectId,
      personId: entry.personId,
      purpose: 'course_work',
    })),
  );
}
