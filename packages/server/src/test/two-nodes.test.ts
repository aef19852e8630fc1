import { request as httpRequest } from 'node:http';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../app.ts';
import { referralRequest, type ReferralFixture } from '../modules/referrals/testing.ts';
import { readSealLag } from '../platform/audit-sealer.ts';
import { createFolderCheckpointStore, generateAuditSigningKey } from '../platform/audit-checkpoints.ts';
import { verifyLog } from '../platform/audit-verification.ts';
import { SESSION_COOKIE } from '../platform/auth/session.ts';
import { systemClock } from '../platform/clock.ts';
import { createFieldCipher, TEST_ENCRYPTION_KEY } from '../platform/field-encryption.ts';
import { createDataFolder, removeDataFolder, startBro, stopAll, waitForHealth, type BroProcess } from './bro-process.ts';
import { createBuilders, TEST_PASSWORD, type GivenSession, type GivenUser } from './builders.ts';
import { startLoadBalancer, type LoadBalancer } from './load-balancer.ts';
import type { TestApp } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * Two app processes (`node packages/server/src/main.ts`, as in production) on one PostgreSQL database, behind a load
 * balancer: http-proxy-3 in `npm test`, HAProxy when BRO_HAPROXY names its executable (.ci/run). Whatever one node
 * knows, the other must know too: sessions, live updates, rate limits, idempotency, the job schedule.
 *
 * The balancer connects to the nodes from 127.0.0.2 and the nodes trust only that address (TRUST_PROXY), so the
 * client address they see — 127.0.0.1, this test — comes from the balancer's X-Forwarded-For.
 */
const BALANCER_ADDRESS = '127.0.0.2';

describe('two app nodes behind a load balancer', () => {
  let database: TestDatabase;
  const dataFolders: string[] = [];
  let nodeA: BroProcess;
  let nodeB: BroProcess;
  let balancer: LoadBalancer;
  let fx: Awaited<ReturnType<typeof createFixture>>;

  const auditSigningKey = generateAuditSigningKey();
  let checkpointFolder: string;

  beforeAll(async () => {
    checkpointFolder = createDataFolder();
    dataFolders.push(checkpointFolder);
    database = await createTestDatabase();
    fx = await createFixture(database);
    const startNode = async () => {
      const folder = createDataFolder();
      dataFolders.push(folder);
      return startBro(folder, {
        DATABASE_URL: database.connectionString,
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        TRUST_PROXY: BALANCER_ADDRESS,
        METRICS_ALLOWED_ADDRESSES: '127.0.0.1',
        // As in production (compose.yaml): one signing key and one checkpoint folder for the cluster.
        AUDIT_SIGNING_KEY: auditSigningKey,
        AUDIT_CHECKPOINT_DIR: checkpointFolder,
      });
    };
    [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    await Promise.all([waitForHealth(nodeA), waitForHealth(nodeB)]);
    balancer = await startLoadBalancer({ targets: [nodeA.url, nodeB.url], sourceAddress: BALANCER_ADDRESS });
  });

  afterAll(async () => {
    await balancer?.close();
    await stopAll();
    await database?.drop();
    for (const folder of dataFolders) removeDataFolder(folder);
  });

  it('keeps a session made through the balancer (its two steps on alternate nodes) on both nodes', async () => {
    const session = await signIn(balancer.url, fx.referrer);
    for (const node of [nodeA, nodeB]) {
      const response = await call(node.url, 'GET', '/api/session', { session });
      expect(response.status).toBe(200);
    }
    expect((await call(balancer.url, 'POST', '/api/auth/logout', { session })).status).toBeLessThan(300);
    for (const node of [nodeA, nodeB]) expect((await call(node.url, 'GET', '/api/session', { session })).status).toBe(401);
  });

  it('shows a referral created on node A live in inbox streams held open on node B and through the balancer', async () => {
    const onB = await openInboxStream(nodeB.url, fx.coordinatorSession);
    const viaBalancer = await openInboxStream(balancer.url, fx.coordinatorSession);
    try {
      const created = await postReferral(nodeA.url, fx.referrerSession, fx.referralBody());
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await onB.waitFor(id);
      await viaBalancer.waitFor(id);
    } finally {
      onB.close();
      viaBalancer.close();
    }
  });

  it('holds the create rate limit across both nodes: the sum over both is limited', async () => {
    const session = await fx.newReferrerSession();
    const first = await postReferral(nodeA.url, session, fx.referralBody());
    expect(first.status).toBe(201);
    const limit = Number(first.headers.get('ratelimit-limit'));
    expect(limit).toBeGreaterThan(1);
    const statuses = [first.status];
    for (let index = 1; index <= limit; index++) statuses.push((await postReferral(index % 2 === 0 ? nodeA.url : nodeB.url, session, fx.referralBody())).status);
    // Each node alone saw about half the limit; together they allowed exactly `limit`.
    expect(statuses.slice(0, limit).every((status) => status === 201)).toBe(true);
    expect(statuses[limit]).toBe(429);
    expect((await postReferral(nodeA.url, session, fx.referralBody())).status).toBe(429);
    // Thirty-odd full creations: seconds on a quiet machine, more when the two cores are shared.
  }, 90_000);

  it('answers an idempotent retry that lands on the other node with the first answer', async () => {
    const session = await fx.newReferrerSession();
    const body = fx.referralBody();
    const key = `two-nodes-${Date.now()}`;
    const first = await call(nodeA.url, 'POST', '/api/referrals', { session, body, headers: { 'idempotency-key': key } });
    const retry = await call(nodeB.url, 'POST', '/api/referrals', { session, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.text()).toBe(await first.text());
    const count = await sql<{ count: string }>`SELECT count(*) FROM idempotency_keys WHERE key = ${key}`.execute(database.db);
    expect(count.rows[0]?.count).toBe('1');
  });

  it('has one job schedule for the cluster, and never two runs of a cron job for one time slot', async () => {
    const cronJobs = jobDefinitions.filter((definition) => definition.cron).map((definition) => definition.name);
    const { rows: schedules } = await sql<{ name: string; count: string }>`SELECT name, count(*) FROM pgboss.schedule GROUP BY name ORDER BY name`.execute(database.db);
    expect(schedules).toEqual([...cronJobs].sort().map((name) => ({ name, count: '1' })));
    const { rows: doubled } = await sql<{ name: string }>`
      SELECT name FROM pgboss.job WHERE name = ANY(${cronJobs}) AND singleton_on IS NOT NULL GROUP BY name, singleton_on HAVING count(*) > 1
    `.execute(database.db);
    expect(doubled).toEqual([]);
  });

  it('has exactly one audit sealer for the cluster, and the entries both nodes write end up in one sealed chain', async () => {
    // Each node starts a sealer; only the one holding the leadership lock (per database) seals.
    const { rows: leaders } = await sql<{ pid: number }>`
      SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 727274010 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    `.execute(database.db);
    expect(leaders).toHaveLength(1);
    const session = await fx.newReferrerSession();
    for (const [index, url] of [nodeA.url, nodeB.url].entries()) {
      const response = await call(url, 'POST', '/api/referrals', { session, body: fx.referralBody(), headers: { 'idempotency-key': `two-nodes-seal-${Date.now()}-${index}` } });
      expect(response.status).toBe(201);
    }
    await expect.poll(async () => (await readSealLag(database.db)).every((lag) => lag.unsealedEntries === 0), { timeout: 15_000, interval: 200 }).toBe(true);
    // The leader signed a checkpoint into the shared folder; the chain passes through it, up to its head.
    const store = createFolderCheckpointStore(checkpointFolder);
    await expect.poll(async () => (await store.list()).filter((checkpoint) => checkpoint.log === 'audit').length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    const verdict = await verifyLog(database.db, { log: 'audit', checkpoints: await store.list(), publicKeys: await store.readPublicKeys() });
    expect(verdict).toMatchObject({ isIntact: true });
    expect(verdict.checkpointsChecked).toBeGreaterThan(0);
  });

  it('sees the client behind the balancer, and believes X-Forwarded-For from the balancer only (TRUST_PROXY)', async () => {
    // Through the balancer: the node trusts 127.0.0.2 and takes the client's 127.0.0.1 from the header it added,
    // whatever the client wrote in front of it.
    const viaBalancer = await fetch(`${balancer.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(viaBalancer.status).toBe(200);
    expect(await viaBalancer.text()).toContain('bro_http_request_duration_seconds');
    // From the balancer's address the header is believed: the client is then 203.0.113.9, not allowed.
    expect(await statusFrom(BALANCER_ADDRESS, `${nodeA.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' })).toBe(404);
    // From anyone else it is not: the peer's own address counts.
    expect(await statusFrom('127.0.0.1', `${nodeA.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' })).toBe(200);
  });

  it(`answers ready on both nodes (${process.env.BRO_HAPROXY ? 'HAProxy' : 'http-proxy-3'} checks /api/ready)`, async () => {
    for (const url of [nodeA.url, nodeB.url, balancer.url]) expect((await fetch(`${url}/api/ready`)).status).toBe(200);
    expect(balancer.kind).toBe(process.env.BRO_HAPROXY ? 'haproxy' : 'http-proxy-3');
  });
});

/** A referring police unit, a receiving service with an intake coordinator, and the programme between them. */
async function createFixture(database: TestDatabase) {
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  // The app processes run on the real clock: so do their test data and sessions.
  const given = createBuilders({ db: database.db, cipher, clock: systemClock });
  const police = await given.organisation({ kind: 'police_district', name: 'Københavns Politi' });
  const unit = await given.unit(police.id, 'Station City');
  const lokk = await given.organisation({ kind: 'counselling_service', name: 'LOKK' });
  const service = await given.service({ organisationId: lokk.id, name: 'LOKK rådgivning', serviceLine: 'victim', firstContactDeadlineHours: 48, highRiskDeadlineHours: 24, maxContactAttempts: 3 });
  const programme = await given.programme({
    name: 'Interventionscenter',
    referrerOrganisationIds: [police.id],
    services: [{ serviceId: service.id, role: 'exposed', gender: 'woman', priority: 10 }],
  });
  const referrer = await given.user({ organisationId: police.id, role: 'referrer', unitId: unit.id });
  const coordinator = await given.user({ organisationId: lokk.id, role: 'intake_coordinator', serviceLine: 'victim' });
  // referralRequest reads only the clock and the programme and service ids from these.
  const requestContext = { clock: systemClock } as unknown as TestApp;
  const referralFixture = { programme, services: { lokk: service } } as unknown as ReferralFixture;
  return {
    referrer,
    referrerSession: await given.session(referrer),
    coordinatorSession: await given.session(coordinator),
    /** A referrer of its own, so one test's rate-limit budget is not another's. */
    newReferrerSession: async () => given.session(await given.user({ organisationId: police.id, role: 'referrer', unitId: unit.id })),
    referralBody: () => referralRequest(requestContext, referralFixture),
  };
}

type CallOptions = { session?: GivenSession; body?: unknown; headers?: Record<string, string> };

function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.session?.headers ?? {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

let keySequence = 0;
function postReferral(base: string, session: GivenSession, body: unknown): Promise<Response> {
  return call(base, 'POST', '/api/referrals', { session, body, headers: { 'idempotency-key': `two-nodes-${process.pid}-${++keySequence}` } });
}

/** Both steps of a sign-in (password, then TOTP) through `base`: behind the balancer they land on alternate nodes. */
async function signIn(base: string, user: GivenUser): Promise<GivenSession> {
  const password = await call(base, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
  if (password.status !== 200) throw new Error(`password step answered ${password.status}`);
  const pending = sessionOf(password, ((await password.json()) as { csrfToken: string }).csrfToken);
  const code = await generate({ secret: user.totpSecret ?? '', epoch: Math.floor(Date.now() / 1000) });
  const totp = await call(base, 'POST', '/api/auth/totp', { session: pending, body: { code } });
  if (totp.status !== 200) throw new Error(`TOTP step answered ${totp.status}`);
  return sessionOf(totp, ((await totp.json()) as { csrfToken: string }).csrfToken);
}

function sessionOf(response: Response, csrfToken: string): GivenSession {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  const token = cookie?.split(';')[0]?.slice(SESSION_COOKIE.length + 1);
  if (!token) throw new Error('no session cookie in the response');
  return { token, sessionId: '', csrfToken, headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken } };
}

/** An open inbox stream (server-sent events); `waitFor` resolves once an event names the referral. */
async function openInboxStream(base: string, session: GivenSession) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/inbox/events`, { headers: { cookie: session.headers.cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const readUntil = async (predicate: (text: string) => boolean) => {
    while (!predicate(received)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended; received: ${JSON.stringify(received)}`);
      received += decoder.decode(chunk.value, { stream: true });
    }
  };
  // Subscribed (and its node listening) before the test creates anything.
  await readUntil((text) => text.includes(': connected'));
  return {
    waitFor: (referralId: string) => readUntil((text) => text.includes(`"referralId":"${referralId}"`)),
    close: () => controller.abort(),
  };
}

/** GET from a chosen local address (node's `fetch` cannot bind one), answering the status. */
function statusFrom(localAddress: string, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { localAddress, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
