import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { checkChallenge } from '../referrals/index.ts';
import { challengeOf, createSelfReferralFixture, submitContactForm } from '../referrals/testing.ts';
import { contactTexts } from './contact-pages.text.ts';

/**
 * The contact form's own parts on the public site. What a sent request does (inbox, deadlines, receipt status,
 * rate limits) is the referrals module's use case and tested there (referrals.self.test.ts).
 */
describe('public site: the contact form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
  });
  afterAll(async () => t.close());

  it('the browser’s script (contact-pow.js) finds a proof the server accepts', async () => {
    const challenge = challengeOf((await t.app.inject({ method: 'GET', url: '/kontakt' })).body);
    const nonceField = { value: '' };
    const form = { elements: { challenge: { value: challenge }, nonce: nonceField }, addEventListener: () => undefined, getAttribute: () => null };
    const pending: (() => void)[] = [];
    runInNewContext(readFileSync(new URL('./assets/contact-pow.js', import.meta.url), 'utf8'), {
      document: { getElementById: (id: string) => (id === 'contact-form' ? form : null) },
      setTimeout: (callback: () => void) => pending.push(callback),
      HTMLFormElement: { prototype: { submit: () => undefined } },
    });
    for (let slices = 0; nonceField.value === '' && slices < 10_000; slices += 1) pending.shift()?.();
    expect(nonceField.value).toMatch(/^[0-9]+$/);
    expect(checkChallenge({ clock: t.clock, cipher: t.cipher, challenge, nonce: nonceField.value })).toMatchObject({ status: 'valid', hasProofOfWork: true });
    expect(checkChallenge({ clock: t.clock, cipher: t.cipher, challenge, nonce: String(Number(nonceField.value) + 1) })).toMatchObject({ hasProofOfWork: false });
  });

  it('refuses control characters, bidirectional overrides, zero-width characters in the name and line breaks in one-line fields: the form again, the field marked, nothing stored', async () => {
    await createSelfReferralFixture(t);
    const count = async () => Number((await t.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases = [
      { fields: { about: 'Hjælp\u0000' }, problem: 'unsafe_character' },
      { fields: { about: 'bell\u0007' }, problem: 'unsafe_character' },
      { fields: { name: 'Kim\u202Egnirts' }, problem: 'unsafe_character' },
      { fields: { name: 'Ki\u200Bm' }, problem: 'zero_width_character' },
      { fields: { name: 'Kim\nJensen' }, problem: 'single_line' },
      { fields: { safeTimes: 'aldrig\taften' }, problem: 'single_line' },
      // (A lone surrogate cannot reach a form post: UTF-8 cannot carry one, and the parser reads it as U+FFFD.)
    ] as const;
    for (const { fields, problem } of cases) {
      const { response } = await submitContactForm(t, fields, { lang: 'en', withProof: false });
      expect(response.statusCode, JSON.stringify(fields)).toBe(422);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(contactTexts.en.textProblems[problem].replaceAll("'", '&#39;'));
    }
    expect(await count()).toBe(before);
    // What a person types is fine: line breaks in "about", the joiners Persian needs.
    const { response } = await submitContactForm(t, { about: 'Linje 1\nLinje 2 می‌خواهم' }, { withProof: false });
    expect(response.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
