import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createKysely } from '../../db/database.ts';
import { findFreePort } from '../../db/embedded-postgres.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../../platform/live-updates.ts';
import { latestMigrationName } from '../../db/migrate.ts';
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

describe('GET /api/ready', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers 200 with the migration when the database carries the newest one this code knows', async () => {
    const response = await t.as(undefined).get('/api/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', migration: latestMigrationName });
  });

  it('answers 503 problem+json while the database is behind this version, and 200 again once it has caught up', async () => {
    await sql`UPDATE kysely_migration SET name = name || '-renamed' WHERE name = ${latestMigrationName}`.execute(t.db);
    await sql`UPDATE kysely_migration SET name = '2000-01-01T0000-older' WHERE name = ${`${latestMigrationName}-renamed`}`.execute(t.db);
    try {
      const behind = await t.as(undefined).get('/api/ready');
      expect(behind.statusCode).toBe(503);
      expect(behind.headers['content-type']).toContain('application/problem+json');
      expect(behind.json()).toMatchObject({ code: 'service_unavailable' });
      // Liveness is another question: the process is alive and the database answers.
      expect((await t.as(undefined).get('/api/health')).statusCode).toBe(200);
    } finally {
      await sql`UPDATE kysely_migration SET name = ${latestMigrationName} WHERE name = '2000-01-01T0000-older'`.execute(t.db);
    }
    expect((await t.as(undefined).get('/api/ready')).statusCode).toBe(200);
  });
});

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves Prometheus text to an allowed address: durations by route pattern (never an id), pool, job queue and outbox', async () => {
    await t.as(undefined).get('/api/referrals/7f1c0c2e-54a6-4f43-9a39-6d1c7e0e0d11');
    await t.as(undefined).get('/api/health');
    const response = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(/bro_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 1/);
    expect(text).toContain('route="/api/referrals/:referralId"');
    expect(text).not.toContain('7f1c0c2e');
    expect(text).toMatch(/^bro_db_pool_connections \d+$/m);
    expect(text).toMatch(/^bro_db_pool_waiting_requests 0$/m);
    expect(text).toMatch(/^bro_outbox_backlog_messages 0$/m);
    expect(text).toContain('# TYPE bro_job_queue_lag_seconds gauge');
  });

  it('answers any other address with the ordinary 404, and takes the allowed list from the configuration', async () => {
    const outsider = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain('bro_');
    const other = await createTestApp({ config: { metricsAllowedAddresses: ['10.1.0.0/16'] } });
    try {
      expect((await other.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
      expect((await other.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('sees the client behind a trusted proxy (TRUST_PROXY), and never believes X-Forwarded-For from anyone else', async () => {
    const behindProxy = await createTestApp({ config: { trustProxy: ['10.0.0.5'], metricsAllowedAddresses: ['192.0.2.7'] } });
    try {
      const viaProxy = await behindProxy.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': '192.0.2.7' } });
      expect(viaProxy.statusCode).toBe(200);
      const forged = await behindProxy.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.9.9.9', headers: { 'x-forwarded-for': '192.0.2.7' } });
      expect(forged.statusCode).toBe(404);
    } finally {
      await behindProxy.close();
    }
  });
});
