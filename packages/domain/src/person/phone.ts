/**
 * Phone numbers of people referred: written as the officer hears them (`20-30-40-50`, `20 30 40 50`, `+4520304050`,
 * `0045 20304050`), stored and shown one way (`+45 20 30 40 50`). A foreign number keeps its country code.
 */

/** Once spaces, hyphens, dots and brackets are dropped: digits, perhaps after a + (or 00, a digit prefix). */
const typed = /^\+?[0-9]+$/;

/**
 * The number in its one written form, or `undefined` when it is not a phone number: 8 Danish digits (with or
 * without +45 or 0045) become `+45 XX XX XX XX`; `+` or `00` and 7–15 digits is a foreign number, kept as `+<digits>`.
 */
export function normalisePhone(input: string): string | undefined {
  const text = input.replace(/[\s.()-]/g, '');
  if (!typed.test(text)) return undefined;
  const hasPlus = text.startsWith('+');
  let digits = text.replace(/\D/g, '');
  const isInternational = hasPlus || digits.startsWith('00');
  if (!hasPlus && digits.startsWith('00')) digits = digits.slice(2);
  if (isInternational && digits.startsWith('45') && digits.length === 10) digits = digits.slice(2);
  else if (isInternational) return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
  if (digits.length !== 8) return undefined;
  return `+45 ${digits.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

/** True when `normalisePhone` can read it. */
export function isPhone(input: string): boolean {
  return normalisePhone(input) !== undefined;
}
