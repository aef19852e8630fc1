import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { bodyFor } from './authorization-bodies.ts';
import { expandMatrix, fromCsv, listOperations, type MatrixCase } from './authorization-matrix.ts';
import { idempotencyKey, resolvePath } from './authorization-objects.ts';
import { authorizationPolicy, type Expected } from './authorization-policy.ts';
import { actorKey, createAuthorizationWorld, type World } from './authorization-world.ts';

/**
 * The authorization matrix (issue 12 §6), run against the real app: every operation of the OpenAPI document ×
 * every role and no session × own organisation / another / the other service line × victim and perpetrator side ×
 * object states, each answer compared with the reviewed policy in authorization-policy.ts (never with the routes'
 * own permission declarations). An allow the policy does not give fails; so does a deny it does not expect, and a
 * new operation without rows. `npm run authz:matrix` regenerates the table after a reviewed policy change.
 */
const MATRIX_FILE = new URL('./authorization-matrix.csv', import.meta.url);
type Outcome = Expected | 'refused' | 'server_error' | 'setup_failed';
type Result = { c: MatrixCase; status: number; code: string | undefined; outcome: Outcome; detail?: string };

const denials: Record<number, { outcome: Outcome; codes: readonly string[] }> = {
  401: { outcome: 'unauthenticated', codes: ['unauthenticated', 'session_expired'] },
  403: { outcome: 'forbidden', codes: ['forbidden', 'csrf_failed'] },
  404: { outcome: 'not_found', codes: ['not_found'] },
};

/** What the answer means: a denial by the authorization rules, or past them (`allowed`, or `refused` by the use case). */
function classify(status: number, code: string | undefined): Outcome {
  if (status >= 500) return 'server_error';
  const denial = denials[status];
  if (denial && code !== undefined && denial.codes.includes(code)) return denial.outcome;
  return status < 400 ? 'allowed' : 'refused';
}

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let cases: MatrixCase[];
  const results: Result[] = [];
  let elapsedMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    t = await createTestApp({ isRateLimitEnabled: false });
    world = await createAuthorizationWorld(t);
    cases = fromCsv(readFileSync(MATRIX_FILE, 'utf8'));
    // Denials first, side by side: they must change nothing, so the allowed cases after them find every object as seeded.
    const seededMs = Date.now() - started;
    const expectedDenials = cases.filter((c) => c.expected !== 'allowed');
    await runInParallel(expectedDenials, 8, async (c) => void results.push(await runCase(t, world, c)));
    // Then what is allowed: every read before any write, so no write (a sent referral clears its author's draft) hides
    // what a read should find. Reads change nothing and run side by side; writes one after another.
    const allowed = cases.filter((c) => c.expected === 'allowed');
    await runInParallel(allowed.filter((c) => c.method === 'GET'), 4, async (c) => void results.push(await runCase(t, world, c)));
    for (const c of allowed.filter((c) => c.method !== 'GET')) results.push(await runCase(t, world, c));
    process.stdout.write(`authorization matrix: world seeded in ${(seededMs / 1000).toFixed(1)} s\n`);
    elapsedMs = Date.now() - started;
  }, 180_000);
  afterAll(async () => t?.close());

  it('is the table the reviewed policy gives for every operation of the OpenAPI document', () => {
    const operations = listOperations(t.app.swagger() as Parameters<typeof listOperations>[0]);
    expect(cases).toEqual(expandMatrix(operations, authorizationPolicy));
    const withoutRows = operations.filter((operation) => !cases.some((c) => c.operationId === operation.operationId));
    expect(withoutRows).toEqual([]);
    expect(cases.length).toBeGreaterThan(1_000);
  });

  it('allows nothing the policy does not allow, and never answers 5xx', () => {
    // AUTHZ_DEBUG=1 lists the allowed cases the use case then refused (409, 422): a stale body shows up there.
    if (process.env.AUTHZ_DEBUG) process.stdout.write(`${results.filter((r) => r.outcome === 'refused').map(describeResult).join('\n')}\n`);
    process.stdout.write(`authorization matrix: ${results.length} cases in ${(elapsedMs / 1000).toFixed(1)} s; ${summarise(results)}\n`);
    const unexpectedAllows = results.filter((r) => r.c.expected !== 'allowed' && r.outcome === 'allowed');
    expect(unexpectedAllows.map(describeResult)).toEqual([]);
    expect(results.filter((r) => r.outcome === 'server_error' || r.outcome === 'setup_failed').map(describeResult)).toEqual([]);
  });

  it('denies exactly as the policy says: the right status, and no deny of what it allows', () => {
    const mismatches = results.filter((r) => r.c.expected !== (r.outcome === 'refused' && r.c.expected === 'allowed' ? 'allowed' : r.outcome));
    expect(mismatches.map(describeResult)).toEqual([]);
  });
});

/** One case; a case whose objects could not be made is a failure of its own, not the end of the run. */
async function runCase(t: TestApp, world: World, c: MatrixCase): Promise<Result> {
  try {
    return await sendCase(t, world, c);
  } catch (error) {
    return { c, status: 0, code: error instanceof Error ? error.message.slice(0, 300) : String(error), outcome: 'setup_failed' };
  }
}

async function sendCase(t: TestApp, world: World, c: MatrixCase): Promise<Result> {
  const url = await resolvePath(t, world, c);
  const body = await bodyFor(t, world, c);
  const headers: Record<string, string> = { ...(await sessionHeaders(t, world, c)) };
  if (c.operationId === 'createReferral' || c.operationId === 'createCourse' || c.operationId === 'createCourseOnwardReferral') headers['idempotency-key'] = idempotencyKey();
  const method = c.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const request = { method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) };
  // The live-update stream never ends by itself: read its head, then hang up.
  if (c.operationId === 'streamInboxEvents') {
    const response = await t.app.inject({ ...request, payloadAsStream: true });
    response.stream().destroy();
    return toResult(c, response.statusCode, response.statusCode >= 400 ? undefined : undefined, response);
  }
  const response = await t.app.inject(request);
  return toResult(c, response.statusCode, undefined, response);
}

/** The case's caller: its session's cookie and CSRF token; a fresh session where the operation ends it (sign-out). */
async function sessionHeaders(t: TestApp, world: World, c: MatrixCase): Promise<Record<string, string>> {
  if (c.role === 'anonymous') return {};
  const actor = world.actors.get(actorKey(c.role, c.relation, c.side));
  if (!actor) throw new Error(`authorization matrix: no ${c.role} for ${c.relation} on the ${c.side} side`);
  if (c.operationId === 'logOut') return (await t.given.session(actor.user)).headers;
  return actor.session.headers;
}

function toResult(c: MatrixCase, status: number, _code: string | undefined, response: LightMyRequestResponse): Result {
  const isProblem = String(response.headers['content-type'] ?? '').includes('application/problem+json');
  let code: string | undefined;
  if (isProblem && c.operationId !== 'streamInboxEvents') {
    const problem = response.json() as { code?: string; errors?: { path: string; message: string }[] };
    code = problem.code;
    // Which field a refusal names, to tell a stale body in authorization-bodies.ts from a real answer.
    if (problem.errors) return { c, status, code, outcome: classify(status, code), detail: problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
  }
  else if (isProblem) code = status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : undefined;
  return { c, status, code, outcome: classify(status, code) };
}

async function runInParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function describeResult(r: Result): string {
  return `${r.c.method} ${r.c.path} as ${r.c.role}/${r.c.relation}/${r.c.side}/${r.c.state}: expected ${r.c.expected}, got ${r.status} ${r.code ?? ''} ${r.detail ?? ''}`.trim();
}

function summarise(results: readonly Result[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
}
