import { describe, expect, it } from 'vitest';
import { challengePayload, countLeadingZeroBits, isProofOfWorkSolved, parseChallenge, proofOfWorkInput } from './proof-of-work.ts';
import {
  formatReceiptCode,
  heardAboutFromSource,
  isRoleServedByLine,
  normaliseReceiptCode,
  receiptCodeFromBytes,
  receiptStatusOf,
  SelfReferralForm,
  suppressSmallCount,
} from './SelfReferral.ts';

describe('proof of work', () => {
  it('counts leading zero bits across bytes', () => {
    expect(countLeadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(countLeadingZeroBits(new Uint8Array([0x01, 0xff]))).toBe(7);
    expect(countLeadingZeroBits(new Uint8Array([0x00, 0x00, 0x10]))).toBe(19);
    expect(countLeadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
    expect(isProofOfWorkSolved(new Uint8Array([0, 0, 0x7f]), 17)).toBe(true);
    expect(isProofOfWorkSolved(new Uint8Array([0, 0, 0x80]), 17)).toBe(false);
  });

  it('parses only challenges of our shape, with a sane difficulty', () => {
    const payload = challengePayload({ bits: 16, expiresAt: new Date('2026-11-23T11:00:00Z'), random: 'A'.repeat(22) });
    const challenge = `${payload}.${'ab'.repeat(16)}`;
    expect(parseChallenge(challenge)).toEqual({ payload, bits: 16, expiresAt: new Date('2026-11-23T11:00:00Z'), mac: 'ab'.repeat(16) });
    expect(parseChallenge(`${challengePayload({ bits: 40, expiresAt: new Date('2026-11-23T11:00:00Z'), random: 'A'.repeat(22) })}.${'ab'.repeat(16)}`)).toBeUndefined();
    expect(parseChallenge('v1.16.1.x.y')).toBeUndefined();
    expect(parseChallenge(`${challenge}x`)).toBeUndefined();
    expect(proofOfWorkInput('c', '42')).toBe('c:42');
  });
});

describe('receipt code', () => {
  it('takes 50 bits as 10 unambiguous characters, grouped for reading', () => {
    const code = receiptCodeFromBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(code).toBe('ZZZZZZZZZZ');
    expect(receiptCodeFromBytes(new Uint8Array(7))).toBe('0000000000');
    // 0x08 0x42 … → 00001 00001 00001 …
    expect(receiptCodeFromBytes(new Uint8Array([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42]))).toBe('1111111111');
    expect(formatReceiptCode('K7QMP3XD9T')).toBe('K7QM-P3XD-9T');
    expect(() => receiptCodeFromBytes(new Uint8Array(6))).toThrow();
  });

  it('forgives case, spaces, dashes and look-alike characters; refuses anything else', () => {
    expect(normaliseReceiptCode(' k7qm-p3xd-9t ')).toBe('K7QMP3XD9T');
    expect(normaliseReceiptCode('O1LI-0000-00')).toBe('0111000000');
    expect(normaliseReceiptCode('K7QM-P3XD-9')).toBeUndefined();
    expect(normaliseReceiptCode('K7QM-P3XD-9U')).toBeUndefined();
  });

  it('shows only coarse words', () => {
    expect(receiptStatusOf({ status: 'sent', contactAttemptCount: 0, hasFirstContact: false })).toBe('received');
    expect(receiptStatusOf({ status: 'accepted', contactAttemptCount: 2, hasFirstContact: false })).toBe('tried_to_reach');
    expect(receiptStatusOf({ status: 'accepted', contactAttemptCount: 2, hasFirstContact: true })).toBe('contacted');
    expect(receiptStatusOf({ status: 'handed_over', contactAttemptCount: 1, hasFirstContact: true })).toBe('contacted');
    expect(receiptStatusOf({ status: 'not_reached', contactAttemptCount: 3, hasFirstContact: false })).toBe('closed');
    expect(receiptStatusOf({ status: 'declined', contactAttemptCount: 0, hasFirstContact: false })).toBe('closed');
    // Closed because the service or programme ended, before anyone reached the person.
    expect(receiptStatusOf({ status: 'closed', contactAttemptCount: 1, hasFirstContact: false })).toBe('closed');
  });
});

describe('self-referral form', () => {
  const valid = {
    role: 'exposed',
    name: '',
    phone: '20 30 40 50',
    smsAllowed: 'no',
    voicemailAllowed: 'no',
    safeTimes: 'Hverdage 9–12',
    language: 'da',
    about: '',
    service: '_hotline',
    heardAbout: 'from_friend',
    consent: 'yes',
  };

  it('accepts an anonymous request: no name, no text', () => {
    const parsed = SelfReferralForm.parse(valid);
    expect(parsed.name).toBeUndefined();
    expect(parsed.about).toBeUndefined();
    expect(parsed.heardAbout).toBe('from_friend');
  });

  it('names each problem by field, with codes the page translates', () => {
    const result = SelfReferralForm.safeParse({ ...valid, role: '', phone: 'ring mig', safeTimes: '  ', consent: undefined, about: 'x'.repeat(1001), service: '' });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(issues).toEqual({ role: 'required', phone: 'phone_format', safeTimes: 'required', consent: 'required', about: 'too_long', service: 'required' });
  });

  it('an unknown "heard about" reads as not said rather than failing the request', () => {
    expect(SelfReferralForm.parse({ ...valid, heardAbout: 'tv' }).heardAbout).toBe('not_said');
    expect(SelfReferralForm.parse({ ...valid, heardAbout: undefined }).heardAbout).toBe('not_said');
  });

  it('keeps each side’s people with that side’s services', () => {
    expect(isRoleServedByLine('exposed', 'victim')).toBe(true);
    expect(isRoleServedByLine('uses_violence', 'victim')).toBe(false);
    expect(isRoleServedByLine('exposed', 'perpetrator')).toBe(false);
    expect(isRoleServedByLine('both', 'victim')).toBe(false);
    expect(isRoleServedByLine('both', null)).toBe(true);
  });

  it('reads a campaign source; anything else is no source', () => {
    expect(heardAboutFromSource('campaign:omsorg-i-faellesskabet')).toBe('from_campaign');
    expect(heardAboutFromSource('campaign:')).toBeUndefined();
    expect(heardAboutFromSource('facebook')).toBeUndefined();
  });

  it('suppresses small cells', () => {
    expect([0, 1, 4, 5, 17].map(suppressSmallCount)).toEqual(['<5', '<5', '<5', 5, 17]);
  });
});
