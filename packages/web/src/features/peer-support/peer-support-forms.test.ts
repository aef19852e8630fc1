import { describe, expect, it } from 'vitest';
import { AddSupporterSchema, MatchSchema, toAddSupporterRequest, toContactRequest, toMatchRequest, ContactSchema } from './peer-support-forms';

describe('peer-support forms', () => {
  it('turns typed languages into codes and empty fields into nothing', () => {
    const request = toAddSupporterRequest({ membershipId: '7b0c8a52-2f4e-4a36-9a0e-3a4d1d6f3c11', languages: 'DA, en  ar', areas: ' ', availability: '', maxPairings: '3', note: '' });
    expect(request).toEqual({ membershipId: '7b0c8a52-2f4e-4a36-9a0e-3a4d1d6f3c11', languages: ['da', 'en', 'ar'], areas: undefined, availability: undefined, maxPairings: 3, note: undefined });
    expect(AddSupporterSchema.safeParse(request).success).toBe(true);
    expect(AddSupporterSchema.safeParse(toAddSupporterRequest({ membershipId: '', languages: 'dansk', areas: '', availability: '', maxPairings: '0', note: '' })).error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'languages.0',
      'maxPairings',
      'membershipId',
    ]);
  });

  it('refuses a match without the person’s consent, as the server does', () => {
    const draft = { courseId: '7b0c8a52-2f4e-4a36-9a0e-3a4d1d6f3c11', peerSupporterId: '0f2f2d0e-5d4b-4c5e-8f1a-2b3c4d5e6f70', displayName: 'Mira', consentGiven: false, consentGivenOn: '2026-11-20' };
    expect(MatchSchema.safeParse(toMatchRequest(draft)).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['consentGiven', 'consent_required']]);
    expect(MatchSchema.safeParse(toMatchRequest({ ...draft, consentGiven: true })).success).toBe(true);
  });

  it('needs a date and a form for a contact; the note is optional', () => {
    expect(ContactSchema.safeParse(toContactRequest({ contactedOn: '2026-11-20', form: 'video', note: '' }))).toMatchObject({ success: true, data: { contactedOn: '2026-11-20', form: 'video' } });
    expect(ContactSchema.safeParse(toContactRequest({ contactedOn: '', form: '', note: '' })).success).toBe(false);
  });
});
