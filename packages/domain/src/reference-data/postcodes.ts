import { z } from 'zod';
import { DANISH_POSTCODE_ROWS } from './dk-postcodes.ts';

/** A Danish postcode: four digits. */
export const Postcode = z.string().trim().regex(/^[0-9]{4}$/, { message: 'postcode_format' });
export type Postcode = z.infer<typeof Postcode>;

/** An official three-digit municipality code (kommunekode), e.g. `101` for København. */
export const MunicipalityCode = z.string().trim().regex(/^[0-9]{3}$/, { message: 'municipality_code_format' });
export type MunicipalityCode = z.infer<typeof MunicipalityCode>;

let municipalitiesByPostcode: Map<string, readonly string[]> | undefined;

/** Built on first use: the web app imports this package too, and most of its pages never look a postcode up. */
function postcodeIndex(): Map<string, readonly string[]> {
  if (municipalitiesByPostcode) return municipalitiesByPostcode;
  const index = new Map<string, string[]>();
  for (const [postcode, , municipalityCode] of DANISH_POSTCODE_ROWS) {
    const codes = index.get(postcode) ?? [];
    if (!codes.includes(municipalityCode)) codes.push(municipalityCode);
    index.set(postcode, codes);
  }
  municipalitiesByPostcode = index;
  return index;
}

/**
 * The municipalities a postcode lies in — usually one; a postcode that spans a boundary (2000 Frederiksberg lies in
 * Frederiksberg and København) lists each. Empty for a postcode that does not exist. Source and date of the table:
 * reference-data/README.md.
 */
export function municipalityCodesForPostcode(postcode: Postcode): readonly string[] {
  return postcodeIndex().get(postcode.trim()) ?? [];
}
