/**
 * CPR numbers: check the format and that the first six digits are a plausible date. Modulus 11 is never enforced:
 * since 2007 valid numbers exist that fail it, and CPR says systems must accept them (DOMAIN.md §6.3).
 */
export function isPlausibleCpr(input: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!match) return false;
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = fullYearFromCpr(Number(yy), Number(serial[0]));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Century from digit 7 and the two-digit year, per the CPR office's table. */
export function fullYearFromCpr(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  if (twoDigitYear <= 57) return 2000 + twoDigitYear;
  return 1800 + twoDigitYear;
}

/** Canonical form (10 digits, no hyphen), used for the keyed lookup hash. */
export function normaliseCpr(input: string): string {
  return input.replace(/\D/g, '');
}

/** The birth year a plausible CPR number carries (digits 5–6 and the century digit 7). */
export function birthYearFromCpr(input: string): number {
  const digits = normaliseCpr(input);
  return fullYearFromCpr(Number(digits.slice(4, 6)), Number(digits[6]));
}

/** The gender the CPR office's last digit suggests (odd: man, even: woman). A hint only: never a person's answer. */
export function genderHintFromCpr(input: string): 'woman' | 'man' | undefined {
  if (!isPlausibleCpr(input)) return undefined;
  const last = Number(normaliseCpr(input).slice(-1));
  return last % 2 === 0 ? 'woman' : 'man';
}
