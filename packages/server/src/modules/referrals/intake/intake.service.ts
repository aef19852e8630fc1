import {
  applyReferralAction,
  ageThisYear,
  Gender,
  PersonRole,
  type ConsentInput,
  type ContactOutcome,
  type DeclinedBy,
  type DeclineReason,
  type InboxItem,
  type ReferralAction,
  type ReferralForReceiver,
  type ServiceOption,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAccess } from '../../../platform/access-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { findLiveSession } from '../../../platform/auth/session.queries.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../../platform/auth/session.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { LiveUpdates, ReferralChangedEvent } from '../../../platform/live-updates.ts';
import { assertConsentFits, recordConsent } from '../../persons/index.ts';
import { assertServiceTakes, receiverVisibility } from '../core/referral-access.ts';
import { findPossibleDuplicatesAtService } from '../duplicates/duplicate.service.ts';
import { escalateIfNobodyCanSee } from '../deadlines/unseen-referral.ts';
import { findReferableService, listReferralEvents, type ReferralRecord } from '../core/referral-record.queries.ts';
import { getRecord } from '../core/referral-record.service.ts';
import { applyReferralTransition, changesForNewService, publishReferralChanges, type ReferralChange } from '../core/referral-transition.ts';
import { isConsentWithdrawn, referralStateOf, toInboxItem, toServiceOption, toReceiverView, toReferralForCourse, visibleCategoriesOf, type ReferralForCourse } from '../core/referral-views.ts';
import { isReferralVisible, listActiveServiceOptions, listInbox as selectInbox, listServiceIdsOfOrganisation } from './intake.queries.ts';

/** Use cases of the receiving service: the intake inbox, and everything staff do with a referral. */

type Deps = { db: Db; clock: Clock; cipher: FieldCipher };
type LiveDeps = Deps & { liveUpdates: LiveUpdates };

const INBOX_LIMIT = 500;

export async function listInbox(input: Deps & { actor: Actor; serviceId?: string | undefined }): Promise<InboxItem[]> {
  const visibility = receiverVisibility(input.actor);
  const rows = await selectInbox(input.db, { visibility, serviceId: input.serviceId, limit: INBOX_LIMIT });
  const duplicates = await findPossibleDuplicatesAtService({ db: input.db, cipher: input.cipher, visibility, referralIds: rows.map((row) => row.id) });
  const now = input.clock.now();
  // No names or contact details in the list (names are compared in the server only), so no personal-data read to log.
  return rows.map((row) => toInboxItem(row, now, duplicates.get(row.id)));
}

/** Every active service on the platform: where a referral may be rerouted to. */
export async function listRerouteOptions(input: { db: Db }): Promise<ServiceOption[]> {
  const rows = await listActiveServiceOptions(input.db);
  return rows.map(toServiceOption);
}

/**
 * Opens a referral. The first time anyone at the receiving service opens it, it becomes `received` (the referrer
 * sees that it arrived). Every opening is access-logged while it shows personal data.
 */
export async function openReferralForReceiver(input: LiveDeps & { actor: Actor; referralId: string }): Promise<ReferralForReceiver> {
  const visibility = receiverVisibility(input.actor);
  let record = await getRecord(input.db, input.referralId, visibility, false);
  if (record.status === 'sent') {
    const wasReceivedNow = await input.db.transaction().execute(async (trx) => {
      const locked = await getRecord(trx, input.referralId, visibility, true);
      // Someone else may have opened it between our read and the lock.
      if (locked.status !== 'sent') return false;
      await applyReferralTransition({ trx, clock: input.clock, record: locked, action: { type: 'receive' }, side: 'receiver', actor: input.actor });
      return true;
    });
    record = await getRecord(input.db, input.referralId, visibility, false);
    if (wasReceivedNow) await publishReferralChanges(input.liveUpdates, [{ serviceId: record.service_id, referralId: record.id }]);
  }
  return viewForReceiver(input, record);
}

export async function acceptReferral(input: LiveDeps & { actor: Actor; referralId: string; note?: string | undefined }): Promise<ReferralForReceiver> {
  return transitionAsReceiver(input, { type: 'accept' });
}

export async function declineReferral(
  input: LiveDeps & { actor: Actor; referralId: string; reason: DeclineReason; decidedBy: DeclinedBy; note?: string | undefined },
): Promise<ReferralForReceiver> {
  return transitionAsReceiver(input, { type: 'decline', reason: input.reason, decidedBy: input.decidedBy });
}

export async function logContactAttempt(input: LiveDeps & { actor: Actor; referralId: string; outcome: ContactOutcome; note?: string | undefined }): Promise<ReferralForReceiver> {
  return transitionAsReceiver(input, { type: 'log_contact_attempt', outcome: input.outcome });
}

/** Hands the person over to a course at the service. Needs first contact (the domain refuses it otherwise). */
export async function handOverReferral(input: LiveDeps & { actor: Actor; referralId: string; note?: string | undefined }): Promise<ReferralForReceiver> {
  return transitionAsReceiver(input, { type: 'hand_over' });
}

/**
 * The referral a course is being opened from, as the receiving service's staff may see it, locked for the rest of
 * the caller's transaction; 404 unless they see it. Nothing changes yet: see {@link handOverReferralToCourse}.
 */
export async function readReferralForCourse(input: { trx: Transaction<Database>; cipher: FieldCipher; actor: Actor; referralId: string }): Promise<ReferralForCourse> {
  return toReferralForCourse(await getRecord(input.trx, input.referralId, receiverVisibility(input.actor), true), input.cipher);
}

/**
 * Hands the referral over to the course opened from it, in the caller's transaction, so the referrer sees that help
 * started. Needs first contact (the domain refuses it otherwise, 409). The caller publishes the change after commit.
 */
export async function handOverReferralToCourse(input: { trx: Transaction<Database>; clock: Clock; actor: Actor; referralId: string }): Promise<ReferralChange> {
  const record = await getRecord(input.trx, input.referralId, receiverVisibility(input.actor), true);
  await applyReferralTransition({ trx: input.trx, clock: input.clock, record, action: { type: 'hand_over' }, side: 'receiver', actor: input.actor });
  return { serviceId: record.service_id, referralId: record.id };
}

async function transitionAsReceiver(input: LiveDeps & { actor: Actor; referralId: string; note?: string | undefined }, action: ReferralAction): Promise<ReferralForReceiver> {
  const visibility = receiverVisibility(input.actor);
  const record = await input.db.transaction().execute(async (trx) => {
    const locked = await getRecord(trx, input.referralId, visibility, true);
    await applyReferralTransition({
      trx,
      clock: input.clock,
      record: locked,
      action,
      side: 'receiver',
      actor: input.actor,
      sealedNote: input.cipher.encryptOptional(input.note),
    });
    return getRecord(trx, input.referralId, visibility, false);
  });
  await publishReferralChanges(input.liveUpdates, [{ serviceId: record.service_id, referralId: record.id }]);
  return viewForReceiver(input, record);
}

/**
 * Sends the referral on to another service, with the person's new consent to that service's organisation
 * (obtained by the receiver's staff, e.g. on the phone). The new service starts afresh — new deadline, no
 * attempts — the history stays, and the old service loses sight of it. Impossible once consent is withdrawn.
 */
export async function rerouteReferral(input: LiveDeps & { actor: Actor; referralId: string; toServiceId: string; consent: ConsentInput; note?: string | undefined }): Promise<void> {
  const visibility = receiverVisibility(input.actor);
  const changed = await input.db.transaction().execute(async (trx) => {
    const record = await getRecord(trx, input.referralId, visibility, true);
    if (isConsentWithdrawn(record)) throw new AppError('consent_withdrawn');
    const target = await findReferableService(trx, input.toServiceId);
    if (!target || target.id === record.service_id) throw new AppError('service_not_allowed');
    const person = { role: PersonRole.parse(record.person_role), gender: Gender.parse(record.person_gender), age: ageThisYear(record.person_birth_year ?? undefined, input.clock.now()) };
    await assertServiceTakes(target, person, () => listActiveServiceOptions(trx));
    const now = input.clock.now();
    assertConsentFits(input.consent, target.organisation_id, now, 'body.consent');
    // Check the transition before recording the consent, so the answer is 409 rather than a consent for nothing
    // (the transaction would roll it back anyway).
    if (!applyReferralAction(referralStateOf(record), { type: 'reroute', toServiceId: target.id }, 'receiver').ok) throw new AppError('transition_not_allowed');
    const consentId = await recordConsent({ trx, personId: record.person_id, consent: input.consent, obtainedBy: input.actor, now });
    await applyReferralTransition({
      trx,
      clock: input.clock,
      record,
      action: { type: 'reroute', toServiceId: target.id },
      side: 'receiver',
      actor: input.actor,
      sealedNote: input.cipher.encryptOptional(input.note),
      fromServiceId: record.service_id,
      toServiceId: target.id,
      changes: changesForNewService({ target, riskLevel: record.risk_level, consentId, now }),
    });
    await escalateIfNobodyCanSee({ trx, cipher: input.cipher, now, referral: { id: record.id, receivingOrganisationId: target.organisation_id, personRole: person.role, status: 'sent', programmeId: record.programme_id } });
    return [
      { serviceId: record.service_id, referralId: record.id },
      { serviceId: target.id, referralId: record.id },
    ];
  });
  await publishReferralChanges(input.liveUpdates, changed);
}

async function viewForReceiver(input: Deps & { actor: Actor }, record: ReferralRecord): Promise<ReferralForReceiver> {
  const events = await listReferralEvents(input.db, record.id);
  const now = input.clock.now();
  const duplicates = await findPossibleDuplicatesAtService({ db: input.db, cipher: input.cipher, visibility: receiverVisibility(input.actor), referralIds: [record.id] });
  const view = toReceiverView({ record, events, actor: input.actor, cipher: input.cipher, now, possibleDuplicates: duplicates.get(record.id) ?? [] });
  // Logged before the data leaves the server (fail closed). Once consent is withdrawn the view holds no personal data.
  if (visibleCategoriesOf(record).size > 0) {
    await recordAccess(input.db, [
      {
        occurredAt: now,
        userId: input.actor.userId,
        organisationId: input.actor.organisationId,
        action: 'read',
        objectType: 'referral',
        objectId: record.id,
        personId: record.person_id,
        purpose: 'referral_intake',
      },
    ]);
  }
  return view;
}

// ---------------------------------------------------------------------------------------------------------------
// Live inbox (server-sent events)

/**
 * Subscribes to changes of referrals this actor can see. Events are filtered per referral through the same
 * visibility rule as every read, so a line-limited member is not even told that the other line's referral changed.
 */
export async function subscribeToInbox(input: { db: Db; liveUpdates: LiveUpdates; actor: Actor; onChange: (referralId: string) => void }): Promise<() => void> {
  const visibility = receiverVisibility(input.actor);
  const serviceIds = await listServiceIdsOfOrganisation(input.db, input.actor.organisationId);
  let isOpen = true;
  const unsubscribe = input.liveUpdates.subscribe(serviceIds, (event: ReferralChangedEvent) => {
    void isReferralVisible(input.db, { referralId: event.referralId, visibility }).then(
      (isVisible) => {
        if (isOpen && isVisible) input.onChange(event.referralId);
      },
      (error: unknown) => console.warn('live update could not be checked:', error instanceof Error ? error.message : 'unknown error'),
    );
  });
  return () => {
    isOpen = false;
    unsubscribe();
  };
}

/**
 * Ends a stream as soon as its session ends elsewhere — the user deactivated, their second factor reset, signed out —
 * on whichever process that happened: told through live updates (`sessions_ended`), the stream checks its session
 * against the database at once instead of at its next heartbeat.
 */
export function endWithSession(input: { db: Db; clock: Clock; liveUpdates: LiveUpdates; actor: Actor; end: () => void }): () => void {
  return input.liveUpdates.watchSessions(input.actor.userId, () => {
    void isSessionStillLive(input).then(
      (isLive) => {
        if (!isLive) input.end();
      },
      () => input.end(),
    );
  });
}

/**
 * A long-lived stream must end when its session does: logout, a disabled account, the absolute lifetime, or
 * idleness (the stream itself is not activity — an unattended screen must not keep receiving updates).
 */
export async function isSessionStillLive(input: { db: Db; clock: Clock; actor: Actor }): Promise<boolean> {
  const session = await findLiveSession(input.db, input.actor.sessionId);
  if (!session) return false;
  const now = input.clock.now().getTime();
  return now <= session.expires_at.getTime() && now - session.created_at.getTime() <= ABSOLUTE_TIMEOUT_MS && now - session.last_seen_at.getTime() <= IDLE_TIMEOUT_MS;
}
