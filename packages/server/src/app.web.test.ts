import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BroApp } from './app.ts';
import { createFixedClock } from './platform/clock.ts';
import { createFieldCipher } from './platform/field-encryption.ts';
import { createInProcessLiveUpdates } from './platform/live-updates.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from './test/test-app.ts';
import { createTestDatabase, type TestDatabase } from './test/test-database.ts';

/** The built web app, served by the same process: assets cached forever, the page never, deep links work. */
describe('serving the web app', () => {
  let app: BroApp;
  let database: TestDatabase;
  let distDir: string;

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'bro-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Bro</title><div id="root"></div>');
    writeFileSync(join(distDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
    database = await createTestDatabase();
    app = await buildApp({
      db: database.db,
      clock: createFixedClock(TEST_NOW),
      cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
      liveUpdates: createInProcessLiveUpdates(),
      config: { publicOrigin: 'http://localhost:3000', allowInsecureOidc: false, logLevel: 'silent', webDistDir: distDir },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves hashed assets with a long cache lifetime and the security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/medarbejder/assets/index-abc123.css' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/css');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a deep link under /medarbejder with the app page, never cached', async () => {
    for (const url of ['/medarbejder', '/medarbejder/', '/medarbejder/inbox/2f1c']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it("redirects the staff app's old addresses permanently to their place under /medarbejder", async () => {
    for (const [from, to] of [
      ['/login?reason=idle', '/medarbejder/login?reason=idle'],
      ['/inbox', '/medarbejder/inbox'],
      ['/inbox/2f1c', '/medarbejder/inbox/2f1c'],
      ['/referrals/new', '/medarbejder/referrals/new'],
      ['/courses/2f1c/triage', '/medarbejder/courses/2f1c/triage'],
      ['/admin/users', '/medarbejder/admin/users'],
      ['/platform/organisations', '/medarbejder/platform/organisations'],
    ]) {
      const response = await app.inject({ method: 'GET', url: from, headers: { accept: 'text/html' } });
      expect(response.statusCode, from).toBe(301);
      expect(response.headers.location).toBe(to);
    }
  });

  it('leaves "/" to the public site, not to the staff sign-in', async () => {
    const response = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="tel:1888"');
    expect(response.body).not.toContain('<div id="root">');
  });

  it('keeps unknown API paths and non-HTML requests as problem documents', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nowhere', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const missingAsset = await app.inject({ method: 'GET', url: '/medarbejder/assets/missing.js' });
    expect(missingAsset.statusCode).toBe(404);
  });
});
