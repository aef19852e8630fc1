import { AddressProtection, isSameSafetyPlan, SafetyPlanContent, safetyPlanForPrint, type SavedSafetyPlan, type SafetyPlanVersionView, type SafetyPlanView, type SaveSafetyPlanRequest } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { auditCourse, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { renderPrintDocument, type PrintLanguage } from '../core/print-document.ts';
import { renderSafetyPlan } from './safety-plan.render.ts';
import { findLatestSafetyPlanVersionNumber, findSafetyPlanVersion, insertSafetyPlanVersion, listSafetyPlanVersions, type SafetyPlanVersionRow } from './safety-plan.queries.ts';

/**
 * The safety plan: every save that changes it is a new version (old ones kept and readable); a save that changes
 * nothing answers the latest unchanged. Printable without protected addresses.
 */

function toVersionView(row: SafetyPlanVersionRow, cipher: FieldCipher): SafetyPlanVersionView {
  return {
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: { userId: row.created_by_user_id, displayName: row.created_by_display_name },
    content: SafetyPlanContent.parse(JSON.parse(cipher.decrypt(row.content_enc))),
  };
}

async function planViewOf(db: Db, cipher: FieldCipher, courseId: string): Promise<SafetyPlanView> {
  const [current, versions] = await Promise.all([findSafetyPlanVersion(db, { courseId }), listSafetyPlanVersions(db, courseId)]);
  return {
    current: current ? toVersionView(current, cipher) : null,
    versions: versions.map((version) => ({ version: version.version, createdAt: version.created_at.toISOString(), createdBy: { userId: version.created_by_user_id, displayName: version.created_by_display_name } })),
  };
}

export async function getSafetyPlan(input: CourseDeps & { actor: Actor; courseId: string }): Promise<SafetyPlanView> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const view = await planViewOf(input.db, input.cipher, row.id);
  if (view.current) await logCourseReads(input.db, { actor: input.actor, now, entries: [{ objectType: 'safety_plan', objectId: `${row.id}:${view.current.version}`, personId: row.person_id }] });
  return view;
}

export async function getSafetyPlanVersion(input: CourseDeps & { actor: Actor; courseId: string; version: number }): Promise<SafetyPlanVersionView> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const version = await findSafetyPlanVersion(input.db, { courseId: row.id, version: input.version });
  if (!version) throw new AppError('not_found');
  await logCourseReads(input.db, { actor: input.actor, now, entries: [{ objectType: 'safety_plan', objectId: `${row.id}:${version.version}`, personId: row.person_id }] });
  return toVersionView(version, input.cipher);
}

/**
 * Saves a new version. `basedOnVersion` must be the latest: two counsellors editing at once must not overwrite
 * each other's work silently, so the second save answers 409 and reloads. A plan the same as the latest makes no
 * version (nor an audit entry): the answer says it was unchanged.
 */
export async function saveSafetyPlan(input: CourseDeps & { actor: Actor; courseId: string; request: SaveSafetyPlanRequest }): Promise<SavedSafetyPlan> {
  return withCourseForChange(input, input.actor, input.courseId, 'update_safety_plan', async (trx, row) => {
    const now = input.clock.now();
    const latest = await findLatestSafetyPlanVersionNumber(trx, row.id);
    if (input.request.basedOnVersion !== latest) throw new AppError('conflict', [{ path: 'body.basedOnVersion', message: 'stale_version' }]);
    const latestRow = latest === null ? undefined : await findSafetyPlanVersion(trx, { courseId: row.id, version: latest });
    if (latestRow && isSameSafetyPlan(toVersionView(latestRow, input.cipher).content, input.request.content)) {
      await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'safety_plan', objectId: `${row.id}:${latestRow.version}`, personId: row.person_id }] });
      return { ...(await planViewOf(trx, input.cipher, row.id)), isUnchanged: true };
    }
    const version = (latest ?? 0) + 1;
    const contentEnc = input.cipher.encrypt(JSON.stringify(input.request.content));
    const isSaved = await insertSafetyPlanVersion(trx, { course_id: row.id, version, content_enc: contentEnc, created_by_user_id: input.actor.userId, created_at: now });
    if (!isSaved) throw new AppError('conflict', [{ path: 'body.basedOnVersion', message: 'stale_version' }]);
    await auditCourse(trx, { actor: input.actor, now, action: 'course.save_safety_plan', courseId: row.id, details: { version } });
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'safety_plan', objectId: `${row.id}:${version}`, personId: row.person_id }] });
    return { ...(await planViewOf(trx, input.cipher, row.id)), isUnchanged: false };
  });
}

/** The current plan as a print-styled page. Logged as a print; addresses left out whenever they might be protected. */
export async function printSafetyPlan(input: CourseDeps & { actor: Actor; courseId: string; lang: PrintLanguage; version?: number | undefined }): Promise<string> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const version = await findSafetyPlanVersion(input.db, { courseId: row.id, ...(input.version === undefined ? {} : { version: input.version }) });
  if (!version) throw new AppError('not_found');
  const view = toVersionView(version, input.cipher);
  const printable = safetyPlanForPrint(view.content, AddressProtection.parse(row.address_protection));
  await logCourseReads(input.db, { actor: input.actor, now, action: 'print', entries: [{ objectType: 'safety_plan', objectId: `${row.id}:${version.version}`, personId: row.person_id }] });
  return renderPrintDocument({
    lang: input.lang,
    title: input.lang === 'da' ? 'Min plan' : 'My plan',
    body: renderSafetyPlan({ lang: input.lang, content: printable.content, hiddenAddresses: printable.hiddenAddresses, version: view.version, savedAt: view.createdAt, reference: row.reference }),
  });
}
