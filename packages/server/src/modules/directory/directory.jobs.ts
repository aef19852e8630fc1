import { checkedBeforeIsDue, listRolesWithPermission } from '@bro/domain';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import type { JobContext, JobDefinition, JobResult } from '../../platform/jobs.ts';
import { claimCheckReminder, insertCheckDueNotifications, listActiveMemberIds, listServicesDueForCheck } from './directory.queries.ts';

/** Listings handled per run; tomorrow's run takes the rest. */
const BATCH_SIZE = 500;

/**
 * Listings that no one has confirmed for six months may be wrong (a closed service, a changed phone number), and a
 * person in danger acts on them. Each day: for every such listing, tell those in its organisation who keep the
 * listings, every role holding `directory:manage` (a `directory_check_due` notification in Bro). Idempotent per
 * listing per calendar month: the reminder ledger's primary key lets exactly one run claim a (listing, month);
 * marking the listing checked ends the reminders.
 */
export async function remindDirectoryChecks(context: JobContext): Promise<JobResult> {
  const now = context.clock.now();
  const period = now.toISOString().slice(0, 7);
  const due = await listServicesDueForCheck(context.db, { checkedBefore: checkedBeforeIsDue(now), period, limit: BATCH_SIZE });
  // From the matrix, not a role name: whoever may fix a listing is whoever is told it is due.
  const keeperRoles = listRolesWithPermission('directory:manage');
  let remindedCount = 0;
  for (const service of due) {
    const isReminded = await context.db.transaction().execute(async (trx) => {
      const keeperIds = await listActiveMemberIds(trx, { organisationId: service.organisation_id, roles: keeperRoles });
      if (!(await claimCheckReminder(trx, { serviceId: service.id, period, notifiedUsers: keeperIds.length, now }))) return false;
      await insertCheckDueNotifications(trx, { userIds: keeperIds, now });
      await appendAuditEntry(trx, {
        occurredAt: now,
        actorUserId: null,
        actorOrganisationId: null,
        action: 'directory_service.check_reminder',
        objectType: 'directory_service',
        objectId: service.id,
        details: { period, notifiedUsers: keeperIds.length },
      });
      return true;
    });
    if (isReminded) remindedCount += 1;
  }
  return remindedCount > 0 ? 'done' : 'skipped';
}

export const directoryJobs: JobDefinition[] = [{ name: 'remind-directory-checks', cron: '15 6 * * *', handler: remindDirectoryChecks }];
