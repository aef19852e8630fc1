import {
  CommunityMeetingStatus,
  composeCommunityMeetingMessage,
  copenhagenDateAndTime,
  hasPermission,
  instantOfCopenhagenTime,
  Role,
  type CommunityMeeting,
  type CommunityMeetingFacilitator,
  type CommunityMeetingPlan,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { enqueueMessage } from '../messages/index.ts';
import {
  countSignUps,
  findOwnMeeting,
  insertMeeting,
  listFacilitatorsOf,
  listMembersWithRoles,
  listOwnMeetings,
  listRegisteredSignUps,
  replaceFacilitators,
  setMeetingStatus,
  updateMeeting,
  type CommunityMeetingRow,
  type MeetingValues,
} from './community-meeting.queries.ts';

/**
 * Planning community meetings (`community_meetings:manage`): the host organisation's meetings only — another
 * organisation's meeting answers 404, like one that does not exist. Every change is audited in its transaction with
 * field names and counts only (never the theme, the address or a name).
 */

type Trx = Transaction<Database>;

/** Roles that may facilitate (the `facilitator` role and counsellors): read from the matrix, never listed here. */
const FACILITATING_ROLES = Role.options.filter((role) => hasPermission(role, 'community_meetings:facilitate'));

/** The sign-up's stored contact: one way to reach the person, sealed as one field. */
const StoredContact = z.discriminatedUnion('kind', [z.object({ kind: z.literal('email'), email: z.string() }), z.object({ kind: z.literal('phone'), phone: z.string() })]);

/** Rows to the API shape, with facilitators and registered counts read in two queries for the whole list. */
export async function toMeetings(db: Db, cipher: FieldCipher, rows: readonly CommunityMeetingRow[]): Promise<CommunityMeeting[]> {
  const ids = rows.map((row) => row.id);
  const [facilitators, counts] = await Promise.all([listFacilitatorsOf(db, ids), countSignUps(db, ids)]);
  return rows.map((row) => {
    const start = copenhagenDateAndTime(row.starts_at);
    const hasReport = row.reported_at !== null;
    return {
      id: row.id,
      theme: row.theme,
      city: row.city,
      date: start.date,
      startTime: start.time,
      endTime: copenhagenDateAndTime(row.ends_at).time,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      placeName: row.place_name,
      address: cipher.decrypt(row.address_enc),
      isAddressPublic: row.is_address_public,
      capacity: row.capacity,
      description: row.description,
      status: CommunityMeetingStatus.parse(row.status),
      facilitators: facilitators.filter((entry) => entry.meeting_id === row.id).map((entry) => ({ membershipId: entry.membership_id, displayName: entry.display_name })),
      signUpCount: counts.get(row.id) ?? 0,
      report: hasReport
        ? {
            headCount: row.head_count ?? 0,
            referralCount: row.referral_count ?? 0,
            themesRaised: cipher.decryptOptional(row.themes_raised_enc) ?? '',
            note: cipher.decryptOptional(row.report_note_enc) ?? '',
          }
        : null,
    };
  });
}

export async function listCommunityMeetings(input: { db: Db; cipher: FieldCipher; actor: Actor }): Promise<CommunityMeeting[]> {
  return toMeetings(input.db, input.cipher, await listOwnMeetings(input.db, input.actor));
}

export async function getCommunityMeeting(input: { db: Db; cipher: FieldCipher; actor: Actor; meetingId: string }): Promise<CommunityMeeting> {
  const row = await findOwnMeeting(input.db, { meetingId: input.meetingId, organisationId: input.actor.organisationId, serviceLine: input.actor.serviceLine });
  if (!row) throw new AppError('not_found');
  const [meeting] = await toMeetings(input.db, input.cipher, [row]);
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

/** Who the host may pick as facilitators: active members of the organisation whose role may facilitate. */
export async function listFacilitatorOptions(input: { db: Db; actor: Actor }): Promise<CommunityMeetingFacilitator[]> {
  const members = await listMembersWithRoles(input.db, { organisationId: input.actor.organisationId, serviceLine: input.actor.serviceLine, roles: FACILITATING_ROLES });
  return members.map((member) => ({ membershipId: member.membership_id, displayName: member.display_name }));
}

type PlanInput = { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; plan: CommunityMeetingPlan };

/** Plans a meeting of the actor's organisation. 422 when it starts in the past or a facilitator may not facilitate. */
export async function planCommunityMeeting(input: PlanInput): Promise<CommunityMeeting> {
  const { actor, plan } = input;
  const now = input.clock.now();
  const meetingId = await input.db.transaction().execute(async (trx) => {
    const values = await checkPlan(trx, input);
    const id = await insertMeeting(trx, { ...values, organisation_id: actor.organisationId, service_line: actor.serviceLine, now });
    await replaceFacilitators(trx, id, plan.facilitatorMembershipIds);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'community_meeting.plan',
      objectType: 'community_meeting',
      objectId: id,
      details: { facilitators: plan.facilitatorMembershipIds.length, capacity: plan.capacity, isAddressPublic: plan.isAddressPublic },
    });
    return id;
  });
  return getCommunityMeeting({ ...input, meetingId });
}

/** Replaces a planned meeting's plan. 409 once it is cancelled or held; 422 when the capacity is below the sign-ups. */
export async function changeCommunityMeeting(input: PlanInput & { meetingId: string }): Promise<CommunityMeeting> {
  const { actor, plan } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await findOwnMeeting(trx, { meetingId: input.meetingId, organisationId: actor.organisationId, serviceLine: actor.serviceLine, isForUpdate: true });
    if (!current) throw new AppError('not_found');
    if (current.status !== 'planned') throw new AppError('transition_not_allowed');
    const values = await checkPlan(trx, input);
    const registered = (await countSignUps(trx, [current.id])).get(current.id) ?? 0;
    if (plan.capacity < registered) throw fieldError('capacity', 'below_sign_ups');
    await updateMeeting(trx, current.id, { ...values, now });
    await replaceFacilitators(trx, current.id, plan.facilitatorMembershipIds);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'community_meeting.change',
      objectType: 'community_meeting',
      objectId: current.id,
      details: { facilitators: plan.facilitatorMembershipIds.length, capacity: plan.capacity, isAddressPublic: plan.isAddressPublic },
    });
  });
  return getCommunityMeeting(input);
}

/**
 * Cancels a planned meeting. Everyone registered who let us write to them is told through the outbox, in the same
 * transaction, with a neutral text (a time, never the theme or the host).
 */
export async function cancelCommunityMeeting(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; meetingId: string }): Promise<CommunityMeeting> {
  const { actor, cipher } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await findOwnMeeting(trx, { meetingId: input.meetingId, organisationId: actor.organisationId, serviceLine: actor.serviceLine, isForUpdate: true });
    if (!current) throw new AppError('not_found');
    if (current.status === 'cancelled') return;
    if (current.status !== 'planned') throw new AppError('transition_not_allowed');
    await setMeetingStatus(trx, { meetingId: current.id, status: 'cancelled', now });
    let told = 0;
    for (const signUp of await listRegisteredSignUps(trx, current.id)) {
      if (!signUp.may_message || !signUp.contact_enc) continue;
      const contact = StoredContact.parse(JSON.parse(cipher.decrypt(signUp.contact_enc)));
      const words = composeCommunityMeetingMessage({ type: 'cancelled', startsAt: current.starts_at, address: '', language: signUp.language === 'da' ? 'da' : 'en' });
      const message =
        contact.kind === 'email'
          ? { template: 'community_meeting_cancelled' as const, channel: 'email' as const, to: contact.email, ...words }
          : { template: 'community_meeting_cancelled' as const, channel: 'sms' as const, to: contact.phone, text: words.text };
      await enqueueMessage(trx, { cipher, now, message });
      told += 1;
    }
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'community_meeting.cancel', objectType: 'community_meeting', objectId: current.id, details: { messagesQueued: told } });
  });
  return getCommunityMeeting(input);
}

function fieldError(field: string, message: string): AppError {
  return new AppError('validation_failed', [{ path: `body.${field}`, message }]);
}

/** The plan as columns: times to instants in Danish time, the address sealed; facilitators must be able to facilitate. */
async function checkPlan(trx: Trx, input: PlanInput): Promise<MeetingValues> {
  const { plan, cipher } = input;
  const startsAt = instantOfCopenhagenTime(plan.date, plan.startTime);
  const endsAt = instantOfCopenhagenTime(plan.date, plan.endTime);
  if (startsAt.getTime() <= input.clock.now().getTime()) throw fieldError('date', 'in_past');
  const allowed = new Set((await listMembersWithRoles(trx, { organisationId: input.actor.organisationId, serviceLine: input.actor.serviceLine, roles: FACILITATING_ROLES })).map((member) => member.membership_id));
  if (plan.facilitatorMembershipIds.some((id) => !allowed.has(id))) throw fieldError('facilitatorMembershipIds', 'not_a_facilitator');
  return {
    theme: plan.theme,
    city: plan.city,
    starts_at: startsAt,
    ends_at: endsAt,
    place_name: plan.placeName,
    address_enc: cipher.encrypt(plan.address),
    is_address_public: plan.isAddressPublic,
    capacity: plan.capacity,
    description: plan.description,
  };
}
