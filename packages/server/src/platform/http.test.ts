import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('publishes an OpenAPI 3.1 document with every API route and its response schemas', async () => {
    const response = await t.as(undefined).get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const apiRoutes = t.app.routeCatalogue.filter(
      (route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json' && route.method !== 'HEAD',
    );
    for (const route of apiRoutes) {
      const openApiPath = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${openApiPath}`);
    }
    expect(document.paths['/api/referrals'].post.responses['201']).toBeDefined();
  });

  it('serves readable API docs', async () => {
    const response = await t.as(undefined).get('/api/docs/');
    expect([200, 302]).toContain(response.statusCode);
  });

  it('refuses an oversize body with 413 problem+json, before any handler runs', async () => {
    const response = await t.as(undefined).post('/api/auth/login', { email: 'a@b.dk', password: 'x'.repeat(70 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers malformed JSON with a problem document and no internals', async () => {
    const response = await t.as(undefined).post('/api/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toMatch(/SyntaxError|node_modules|\.ts:|at [A-Za-z]+ \(/);
  });

  it('refuses a content type the API does not speak', async () => {
    const response = await t.as(undefined).post('/api/auth/login', 'email=a@b.dk', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
