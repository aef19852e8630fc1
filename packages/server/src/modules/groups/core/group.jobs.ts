import { decideGroupMessage, isReconfirmationDue, reconfirmationDeadline, type GroupMessageType, type ReminderChannel, type ReminderDecision } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import { appendAuditEntry } from '../../../platform/audit-log.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { JobContext, JobDefinition, JobResult } from '../../../platform/jobs.ts';
import { enqueueMessage, type SendTimeCheck, type SendTimeChecks } from '../../messages/index.ts';
import { openSafeContact } from '../../courses/index.ts';
import {
  claimInvitation,
  claimMeetingReminder,
  findInvitationForCheck,
  findReminderForCheck,
  listMeetingRemindersDue,
  listParticipantsToInvite,
} from '../meetings/group-messages.queries.ts';
import {
  claimReconfirmationMessage,
  findReconfirmationForCheck,
  listEntriesDueForReconfirmation,
  listLapsingEntries,
  listReconfirmationsToSend,
  updateEntry,
} from '../waiting-list/waiting-list.queries.ts';

/**
 * What conversation groups send and keep on their own: the invitation to a place, a reminder before each meeting,
 * and the waiting list's reconfirmation (asked after the offer's set time, lapsed after the deadline). Every message
 * passes the person's safe-contact decision when queued and again when sent (the outbox's send-time check), and
 * names the group and time only — never another participant.
 */

const BATCH_SIZE = 200;
const REMINDER_WINDOW_MS = 24 * 3_600_000;

type Subject = { safe_contact_enc: string; offer_name: string; service_name: string };

function decide(cipher: FieldCipher, subject: Subject, type: GroupMessageType, startsAt: Date, now: Date) {
  const contact = openSafeContact(cipher, subject.safe_contact_enc);
  const availableChannels: ReminderChannel[] = [...(contact.phone ? (['sms'] as const) : []), ...(contact.email ? (['email'] as const) : [])];
  const decision = decideGroupMessage(contact.preferences, { type, startsAt, groupName: subject.offer_name, serviceName: subject.service_name, availableChannels }, now);
  const to = decision.send ? (decision.channel === 'sms' ? contact.phone : contact.email) : null;
  return { decision, to };
}

type Queued = { decision: Extract<ReminderDecision, { send: true }>; to: string };

async function queue(trx: Transaction<Database>, context: JobContext, input: Queued & { type: GroupMessageType; referenceType: 'group_participant' | 'group_meeting_reminder' | 'group_waiting_entry'; referenceId: string; objectId: string }) {
  const now = context.clock.now();
  const message = { template: input.type, channel: input.decision.channel, to: input.to, subject: input.decision.subject, text: input.decision.text, reference: { type: input.referenceType, id: input.referenceId } } as const;
  await enqueueMessage(trx, { cipher: context.cipher, now, message });
  await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: `group.send_${input.type}`, objectType: input.referenceType, objectId: input.objectId, details: { channel: input.decision.channel } });
}

export async function sendGroupInvitations(context: JobContext): Promise<number> {
  const now = context.clock.now();
  let queued = 0;
  for (const candidate of await listParticipantsToInvite(context.db, { now, limit: BATCH_SIZE })) {
    if (candidate.next_meeting_at === null) continue;
    const { decision, to } = decide(context.cipher, candidate, 'group_invitation', new Date(candidate.next_meeting_at), now);
    if (!decision.send || !to) continue; // tried again on the next run, until the first meeting has passed
    const isQueued = await context.db.transaction().execute(async (trx) => {
      if (!(await claimInvitation(trx, { participantId: candidate.id, now }))) return false;
      await queue(trx, context, { decision, to, type: 'group_invitation', referenceType: 'group_participant', referenceId: candidate.id, objectId: candidate.group_id });
      return true;
    });
    if (isQueued) queued += 1;
  }
  return queued;
}

export async function sendGroupMeetingReminders(context: JobContext): Promise<number> {
  const now = context.clock.now();
  let queued = 0;
  for (const candidate of await listMeetingRemindersDue(context.db, { from: now, until: new Date(now.getTime() + REMINDER_WINDOW_MS), limit: BATCH_SIZE })) {
    const { decision, to } = decide(context.cipher, candidate, 'group_meeting_reminder', candidate.starts_at, now);
    if (!decision.send || !to) continue;
    const isQueued = await context.db.transaction().execute(async (trx) => {
      const reminderId = await claimMeetingReminder(trx, { meetingId: candidate.meeting_id, participantId: candidate.participant_id, channel: decision.channel, now });
      if (!reminderId) return false;
      await queue(trx, context, { decision, to, type: 'group_meeting_reminder', referenceType: 'group_meeting_reminder', referenceId: reminderId, objectId: candidate.group_id });
      return true;
    });
    if (isQueued) queued += 1;
  }
  return queued;
}

/** Asks long-waiting entries to reconfirm, sends the question when it is safe, and lapses the unanswered ones. */
export async function keepGroupWaitingLists(context: JobContext): Promise<number> {
  const now = context.clock.now();
  let changed = 0;
  for (const entry of await listEntriesDueForReconfirmation(context.db, { now, limit: BATCH_SIZE })) {
    if (!isReconfirmationDue({ waitingSince: entry.waiting_since, reconfirmAfterDays: entry.reconfirm_after_days, now })) continue;
    await context.db.transaction().execute(async (trx) => {
      await updateEntry(trx, entry.id, { status: 'reconfirmation_requested', reconfirmation_requested_at: now, reconfirm_by: reconfirmationDeadline(now), reconfirmation_queued_at: null });
      await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'group_waiting_list.request_reconfirmation', objectType: 'group_offer', objectId: entry.offer_id, details: { entryId: entry.id } });
    });
    changed += 1;
  }
  for (const entry of await listLapsingEntries(context.db, { now, limit: BATCH_SIZE })) {
    await context.db.transaction().execute(async (trx) => {
      await updateEntry(trx, entry.id, { status: 'lapsed', ended_at: now, reconfirm_by: null });
      await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'group_waiting_list.lapse', objectType: 'group_offer', objectId: entry.offer_id, details: { entryId: entry.id } });
    });
    changed += 1;
  }
  for (const entry of await listReconfirmationsToSend(context.db, { limit: BATCH_SIZE })) {
    if (!entry.reconfirm_by) continue;
    const { decision, to } = decide(context.cipher, entry, 'group_reconfirmation', entry.reconfirm_by, now);
    if (!decision.send || !to) continue;
    await context.db.transaction().execute(async (trx) => {
      if (await claimReconfirmationMessage(trx, { entryId: entry.id, now })) await queue(trx, context, { decision, to, type: 'group_reconfirmation', referenceType: 'group_waiting_entry', referenceId: entry.id, objectId: entry.id });
    });
    changed += 1;
  }
  return changed;
}

/** The send-time check: deciding again now gives the same channel, address and words; anything else cancels. */
function checkAgainst(type: GroupMessageType, find: (trx: Transaction<Database>, id: string, now: Date) => Promise<(Subject & { at: Date | null }) | undefined>): SendTimeCheck {
  return async ({ trx, cipher, now, message }) => {
    const subject = await find(trx, message.referenceId, now);
    if (!subject?.at) return false;
    const { decision, to } = decide(cipher, subject, type, subject.at, now);
    return decision.send && decision.channel === message.channel && to === message.to && decision.text === message.text;
  };
}

export const groupMessageChecks: SendTimeChecks = {
  group_invitation: checkAgainst('group_invitation', async (trx, id, now) => {
    const row = await findInvitationForCheck(trx, { participantId: id, now });
    return row && { ...row, at: row.next_meeting_at === null ? null : new Date(row.next_meeting_at) };
  }),
  group_meeting_reminder: checkAgainst('group_meeting_reminder', async (trx, id) => {
    const row = await findReminderForCheck(trx, id);
    return row && { ...row, at: row.starts_at };
  }),
  group_reconfirmation: checkAgainst('group_reconfirmation', async (trx, id) => {
    const row = await findReconfirmationForCheck(trx, id);
    return row && { ...row, at: row.reconfirm_by };
  }),
};

const asResult = (count: number): JobResult => (count > 0 ? 'done' : 'skipped');

export const groupJobs: JobDefinition[] = [
  { name: 'send-group-messages', cron: '*/10 * * * *', handler: async (context) => asResult((await sendGroupInvitations(context)) + (await sendGroupMeetingReminders(context))) },
  { name: 'keep-group-waiting-lists', cron: '7 * * * *', handler: async (context) => asResult(await keepGroupWaitingLists(context)) },
];
