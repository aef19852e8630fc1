import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
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
    const checkedByTheForm = /^POST \/(en\/|ar\/)?(kontakt|kvittering) body\.\*$/;
    expect(unchecked.filter((entry) => !checkedByTheForm.test(entry))).toEqual([]);
  });

  it('would notice one', () => {
    expect(findUnboundedInputs({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'string', maxLength: 3 } } } }, 'body')).toEqual(['body.a', 'body.b']);
    expect(findUnboundedInputs({ type: 'string', pattern: '^[0-9]{3}$' }, 'params')).toEqual([]);
    expect(findUnboundedInputs({ type: 'string', pattern: '^[0-9]+$' }, 'params')).toEqual(['params']);
  });
});
