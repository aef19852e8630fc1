import { describe, expect, it } from 'vitest';
import { municipalities } from './municipalities.ts';
import { municipalityCodesForPostcode } from './postcodes.ts';
import { DANISH_POSTCODE_ROWS } from './dk-postcodes.ts';

describe('municipalityCodesForPostcode (the full Danish postcode table)', () => {
  it.each([
    ['8000', ['751']], // Aarhus C → Aarhus
    ['6700', ['561']], // Esbjerg → Esbjerg
    ['9000', ['851']], // Aalborg → Aalborg
    ['5000', ['461']], // Odense C → Odense
    ['3700', ['400']], // Rønne → Bornholm
    ['1050', ['101']], // København K → København
  ])('maps %s to %j', (postcode, expected) => {
    expect(municipalityCodesForPostcode(postcode)).toEqual(expected);
  });

  it('lists every municipality a postcode spans: 2000 Frederiksberg lies in Frederiksberg and København', () => {
    expect([...municipalityCodesForPostcode('2000')].sort()).toEqual(['101', '147']);
    expect(municipalityCodesForPostcode('2000')).toContain('147');
    expect([...municipalityCodesForPostcode('2770')].sort()).toEqual(['101', '185']); // Kastrup: København and Tårnby
  });

  it('knows no municipality for a postcode that does not exist', () => {
    expect(municipalityCodesForPostcode('0001')).toEqual([]);
    expect(municipalityCodesForPostcode('9999')).toEqual([]);
  });

  it('covers the whole country: about 1,100 postcodes, and every municipality has at least one', () => {
    const postcodes = new Set(DANISH_POSTCODE_ROWS.map(([postcode]) => postcode));
    expect(postcodes.size).toBeGreaterThan(1_050);
    const covered = new Set(DANISH_POSTCODE_ROWS.map(([, , code]) => code));
    expect(municipalities.filter((municipality) => !covered.has(municipality.code))).toEqual([]);
  });
});
