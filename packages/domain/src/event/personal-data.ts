/**
 * A head-count note is anonymous by design ("many new faces, one asked about housing"). These are the obvious
 * slips that would make it not so: a CPR number, a phone number, an e-mail address. A check for the obvious only —
 * a name cannot be told from a word — so the form also says, in words, that no one may be named.
 */
export type PersonalDataKind = 'cpr_number' | 'phone_number' | 'email_address';

const patterns: readonly [PersonalDataKind, RegExp][] = [
  ['cpr_number', /(?<!\d)\d{6}[-\s]?\d{4}(?!\d)/],
  ['email_address', /[^\s@]+@[^\s@]+\.[^\s@]{2,}/],
  // Eight digits, possibly grouped in pairs or fours, possibly after +45: a Danish phone number.
  ['phone_number', /(?<!\d)(?:\+?45[\s-]?)?(?:\d{2}[\s-]?){3}\d{2}(?!\d)/],
];

/** The first kind of personal data the text seems to hold, or undefined. */
export function findPersonalData(text: string): PersonalDataKind | undefined {
  return patterns.find(([, pattern]) => pattern.test(text))?.[0];
}
