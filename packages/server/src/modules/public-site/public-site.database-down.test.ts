import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BroApp } from '../../app.ts';
import { createKysely } from '../../db/database.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../../platform/live-updates.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../../test/test-app.ts';
import { writeStaticStartPages } from './index.ts';
import { expectPublicPage, TEST_PUBLIC_ORIGIN } from './public-site.test-support.ts';

/**
 * When someone may need the hotline most, the system may be failing. The start page reads nothing from the
 * database, so it is served while the database refuses every connection; pages that do need it answer with the
 * hotline instead of an error document; and the static start pages stand in when the app itself is down.
 */
describe('public site: when the database is down', () => {
  let app: BroApp;
  const call = '<a class="call-button" href="tel:1888">';

  beforeAll(async () => {
    // A database address where nothing listens: every query fails at once with ECONNREFUSED.
    const db = createKysely(`postgres://bro:bro@127.0.0.1:${await findClosedPort()}/bro`, 2);
    app = await buildApp({
      db,
      clock: createFixedClock(TEST_NOW),
      cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
      liveUpdates: createInProcessLiveUpdates(),
      config: { publicOrigin: TEST_PUBLIC_ORIGIN, allowInsecureOidc: false, logLevel: 'silent', webDistDir: '/nonexistent' },
    });
    await app.ready();
    // The premise: the database really refuses.
    await expect(db.selectFrom('organisations').select('id').execute()).rejects.toThrow();
  });
  afterAll(async () => app.close());

  it('still serves the start page with 1888 on /, /en/ and /ar/', async () => {
    for (const [url, lang] of [
      ['/', 'da'],
      ['/en/', 'en'],
      ['/ar/', 'ar'],
    ] as const) {
      const body = expectPublicPage(await app.inject({ method: 'GET', url }), url, lang);
      expect(body, url).toContain(call);
    }
    expect((await app.inject({ method: 'GET', url: '/public/public.css' })).statusCode).toBe(200);
  });

  it('a page that needs the database answers 503 with the hotline, in its language, not an error document', async () => {
    for (const [url, lang] of [
      ['/tilbud?situation=exposed', 'da'],
      ['/en/tilbud/hotline-1888', 'en'],
      ['/ar/kontakt', 'ar'],
      ['/kampagner/omsorg-i-faellesskabet', 'da'],
    ] as const) {
      const body = expectPublicPage(await app.inject({ method: 'GET', url }), url, lang, 503);
      expect(body, url).toContain(call);
    }
    expect((await app.inject({ method: 'GET', url: '/tilbud' })).body).toContain('<h1>Siden kan ikke vises lige nu</h1>');
  });

  it('writes static start pages that need nothing from us: styles and quick exit inline, 1888 first', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bro-static-'));
    try {
      const files = await writeStaticStartPages({ folder, site: { publicOrigin: TEST_PUBLIC_ORIGIN } });
      expect(files.map((file) => file.slice(folder.length + 1))).toEqual(['start-da.html', 'start-en.html', 'start-ar.html']);
      const danish = readFileSync(join(folder, 'start-da.html'), 'utf8');
      expect(danish).toMatch(/^<!doctype html><html lang="da" dir="ltr">/);
      expect(danish).toContain(call);
      expect(danish).toContain('<title>Information</title>');
      expect(danish).toContain('<style>');
      expect(danish).toContain('.call-button');
      // Quick exit works from the file alone: the link, and the script (Shift three times, history replaced).
      expect(danish).toContain('<a id="quick-exit" class="quick-exit" href="https://www.dr.dk/nyheder/vejret" rel="noreferrer">');
      expect(danish).toMatch(/<script>\/\* Quick exit[\s\S]*location\.replace[\s\S]*<\/script>\n<\/body>/);
      expect(danish).not.toMatch(/<link rel="stylesheet"|<script src=/);
      expect(readFileSync(join(folder, 'start-ar.html'), 'utf8')).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** A loopback port that was free a moment ago and that nothing listens on now. */
function findClosedPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
