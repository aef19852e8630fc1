import type { InboxItem, ReferralForReceiver } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../../test/test-app.ts';
import {
  challengeOf,
  contactPathOf,
  createSelfReferralFixture,
  postForm,
  receiptCodeOf,
  solveProofOfWork,
  submitContactForm,
  validContactFields,
} from './self-referral.test-support.ts';

const HOUR = 3_600_000;

function expectPublicPage(response: { statusCode: number; headers: Record<string, unknown>; body: string }, lang: 'da' | 'en' | 'ar', status = 200): string {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['set-cookie']).toBeUndefined();
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.body).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
  expect(/<title>([^<]*)<\/title>/.exec(response.body)?.[1]).toBe(lang === 'ar' ? 'معلومات' : 'Information');
  const afterBody = response.body.slice(response.body.indexOf('<body>'));
  expect(/<(a\s[^>]*href[^>]*|button[^>]*|input[^>]*|select[^>]*|textarea[^>]*)>/.exec(afterBody)?.[0]).toMatch(/^<a id="quick-exit"/);
  expect(response.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<iframe/i);
  for (const [, asset] of response.body.matchAll(/<(?:link(?![^>]*rel="(?:canonical|alternate)")|img|script|source|iframe|video|track)\s[^>]*(?:src|href)="([^"]*)"/g)) {
    if (!asset?.startsWith('/') || asset.startsWith('//')) expect(asset).toBe('data:,');
  }
  return response.body;
}

async function countRows(t: TestApp) {
  const count = async (table: 'referrals' | 'persons' | 'consents') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { referrals: await count('referrals'), persons: await count('persons'), consents: await count('consents') };
}

describe('self-referral: "contact me"', () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof createSelfReferralFixture>>;
  const inboxOf = async (member: { client: ReturnType<TestApp['as']> }) => (await member.client.get('/api/inbox')).json() as InboxItem[];

  beforeAll(async () => {
    // Rate limits are tested on their own app below; here every test may send as many requests as it needs.
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createSelfReferralFixture(t);
  });
  afterAll(async () => t.close());

  it('the form renders in Danish, English and Arabic without cookies, posts, and has no CPR field', async () => {
    for (const lang of ['da', 'en', 'ar'] as const) {
      const page = expectPublicPage(await t.app.inject({ method: 'GET', url: contactPathOf(lang) }), lang);
      expect(page).toContain(`<form id="contact-form" method="post" action="${contactPathOf(lang)}" autocomplete="off"`);
      expect(page).toContain('<input type="hidden" name="challenge" value="v1.16.');
      expect(page).toContain('<script src="/public/contact-pow.js" defer></script>');
      expect(page.toLowerCase()).not.toMatch(/name="(cpr|surname|lastname)"/);
      expect(page).toContain('value="lgbt-raadgivning"');
      expect(page).toContain('value="dmv-behandling"');
      // A listing without a referral service takes no requests.
      expect(page).not.toContain('value="krisecentret"');
      // "Let the hotline choose" is the default.
      expect(page).toMatch(/<input type="radio" id="service-_hotline" name="service" value="_hotline" checked/);
    }
    const script = await t.app.inject({ method: 'GET', url: '/public/contact-pow.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('preselects the service from ?tjeneste and "from a campaign" from ?kilde, and says when a listing takes no requests', async () => {
    const chosen = (await t.app.inject({ method: 'GET', url: '/kontakt?tjeneste=lgbt-raadgivning&kilde=campaign:omsorg' })).body;
    expect(chosen).toMatch(/value="lgbt-raadgivning" checked/);
    expect(chosen).toContain('<option value="from_campaign" selected>');
    const unknown = (await t.app.inject({ method: 'GET', url: '/kontakt?tjeneste=krisecentret' })).body;
    expect(unknown).toContain('kan ikke kontaktes med denne formular');
    expect(unknown).toMatch(/value="_hotline" checked/);
  });

  it('a valid request lands in the chosen service’s inbox as a self-referral, under its deadline rules', async () => {
    const before = await countRows(t);
    const { response } = await submitContactForm(t, { service: 'lgbt-raadgivning' });
    const page = expectPublicPage(response, 'da');
    const code = receiptCodeOf(page);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(page).toContain('Alle, der har koden, kan se det samme.');
    expect(await countRows(t)).toEqual({ referrals: before.referrals + 1, persons: before.persons + 1, consents: before.consents + 1 });

    const item = (await inboxOf(fx.lgbt)).find((entry) => entry.source === 'self');
    expect(item).toMatchObject({ status: 'sent', source: 'self', role: 'exposed', referringOrganisationName: 'Selvhenvendelse', riskLevel: 'standard', serviceId: fx.lgbt.service.id });
    expect(item?.dueAt).toBe(new Date(TEST_NOW.getTime() + 48 * HOUR).toISOString());
    expect((await inboxOf(fx.hotline)).some((entry) => entry.id === item?.id)).toBe(false);

    // The coordinator sees what the person consented to share, and can do the usual work.
    const opened = (await fx.lgbt.client.get(`/api/inbox/${item?.id}`)).json() as ReferralForReceiver;
    expect(opened).toMatchObject({
      status: 'received',
      person: { fullName: 'Kim', cpr: null, gender: 'unknown' },
      safeContact: { phone: '+45 20 30 40 50', smsAllowed: 'no', voicemailAllowed: 'no', safeTimes: 'Hverdage kl. 9–12, aldrig weekender', language: 'da' },
      situation: 'Min kæreste kontrollerer min telefon',
      consent: { method: 'written', dataCategories: ['contact', 'identity', 'situation'] },
    });
    expect(opened.allowedActions).toContain('log_contact_attempt');
    expect((await fx.lgbt.client.post(`/api/inbox/${item?.id}/contact-attempts`, { outcome: 'not_reached' })).statusCode).toBe(200);

    const row = await t.db.selectFrom('referrals').selectAll().where('id', '=', item?.id ?? '').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'self', referring_organisation_id: null, created_by_user_id: null, programme_id: null, heard_about: 'from_friend' });
    // Encrypted at rest; the receipt code is stored only as a keyed hash.
    expect(row.situation_enc).toMatch(/^v1\./);
    expect(row.phone_enc).toMatch(/^v1\./);
    const stored = JSON.stringify(row);
    for (const secret of ['kontrollerer', '20 30 40 50', 'Hverdage', code ?? '-', (code ?? '-').replaceAll('-', '')]) expect(stored).not.toContain(secret);
    expect(row.receipt_code_hash).toMatch(/^[0-9a-f]{64}$/);
    const consent = await t.db.selectFrom('consents').selectAll().where('id', '=', row.consent_id ?? '').executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ is_given_by_person: true, obtained_by_user_id: null, recipient_organisation_id: fx.lgbt.organisation.id, method: 'written' });
    // Audited in the same transaction, with ids and codes only.
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', 'in', [row.id, row.consent_id ?? '']).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['consent.record', 'referral.create', 'referral.send', 'referral.receive', 'referral.log_contact_attempt']);
    for (const secret of ['Kim', 'kontrollerer', '20 30 40 50', 'from_friend']) expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('an anonymous request needs no name and no text; "let the hotline choose" goes to the hotline', async () => {
    const { response } = await submitContactForm(t, { name: '', about: '', role: 'both', service: '_hotline', language: 'ar' }, { lang: 'ar' });
    expect(receiptCodeOf(expectPublicPage(response, 'ar'))).toBeDefined();
    const item = (await inboxOf(fx.hotline)).find((entry) => entry.source === 'self' && entry.role === 'both');
    expect(item?.serviceId).toBe(fx.hotline.service.id);
    expect(item?.dueAt).toBe(new Date(TEST_NOW.getTime() + 24 * HOUR).toISOString());
    const opened = (await fx.hotline.client.get(`/api/inbox/${item?.id}`)).json() as ReferralForReceiver;
    expect(opened.person?.fullName).toBe('Anonym');
    expect(opened.situation).toBeNull();
    expect(opened.safeContact?.language).toBe('ar');
  });

  it('bad input shows the form again (422) with the errors in the person’s language, keeps what they typed, and creates nothing', async () => {
    const before = await countRows(t);
    const { response } = await submitContactForm(t, { phone: 'ring ikke', safeTimes: '', consent: '', about: 'Jeg er bange <script>' }, { lang: 'en' });
    const page = expectPublicPage(response, 'en', 422);
    expect(page).toContain('There is something to correct');
    expect(page).toContain('<a href="#phone">Enter the phone number in digits');
    expect(page).toContain('<a href="#safeTimes">Write when it is safe to call.</a>');
    expect(page).toContain('<a href="#consent">Tick the box');
    expect(page).toContain('value="ring ikke"');
    expect(page).toContain('>Jeg er bange &lt;script&gt;</textarea>');
    expect(page).toContain('aria-invalid="true"');
    expect(await countRows(t)).toEqual(before);
  });

  it('keeps each side’s people with that side’s services', async () => {
    const before = await countRows(t);
    const page = expectPublicPage((await submitContactForm(t, { role: 'uses_violence', service: 'lgbt-raadgivning' })).response, 'da', 422);
    expect(page).toContain('Det tilbud hjælper ikke med det, du har valgt ovenfor.');
    expect(expectPublicPage((await submitContactForm(t, { service: 'krisecentret' })).response, 'da', 422)).toContain('Vælg et tilbud på listen.');
    expect(await countRows(t)).toEqual(before);
    await submitContactForm(t, { role: 'uses_violence', service: 'dmv-behandling' });
    expect((await inboxOf(fx.perpetrator)).filter((entry) => entry.source === 'self')).toHaveLength(1);
  });

  it('the same form sent twice (double click, reload) makes one request and shows the same receipt', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/kontakt' });
    const challenge = challengeOf(form.body);
    const fields = { ...validContactFields, about: 'dobbeltklik', challenge, nonce: solveProofOfWork(challenge) };
    const before = await countRows(t);
    const [first, second] = await Promise.all([postForm(t, '/kontakt', fields), postForm(t, '/kontakt', fields)]);
    const third = await postForm(t, '/kontakt', { ...fields, about: 'noget andet' });
    const codes = [first, second, third].map((response) => receiptCodeOf(expectPublicPage(response, 'da')));
    expect(codes[0]).toBeDefined();
    expect(new Set(codes).size).toBe(1);
    expect((await countRows(t)).referrals).toBe(before.referrals + 1);
  });

  it('an expired or altered form is shown again with what was typed, and a fresh challenge', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/kontakt' });
    const challenge = challengeOf(form.body);
    const altered = challenge.replace(/^v1\.16\./, 'v1.8.');
    const page = expectPublicPage(await postForm(t, '/kontakt', { ...validContactFields, challenge: altered, nonce: '1' }), 'da', 422);
    expect(page).toContain('Formularen var for gammel.');
    expect(page).toContain('value="20 30 40 50"');
    expect(challengeOf(page)).not.toBe(altered);

    t.clock.advance(2 * HOUR + 1_000);
    try {
      expectPublicPage(await postForm(t, '/kontakt', { ...validContactFields, challenge, nonce: solveProofOfWork(challenge) }), 'da', 422);
    } finally {
      t.clock.advance(-(2 * HOUR + 1_000));
    }
  });

  it('the receipt code shows only whether anyone has called; a wrong code shows a neutral "not found"', async () => {
    const { response } = await submitContactForm(t, { service: 'lgbt-raadgivning', name: 'Robin', about: 'Kanariefugl i bur' });
    const code = receiptCodeOf(response.body) ?? '';
    const lookUp = async (value: string) => postForm(t, '/kvittering', { code: value });
    const form = expectPublicPage(await t.app.inject({ method: 'GET', url: '/kvittering' }), 'da');
    expect(form).toContain('<form method="post" action="/kvittering" autocomplete="off">');
    expect(form).toContain('Alle, der har koden, kan se det samme som du.');

    const received = expectPublicPage(await lookUp(code.toLowerCase()), 'da');
    expect(received).toContain('Ingen har kontaktet dig endnu.');
    for (const secret of ['Robin', 'Kanariefugl', '20 30 40 50', '33 13 19 48', 'LGBT+ Danmark', code]) expect(received).not.toContain(secret);

    const item = (await inboxOf(fx.lgbt)).find((entry) => entry.source === 'self' && entry.contactAttemptCount === 0);
    await fx.lgbt.client.get(`/api/inbox/${item?.id}`);
    await fx.lgbt.client.post(`/api/inbox/${item?.id}/contact-attempts`, { outcome: 'not_reached', note: 'Telefonsvarer' });
    const tried = (await lookUp(code)).body;
    expect(tried).toContain('En rådgiver har forsøgt at kontakte dig.');
    expect(tried).not.toContain('Telefonsvarer');
    await fx.lgbt.client.post(`/api/inbox/${item?.id}/contact-attempts`, { outcome: 'reached' });
    expect((await lookUp(code)).body).toContain('Du er blevet kontaktet.');

    const wrong = expectPublicPage(await lookUp('ZZZZ-ZZZZ-ZZ'), 'da');
    expect(wrong).toContain('Vi kan ikke finde en henvendelse med den kode.');
    const malformed = expectPublicPage(await lookUp('123'), 'da', 422);
    expect(malformed).toContain('Koden har 10 tegn');
  });

  it('an oversized form gets a page (413), anything but a form a problem document, and neither creates anything', async () => {
    const before = await countRows(t);
    const huge = await postForm(t, '/ar/kontakt', { ...validContactFields, about: 'ع'.repeat(3_000), challenge: 'x' });
    expect(expectPublicPage(huge, 'ar', 413)).toContain('النص طويل جداً');
    const json = await t.app.inject({ method: 'POST', url: '/kontakt', payload: { phone: 20304050 } });
    expect(json.statusCode).toBe(422);
    expect(json.headers['content-type']).toContain('application/problem+json');
    expect(await countRows(t)).toEqual(before);
  });

  it('nothing typed goes into a URL: every form posts, and answers never redirect', async () => {
    const pages = [(await t.app.inject({ method: 'GET', url: '/en/kontakt' })).body, (await t.app.inject({ method: 'GET', url: '/en/kvittering' })).body];
    for (const page of pages) {
      for (const [form] of page.matchAll(/<form[^>]*>/g)) expect(form).toContain('method="post"');
    }
    const { response } = await submitContactForm(t, {});
    expect(response.headers.location).toBeUndefined();
  });
});

describe('self-referral rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: true });
    await createSelfReferralFixture(t);
  });
  afterAll(async () => t.close());

  it('with proof of work an address may send 5 requests in 10 minutes; the next gets the form again with 429', async () => {
    for (let request = 0; request < 5; request += 1) {
      expect((await submitContactForm(t, {}, { remoteAddress: '198.51.100.7' })).response.statusCode).toBe(200);
    }
    const { response } = await submitContactForm(t, { about: 'min tekst' }, { remoteAddress: '198.51.100.7' });
    const page = expectPublicPage(response, 'da', 429);
    expect(page).toContain('Der er sendt mange henvendelser fra dit netværk');
    expect(page).toContain('>min tekst</textarea>');
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('without proof of work (no JavaScript, or a wrong proof) the form still works, but only 2 requests an hour', async () => {
    expect((await submitContactForm(t, {}, { withProof: false, remoteAddress: '198.51.100.8' })).response.statusCode).toBe(200);
    const form = await t.app.inject({ method: 'GET', url: '/kontakt' });
    const wrongProof = await postForm(t, '/kontakt', { ...validContactFields, challenge: challengeOf(form.body), nonce: '0' }, '198.51.100.8');
    expect(wrongProof.statusCode).toBe(200);
    expect((await submitContactForm(t, {}, { withProof: false, remoteAddress: '198.51.100.8' })).response.statusCode).toBe(429);
    // With proof of work the same address still has its own, larger budget.
    expect((await submitContactForm(t, {}, { remoteAddress: '198.51.100.8' })).response.statusCode).toBe(200);
  });

  it('a resent form is not counted: it makes nothing', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/kontakt' });
    const challenge = challengeOf(form.body);
    const fields = { ...validContactFields, challenge, nonce: '' };
    for (let request = 0; request < 4; request += 1) expect((await postForm(t, '/kontakt', fields, '198.51.100.9')).statusCode).toBe(200);
  });

  it('receipt lookups: 10 per 10 minutes per address', async () => {
    for (let request = 0; request < 10; request += 1) expect((await postForm(t, '/kvittering', { code: 'ZZZZ-ZZZZ-ZZ' }, '198.51.100.10')).statusCode).toBe(200);
    const limited = await postForm(t, '/kvittering', { code: 'ZZZZ-ZZZZ-ZZ' }, '198.51.100.10');
    expect(expectPublicPage(limited, 'da', 429)).toContain('Der er prøvet mange koder');
  });
});
