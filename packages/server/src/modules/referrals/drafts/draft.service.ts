import { ReferralFormStep, type ReferralDraft, type ReferralDraftSaved, type SaveReferralDraftRequest } from '@bro/domain';
import { z } from 'zod';
import type { Db } from '../../../db/tables.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { deleteReferralDraft, findReferralDraft, upsertReferralDraft } from './draft.queries.ts';

/**
 * The referral an officer is writing, kept on the server as they go (issue 11 §1): sealed as one encrypted field,
 * visible only to its author, gone 24 hours after the last save (refused on read, deleted by the purge job), and
 * deleted when the referral is created. The browser keeps nothing.
 */

type Deps = { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor };

const DRAFT_LIFETIME_MS = 24 * 3_600_000;

/** What is sealed: the form's values and the furthest step reached. */
const SealedDraft = z.object({ values: z.record(z.string(), z.unknown()), reachedStep: ReferralFormStep });

export async function saveReferralDraft(input: Deps & { draft: SaveReferralDraftRequest }): Promise<ReferralDraftSaved> {
  const now = input.clock.now();
  const expiresAt = new Date(now.getTime() + DRAFT_LIFETIME_MS);
  await input.db.transaction().execute(async (trx) => {
    const valuesEnc = input.cipher.encrypt(JSON.stringify({ values: input.draft.values, reachedStep: input.draft.reachedStep }));
    await upsertReferralDraft(trx, { author_user_id: input.actor.userId, values_enc: valuesEnc, updated_at: now, expires_at: expiresAt });
    // Identifiers only: what the draft says stays sealed.
    await appendAuditEntryBy(trx, input.actor, { occurredAt: now, action: 'referral_draft.save', objectType: 'referral_draft', objectId: input.actor.userId, details: { reachedStep: input.draft.reachedStep } });
  });
  return { updatedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** The caller's own draft; `not_found` when there is none or it has expired. */
export async function getReferralDraft(input: Deps): Promise<ReferralDraft> {
  const row = await findReferralDraft(input.db, { authorUserId: input.actor.userId, now: input.clock.now() });
  if (!row) throw new AppError('not_found');
  const sealed = SealedDraft.parse(JSON.parse(input.cipher.decrypt(row.values_enc)));
  return { ...sealed, updatedAt: row.updated_at.toISOString(), expiresAt: row.expires_at.toISOString() };
}

/** The officer starts afresh (or sent the referral). Deleting nothing is not an error: the result is the same. */
export async function discardReferralDraft(input: Deps): Promise<void> {
  await input.db.transaction().execute(async (trx) => {
    const isDeleted = await deleteReferralDraft(trx, input.actor.userId);
    if (isDeleted) await appendAuditEntryBy(trx, input.actor, { occurredAt: input.clock.now(), action: 'referral_draft.discard', objectType: 'referral_draft', objectId: input.actor.userId });
  });
}
