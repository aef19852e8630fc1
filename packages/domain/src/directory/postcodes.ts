import { z } from 'zod';

/** A Danish postcode: four digits. */
export const Postcode = z.string().trim().regex(/^[0-9]{4}$/, { message: 'postcode_format' });
export type Postcode = z.infer<typeof Postcode>;

/** An official three-digit municipality code (kommunekode), e.g. `101` for København. */
export const MunicipalityCode = z.string().trim().regex(/^[0-9]{3}$/, { message: 'municipality_code_format' });
export type MunicipalityCode = z.infer<typeof MunicipalityCode>;

type PostcodeRange = { from: number; to: number; municipalityCodes: readonly string[] };

/**
 * Postcode → municipality, for "where do you live?". KNOWN GAP: this covers only the main towns of the demo
 * municipalities (København, Frederiksberg, Tårnby/Kastrup, Dragør, Aarhus, Aalborg, Odense). A postcode outside
 * these ranges maps to no municipality, and a search by it then finds only national services. A full table
 * (about 1,100 postcodes, some spanning two municipalities) should come from Datafordeleren (DAR) once the
 * platform has an agreement for it; DAWA, the old free source, is being shut down (DOMAIN.md fact 18).
 * Ranges are inclusive. Where a postcode spans municipalities it lists them all.
 */
const postcodeRanges: readonly PostcodeRange[] = [
  { from: 1000, to: 1799, municipalityCodes: ['101'] }, // København K and V
  { from: 1800, to: 2000, municipalityCodes: ['147'] }, // Frederiksberg C, Frederiksberg
  { from: 2100, to: 2450, municipalityCodes: ['101'] }, // København Ø, Nordhavn, N, S, NV, SV
  { from: 2500, to: 2500, municipalityCodes: ['101'] }, // Valby
  { from: 2700, to: 2700, municipalityCodes: ['101'] }, // Brønshøj
  { from: 2720, to: 2720, municipalityCodes: ['101'] }, // Vanløse
  { from: 2770, to: 2770, municipalityCodes: ['185'] }, // Kastrup (Tårnby)
  { from: 2791, to: 2791, municipalityCodes: ['155'] }, // Dragør
  { from: 5000, to: 5270, municipalityCodes: ['461'] }, // Odense
  { from: 8000, to: 8270, municipalityCodes: ['751'] }, // Aarhus
  { from: 9000, to: 9220, municipalityCodes: ['851'] }, // Aalborg
];

/** The municipalities a postcode lies in; empty when the postcode is not in our (partial) table. */
export function municipalityCodesForPostcode(postcode: Postcode): readonly string[] {
  const number = Number(postcode);
  return postcodeRanges.find((range) => number >= range.from && number <= range.to)?.municipalityCodes ?? [];
}
