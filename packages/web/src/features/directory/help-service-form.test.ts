import { describe, expect, it } from 'vitest';
import type { DraftError } from '../../forms/draft-errors';
import { testHelpService } from '../../test/builders';
import { codeOfServerMessage, draftFromService, emptyDraft, emptyLocation, fieldKeyOfPath, helpServiceSchema, isSameRequest, toRequestInput, type HelpServiceDraft } from './help-service-form';

const describeError = (error: DraftError) => `${error.code}${error.maximum ? `(${error.maximum})` : ''}`;
const schema = helpServiceSchema(describeError);
const issues = (draft: HelpServiceDraft) => Object.fromEntries((schema.safeParse(draft).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the listing draft', () => {
  it('turns a listing into the request it came from', () => {
    const service = testHelpService();
    const request = schema.parse(draftFromService(service));
    expect(request).toMatchObject({ slug: service.slug, nameDa: 'Rådgivning', languages: ['da', 'en'], schedule: { rules: [{ byday: ['MO', 'TH'], opensAt: '10:00' }] } });
  });

  it('leaves out what the form hides: the rules of a 24-hour service, a national one’s municipalities, a shelter’s public address', () => {
    const draft: HelpServiceDraft = {
      ...draftFromService(testHelpService()),
      isOpen24Hours: true,
      municipalityCodes: ['101'],
      locations: [{ ...emptyLocation(), nameDa: 'Krisecenter', isConfidential: true, addressLine: 'Hemmelig vej 1', postalCode: '1000', confidentialAddress: 'Hemmelig vej 1' }],
    };
    const request = toRequestInput(draft);
    expect(request.schedule.rules).toEqual([]);
    expect(request.serviceArea.municipalityCodes).toEqual([]);
    expect(request.locations?.[0]).toMatchObject({ addressLine: null, postalCode: null, confidentialAddress: 'Hemmelig vej 1' });
  });

  it('names each refused field by its request path, with a code the sentence is made from', () => {
    expect(issues(emptyDraft())).toMatchObject({ slug: 'slug_format', nameDa: 'required', nameEn: 'required', channels: 'choose_one', targetGroups: 'choose_one' });
  });

  it('collapses the members of a list onto the list’s field, and a rule problem of a 24-hour service onto its box', () => {
    expect(fieldKeyOfPath('body.languages.2')).toBe('languages');
    expect(fieldKeyOfPath('/body/serviceArea/municipalityCodes/0')).toBe('serviceArea.municipalityCodes');
    expect(fieldKeyOfPath('schedule.rules.1.byday.3')).toBe('schedule.rules.1.byday');
    expect(fieldKeyOfPath('schedule.rules')).toBe('schedule.isOpen24Hours');
    expect(fieldKeyOfPath('phones.0.number')).toBe('phones.0.number');
  });

  it('checks a typed number and an age range', () => {
    const draft = { ...draftFromService(testHelpService()), minimumAge: 'atten', maximumAge: '' };
    expect(issues(draft)).toEqual({ minimumAge: 'invalid_number' });
  });

  it('knows the server’s own codes, and calls anything else invalid', () => {
    expect(codeOfServerMessage('slug_taken')).toBe('slug_taken');
    expect(codeOfServerMessage('Expected string')).toBe('invalid');
  });

  it('sees only changes that would be saved', () => {
    const draft = draftFromService(testHelpService());
    expect(isSameRequest(draft, { ...draft })).toBe(true);
    expect(isSameRequest(draft, { ...draft, nameEn: 'Other' })).toBe(false);
    expect(isSameRequest({ ...draft, isNational: true, municipalityCodes: [] }, { ...draft, isNational: true, municipalityCodes: ['101'] })).toBe(true);
  });
});
