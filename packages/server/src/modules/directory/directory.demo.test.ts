import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryDemoListings, loadDirectoryDemoData } from '../../demo/directory-demo.ts';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('directory demo data', () => {
  describe('on top of the demo organisations', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      await loadDemoDataIfEmpty({ db: t.db, cipher: t.cipher, clock: t.clock });
    });
    afterAll(async () => t.close());

    it('attaches the listings to the demo organisations and their referral services, once', async () => {
      // loadDemoDataIfEmpty already loaded the directory demo after its own commit: a second load does nothing.
      expect(await loadDirectoryDemoData({ db: t.db, clock: t.clock })).toEqual({ isLoaded: false });
      const rows = await t.db
        .selectFrom('directory_services')
        .innerJoin('organisations', 'organisations.id', 'directory_services.organisation_id')
        .leftJoin('services', 'services.id', 'directory_services.referral_service_id')
        .select(['directory_services.slug', 'organisations.slug as organisation_slug', 'services.slug as referral_slug'])
        .execute();
      expect(rows).toHaveLength(directoryDemoListings.length);
      const hotline = rows.find((row) => row.slug === 'hotline-1888');
      expect(hotline).toEqual({ slug: 'hotline-1888', organisation_slug: 'lev-uden-vold', referral_slug: 'hotline-1888' });
      expect(rows.find((row) => row.slug === 'vores-vej-ud')).toMatchObject({ organisation_slug: 'kommune-koebenhavn', referral_slug: 'vores-vej-ud' });
      expect(rows.find((row) => row.slug === 'danner-krisecenter')).toMatchObject({ organisation_slug: 'danner', referral_slug: null });
      const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'directory_demo.load').execute();
      expect(audit).toEqual([{ details: { listings: directoryDemoListings.length } }]);
    });

    it('the hotline is open day and night, free and anonymous; the shelter publishes only how to make contact', async () => {
      const hotline = await t.as(undefined).get('/tilbud/hotline-1888');
      expect(hotline.statusCode).toBe(200);
      for (const text of ['Døgnåben', 'Gratis', 'Du kan være anonym', 'href="tel:1888"']) expect(hotline.body).toContain(text);
      const shelter = await t.as(undefined).get('/tilbud/danner-krisecenter');
      expect(shelter.body).toContain('33 33 00 47');
      expect(shelter.body).toContain('Adressen er hemmelig af hensyn til sikkerheden.');
      const location = await t.db
        .selectFrom('directory_locations')
        .innerJoin('directory_services', 'directory_services.id', 'directory_locations.directory_service_id')
        .selectAll('directory_locations')
        .where('directory_services.slug', '=', 'danner-krisecenter')
        .executeTakeFirstOrThrow();
      expect(location).toMatchObject({ is_confidential: true, address_line: null, postal_code: null, latitude: null, confidential_address_enc: null });
    });

    it('every demo listing renders in every language and passes the HSDS schema', async () => {
      for (const { listing } of directoryDemoListings) {
        for (const lang of ['da', 'en', 'ar']) {
          expect((await t.as(undefined).get(lang === 'da' ? `/tilbud/${listing.slug}` : `/${lang}/tilbud/${listing.slug}`)).statusCode, `${lang} ${listing.slug}`).toBe(200);
        }
      }
      const all = await t.as(undefined).get('/api/hsds/services?per_page=100&full=true');
      expect(all.statusCode).toBe(200);
      expect(all.json().total_items).toBe(directoryDemoListings.length);
      const lgbt = (await t.as(undefined).get('/api/hsds/services?taxonomy_term_id=target_group:lgbt')).json();
      expect(lgbt.contents.map((service: { name: string }) => service.name)).toEqual(['Hotline 1888', 'LGBT+ Danmarks rådgivning']);
    });
  });

  it('on an empty database it creates the organisations it needs', async () => {
    const t = await createTestApp();
    try {
      expect(await loadDirectoryDemoData({ db: t.db, clock: t.clock })).toEqual({ isLoaded: true });
      const organisations = await t.db.selectFrom('organisations').select(['slug', 'kind', 'municipality_code']).orderBy('slug').execute();
      expect(organisations.map((organisation) => organisation.slug)).toEqual([
        'danner',
        'dialog-mod-vold',
        'kommune-koebenhavn',
        'lev-uden-vold',
        'lgbt-danmark',
        'lokk',
        'mandecentret',
        'moedrehjaelpen',
      ]);
      expect(organisations.find((organisation) => organisation.slug === 'kommune-koebenhavn')).toMatchObject({ kind: 'municipality', municipality_code: '101' });
    } finally {
      await t.close();
    }
  });
});
