import { commonLanguageCodes, municipalities } from '@bro/domain';
import type { ComboboxOption } from './Combobox';

/**
 * The reference data the admin's forms pick by name: Denmark's municipalities (from the domain's reference data,
 * as "Københavns Kommune") and languages (named in the staff app's language). The listing stores codes; nobody types one.
 */

const municipalityNames = new Map(municipalities.map((municipality) => [municipality.code, municipality.organisationName]));

/** "Københavns Kommune" for 101; an unknown code is shown as it is (the form then says it is not a municipality). */
export const municipalityName = (code: string) => municipalityNames.get(code) ?? code;

/** The 98 municipalities in Danish alphabetical order of their short names (København, Køge, …). */
export const municipalityOptions: readonly ComboboxOption[] = [...municipalities]
  .sort((a, b) => new Intl.Collator('da').compare(a.name, b.name))
  .map((municipality) => ({ value: municipality.code, label: municipality.organisationName }));

/** A language's name in the given locale, with a capital first letter (a list entry: "Dansk", "Arabisk"). */
export function languageName(code: string, locale: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(code.toLowerCase()) ?? code;
  } catch {
    // A code Intl does not know (malformed) is shown as it is; the form reports it.
  }
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The common languages, and any other the listing already holds, named and sorted in the staff app's language. */
export function languageOptions(locale: string, held: readonly string[]): ComboboxOption[] {
  const codes = [...new Set([...commonLanguageCodes, ...held])];
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
