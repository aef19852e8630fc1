import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../test/builders.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { findUnsafeText } from './input-hygiene.ts';

describe('unsafe characters in API requests', () => {
  it('finds control characters, bidirectional overrides and lone surrogates, and leaves text people type alone', () => {
    for (const unsafe of ['Enhed\u0000X', 'Enhed\u202eX', 'a\u2066b', 'bell\u0007', 'lone \ud800', 'lone \udc00', 'c1 \u0085']) {
      expect(findUnsafeText({ name: unsafe }, 'body'), JSON.stringify(unsafe)).toEqual(['body.name']);
    }
    const typed = ['Søren Ærø', 'Line 1\nLine 2\tTab\r\n', 'أمل', 'می‌خواهم', 'Emoji 👩‍👧', 'mark\u200f'];
    expect(findUnsafeText({ names: typed, nested: { deeper: typed } }, 'body')).toEqual([]);
    expect(findUnsafeText({ list: ['ok', { bad: 'x\u0000' }] }, 'body')).toEqual(['body.list.1.bad']);
  });

  describe('through the app', () => {
    let t: TestApp;
    let admin: GivenSession;
    beforeAll(async () => {
      t = await createTestApp({ isRateLimitEnabled: false });
      ({ session: admin } = await t.given.signedIn('organisation_admin', { kind: 'counselling_service' }));
    });
    afterAll(async () => t.close());

    it('answers 422 problem+json naming the field, for a NUL or a right-to-left override, and stores nothing', async () => {
      const before = await t.db.selectFrom('units').select('id').execute();
      for (const name of ['Enhed\u0000X', 'Enhed\u202eX']) {
        const response = await t.as(admin).post('/api/admin/units', { name });
        expect(response.statusCode).toBe(422);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.name', message: 'unsafe_character' }] });
      }
      expect(await t.db.selectFrom('units').select('id').execute()).toHaveLength(before.length);
      expect((await t.as(admin).post('/api/admin/units', { name: 'Team Øst' })).statusCode).toBe(201);
    });

    it('refuses them in a query string too', async () => {
      const response = await t.as(admin).get('/api/admin/users?x=%00');
      expect(response.statusCode).toBe(422);
    });
  });
});
