import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateReferralRequest } from '@bro/domain';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { createKysely } from '../db/database.ts';
import type { Db } from '../db/tables.ts';
import { systemClock } from '../platform/clock.ts';
import { createFieldCipher } from '../platform/field-encryption.ts';
import { IN_FLIGHT_TIMEOUT_MS } from '../platform/idempotency.ts';
import type { BroProcess } from './bro-process.ts';
import { createBuilders } from './builders.ts';

/**
 * The crash test's steps (issue 12 §6), shared by referral-crash.test.ts (kill -9 of the app) and
 * start-after-crash.test.ts (kill -9 of its embedded PostgreSQL): 500 concurrent referral creations over HTTP, each
 * with its own Idempotency-Key, a crash in the middle, and after the restart a retry of every request, checked for
 * exactly one referral per key, each with its `referral.create` audit entry, every 201 answered before still there.
 *
 * A claim left `in_flight` by a request the crash cut off may be taken over once it is IN_FLIGHT_TIMEOUT_MS old
 * (platform/idempotency.ts); until then a retry answers 409. Rather than wait that minute, the test moves those
 * claims' timestamps back by it: the clock is the one thing a test may fake. Figures go to stderr.
 */
const REQUESTS = 500;
/** 20 requests each: under the create limit of 30 per user and minute, with room for a few retries. */
const REFERRERS = 25;
/** Killed once this many have been answered 201: hundreds are still in flight then. */
const CRASH_AFTER_CREATED = 100;

export type PlannedRequest = { key: string; headers: Record<string, string>; body: string; userId: string };
export type Answer = { status: number; id: string | undefined };

/** Times the phases of one test and reports them (stderr) with the last lap: for the CI budget. */
export function stopwatch(label: string): (phase: string, isLast?: boolean) => void {
  const laps: string[] = [];
  const startedAt = Date.now();
  let lapAt = startedAt;
  return (phase, isLast = false) => {
    laps.push(`${phase} ${((Date.now() - lapAt) / 1000).toFixed(1)} s`);
    lapAt = Date.now();
    if (isLast) process.stderr.write(`[crash test, kill -9 of the ${label}] ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${laps.join(', ')}\n`);
  };
}

/** Referrers (signed in, with CSRF tokens), a programme and a service, and one create request per key. */
export async function planRequests(db: Db, encryptionKey: string, label: string): Promise<PlannedRequest[]> {
  const given = createBuilders({ db, cipher: createFieldCipher(encryptionKey), clock: systemClock });
  const police = await given.organisation({ kind: 'police_district' });
  const counselling = await given.organisation({ kind: 'counselling_service' });
  const service = await given.service({ organisationId: counselling.id, serviceLine: 'victim' });
  const programme = await given.programme({ referrerOrganisationIds: [police.id], services: [{ serviceId: service.id, role: 'exposed', gender: 'woman' }] });
  const referrers: { user: { id: string }; session: { headers: { cookie: string; 'x-csrf-token': string } } }[] = [];
  for (let index = 0; index < REFERRERS; index += 1) {
    const user = await given.user({ organisationId: police.id, role: 'referrer' });
    referrers.push({ user, session: await given.session(user) });
  }
  return Array.from({ length: REQUESTS }, (_, index) => {
    const { user, session } = referrers[index % REFERRERS]!;
    const body = CreateReferralRequest.parse({
      programmeId: programme.id,
      serviceId: service.id,
      role: 'exposed',
      person: { fullName: `Crashtest Person${index} Hansen`, gender: 'woman', birthYear: 1990, addressProtection: 'none' },
      consent: { recipientOrganisationId: counselling.id, dataCategories: ['identity', 'contact', 'situation'], method: 'oral_at_scene', obtainedAt: new Date().toISOString() },
      safeContact: { phone: '+45 20 00 10 00', isSafeToCall: 'yes', safeTimes: 'Hverdage 9-15', voicemailAllowed: 'no', smsAllowed: 'no', language: 'da', interpreterNeeded: false },
      childrenInHome: 'no',
      situation: `Syntetisk crashtest-henvisning ${index}.`,
      riskLevel: 'standard',
      send: true,
    });
    const headers = { 'content-type': 'application/json', cookie: session.headers.cookie, 'x-csrf-token': session.headers['x-csrf-token'], 'idempotency-key': `crash-${label}-${index}-${Date.now()}` };
    return { key: headers['idempotency-key'], headers, body: JSON.stringify(body), userId: user.id };
  });
}

async function send(bro: BroProcess, request: PlannedRequest): Promise<Answer> {
  try {
    const response = await fetch(`${bro.url}/api/referrals`, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, id: response.status === 201 ? (JSON.parse(text) as { id: string }).id : undefined };
  } catch {
    // Cut off by the crash: no answer at all.
    return { status: 0, id: undefined };
  }
}

/** All requests at once; `crash` is called as soon as CRASH_AFTER_CREATED of them have been answered 201. */
export async function sendAllAndCrash(bro: BroProcess, requests: PlannedRequest[], crash: () => void): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  let created = 0;
  await Promise.all(
    requests.map(async (request) => {
      const answer = await send(bro, request);
      answers.set(request.key, answer);
      if (answer.status === 201 && ++created === CRASH_AFTER_CREATED) crash();
    }),
  );
  return answers;
}

/** After the restart: the minute for claims the crash left in flight passes, every request is retried, and checked. */
export async function retryAndCheck(input: { bro: BroProcess; db: Db; requests: PlannedRequest[]; before: Map<string, Answer>; label: string }): Promise<void> {
  const { db, requests, before } = input;
  const answeredBefore = requests.filter((request) => before.get(request.key)?.status === 201);
  const cutOff = requests.filter((request) => before.get(request.key)?.status !== 201);
  // The crash came in the middle: some had been created, others were cut off or refused.
  expect(answeredBefore.length).toBeGreaterThanOrEqual(CRASH_AFTER_CREATED);
  expect(cutOff.length).toBeGreaterThan(0);
  const inFlight = await letInFlightClaimsExpire(db, requests);

  const started = Date.now();
  const after = new Map(await Promise.all(requests.map(async (request) => [request.key, await retryUntilAnswered(input.bro, request)] as const)));
  for (const request of requests) expect(after.get(request.key)?.status, `retry of ${request.key}`).toBe(201);
  // Every request answered 201 before the crash is there, under the same id: the retry is a replay.
  for (const request of answeredBefore) expect(after.get(request.key)?.id).toBe(before.get(request.key)?.id);

  const ids = requests.map((request) => after.get(request.key)?.id ?? '');
  expect(new Set(ids).size).toBe(REQUESTS);
  const userIds = [...new Set(requests.map((request) => request.userId))];
  const stored = await db.selectFrom('referrals').select('id').where('created_by_user_id', 'in', userIds).execute();
  expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
  const audited = await db.selectFrom('audit_log').select('object_id').where('action', '=', 'referral.create').where('object_id', 'in', ids).execute();
  expect(audited.map((row) => row.object_id).sort()).toEqual([...ids].sort());
  const keys = await db.selectFrom('idempotency_keys').select(['key', 'state']).where('user_id', 'in', userIds).execute();
  expect(keys.filter((row) => row.state === 'completed').map((row) => row.key).sort()).toEqual(requests.map((request) => request.key).sort());

  const refused = [...before.values()].filter((answer) => answer.status !== 201 && answer.status !== 0).map((answer) => answer.status);
  process.stderr.write(
    `[crash test, kill -9 of the ${input.label}] ${REQUESTS} requests: ${answeredBefore.length} answered 201 before the kill, ` +
      `${cutOff.length - refused.length} cut off, ${refused.length} answered otherwise (${[...new Set(refused)].join(', ') || 'none'}); ` +
      `${inFlight} claims left in flight; ${REQUESTS} retries answered 201 in ${Date.now() - started} ms; ${stored.length} referrals, ${audited.length} audit entries\n`,
  );
}

/** Moves the claims still `in_flight` back by IN_FLIGHT_TIMEOUT_MS: as if the minute after which they may be taken over had passed. */
async function letInFlightClaimsExpire(db: Db, requests: PlannedRequest[]): Promise<number> {
  const userIds = [...new Set(requests.map((request) => request.userId))];
  const result = await sql`UPDATE idempotency_keys SET created_at = created_at - make_interval(secs => ${IN_FLIGHT_TIMEOUT_MS / 1000})
    WHERE state = 'in_flight' AND user_id = ANY(${userIds}::uuid[])`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A retry as a client makes it: again after a moment while the answer is "still running" or none at all. */
async function retryUntilAnswered(bro: BroProcess, request: PlannedRequest): Promise<Answer> {
  let answer = await send(bro, request);
  for (let attempt = 1; attempt < 5 && (answer.status === 409 || answer.status === 0); attempt += 1) {
    await sleep(250 * attempt);
    answer = await send(bro, request);
  }
  return answer;
}

/** The embedded server's address is in DATA_DIR/postgres.json (its port is chosen afresh at every start). */
export async function withEmbeddedDatabase<T>(dataDir: string, use: (db: Db) => Promise<T>): Promise<T> {
  const record = JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8')) as { port: number; password: string };
  const db = createKysely(`postgres://postgres:${encodeURIComponent(record.password)}@127.0.0.1:${record.port}/bro`, 4);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}
