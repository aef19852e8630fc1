import { hasPermission, Role } from '@bro/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferralFixture, givenReferral } from '../../modules/referrals/testing.ts';
import type { GivenUser } from '../builders.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { listOperations, requestArbitrary, type FuzzRequest, type Operation } from './requests.ts';

/**
 * The fuzz test (issue 12 §6): requests generated from every API operation's schemas, valid and broken, sent by
 * the roles that may call the operation and by an anonymous caller. The oracle: never a 5xx, never a stack trace
 * or SQL text in an answer, every error a problem document, and nothing stored by a rejected request.
 *
 * 100 requests per operation by default (CI's first pass; its pass on the machine's PostgreSQL sends 25); `npm run fuzz` sends more (BRO_FUZZ_RUNS, e.g. 2000) and
 * BRO_FUZZ_SEED replays a run.
 */

const RUNS_PER_OPERATION = Number(process.env.BRO_FUZZ_RUNS ?? 100);
/** Only the operations whose "METHOD /path" contains this text (to dig into one). */
const ONLY = process.env.BRO_FUZZ_ONLY ?? '';
const SEED = process.env.BRO_FUZZ_SEED === undefined ? undefined : Number(process.env.BRO_FUZZ_SEED);
const READ_CONCURRENCY = 4;

/** What an answer may never show: a stack frame, a file path, SQL, a database or validation library error. */
const LEAK = /\bat [^\s]+ \(|\.(ts|js):\d+|node_modules|\/work\/|\b(select|insert|update|delete)\b[^"]{1,80}\b(from|into|set|where)\b|syntax error|violates [a-z ]*constraint|relation "|column "|ZodError|TypeError|ReferenceError/i;

/**
 * What a refused request stores by design: a failed sign-in is counted (the lockout and the holder's notice,
 * QUALITY R18), so guessing passwords cannot go unnoticed, and so is the address it was tried on (the growing wait,
 * kept as a keyed hash of the address in `login_throttles`).
 */
const STORED_WHEN_REFUSED: Record<string, string[]> = {
  'POST /api/auth/login': ['audit_log', 'users', 'login_throttles', 'account_unlock_links', 'outbox_messages'],
  // A wrong password or code when re-authenticating counts toward the same lock; the lock e-mails the unlock link.
  'POST /api/auth/reauthenticate': ['audit_log', 'users', 'login_throttles', 'account_unlock_links', 'outbox_messages'],
  // A used, expired or unknown enrolment link is audited with the reason (enrolment.service.ts).
  'POST /api/auth/enrolment': ['audit_log'],
  // So is a used, expired or unknown unlock link (lockout.service.ts): someone may be trying links.
  'POST /api/auth/unlock': ['audit_log'],
  // A refused OIDC sign-in is audited with the reason (oidc.service.ts), as a refused password sign-in is.
  'GET /api/auth/oidc/callback': ['audit_log'],
};

/**
 * A row trigger on every table of the test's own database notes each insert, update and delete in `fuzz_writes`:
 * "nothing stored" then costs one query per request, and catches updates that row counts would miss. A partitioned
 * table (the access log) gets it once, and its partitions inherit it; a write is noted under the partitioned table.
 */
async function recordEveryWrite(t: TestApp): Promise<void> {
  await sql`create table fuzz_writes (id bigserial primary key, table_name text not null, operation text not null)`.execute(t.db);
  await sql`create function fuzz_record_write() returns trigger language plpgsql as $$ begin insert into fuzz_writes (table_name, operation) values (coalesce((select parent.relname from pg_inherits join pg_class parent on parent.oid = pg_inherits.inhparent where pg_inherits.inhrelid = tg_relid), tg_table_name), tg_op); return null; end $$`.execute(t.db);
  await sql`do $$ declare r record; begin
    for r in select tablename from pg_tables join pg_class on pg_class.oid = format('public.%I', tablename)::regclass
             where schemaname = 'public' and tablename <> 'fuzz_writes' and not pg_class.relispartition loop
      execute format('create trigger fuzz_record_write after insert or update or delete on %I for each row execute function fuzz_record_write()', r.tablename);
    end loop; end $$`.execute(t.db);
}

type Caller = { name: string; headers: Record<string, string> };
type Failure = { operation: string; caller: string; request: FuzzRequest; status: number; problem: string };

describe('fuzzing every API operation', () => {
  let t: TestApp;
  const users = new Map<Role, GivenUser>();
  const knownIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const fx = await createReferralFixture(t);
    const referral = await givenReferral(t, fx, { status: 'received' });
    const extra = async (role: Role) => t.given.user({ organisationId: fx.organisations.lokk.id, role, serviceLine: role === 'organisation_admin' ? null : 'victim' });
    users.set('referrer', fx.people.policeReferrer.user);
    users.set('intake_coordinator', fx.people.lokkCoordinator.user);
    users.set('counsellor', fx.people.lokkCounsellor.user);
    users.set('supervisor', await extra('supervisor'));
    users.set('organisation_admin', await extra('organisation_admin'));
    users.set('platform_admin', fx.people.platformAdmin.user);
    // The restricted roles of issue 14 (community meetings, open events, peer support).
    users.set('facilitator', await extra('facilitator'));
    users.set('peer_supporter', await extra('peer_supporter'));
    knownIds.push(...Object.values(fx.organisations).map((organisation) => organisation.id), ...Object.values(fx.services).map((service) => service.id));
    knownIds.push(fx.policeUnit.id, fx.programme.id, referral.id, ...[...users.values()].map((user) => user.id));
    await recordEveryWrite(t);
  }, 120_000);
  afterAll(async () => t.close());

  /**
   * The tables changed since the last call, as the triggers recorded them (a cheap query, however many tables): a
   * row updated, or rows added and not removed again (an idempotency claim released after a refusal leaves nothing).
   */
  let lastWrite = 0;
  const tablesChangedSinceLastCall = async (): Promise<string[]> => {
    const rows = (await sql<{ id: string; table_name: string; operation: string }>`select id, table_name, operation from fuzz_writes where id > ${lastWrite}`.execute(t.db)).rows;
    lastWrite = Math.max(lastWrite, ...rows.map((row) => Number(row.id)));
    const net = new Map<string, number>();
    for (const row of rows) net.set(row.table_name, (net.get(row.table_name) ?? 0) + (row.operation === 'DELETE' ? -1 : row.operation === 'INSERT' ? 1 : Infinity));
    return [...net].filter(([, change]) => change !== 0).map(([table]) => table);
  };

  /** Fresh sessions for each operation: an operation that signs out or ends a session must not spoil the next. */
  const callersFor = async (operation: Operation): Promise<Caller[]> => {
    const roles = Role.options.filter((role) => hasPermission(role, operation.permission));
    const signedIn = await Promise.all(roles.map(async (role) => ({ name: role, headers: (await t.given.session(users.get(role) as GivenUser)).headers })));
    return [...signedIn, { name: 'anonymous', headers: {} }];
  };

  const judge = (operation: Operation, response: LightMyRequestResponse, changed: string[]): string | undefined => {
    if (response.statusCode >= 500) return `answered ${response.statusCode}`;
    if (LEAK.test(response.body)) return `answer shows internals: ${LEAK.exec(response.body)?.[0]}`;
    if (response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) return `error without a problem document (${response.headers['content-type']})`;
    const stored = changed.filter((table) => !STORED_WHEN_REFUSED[`${operation.method} ${operation.url}`]?.includes(table));
    if (response.statusCode >= 400 && stored.length > 0) return `a rejected request stored something in ${stored.join(', ')}`;
    return undefined;
  };

  const send = (operation: Operation, caller: Caller, request: FuzzRequest) =>
    t.app.inject({ method: operation.method as 'GET', url: request.url, headers: { ...caller.headers, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload }) });

  /**
   * The operation's requests, generated up front (reproducible with BRO_FUZZ_SEED). A write is sent one at a time
   * and checked after each request. A read may log who read what (access_log) and nothing else: reads go four at a
   * time and are checked once after all of them, which keeps the whole run inside CI's time.
   */
  const fuzz = async (operation: Operation, failures: Failure[], seed: number): Promise<number> => {
    const callers = await callersFor(operation);
    const name = `${operation.method} ${operation.url}`;
    const cases = fc.sample(fc.tuple(fc.constantFrom(...callers), requestArbitrary(operation, knownIds)), { numRuns: RUNS_PER_OPERATION, seed });
    const record = (caller: Caller, request: FuzzRequest, response: LightMyRequestResponse, problem: string | undefined) => {
      if (problem) failures.push({ operation: name, caller: caller.name, request: { ...request, payload: request.payload?.slice(0, 300) }, status: response.statusCode, problem });
    };
    await tablesChangedSinceLastCall();
    if (operation.method !== 'GET') {
      for (const [caller, request] of cases) {
        const response = await send(operation, caller, request);
        record(caller, request, response, judge(operation, response, await tablesChangedSinceLastCall()));
      }
      return cases.length;
    }
    for (let start = 0; start < cases.length; start += READ_CONCURRENCY) {
      await Promise.all(cases.slice(start, start + READ_CONCURRENCY).map(async ([caller, request]) => record(caller, request, ...withJudgement(operation, await send(operation, caller, request)))));
    }
    const changedByReads = (await tablesChangedSinceLastCall()).filter((table) => table !== 'access_log' && !STORED_WHEN_REFUSED[name]?.includes(table));
    if (changedByReads.length > 0) failures.push({ operation: name, caller: 'any', request: { url: operation.url, payload: undefined, headers: {}, kind: 'reads' }, status: 0, problem: `reads changed ${changedByReads.join(', ')}` });
    return cases.length;
  };
  const withJudgement = (operation: Operation, response: LightMyRequestResponse) => [response, judge(operation, response, [])] as const;

  it(`sends ${RUNS_PER_OPERATION} valid and broken requests to every operation, as each role that may call it and anonymously: no 5xx, no internals, problem documents, nothing stored when refused`, async ({ annotate }) => {
    const operations = listOperations(t.app.routeCatalogue).filter((operation) => `${operation.method} ${operation.url}`.includes(ONLY));
    const failures: Failure[] = [];
    const started = Date.now();
    let cases = 0;
    const seed = SEED ?? Date.now();
    for (const [index, operation] of operations.entries()) cases += await fuzz(operation, failures, seed + index);
    // What ran, in the test report: how many operations and requests, and how long it took.
    await annotate(`fuzz: ${operations.length} operations, ${cases} requests, ${Math.round((Date.now() - started) / 1000)} s, seed ${seed}`);
    if (ONLY === '') expect(operations.length).toBeGreaterThan(100);
    expect(cases).toBe(operations.length * RUNS_PER_OPERATION);
    expect(failures.slice(0, 20)).toEqual([]);
  }, Math.max(600_000, RUNS_PER_OPERATION * 6_000));
});
