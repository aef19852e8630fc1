import { randomUUID } from 'node:crypto';
import {
  ageThisYear,
  birthYearFromCpr,
  PersonRole,
  ReferralForReferrer,
  type PersonToPlace,
  type ConsentInput,
  type CreateReferralRequest,
  type ReferralOptions,
  type ReferralSummaryForReferrer,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAccess } from '../../../platform/access-log.ts';
import { appendAuditEntries, appendAuditEntryBy, type AuditTrail } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { hashIdempotentRequest, runIdempotently, type IdempotentResponseStore } from '../../../platform/idempotency.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { assertConsentFits, recordConsent, withdrawConsentsOfPerson } from '../../persons/index.ts';
import { assertServiceTakes, referrerVisibility, type ReferralVisibility } from '../core/referral-access.ts';
import {
  insertReferralEvent,
  listLinkedReferralIds,
  listReferralEvents,
  updateReferral,
  type ReferralEventRow,
  type ReferralRecord,
} from '../core/referral-record.queries.ts';
import { createReferralRecord, getRecord, type CreatedReferral, type NewReferral } from '../core/referral-record.service.ts';
import { deleteReferralDraftQuery } from '../drafts/draft.queries.ts';
import { escalateIfNobodyCanSee, seersOf } from '../deadlines/unseen-referral.ts';
import { applyReferralTransition, publishReferralChanges } from '../core/referral-transition.ts';
import { toReferrerSummary, toReferrerView, toServiceOption } from '../core/referral-views.ts';
import {
  findProgrammeServiceForReferrer,
  insertCreationReadQuery,
  isProgrammeServiceStillReferable,
  listProgrammesOfReferrer,
  listReferralsForReferrer as selectReferralsForReferrer,
  listServicesOfProgrammes,
  prepareProgrammeReferral,
  type PreparedProgrammeReferral,
} from './referring.queries.ts';

/** Use cases of the referring side (police, municipality): create, send, withdraw, follow up. */

type Deps = { db: Db; clock: Clock; cipher: FieldCipher };
type LiveDeps = Deps & { liveUpdates: LiveUpdates };

const REFERRER_LIST_LIMIT = 200;

export async function getReferralOptions(input: { db: Db; clock: Clock; actor: Actor }): Promise<ReferralOptions> {
  const programmes = await listProgrammesOfReferrer(input.db, { organisationId: input.actor.organisationId, now: input.clock.now() });
  const services = await listServicesOfProgrammes(input.db, programmes.map((programme) => programme.id));
  return {
    programmes: programmes.map((programme) => {
      const ofProgramme = services.filter((service) => service.programme_id === programme.id);
      return {
        id: programme.id,
        name: programme.name,
        services: ofProgramme.map(toServiceOption),
        routingRules: ofProgramme.map((service) => ({ serviceId: service.id, isFallback: service.is_fallback, isProposed: service.is_proposed })),
      };
    }),
    isPublicEmployee: input.actor.organisationKind === 'police_district' || input.actor.organisationKind === 'municipality',
  };
}

/**
 * Creates a referral (and, unless it is a draft, sends it).
 *
 * @idempotent Keyed by the client's Idempotency-Key per user; see platform/idempotency.ts for the flow. A retry
 * with the same key and body replays the first response byte for byte and creates nothing.
 */
export async function createReferral(input: LiveDeps & { actor: Actor; request: CreateReferralRequest; idempotencyKey: string }) {
  const outcome = await runIdempotently({
    ...input,
    userId: input.actor.userId,
    key: input.idempotencyKey,
    requestHash: hashReferralCreation(input.request),
    statusCode: 201,
    execute: (trx, store) => insertNewReferral({ ...input, trx, store }),
    // Parse through the response schema before storing: the stored (replayed) body is exactly what the schema allows.
    serialize: (result) => JSON.stringify(ReferralForReferrer.parse(result.view)),
  });
  if (!outcome.isReplay && outcome.result.view.status === 'sent') {
    await publishReferralChanges(input.liveUpdates, [{ serviceId: outcome.result.serviceId, referralId: outcome.result.view.id }]);
  }
  // A replay sends the person's name again: it is a read like any other, logged before it leaves (the first answer
  // was logged in its own transaction).
  if (outcome.isReplay && outcome.statusCode === 201) await logReplayedCreation(input, outcome.body);
  return { statusCode: outcome.statusCode, body: outcome.body, isReplay: outcome.isReplay };
}

/** The operation is part of the hash: a key reused for another kind of request is a mismatch, never a replay. */
export function hashReferralCreation(request: CreateReferralRequest): string {
  return hashIdempotentRequest({ operation: 'referral.create', body: request });
}

/**
 * The creation itself, in the transaction runIdempotently opened: one statement reads what it needs (the service,
 * the reference and event ids, reserved; whether anyone at the receiving service can see it), the rules
 * are checked here, and ONE statement writes the person, the consent, the referral and its events, deletes the form's
 * draft, logs the read the answer is (it carries the name the referrer entered) and stores the answer for replays;
 * then the audit entries are appended. The answer is built from what was written: nothing is read back. Only when
 * nobody at the receiving organisation can see the referral (a configuration error: it is escalated) is the answer
 * read back after the escalation's writes.
 */
async function insertNewReferral(input: Deps & { trx: Transaction<Database>; store: IdempotentResponseStore; actor: Actor; request: CreateReferralRequest }) {
  const { trx, actor, request, cipher } = input;
  const now = input.clock.now();
  const visibility = referrerVisibility(actor);
  const prepared = await prepareProgrammeReferral(trx, {
    programmeId: request.programmeId,
    serviceId: request.serviceId,
    referrerOrganisationId: actor.organisationId,
    now,
    seers: seersOf({ personRole: request.role }),
    linked: request.linkedReferralId ? { referralId: request.linkedReferralId, visibility } : null,
  });
  if (!prepared) throw new AppError('service_not_allowed');
  const service = prepared;
  await assertServiceTakes(service, personToPlace(request, now), () => listServicesOfProgrammes(trx, [request.programmeId]));
  if (request.consent) assertConsentFits(request.consent, service.organisation_id, now, 'body.consent');
  else if (request.send) throw new AppError('consent_required');
  // The incident of a referral the same organisation made: a linked referral is another party of that call-out.
  if (request.linkedReferralId && !prepared.linked_incident_id) throw new AppError('not_found');
  const incidentId = prepared.linked_incident_id ?? randomUUID();

  // The audit entries of this transaction are appended together, last.
  const auditTrail: AuditTrail = [];
  const answerOf = (created: CreatedReferral) => toReferrerView({ ...newReferralViewSource({ created, prepared, actor }), cipher });
  let answer: ReferralForReferrer | undefined;
  const created = await createReferralRecord({
    trx,
    clock: input.clock,
    cipher,
    auditTrail,
    reserved: { reference: prepared.reference, eventIds: prepared.event_ids },
    isSeenAtReceiver: Boolean(prepared.is_seen_at_receiver),
    isStillReferable: isProgrammeServiceStillReferable(trx, { programmeId: request.programmeId, serviceId: request.serviceId, referrerOrganisationId: actor.organisationId, now }),
    referral: newReferralOf({ request, actor, service, incidentId }),
    alsoWrite: (created) => {
      const writes = [
        // The form's draft has done its work: the referral now holds what it said (issue 11 §1).
        deleteReferralDraftQuery(trx, actor.userId),
        insertCreationReadQuery(trx, { occurredAt: now, userId: actor.userId, organisationId: actor.organisationId, referralId: created.referralId, personId: created.personId }),
      ];
      if (!prepared.is_seen_at_receiver) return writes;
      // Parse through the response schema before storing: the stored (replayed) body is exactly what the schema allows.
      answer = ReferralForReferrer.parse(answerOf(created));
      return [...writes, input.store.storeResponse(JSON.stringify(answer))];
    },
  });
  await appendAuditEntries(trx, auditTrail);
  const view = answer ?? (await buildReferrerView(trx, cipher, created.referralId, visibility));
  return { view, serviceId: service.id };
}

/** What the request asks for, under the programme's terms for the service. */
function newReferralOf(input: { request: CreateReferralRequest; actor: Actor; service: PreparedProgrammeReferral; incidentId: string }): NewReferral {
  const { request, actor, service, incidentId } = input;
  return {
  origin: { kind: 'programme', actor, programmeId: request.programmeId, incidentId, isLinked: Boolean(request.linkedReferralId) },
  person: request.person,
  consent: request.consent ?? null,
  service: {
    id: service.id,
    organisationId: service.organisation_id,
    terms: {
      programmeVersion: service.programme_version,
      firstContactDeadlineHours: service.first_contact_deadline_hours,
      highRiskDeadlineHours: service.high_risk_deadline_hours,
      maxContactAttempts: service.max_contact_attempts,
    },
  },
  personRole: request.role,
  riskLevel: request.riskLevel,
  situation: request.situation,
  contact: request.safeContact,
  childrenInHome: request.childrenInHome,
  underretning: request.underretning ?? null,
  send: request.send,
};
}

/**
 * The new referral as the referrer's view reads it, from what was just written and what the preparing read gave
 * (names of the service and organisations): the same shape as findReferralRecord and listReferralEvents return.
 */
function newReferralViewSource(input: { created: CreatedReferral; prepared: PreparedProgrammeReferral; actor: Actor }) {
  const { created, prepared, actor } = input;
  const { referral, person, consent } = created.rows;
  if (!person) throw new Error('a referral from a programme always writes its person');
  const record: ReferralRecord = {
    id: referral.id,
    reference: referral.reference,
    incident_id: referral.incident_id,
    person_id: created.personId,
    person_role: referral.person_role,
    source: referral.source,
    referring_organisation_id: referral.referring_organisation_id ?? null,
    programme_id: referral.programme_id ?? null,
    service_id: referral.service_id,
    receiving_organisation_id: referral.receiving_organisation_id,
    consent_id: created.consentId,
    status: referral.status,
    risk_level: referral.risk_level,
    situation_enc: referral.situation_enc ?? null,
    phone_enc: referral.phone_enc ?? null,
    is_safe_to_call: referral.is_safe_to_call,
    safe_times_enc: referral.safe_times_enc ?? null,
    other_way_to_reach_enc: referral.other_way_to_reach_enc ?? null,
    voicemail_allowed: referral.voicemail_allowed,
    sms_allowed: referral.sms_allowed,
    language: referral.language ?? null,
    interpreter_needed: referral.interpreter_needed,
    children_in_home: referral.children_in_home,
    unsuccessful_contact_attempts: 0,
    contact_attempt_count: 0,
    first_contact_at: null,
    due_at: referral.due_at,
    escalated_at: null,
    sent_at: referral.sent_at,
    received_at: null,
    created_at: referral.created_at,
    referring_organisation_name: actor.organisationName,
    receiving_organisation_name: prepared.organisation_name,
    service_name: prepared.name,
    service_first_contact_deadline_hours: prepared.first_contact_deadline_hours,
    service_high_risk_deadline_hours: prepared.high_risk_deadline_hours,
    service_max_contact_attempts: prepared.max_contact_attempts,
    last_event_at: referral.created_at,
    person_full_name_enc: person.full_name_enc,
    person_cpr_enc: person.cpr_enc,
    person_gender: person.gender,
    person_birth_year: person.birth_year,
    person_address_protection: person.address_protection,
    consent_recipient_organisation_id: consent?.recipient_organisation_id ?? null,
    // The consent names the receiving organisation (assertConsentFits).
    consent_recipient_organisation_name: consent ? prepared.organisation_name : null,
    consent_data_categories: consent?.data_categories ?? null,
    consent_method: consent?.method ?? null,
    consent_obtained_at: consent ? new Date(consent.obtained_at) : null,
    consent_withdrawn_at: null,
  };
  return { record, events: newReferralEvents(created, prepared, actor), linkedReferralIds: prepared.linked_referral_ids };
}

/** The events just written, as listReferralEvents returns them. */
function newReferralEvents(created: CreatedReferral, prepared: PreparedProgrammeReferral, actor: Actor): ReferralEventRow[] {
  return created.events.map((event) => ({
    id: event.id,
    action: event.action,
    occurred_at: created.rows.referral.created_at,
    to_status: event.to_status ?? null,
    actor_organisation_id: event.actor_organisation_id ?? null,
    organisation_name: actor.organisationName,
    decline_reason: null,
    declined_by: null,
    contact_outcome: null,
    closing_reason: null,
    from_service_name: null,
    to_service_name: event.to_service_id ? prepared.name : null,
    note_enc: event.note_enc ?? null,
  }));

}

async function logReplayedCreation(input: Deps & { actor: Actor }, body: string): Promise<void> {
  const referralId = ReferralForReferrer.pick({ id: true }).parse(JSON.parse(body)).id;
  const record = await getRecord(input.db, referralId, referrerVisibility(input.actor), false);
  await logReferrerRead(input, record.person_id, record.id, 'referral_creation');
}

/** What the request says of the person that decides which services take them; the age from a CPR before a birth year. */
function personToPlace(request: CreateReferralRequest, now: Date): PersonToPlace {
  const birthYear = request.person.cpr ? birthYearFromCpr(request.person.cpr) : request.person.birthYear;
  return { role: request.role, gender: request.person.gender, age: ageThisYear(birthYear, now) };
}

/** Sends a draft. The consent may come with the request if the draft was saved without one. */
export async function sendReferral(input: LiveDeps & { actor: Actor; referralId: string; consent?: ConsentInput | undefined }) {
  return changeAsReferrer(input, async (trx, record) => {
    if (record.status !== 'draft') throw new AppError('transition_not_allowed');
    if (record.programme_id !== null) {
      const isStillAllowed = await findProgrammeServiceForReferrer(trx, { programmeId: record.programme_id, serviceId: record.service_id, referrerOrganisationId: input.actor.organisationId, now: input.clock.now() });
      if (!isStillAllowed) throw new AppError('service_not_allowed');
    }
    const now = input.clock.now();
    let consentId = record.consent_id;
    if (input.consent) {
      assertConsentFits(input.consent, record.receiving_organisation_id, now, 'body.consent');
      consentId = await recordConsent({ trx, personId: record.person_id, consent: input.consent, obtainedBy: input.actor, now });
    } else {
      const hasActiveConsent = record.consent_id !== null && record.consent_withdrawn_at === null && record.consent_recipient_organisation_id === record.receiving_organisation_id;
      if (!hasActiveConsent) throw new AppError('consent_required');
    }
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'send' }, side: 'referrer', actor: input.actor, changes: { consent_id: consentId } });
    const referral = { id: record.id, receivingOrganisationId: record.receiving_organisation_id, personRole: PersonRole.parse(record.person_role), status: 'sent' as const, programmeId: record.programme_id };
    await escalateIfNobodyCanSee({ trx, cipher: input.cipher, now, referral });
  });
}

/** The referrer takes the referral back (e.g. the person changed their mind before the service called). */
export async function withdrawReferral(input: LiveDeps & { actor: Actor; referralId: string; note?: string | undefined }) {
  return changeAsReferrer(input, async (trx, record) => {
    const sealedNote = input.cipher.encryptOptional(input.note);
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'withdraw' }, side: 'referrer', actor: input.actor, sealedNote });
  });
}

/**
 * The person withdrew their consent. Data already passed on stays lawful, but sharing stops now: the receiver's
 * view loses every personal field, and the referral can no longer be rerouted (forvaltningsloven § 28, GDPR art. 7(3)).
 */
export async function withdrawConsent(input: LiveDeps & { actor: Actor; referralId: string }) {
  return changeAsReferrer(input, async (trx, record) => {
    if (record.consent_id === null) throw new AppError('conflict');
    if (record.consent_withdrawn_at !== null) throw new AppError('consent_withdrawn');
    const now = input.clock.now();
    const withdrawnConsentIds = await withdrawConsentsOfPerson({ trx, personId: record.person_id, withdrawnAt: now, withdrawnByUserId: input.actor.userId });
    await updateReferral(trx, record.id, { updated_at: now });
    await insertReferralEvent(trx, {
      referral_id: record.id,
      action: 'consent_withdrawn',
      from_status: record.status,
      to_status: null,
      actor_user_id: input.actor.userId,
      actor_organisation_id: input.actor.organisationId,
      occurred_at: now,
    });
    await appendAuditEntryBy(trx, input.actor, {
      occurredAt: now,
      action: 'referral.consent_withdrawn',
      objectType: 'referral',
      objectId: record.id,
      details: { consentId: record.consent_id, withdrawnConsentIds: withdrawnConsentIds.sort().join(',') },
    });
  });
}

/**
 * A change the referrer makes to one of their referrals, in one transaction on the locked referral; then, after
 * commit, the receiving inbox is told and the read of the answer (it carries the person's name) is logged.
 */
async function changeAsReferrer(input: LiveDeps & { actor: Actor; referralId: string }, change: (trx: Transaction<Database>, record: ReferralRecord) => Promise<void>) {
  const visibility = referrerVisibility(input.actor);
  const { view, serviceId, personId } = await input.db.transaction().execute(async (trx) => {
    const record = await getRecord(trx, input.referralId, visibility, true);
    await change(trx, record);
    return { view: await buildReferrerView(trx, input.cipher, record.id, visibility), serviceId: record.service_id, personId: record.person_id };
  });
  await publishReferralChanges(input.liveUpdates, [{ serviceId, referralId: view.id }]);
  await logReferrerRead(input, personId, view.id);
  return view;
}

/** "My referrals": newest first. Shows the names the referrer entered, so every line is access-logged. */
export async function listReferralsForReferrer(input: Deps & { actor: Actor }): Promise<ReferralSummaryForReferrer[]> {
  const rows = await selectReferralsForReferrer(input.db, { visibility: referrerVisibility(input.actor), limit: REFERRER_LIST_LIMIT });
  const now = input.clock.now();
  await recordAccess(
    input.db,
    rows.map((row) => ({
      occurredAt: now,
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: 'list' as const,
      objectType: 'referral',
      objectId: row.id,
      personId: row.person_id,
      purpose: 'referral_tracking' as const,
    })),
  );
  return rows.map((row) => toReferrerSummary(row, input.cipher));
}

export async function getReferralForReferrer(input: Deps & { actor: Actor; referralId: string }) {
  const visibility = referrerVisibility(input.actor);
  const record = await getRecord(input.db, input.referralId, visibility, false);
  const view = await buildReferrerViewOf(input.db, input.cipher, record, visibility);
  await logReferrerRead(input, record.person_id, record.id);
  return view;
}

/** Every referrer view carries the person's name: each one sent is an access-logged read. */
async function logReferrerRead(
  input: Deps & { actor: Actor },
  personId: string,
  referralId: string,
  purpose: 'referral_tracking' | 'referral_creation' = 'referral_tracking',
): Promise<void> {
  await recordAccess(input.db, [
    {
      occurredAt: input.clock.now(),
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: 'read',
      objectType: 'referral',
      objectId: referralId,
      personId,
      purpose,
    },
  ]);
}

async function buildReferrerView(db: Db, cipher: FieldCipher, referralId: string, visibility: ReferralVisibility) {
  return buildReferrerViewOf(db, cipher, await getRecord(db, referralId, visibility, false), visibility);
}

async function buildReferrerViewOf(db: Db, cipher: FieldCipher, record: ReferralRecord, visibility: ReferralVisibility) {
  const events = await listReferralEvents(db, record.id);
  const linkedReferralIds = await listLinkedReferralIds(db, { incidentId: record.incident_id, exceptReferralId: record.id, visibility });
  return toReferrerView({ record, events, linkedReferralIds, cipher });
}
