import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { operationIdOverrides, tagDescriptions } from './openapi.ts';

type Operation = {
  method: string;
  path: string;
  operationId: string;
  tags?: string[];
  security: Record<string, string[]>[];
  'x-permission'?: string;
  requestBody?: unknown;
  responses: Record<string, { content?: unknown }>;
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, Record<string, unknown>> };
  servers: unknown[];
  info: { license: unknown };
  tags: { name: string; description: string }[];
};

function listOperations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ ...operation, method, path })));
}

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
      // An alias with a trailing slash (`/api/hsds/`) is documented once, under the path without it.
      const openApiPath = route.url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/(.)\/$/, '$1');
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${openApiPath}`);
    }
    expect(document.paths['/api/referrals'].post.responses['201']).toBeDefined();
  });

  describe('the OpenAPI document is good enough to generate clients from', () => {
    let document: OpenApiDocument;
    let operations: Operation[];
    beforeAll(async () => {
      document = (await t.as(undefined).get('/api/openapi.json')).json();
      operations = listOperations(document);
    });

    it('every operation has a unique, camelCase operationId; every override still names an operation', () => {
      expect(operations.length).toBeGreaterThan(90);
      const ids = operations.map((operation) => operation.operationId);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/);
      expect(new Set(ids).size).toBe(ids.length);
      const keys = new Set(operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`));
      for (const [key, id] of Object.entries(operationIdOverrides)) {
        expect(keys, key).toContain(key);
        expect(ids).toContain(id);
      }
    });

    it('security and x-permission say what the authorization hook enforces', () => {
      expect(document.components.securitySchemes).toEqual({
        sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: '__Host-bro-session' }),
        csrfHeader: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
      });
      const permissionByRoute = new Map(t.app.routeCatalogue.map((route) => [`${route.method} ${route.url.replace(/:([A-Za-z]+)/g, '{$1}')}`, route.permission]));
      for (const operation of operations) {
        const key = `${operation.method.toUpperCase()} ${operation.path}`;
        const permission = permissionByRoute.get(key);
        expect(operation['x-permission'], key).toBe(permission);
        const expected =
          permission === 'public' ? [] : operation.method === 'get' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfHeader: [] }];
        expect(operation.security, key).toEqual(expected);
      }
    });

    it('operations documented with the CSRF header refuse a session without it; public ones need no session', async () => {
      const { session } = await t.given.signedIn('referrer');
      for (const operation of operations) {
        const url = operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const method = operation.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        if (operation.security.some((requirement) => 'csrfHeader' in requirement)) {
          const response = await t.app.inject({ method, url, headers: { cookie: session.headers.cookie }, payload: {} });
          expect(response.json(), `${method} ${operation.path}`).toMatchObject({ status: 403, code: 'csrf_failed' });
        } else if (operation.security.length === 0) {
          const response = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
          expect([401, 403], `${method} ${operation.path}`).not.toContain(response.statusCode);
        }
      }
    });

    it('every operation documents its problem responses as application/problem+json with the shared schema', () => {
      const withoutClientErrors: string[] = [];
      for (const operation of operations) {
        const key = `${operation.method.toUpperCase()} ${operation.path}`;
        const problems = Object.entries(operation.responses).filter(([status]) => status.startsWith('4') || status === 'default');
        for (const [status, response] of problems) {
          expect(response.content, `${key} ${status}`).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocument' } } });
        }
        const statuses = problems.map(([status]) => status);
        expect(statuses, key).toContain('default');
        if (operation.security.length > 0) expect(statuses, key).toEqual(expect.arrayContaining(['401', '403']));
        if (operation.path.includes('{')) expect(statuses, key).toContain('404');
        if (operation.requestBody) expect(statuses, key).toEqual(expect.arrayContaining(['413', '422']));
        if (!statuses.some((status) => status.startsWith('4'))) withoutClientErrors.push(key);
      }
      // Public, without input and not rate-limited: no client error can occur (redocly.yaml says the same).
      expect(withoutClientErrors.sort()).toEqual(['GET /api/auth/oidc/providers', 'GET /api/health', 'GET /api/hsds', 'GET /api/ready']);
    });

    it('ProblemDocument describes the problem documents the server sends', async () => {
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      const validate = ajv.compile(document.components.schemas.ProblemDocument ?? false);
      const notFound = await t.as(undefined).get('/api/hsds/services/00000000-0000-4000-8000-000000000000');
      const invalid = await t.as(undefined).get('/api/hsds/services?page=0');
      const unauthenticated = await t.as(undefined).get('/api/referrals');
      for (const response of [notFound, invalid, unauthenticated]) {
        expect(validate(response.json()), JSON.stringify(validate.errors)).toBe(true);
      }
      expect(invalid.json().errors).toEqual([expect.objectContaining({ path: 'querystring.page' })]);
    });

    it('names its server, licence and every tag it uses', () => {
      expect(document.servers).toEqual([{ url: 'http://localhost:3000', description: expect.any(String) }]);
      expect(document.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
      const declared = new Map(document.tags.map((tag) => [tag.name, tag.description]));
      for (const tag of new Set(operations.flatMap((operation) => operation.tags ?? []))) expect(declared.get(tag), tag).toEqual(expect.any(String));
      expect(Object.keys(tagDescriptions).sort()).toEqual([...declared.keys()].sort());
    });
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
