import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createKysely } from '../../db/database.ts';
import { findFreePort } from '../../db/embedded-postgres.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../../platform/live-updates.ts';
import { createTestApp, TEST_ENCRYPTION_KEY, TEST_NOW, type TestApp } from '../../test/test-app.ts';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers 200 while the database is reachable', async () => {
    const response = await t.as(undefined).get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const url of ['/api/health', '/api/does-not-exist']) {
      const response = await t.as(undefined).get(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers an unknown API path with a problem document in Danish by default and English on request', async () => {
    const danish = await t.as(undefined).get('/api/nowhere');
    expect(danish.statusCode).toBe(404);
    expect(danish.headers['content-type']).toContain('application/problem+json');
    expect(danish.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Ikke fundet' });
    const english = await t.as(undefined).get('/api/nowhere', { 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' });
    expect(english.json()).toMatchObject({ code: 'not_found', title: 'Not found' });
  });
});

describe('GET /api/health with the database gone', () => {
  it('answers 503 with a generic problem document', async () => {
    const port = await findFreePort();
    const unreachable = createKysely(`postgres://nobody:nothing@127.0.0.1:${port}/none`, 1);
    const app = await buildApp({
      db: unreachable,
      clock: createFixedClock(TEST_NOW),
      cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
      liveUpdates: createInProcessLiveUpdates(),
      config: { publicOrigin: 'http://localhost:3000', allowInsecureOidc: false, logLevel: 'silent', webDistDir: '/nonexistent' },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'service_unavailable' });
    expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.ts/);
    await app.close();
    await unreachable.destroy();
  });
});
