import { describe, expect, it } from 'vitest';
import { composeCommunityMeetingMessage, copenhagenDateAndTime, instantOfCopenhagenTime, summariseEvaluations, validateCommunityMeetingSignUp } from './CommunityMeeting.ts';

describe('community meetings: Danish local time', () => {
  it('turns a Danish date and time into the instant, on both sides of the daylight-saving changes', () => {
    expect(instantOfCopenhagenTime('2027-03-27', '18:00').toISOString()).toBe('2027-03-27T17:00:00.000Z');
    expect(instantOfCopenhagenTime('2027-03-28', '18:00').toISOString()).toBe('2027-03-28T16:00:00.000Z');
    expect(instantOfCopenhagenTime('2026-10-24', '18:00').toISOString()).toBe('2026-10-24T16:00:00.000Z');
    expect(instantOfCopenhagenTime('2026-10-25', '18:00').toISOString()).toBe('2026-10-25T17:00:00.000Z');
    expect(copenhagenDateAndTime(new Date('2026-12-31T23:30:00.000Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});

describe('community meetings: sign-up form', () => {
  const valid = { firstName: 'Alex', contactKind: 'phone', phone: '20 30 40 50', email: '', mayMessage: 'yes', mayLeaveMessage: 'no', consent: 'yes' };

  it('accepts a first name and one way to be reached, and keeps only that way', () => {
    expect(validateCommunityMeetingSignUp(valid, { isAddressSentByMessage: true })).toEqual({
      isValid: true,
      signUp: { firstName: 'Alex', contact: { kind: 'phone', phone: '20304050' }, mayMessage: true, mayLeaveMessage: false },
    });
  });

  it('marks what is missing or wrong, and needs permission to write when the address is sent', () => {
    expect(validateCommunityMeetingSignUp({ ...valid, firstName: '', consent: '' }, { isAddressSentByMessage: false })).toMatchObject({ isValid: false, errors: { firstName: 'required', consent: 'required' } });
    expect(validateCommunityMeetingSignUp({ ...valid, phone: '12' }, { isAddressSentByMessage: false })).toMatchObject({ errors: { phone: 'phone_format' } });
    expect(validateCommunityMeetingSignUp({ ...valid, contactKind: 'email', email: 'nope' }, { isAddressSentByMessage: false })).toMatchObject({ errors: { email: 'email_format' } });
    expect(validateCommunityMeetingSignUp({ ...valid, mayMessage: 'no' }, { isAddressSentByMessage: true })).toMatchObject({ errors: { mayMessage: 'needed_for_address' } });
    expect(validateCommunityMeetingSignUp({ ...valid, mayMessage: 'no' }, { isAddressSentByMessage: false })).toMatchObject({ isValid: true });
  });
});

describe('community meetings: evaluations and messages', () => {
  it('withholds averages and splits below 5 answers, and suppresses small cells', () => {
    expect(summariseEvaluations({ responses: 4, feltSafeSum: 20, learnedSum: 20, yes: 4, no: 0, unsure: 0 })).toEqual({ responses: '<5', feltSafeAverage: null, learnedWhereToGetHelpAverage: null, intendsToSeekHelp: null });
    expect(summariseEvaluations({ responses: 6, feltSafeSum: 25, learnedSum: 24, yes: 5, no: 1, unsure: 0 })).toEqual({
      responses: 6,
      feltSafeAverage: 4.2,
      learnedWhereToGetHelpAverage: 4,
      intendsToSeekHelp: { yes: 5, no: '<5', unsure: '<5' },
    });
  });

  it('writes neutral messages: a time and the address, never what the meeting is about', () => {
    const startsAt = new Date('2026-12-03T17:00:00.000Z');
    expect(composeCommunityMeetingMessage({ type: 'address', startsAt, address: 'Skolegade 11, 8000 Aarhus C', language: 'da' }).text).toBe('Du er tilmeldt mødet torsdag 3. december kl. 18.00. Adresse: Skolegade 11, 8000 Aarhus C');
    expect(composeCommunityMeetingMessage({ type: 'cancelled', startsAt, address: '', language: 'en' })).toEqual({ subject: 'Meeting cancelled', text: 'The meeting on Thursday 3 December at 18:00 has been cancelled.' });
  });
});
