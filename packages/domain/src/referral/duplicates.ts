import { z } from 'zod';
import { name } from '../common/text.ts';
import { Cpr } from './Referral.ts';

/**
 * Possible duplicates (mulige dubletter): the same person referred twice by the same organisation to the same
 * programme within {@link POSSIBLE_DUPLICATE_WINDOW_DAYS} days. The same person means the same CPR number (compared
 * by its keyed hash, never decrypted), or, without it, the same name and birth year.
 */
export const POSSIBLE_DUPLICATE_WINDOW_DAYS = 30;

/**
 * A name as compared for duplicates: case, accents' composed or decomposed form and spacing do not make two names
 * different ("Mette  Hansen" = "mette hansen"). Spelling does: this is a hint to check, not a match to trust.
 */
export function normalisePersonName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}

/** `POST /api/referrals/duplicate-check`: what the referring officer has typed so far. */
export const DuplicateCheckRequest = z.strictObject({
  programmeId: z.uuid(),
  cpr: Cpr.optional(),
  fullName: name({ max: 200 }).min(1),
  birthYear: z.number().int().min(1900).max(2100).optional(),
});
export type DuplicateCheckRequest = z.infer<typeof DuplicateCheckRequest>;

/** A referral the caller may already see that could be about the same person: no personal data, only where it went. */
export const PossibleDuplicate = z.object({ reference: z.string(), createdAt: z.iso.datetime({ offset: true }), serviceName: z.string() });
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;

export const DuplicateCheckResponse = z.object({ possibleDuplicates: z.array(PossibleDuplicate) });
export type DuplicateCheckResponse = z.infer<typeof DuplicateCheckResponse>;
