import { ageThisYear, Gender, PersonRole, whyServiceWouldNotTake, type PersonToPlace, type ServiceEndReason, type ServiceIntake } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { intakeOfService, systemVisibility } from '../core/referral-access.ts';
import { findReferableService } from '../core/referral-record.queries.ts';
import { getRecord } from '../core/referral-record.service.ts';
import { applyReferralTransition, changesForNewService, type ReferralChange } from '../core/referral-transition.ts';
import { escalateIfNobodyCanSee } from '../deadlines/unseen-referral.ts';
import { listActiveConsentsOfPersons, listOpenReferralsToPlace, lockOpenReferralIds, type OpenReferralFilter } from './service-end.queries.ts';

/**
 * When a service or programme ends, its open referrals (sent, received, accepted) are handed over to another
 * service or closed with a reason — never left waiting where nobody will answer. Both go through the referral state
 * machine as the platform's act (`transfer`, `close`; side `system`) with the deciding admin as the actor, so the
 * timeline, the deadlines and the referrer's view stay right.
 *
 * A hand-over follows the reroute's rules: the new service must take the person (role, gender, age), and the person
 * must have an active consent naming the new service's organisation (the one they gave for this referral, if it is
 * the same organisation, or another). Nobody obtains a new consent here, so a referral without one cannot move.
 */

export type { OpenReferralFilter };

/** What to do with the open referrals: hand them over to an active service, or close them with a reason. */
export type OpenReferralOutcome = { kind: 'hand_over'; serviceId: string } | { kind: 'close'; reason: ServiceEndReason; explanation?: string | undefined };

/** A service open referrals could move to, with whom it takes. */
export type ReferralTarget = { id: string; organisationId: string; intake: ServiceIntake };

export type OpenReferralsEnded = {
  /** Referrals the target cannot take. When above 0, nothing was changed. */
  notMovableCount: number;
  handedOverCount: number;
  closedCount: number;
  /** Publish after commit (`publishReferralChanges`): both inboxes of a moved referral, the old one of a closed one. */
  changes: ReferralChange[];
};

type Placement = { id: string; serviceId: string; personId: string; person: PersonToPlace };
type ConsentRow = Awaited<ReturnType<typeof listActiveConsentsOfPersons>>[number];

async function loadPlacements(db: Db, filter: OpenReferralFilter, now: Date): Promise<{ placements: Placement[]; consents: ConsentRow[] }> {
  const rows = await listOpenReferralsToPlace(db, filter);
  const placements = rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    personId: row.person_id,
    person: { role: PersonRole.parse(row.person_role), gender: Gender.parse(row.gender), age: ageThisYear(row.birth_year ?? undefined, now) },
  }));
  return { placements, consents: await listActiveConsentsOfPersons(db, [...new Set(rows.map((row) => row.person_id))]) };
}

/** The consent a hand-over to the target would rest on: the person's newest active consent naming its organisation. */
function consentFor(consents: readonly ConsentRow[], personId: string, organisationId: string): ConsentRow | undefined {
  return consents.find((consent) => consent.person_id === personId && consent.recipient_organisation_id === organisationId);
}

function canMove(placement: Placement, target: ReferralTarget, consents: readonly ConsentRow[]): boolean {
  return whyServiceWouldNotTake(target.intake, placement.person) === undefined && consentFor(consents, placement.personId, target.organisationId) !== undefined;
}

/**
 * For each candidate target, how many of the open referrals it could not take. Counts only: the caller learns
 * nothing about the people. Referrals already at a candidate do not count against it.
 */
export async function countReferralsNotMovable(db: Db, input: { filter: OpenReferralFilter; targets: readonly ReferralTarget[]; now: Date }): Promise<Map<string, number>> {
  const { placements, consents } = await loadPlacements(db, input.filter, input.now);
  return new Map(input.targets.map((target) => [target.id, placements.filter((placement) => placement.serviceId !== target.id && !canMove(placement, target, consents)).length]));
}

/**
 * Hands over or closes the open referrals the filter selects, in the caller's transaction, each with its referral
 * event and audit entry. A hand-over is all or nothing: if the target cannot take some of them, nothing changes and
 * `notMovableCount` says how many (the caller refuses). Referrals already at the target stay as they are.
 * 422 `validation_failed` at `body.targetServiceId` when the target is not an active service.
 */
export async function endOpenReferrals(input: {
  trx: Transaction<Database>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Pick<Actor, 'userId' | 'organisationId'>;
  filter: OpenReferralFilter;
  outcome: OpenReferralOutcome;
}): Promise<OpenReferralsEnded> {
  const ids = await lockOpenReferralIds(input.trx, input.filter);
  if (input.outcome.kind === 'close') return closeReferrals(input, ids, input.outcome);
  const target = await findReferableService(input.trx, input.outcome.serviceId);
  if (!target) throw new AppError('validation_failed', [{ path: 'body.targetServiceId', message: 'not_an_active_service' }]);
  const { placements, consents } = await loadPlacements(input.trx, input.filter, input.clock.now());
  const toMove = placements.filter((placement) => placement.serviceId !== target.id);
  const intended: ReferralTarget = { id: target.id, organisationId: target.organisation_id, intake: intakeOfService(target) };
  const notMovableCount = toMove.filter((placement) => !canMove(placement, intended, consents)).length;
  if (notMovableCount > 0) return { notMovableCount, handedOverCount: 0, closedCount: 0, changes: [] };
  const changes: ReferralChange[] = [];
  for (const placement of toMove) {
    const consent = consentFor(consents, placement.personId, target.organisation_id);
    if (!consent) throw new Error('a movable referral has a consent');
    changes.push(...(await transferReferral(input, { referralId: placement.id, target, consentId: consent.id })));
  }
  return { notMovableCount: 0, handedOverCount: toMove.length, closedCount: 0, changes };
}

type EndInput = Parameters<typeof endOpenReferrals>[0];
type Target = NonNullable<Awaited<ReturnType<typeof findReferableService>>>;

async function closeReferrals(input: EndInput, ids: readonly string[], outcome: Extract<OpenReferralOutcome, { kind: 'close' }>): Promise<OpenReferralsEnded> {
  const changes: ReferralChange[] = [];
  for (const id of ids) {
    const record = await getRecord(input.trx, id, systemVisibility, true);
    await applyReferralTransition({
      trx: input.trx,
      clock: input.clock,
      record,
      action: { type: 'close', reason: outcome.reason },
      side: 'system',
      actor: input.actor,
      // Like every event note, shown only to the organisation that wrote it: the referrer sees the reason code.
      sealedNote: input.cipher.encryptOptional(outcome.explanation),
    });
    changes.push({ serviceId: record.service_id, referralId: record.id });
  }
  return { notMovableCount: 0, handedOverCount: 0, closedCount: ids.length, changes };
}

/** One referral to the target, starting afresh there as a reroute does: new deadline, no attempts, not yet received. */
async function transferReferral(input: EndInput, move: { referralId: string; target: Target; consentId: string }): Promise<ReferralChange[]> {
  const { target } = move;
  const record = await getRecord(input.trx, move.referralId, systemVisibility, true);
  const now = input.clock.now();
  await applyReferralTransition({
    trx: input.trx,
    clock: input.clock,
    record,
    action: { type: 'transfer', toServiceId: target.id },
    side: 'system',
    actor: input.actor,
    fromServiceId: record.service_id,
    toServiceId: target.id,
    changes: changesForNewService({ target, riskLevel: record.risk_level, consentId: move.consentId, now }),
  });
  const personRole = PersonRole.parse(record.person_role);
  await escalateIfNobodyCanSee({ trx: input.trx, cipher: input.cipher, now, referral: { id: record.id, receivingOrganisationId: target.organisation_id, personRole, status: 'sent', programmeId: record.programme_id } });
  return [
    { serviceId: record.service_id, referralId: record.id },
    { serviceId: target.id, referralId: record.id },
  ];
}
