import { describe, expect, it } from 'vitest';
import { checkedBeforeIsDue, CreateHelpServiceRequest, isCheckDue, LocationInput, UpdateHelpServiceRequest, type CreateHelpServiceInput } from './HelpService.ts';
import { hsdsPageEnvelope, HsdsServicesQuery } from './Hsds.ts';
import { parseTaxonomyTermId, TaxonomyTermId } from './taxonomy.ts';

const minimal: CreateHelpServiceInput = {
  slug: 'raadgivning',
  nameDa: 'Rådgivning',
  nameEn: 'Counselling',
  descriptionDa: 'Beskrivelse',
  descriptionEn: 'Description',
  howToContactDa: 'Ring',
  howToContactEn: 'Call',
  targetGroups: ['women'],
  channels: ['phone'],
  languages: ['da'],
  isAnonymousContactOffered: false,
  isFreeOfCharge: true,
  schedule: { isOpen24Hours: true, rules: [] },
  serviceArea: { isNational: true },
};

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('CreateHelpServiceRequest', () => {
  it('accepts a minimal service and fills the defaults', () => {
    const parsed = CreateHelpServiceRequest.parse(minimal);
    expect(parsed).toMatchObject({ status: 'active', phones: [], locations: [], serviceArea: { isNational: true, municipalityCodes: [] } });
  });

  it('refuses a regional service without municipalities, duplicate groups, bad ages, http links and unknown fields', () => {
    const cases: [Partial<CreateHelpServiceInput> & Record<string, unknown>, string][] = [
      [{ serviceArea: { isNational: false, municipalityCodes: [] } }, 'serviceArea.municipalityCodes: service_area_required'],
      [{ targetGroups: ['women', 'women'] }, 'targetGroups: duplicate_value'],
      [{ minimumAge: 30, maximumAge: 18 }, 'maximumAge: maximum_below_minimum'],
      [{ websiteUrl: 'http://example.dk' }, 'websiteUrl'],
      [{ websiteUrl: 'javascript:alert(1)' }, 'websiteUrl'],
      [{ slug: 'Ikke gyldig' }, 'slug: slug_format'],
      [{ extra: true }, ''],
    ];
    for (const [override, expected] of cases) {
      const result = CreateHelpServiceRequest.safeParse({ ...minimal, ...override });
      expect(result.success, JSON.stringify(override)).toBe(false);
      expect(issuesOf(result).join('\n')).toContain(expected);
    }
  });
});

describe('LocationInput', () => {
  it('a confidential location may name its town but never carries a street address, postcode or coordinates', () => {
    const base = { nameDa: 'Krisecenter', nameEn: 'Shelter', isConfidential: true };
    expect(LocationInput.safeParse({ ...base, city: 'København', confidentialAddress: 'Hemmelig Vej 1' }).success).toBe(true);
    for (const leak of [{ addressLine: 'Hemmelig Vej 1' }, { postalCode: '2300' }, { latitude: 55.6 }, { longitude: 12.5 }]) {
      const result = LocationInput.safeParse({ ...base, ...leak });
      expect(result.success, JSON.stringify(leak)).toBe(false);
      expect(issuesOf(result)[0]).toContain('confidential_location_public_address');
    }
  });

  it('a public location may not hide an address in the confidential field', () => {
    expect(LocationInput.safeParse({ nameDa: 'Kontor', nameEn: 'Office', isConfidential: false, confidentialAddress: 'x' }).success).toBe(false);
  });
});

describe('UpdateHelpServiceRequest', () => {
  it('changes only the fields given: no defaults creep in', () => {
    expect(UpdateHelpServiceRequest.parse({ nameDa: 'Nyt navn' })).toEqual({ nameDa: 'Nyt navn' });
    expect(UpdateHelpServiceRequest.safeParse({}).success).toBe(false);
  });
});

describe('check due', () => {
  it('is due six calendar months after the last check', () => {
    const checked = new Date('2026-01-15T10:00:00Z');
    expect(isCheckDue(checked, new Date('2026-07-15T09:59:59Z'))).toBe(false);
    expect(isCheckDue(checked, new Date('2026-07-15T10:00:00Z'))).toBe(true);
    expect(checkedBeforeIsDue(new Date('2026-07-15T10:00:00Z')).toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });
});

describe('HSDS page envelope', () => {
  it('computes pages, first and last', () => {
    expect(hsdsPageEnvelope({ totalItems: 0, pageNumber: 1, perPage: 10, size: 0 })).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
    });
    expect(hsdsPageEnvelope({ totalItems: 25, pageNumber: 2, perPage: 10, size: 10 })).toMatchObject({ total_pages: 3, first_page: false, last_page: false, empty: false });
    expect(hsdsPageEnvelope({ totalItems: 25, pageNumber: 3, perPage: 10, size: 5 })).toMatchObject({ last_page: true });
    expect(hsdsPageEnvelope({ totalItems: 25, pageNumber: 9, perPage: 10, size: 0 })).toMatchObject({ last_page: true, empty: false });
  });

  it('query parameters are coerced and bounded', () => {
    expect(HsdsServicesQuery.parse({ page: '2', per_page: '5' })).toMatchObject({ page: 2, per_page: 5 });
    expect(HsdsServicesQuery.parse({})).toMatchObject({ page: 1, per_page: 50 });
    for (const bad of [{ page: '0' }, { per_page: '1000' }, { per_page: '0' }, { modified_after: 'garbage' }, { postcode: '12' }, { taxonomy_term_id: 'target_group:aliens' }]) {
      expect(HsdsServicesQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('taxonomy terms', () => {
  it('parses term ids', () => {
    expect(parseTaxonomyTermId(TaxonomyTermId.parse('target_group:lgbt'))).toEqual({ kind: 'target_group', value: 'lgbt' });
    expect(parseTaxonomyTermId(TaxonomyTermId.parse('channel:chat'))).toEqual({ kind: 'channel', value: 'chat' });
  });
});
