import { linesThatSee, listRolesWithPermission, type PersonRole, type ReferralStatus } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import { appendAuditEntry, type AuditEntry, type AuditTrail } from '../../../platform/audit-log.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { enqueueMessage } from '../../messages/index.ts';
import { insertReferralEvent } from '../core/referral-record.queries.ts';
import { insertNotifications } from '../notifications/notification.queries.ts';
import { listActiveMembersWithRoles, listActivePlatformAdmins, listActiveProgrammeManagers, markReferralEscalatedNow } from './deadline.queries.ts';

/** Neutral, like every mail from Bro: no personal data, nothing about what the service is for. */
const UNSEEN_MAIL = {
  subject: 'Besked fra Bro',
  text: 'Der er kommet en henvisning i Bro, som ingen hos jer kan tage imod lige nu. Log ind i Bro for at se, hvad der skal til.',
} as const;

type SentReferral = { id: string; receivingOrganisationId: string; personRole: PersonRole; status: ReferralStatus; programmeId: string | null };

/**
 * A referral must never wait where nobody can see it. When one is sent (or rerouted) to an organisation where no
 * active member who takes referrals works a line that sees the person, it is escalated at once, by reference: to
 * the programme's managers (who answer for the programme's routing), and to the organisation's admins (who can
 * appoint someone), or, if it has none, to the platform admins. Nobody escalated to can read the referral; the mail
 * says only to log in. In the sender's transaction, so a rolled-back send escalates nothing. True if it escalated.
 */
export async function escalateIfNobodyCanSee(input: { trx: Transaction<Database>; cipher: FieldCipher; now: Date; referral: SentReferral; auditTrail?: AuditTrail | undefined }): Promise<boolean> {
  const { trx, now, referral } = input;
  const seers = await listActiveMembersWithRoles(trx, { organisationId: referral.receivingOrganisationId, ...seersOf(referral) });
  if (seers.length > 0) return false;
  const admins = await listActiveMembersWithRoles(trx, { organisationId: referral.receivingOrganisationId, roles: listRolesWithPermission('services:manage') });
  const managers = referral.programmeId === null ? [] : await listActiveProgrammeManagers(trx, referral.programmeId);
  const organisationSide = admins.length > 0 ? admins : await listActivePlatformAdmins(trx);
  // One notice per person, even if a manager is also one of the admins.
  const recipients = [...new Map([...managers, ...organisationSide].map((recipient) => [recipient.user_id, recipient])).values()];

  await markReferralEscalatedNow(trx, { referralId: referral.id, now });
  await insertReferralEvent(trx, { referral_id: referral.id, action: 'escalate', from_status: referral.status, to_status: referral.status, actor_user_id: null, actor_organisation_id: null, occurred_at: now });
  await insertNotifications(trx, recipients.map((recipient) => ({ userId: recipient.user_id, kind: 'referral_unseen', referralId: referral.id, createdAt: now })));
  for (const recipient of recipients) {
    await enqueueMessage(trx, { cipher: input.cipher, now, message: { template: 'referral_unseen', channel: 'email', to: recipient.email, ...UNSEEN_MAIL } });
  }
  const entry = escalationAuditEntry(referral.id, now, {
    reason: 'nobody_can_see',
    notifiedUsers: recipients.length,
    notifiedProgrammeManagers: managers.length,
    notified: admins.length > 0 ? 'organisation_admins' : 'platform_admins',
  });
  if (input.auditTrail) input.auditTrail.push(entry);
  else await appendAuditEntry(trx, entry);
  return true;
}

/** Who at the receiving organisation can see a referral of this person role: the roles and lines {@link escalateIfNobodyCanSee} checks. */
export function seersOf(referral: { personRole: PersonRole }): { roles: readonly string[]; serviceLines: readonly string[] } {
  return { roles: listRolesWithPermission('referral:intake'), serviceLines: linesThatSee(referral.personRole) };
}

/** An escalation is the platform's own act (no actor), on one referral; the details are ids, codes and counts. */
export function escalationAuditEntry(referralId: string, now: Date, details: AuditEntry['details']): AuditEntry {
  return { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'referral.escalate', objectType: 'referral', objectId: referralId, details };
}
