import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { DEFAULT_API_BODY_LIMIT, LARGER_BODY_LIMITS } from './body-limits.ts';
import { findUncheckedText, findUnboundedInputs, requestSchemasOf } from '../test/request-schemas.ts';

describe('every request schema bounds its strings and arrays', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('finds no string without a maximum length and no array without a maximum size, in any route’s body, query or path', () => {
    const unbounded = t.app.routeCatalogue.flatMap((route) =>
      Object.entries(requestSchemasOf(route)).flatMap(([part, schema]) => findUnboundedInputs(schema, part).map((path) => `${route.method} ${route.url} ${path}`)),
    );
    expect(unbounded).toEqual([]);
  });

  it('builds every free-form string with the shared text helpers (text, name, identifier), so each passes the one hygiene check', () => {
    const unchecked = t.app.routeCatalogue.flatMap((route) =>
      Object.entries(requestSchemasOf(route)).flatMap(([part, schema]) => findUncheckedText(schema, part).map((path) => `${route.method} ${route.url} ${path}`)),
    );
    // The public forms arrive as a bag of strings; the contact form's own schema (SelfReferralForm) checks each
    // field with the same helpers and shows the form again with the field marked, and a receipt code must match its
    // alphabet (normaliseReceiptCode). contact-form hygiene is tested in public-site.contact.test.ts.
    // The open events' link form (issue 14) likewise: a channel of two values, an address read as an e-mail address
    // or a phone number (readLinkAddress) and the contact form's challenge. So do the community-meeting forms
    // (CommunityMeetingSignUpForm, CommunityMeetingEvaluationAnswers, normaliseReceiptCode).
    const checkedByTheForm = /^POST \/(en\/|ar\/)?(kontakt|kvittering|hvad-sker-der\/:eventId\/link|faellesskabsmoeder\/afmeld|faellesskabsmoeder\/:meetingId|evaluering) body\.\*$/;
    expect(unchecked.filter((entry) => !checkedByTheForm.test(entry))).toEqual([]);
  });

  it('gives every API route a small body limit unless it is named in LARGER_BODY_LIMITS, and each name there is a route', () => {
    // The API documentation pages (Swagger UI) take no body and are not the API's routes.
    const apiRoutes = t.app.routeCatalogue.filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.method !== 'HEAD');
    const names = new Set(apiRoutes.map((route) => `${route.method} ${route.url}`));
    expect(Object.keys(LARGER_BODY_LIMITS).filter((name) => !names.has(name))).toEqual([]);
    for (const route of apiRoutes) expect(route.bodyLimit, `${route.method} ${route.url}`).toBe(LARGER_BODY_LIMITS[`${route.method} ${route.url}`] ?? DEFAULT_API_BODY_LIMIT);
  });

  it('refuses a body over the route’s limit with a 413 problem document before parsing it', async () => {
    const { session } = await t.given.signedIn('organisation_admin');
    const { session: referrer } = await t.given.signedIn('referrer');
    const twentyKilobytes = JSON.stringify({ name: 'x'.repeat(20 * 1024) });
    const small = await t.as(session).post('/api/admin/units', twentyKilobytes, { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(small.statusCode).toBe(413);
    expect(small.headers['content-type']).toContain('application/problem+json');
    expect(small.json()).toMatchObject({ code: 'payload_too_large' });
    // A referral may be larger: the same body is read, and refused for what it says.
    const larger = await t.as(referrer).post('/api/referrals', twentyKilobytes, { 'content-type': 'application/json', 'idempotency-key': 'body-limit-test-1' });
    expect(larger.statusCode).toBe(422);
  });

  it('would notice one', () => {
    expect(findUnboundedInputs({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'string', maxLength: 3 } } } }, 'body')).toEqual(['body.a', 'body.b']);
    expect(findUnboundedInputs({ type: 'string', pattern: '^[0-9]{3}$' }, 'params')).toEqual([]);
    expect(findUnboundedInputs({ type: 'string', pattern: '^[0-9]+$' }, 'params')).toEqual(['params']);
  });
});
