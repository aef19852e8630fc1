import type { AccessHistoryExtract, ProduceAccessHistoryRequest } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { findAccessHistoryExtract, insertAccessHistoryExtract, listAccessEntriesOfPerson, type AccessEntryRow } from './access-history.queries.ts';
import { renderAccessHistory } from './access-history.render.ts';
import { auditCourse, getVisibleCourse, logCourseReads, type CourseDeps } from '../core/course.service.ts';
import { renderPrintDocument, type PrintLanguage } from '../core/print-document.ts';

/**
 * "Who looked at my data" (GDPR Art. 15, CJEU C-579/21): for the person of a course, every logged read of their
 * data — when, by which organisation, why. Staff names are hidden unless the request carries a justification,
 * which is recorded. Producing the extract is itself audited and access-logged (and so shows in the next extract).
 */

/** A person's history is rarely long; a cap keeps one request bounded, and the extract says when it was cut. */
const MAX_ENTRIES = 5_000;

type Built = { entries: AccessEntryRow[]; isTruncated: boolean };

async function entriesUntil(db: Db, personId: string, until: Date): Promise<Built> {
  const rows = await listAccessEntriesOfPerson(db, { personId, until, limit: MAX_ENTRIES });
  return { entries: rows.slice(0, MAX_ENTRIES), isTruncated: rows.length > MAX_ENTRIES };
}

function toExtract(input: {
  id: string;
  producedAt: Date;
  producedBy: { userId: string; displayName: string };
  organisationName: string;
  personLabel: string;
  includesStaffNames: boolean;
  built: Built;
}): AccessHistoryExtract {
  const groups = new Map<string, { organisationName: string; purpose: string; count: number; firstAt: Date; lastAt: Date }>();
  for (const entry of input.built.entries) {
    const organisationName = entry.organisation_name ?? '–';
    const key = `${organisationName}\u0000${entry.purpose}`;
    const group = groups.get(key) ?? { organisationName, purpose: entry.purpose, count: 0, firstAt: entry.occurred_at, lastAt: entry.occurred_at };
    group.count += 1;
    if (entry.occurred_at < group.firstAt) group.firstAt = entry.occurred_at;
    if (entry.occurred_at > group.lastAt) group.lastAt = entry.occurred_at;
    groups.set(key, group);
  }
  const collator = new Intl.Collator('da');
  return {
    id: input.id,
    producedAt: input.producedAt.toISOString(),
    producedBy: input.producedBy,
    producedByOrganisationName: input.organisationName,
    personLabel: input.personLabel,
    includesStaffNames: input.includesStaffNames,
    isTruncated: input.built.isTruncated,
    summary: [...groups.values()]
      .sort((a, b) => collator.compare(a.organisationName, b.organisationName) || collator.compare(a.purpose, b.purpose))
      .map((group) => ({ ...group, firstAt: group.firstAt.toISOString(), lastAt: group.lastAt.toISOString() })),
    entries: input.built.entries.map((entry) => ({
      at: entry.occurred_at.toISOString(),
      organisationName: entry.organisation_name ?? '–',
      purpose: entry.purpose,
      action: entry.action,
      staffName: input.includesStaffNames ? (entry.user_display_name ?? null) : null,
    })),
  };
}

export async function produceAccessHistory(input: CourseDeps & { actor: Actor; courseId: string; request: ProduceAccessHistoryRequest }): Promise<AccessHistoryExtract> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const { includeStaffNames, justification } = input.request;
  return input.db.transaction().execute(async (trx) => {
    const built = await entriesUntil(trx, row.person_id, now);
    const extractId = await insertAccessHistoryExtract(trx, {
      person_id: row.person_id,
      course_id: row.id,
      organisation_id: input.actor.organisationId,
      produced_by_user_id: input.actor.userId,
      produced_at: now,
      includes_staff_names: includeStaffNames,
      justification_enc: includeStaffNames ? input.cipher.encryptOptional(justification) : null,
    });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.produce_access_history', courseId: row.id, details: { extractId, personId: row.person_id, includesStaffNames: includeStaffNames, entries: built.entries.length } });
    await logCourseReads(trx, { actor: input.actor, now, action: 'export', purpose: 'access_history_extract', entries: [{ objectType: 'access_history', objectId: extractId, personId: row.person_id }] });
    return toExtract({
      id: extractId,
      producedAt: now,
      producedBy: { userId: input.actor.userId, displayName: input.actor.displayName },
      organisationName: input.actor.organisationName,
      personLabel: input.cipher.decrypt(row.client_label_enc),
      includesStaffNames: includeStaffNames,
      built,
    });
  });
}

/**
 * The printable document of an extract already produced: the same entries (up to the moment it was produced) and
 * the same choice about staff names. Printing is logged as a print.
 */
export async function printAccessHistory(input: CourseDeps & { actor: Actor; courseId: string; extractId: string; lang: PrintLanguage }): Promise<string> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const extract = await findAccessHistoryExtract(input.db, { extractId: input.extractId, courseId: row.id, organisationId: input.actor.organisationId });
  if (!extract) throw new AppError('not_found');
  const built = await entriesUntil(input.db, extract.person_id, extract.produced_at);
  await logCourseReads(input.db, { actor: input.actor, now, action: 'print', purpose: 'access_history_extract', entries: [{ objectType: 'access_history', objectId: extract.id, personId: extract.person_id }] });
  const view = toExtract({
    id: extract.id,
    producedAt: extract.produced_at,
    producedBy: { userId: extract.produced_by_user_id, displayName: extract.produced_by_display_name },
    organisationName: extract.organisation_name,
    personLabel: input.cipher.decrypt(row.client_label_enc),
    includesStaffNames: extract.includes_staff_names,
    built,
  });
  return renderPrintDocument({ lang: input.lang, title: input.lang === 'da' ? 'Indsigt i logning' : 'Access record', body: renderAccessHistory({ lang: input.lang, extract: view }) });
}
