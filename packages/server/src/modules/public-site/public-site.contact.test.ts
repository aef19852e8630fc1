import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { checkChallenge } from '../referrals/index.ts';
import { challengeOf } from '../referrals/testing.ts';

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
});
