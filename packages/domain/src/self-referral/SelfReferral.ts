import { z } from 'zod';
import { identifier, name, text } from '../common/text.ts';
import type { ServiceLine } from '../identity/access.ts';
import { LanguageCode } from '../directory/taxonomy.ts';
import { PersonRole } from '../referral/Referral.ts';
import type { ReferralStatus } from '../referral/referral-status.ts';

/**
 * A person asks, on the public pages, to be contacted ("Bliv kontaktet"). It becomes a referral with the source
 * `self` and no referring organisation, in the chosen service's intake inbox under the usual deadline rules. The
 * person's own submission, with its consent box ticked, is their (written) consent to that service.
 */

/** "How did you hear about us?" Stored per request, but only ever shown as counts (cells below 5 suppressed). */
export const HeardAbout = z.enum([
  'from_campaign',
  'from_friend',
  'from_police',
  'from_municipality',
  'from_professional',
  'searched_online',
  'other',
  'not_said',
]);
export type HeardAbout = z.infer<typeof HeardAbout>;

/**
 * What the receiving service's inbox shows where a referral names its referring organisation. A self-referral has
 * none; the views keep the field a string (the web app shows it with the source), so it reads "Selvhenvendelse".
 */
export const SELF_REFERRAL_ORGANISATION_LABEL = 'Selvhenvendelse';

/** The service choice that lets the national hotline decide who should call. Can never be a slug (slugs start with a-z0-9). */
export const HOTLINE_CHOICE = '_hotline';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const required = { error: 'required' } as const;

/**
 * The contact form as posted (every value a string). No CPR field and no surname: a first name or a made-up name
 * is enough, and leaving it empty is fine. Messages are codes; the page shows them in the person's language.
 */
export const SelfReferralForm = z.object({
  role: z.enum(PersonRole.options, required),
  name: z.preprocess(blankToUndefined, name({ max: 60 }).optional()),
  phone: z.preprocess(blankToUndefined, z.string(required).pipe(identifier({ max: 30 })).pipe(z.string().regex(/^\+?[0-9 ]{3,20}$/, { error: 'phone_format' }))),
  smsAllowed: z.enum(['yes', 'no'], required),
  voicemailAllowed: z.enum(['yes', 'no'], required),
  safeTimes: z.preprocess(blankToUndefined, z.string(required).pipe(text({ max: 200 }))),
  language: z.preprocess(blankToUndefined, z.string(required).pipe(LanguageCode)),
  about: z.preprocess(blankToUndefined, text({ max: 1000, multiline: true }).optional()),
  /** `_hotline`, or the slug of a directory listing; the server checks that it takes requests. */
  service: z.preprocess(blankToUndefined, z.string(required).trim().max(100, { error: 'required' })),
  heardAbout: z.preprocess(blankToUndefined, HeardAbout.default('not_said').catch('not_said')),
  consent: z.literal('yes', required),
});
export type SelfReferralForm = z.infer<typeof SelfReferralForm>;
/** The fields of the form, in page order (for the error summary). */
export const selfReferralFields = ['role', 'name', 'phone', 'smsAllowed', 'voicemailAllowed', 'safeTimes', 'language', 'about', 'service', 'heardAbout', 'consent'] as const;
export type SelfReferralField = (typeof selfReferralFields)[number];

/**
 * A service limited to one side takes only that side's people: a victim-side service never receives a request from
 * someone who uses violence, and the other way round. A request about both sides goes to a service of both lines
 * (the hotline), whose staff may see both.
 */
export function isRoleServedByLine(role: PersonRole, serviceLine: ServiceLine | null): boolean {
  if (serviceLine === null) return true;
  return serviceLine === 'victim' ? role === 'exposed' : role === 'uses_violence';
}

/** `kilde=campaign:<slug>` on the form's address: the person came from a campaign page. */
export function heardAboutFromSource(source: string | undefined): HeardAbout | undefined {
  return source !== undefined && /^campaign:[a-z0-9][a-z0-9-]{1,79}$/.test(source) ? 'from_campaign' : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Receipt code

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is hard to get wrong. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters of 5 bits: 50 bits. Guessing is hopeless at the lookup's rate limit (10 per 10 minutes per address). */
export const RECEIPT_CODE_LENGTH = 10;

/** The first 50 bits of the given bytes (at least 7) as a receipt code. */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 7) throw new Error('receipt code needs at least 7 bytes');
  let code = '';
  let buffer = 0;
  let bitsInBuffer = 0;
  let index = 0;
  while (code.length < RECEIPT_CODE_LENGTH) {
    if (bitsInBuffer < 5) {
      buffer = (buffer << 8) | (bytes[index] ?? 0);
      index += 1;
      bitsInBuffer += 8;
    }
    code += RECEIPT_ALPHABET[(buffer >> (bitsInBuffer - 5)) & 31];
    bitsInBuffer -= 5;
    buffer &= (1 << bitsInBuffer) - 1;
  }
  return code;
}

/** "K7QMP3XD9T" → "K7QM-P3XD-9T": easier to read, write down and type. */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What the person typed → the code, forgiving case, spaces, dashes and the look-alikes O/0 and I/L/1. */
export function normaliseReceiptCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === RECEIPT_CODE_LENGTH && [...code].every((character) => RECEIPT_ALPHABET.includes(character)) ? code : undefined;
}

/**
 * All a receipt code shows: four coarse words. Never the service's notes, a name or what was said — anyone holding
 * the code sees this, and the page says so.
 */
export const ReceiptStatus = z.enum(['received', 'tried_to_reach', 'contacted', 'closed']);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

const closedWithoutContact: readonly ReferralStatus[] = ['declined', 'withdrawn', 'expired', 'not_reached', 'closed'];

export function receiptStatusOf(referral: { status: ReferralStatus; contactAttemptCount: number; hasFirstContact: boolean }): ReceiptStatus {
  if (referral.hasFirstContact || referral.status === 'handed_over') return 'contacted';
  if (closedWithoutContact.includes(referral.status)) return 'closed';
  return referral.contactAttemptCount > 0 ? 'tried_to_reach' : 'received';
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

/** Cells below this are shown as "<5" (Danmarks Statistik's rule; QUALITY.md #39). */
export const SMALL_CELL_THRESHOLD = 5;

export const SuppressedCount = z.union([z.number().int().min(SMALL_CELL_THRESHOLD), z.literal('<5')]);
export type SuppressedCount = z.infer<typeof SuppressedCount>;

export function suppressSmallCount(count: number): SuppressedCount {
  return count < SMALL_CELL_THRESHOLD ? '<5' : count;
}

/**
 * Self-referrals to the caller's organisation, counted by how the person heard about the service. Every value is
 * listed (zero too, as "<5"), and no total is given: a total next to one suppressed cell would reveal it.
 */
export const HeardAboutStatistics = z.object({
  counts: z.array(z.object({ heardAbout: HeardAbout, count: SuppressedCount })),
});
export type HeardAboutStatistics = z.infer<typeof HeardAboutStatistics>;
