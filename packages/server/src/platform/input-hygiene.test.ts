import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../test/builders.ts';
import { givenHelpService } from '../modules/directory/testing.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { findUnsafeText } from './input-hygiene.ts';

describe('unsafe characters in API requests', () => {
  it('finds control characters, bidirectional overrides and lone surrogates, and leaves text people type alone', () => {
    for (const unsafe of ['Enhed\u0000X', 'Enhed\u202eX', 'a\u2066b', 'bell\u0007', 'lone \ud800', 'lone \udc00', 'c1 \u0085']) {
      expect(findUnsafeText({ name: unsafe }, 'body'), JSON.stringify(unsafe)).toEqual([{ path: 'body.name', message: 'unsafe_character' }]);
    }
    const typed = ['Søren Ærø', 'Line 1\nLine 2\tTab\r\n', 'أمل', 'می‌خواهم', 'Emoji 👩‍👧', 'mark\u200f'];
    expect(findUnsafeText({ names: typed, nested: { deeper: typed } }, 'body')).toEqual([]);
    expect(findUnsafeText({ list: ['ok', { bad: 'x\u0000' }] }, 'body')).toEqual([{ path: 'body.list.1.bad', message: 'unsafe_character' }]);
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

    it('refuses JSON nested deeper than any request of ours with a 422 (thousands of levels used to overflow the stack: a 500)', async () => {
      // Within the route's 16 KB body limit: 2,500 objects or 7,000 arrays deep.
      for (const payload of [`${'{"a":'.repeat(2_500)}1${'}'.repeat(2_500)}`, `${'['.repeat(7_000)}${']'.repeat(7_000)}`]) {
        const response = await t.as(admin).post('/api/admin/units', payload, { 'content-type': 'application/json' });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ message: 'too_deep' }] });
      }
    });

    it('refuses them in a query string too', async () => {
      const response = await t.as(admin).get('/api/admin/users?x=%00');
      expect(response.statusCode).toBe(422);
    });
  
    it('answers 422, never 500, for a NUL in the fields the review reported, and stores nothing (units, users, organisations, directory listings)', async () => {
      const { session: platformAdmin } = await t.given.signedIn('platform_admin', { kind: 'platform_operator' });
      const { session: directoryAdmin, organisationId } = await t.given.signedIn('organisation_admin', { kind: 'ngo' });
      const listingId = await givenHelpService(t, organisationId);
      const rowCounts = async () =>
        Promise.all((['units', 'users', 'organisations', 'directory_services', 'publication_requests', 'audit_log'] as const).map(async (table) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
      const listingBefore = await t.db.selectFrom('directory_services').select(['name_da', 'updated_at']).where('id', '=', listingId).executeTakeFirstOrThrow();
      const before = await rowCounts();
      const attempts = [
        { answer: await t.as(admin).post('/api/admin/units', { name: 'Team\u0000Øst' }), path: 'body.name' },
        { answer: await t.as(admin).post('/api/admin/users', { email: 'ny@test.bro.dk', displayName: 'Ny\u0000Bruger', role: 'counsellor' }), path: 'body.displayName' },
        { answer: await t.as(platformAdmin).post('/api/platform/organisations', { slug: 'nul-org', name: 'Nul\u0000Org', kind: 'ngo' }), path: 'body.name' },
        { answer: await t.as(directoryAdmin).patch(`/api/directory/services/${listingId}`, { nameDa: 'Nyt\u0000navn' }), path: 'body.nameDa' },
      ];
      for (const { answer, path } of attempts) {
        expect(answer.statusCode, path).toBe(422);
        expect(answer.headers['content-type']).toContain('application/problem+json');
        expect(answer.json().errors).toContainEqual({ path, message: 'unsafe_character' });
      }
      expect(await rowCounts()).toEqual(before);
      expect(await t.db.selectFrom('directory_services').select(['name_da', 'updated_at']).where('id', '=', listingId).executeTakeFirstOrThrow()).toEqual(listingBefore);
    });

    it('stores names in NFC, and refuses zero-width characters and line breaks in a name, naming the field in the user’s language', async () => {
      const created = await t.as(admin).post('/api/admin/units', { name: 'A\u030Arhus Syd' });
      expect(created.statusCode).toBe(201);
      expect(await t.db.selectFrom('units').select('name').where('id', '=', created.json().id).executeTakeFirstOrThrow()).toEqual({ name: 'Århus Syd' });
      const cases = [
        { name: 'Team\u200BNord', message: 'zero_width_character' },
        { name: 'Team\uFEFFNord', message: 'zero_width_character' },
        { name: 'Team\nNord', message: 'single_line' },
        { name: 'Team\tNord', message: 'single_line' },
      ];
      for (const { name, message } of cases) {
        const response = await t.as(admin).post('/api/admin/units', { name }, { 'accept-language': 'en' });
        expect(response.statusCode, JSON.stringify(name)).toBe(422);
        expect(response.headers['content-language']).toBe('en');
        expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.name', message }] });
      }
      const danish = await t.as(admin).post('/api/admin/units', { name: 'Team\u200BNord' }, { 'accept-language': 'da' });
      expect(danish.headers['content-language']).toBe('da');
      expect(await t.db.selectFrom('units').select('id').where('name', 'like', 'Team%Nord').execute()).toEqual([]);
    });
  });
});
