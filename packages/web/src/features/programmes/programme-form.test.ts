import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { newServiceDraft, programmeSchema, type ProgrammeDraft } from './programme-form';

const t = i18next.getFixedT('da');
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

const lokk = '11111111-1111-4111-8111-111111111111';
const police = '21111111-1111-4111-8111-111111111111';
const draft = (overrides: Partial<ProgrammeDraft> = {}): ProgrammeDraft => ({
  name: 'Tryg Hjem',
  description: '',
  funder: '',
  periodStart: '',
  periodEnd: '',
  status: 'running',
  referrerOrganisationIds: [police],
  services: [{ ...newServiceDraft(), serviceId: lokk, receivesRoles: ['exposed'], firstContactDeadlineHours: '24' }],
  ...overrides,
});

describe('the programme form', () => {
  it('sends empty settings as "as the service" (null) and the version it was made from', () => {
    const request = programmeSchema(t, 4).parse(draft());
    expect(request).toMatchObject({ version: 4, periodStart: null, periodEnd: null, referrerOrganisationIds: [police] });
    expect(request.services).toEqual([
      { serviceId: lokk, receivesRoles: ['exposed'], receivesGenders: null, minimumAge: null, maximumAge: null, isProposed: true, isFallback: false, firstContactDeadlineHours: 24, highRiskDeadlineHours: null, maxContactAttempts: null },
    ]);
  });

  it('names a row without a service, a bad deadline and a period that ends before it starts, in Danish', () => {
    const result = programmeSchema(t, 1).safeParse(
      draft({ periodStart: '2027-01-01', periodEnd: '2026-01-01', services: [{ ...newServiceDraft(), firstContactDeadlineHours: '0' }] }),
    );
    expect(messages(result)).toEqual({
      periodEnd: 'Perioden kan ikke slutte, før den begynder.',
      'services.0.serviceId': 'Vælg et tilbud.',
      'services.0.firstContactDeadlineHours': 'Skriv et helt antal timer fra 1 til 720, eller lad feltet stå tomt.',
    });
  });

  it('refuses the same service twice and two last resorts', () => {
    const twice = draft({ services: [{ ...newServiceDraft(), serviceId: lokk, isFallback: true }, { ...newServiceDraft(), serviceId: lokk, isFallback: true }] });
    expect(Object.keys(messages(programmeSchema(t, 1).safeParse(twice)))).toEqual(['services']);
  });
});
