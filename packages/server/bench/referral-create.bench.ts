/**
 * Benchmark (not a test): QUALITY.md §2 P3 and P5, create-referral.
 *
 * Full stack: `POST /api/referrals` through the whole app (session lookup, CSRF, authorization, schema validation,
 * idempotency key, person + consent + referral + event inserts, field encryption, hash-chained audit append).
 * Bare: plain Fastify + pg running THE SAME statement list, captured from one real full-stack request (see
 * bare-route.ts for what is substituted on replay and why).
 *
 * Both run in this process against one embedded PostgreSQL in a temporary folder; the load comes from a separate
 * process (load-driver.ts, autocannon, c=50, 3 s warm-up + 10 s measured) so it never shares their event loop.
 * Full and bare alternate, three pairs. Loopback only; bounded in count and time; everything is removed at the end.
 *
 * Output: one JSON line per figure (stdout). Progress and the captured statement list go to stderr.
 * Run: npm run bench   (options: BENCH_PAIRS=3 BENCH_CONNECTIONS=50 BENCH_SECONDS=10 BENCH_WARMUP_SECONDS=3)
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CreateReferralRequest } from '@bro/domain';
import pg from 'pg';
import type { Db } from '../src/db/tables.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createFieldCipher, generateEncryptionKey, type FieldCipher } from '../src/platform/field-encryption.ts';
import { createBuilders } from '../src/test/builders.ts';
import { findUniqueColumns, planReplay, startBareServer } from './bare-route.ts';
import { progress, readCount, readLoadSettings, round, runBenchmark, spawnLoad, startBenchApp, startBenchDatabase, type Cleanups } from './bench-harness.ts';
import type { LoadJob, LoadResult } from './load-driver.ts';
import { captureStatements } from './statement-capture.ts';

const settings = {
  pairs: readCount('BENCH_PAIRS', 3, 1, 10),
  ...readLoadSettings({ connections: 50, maxConnections: 200, durationSeconds: 10, warmupSeconds: 3 }),
};
/** The app's pool size (createKysely's default); the bare route gets the same. */
const poolSize = 20;
const targets = { ratio: 0.6, fullP99Ms: 50 };
const loadDriverPath = fileURLToPath(new URL('./load-driver.ts', import.meta.url));

type Figure = { figure: 'full' | 'bare'; pair: number; rps: number; p50_ms: number; p99_ms: number; errors: number };
/** One request as both servers take it: the referrer's session and the same body every time. */
type BenchRequest = { headers: Record<string, string>; body: string };

async function main(cleanups: Cleanups): Promise<number> {
  const { db, connectionString } = await startBenchDatabase(cleanups, { folderPrefix: 'bro-bench-', databaseName: 'bro_bench', poolSize });
  // The full app as main.ts builds it, with a random key.
  const cipher = createFieldCipher(generateEncryptionKey());
  const fullUrl = await startBenchApp(cleanups, { db, cipher, publicOrigin: 'http://localhost' });
  const request = await givenReferralRequest(db, cipher);
  const bareUrl = await startBareRoute(cleanups, { fullUrl, request, connectionString });
  const figures = await measurePairs({ fullUrl, bareUrl, request });
  return reportSummary(figures);
}

/** A police referrer, a programme and a counselling service, and a referral the referrer may send there. */
async function givenReferralRequest(db: Db, cipher: FieldCipher): Promise<BenchRequest> {
  const given = createBuilders({ db, cipher, clock: systemClock });
  const police = await given.organisation({ kind: 'police_district' });
  const counselling = await given.organisation({ kind: 'counselling_service' });
  const service = await given.service({ organisationId: counselling.id, serviceLine: 'victim' });
  const programme = await given.programme({ referrerOrganisationIds: [police.id], services: [{ serviceId: service.id, role: 'exposed', gender: 'woman' }] });
  const referrer = await given.user({ organisationId: police.id, role: 'referrer' });
  const session = await given.session(referrer);

  const body = JSON.stringify(
    CreateReferralRequest.parse({
      programmeId: programme.id,
      serviceId: service.id,
      role: 'exposed',
      person: { fullName: 'Benchmark Testperson', gender: 'woman', birthYear: 1990, addressProtection: 'none' },
      consent: {
        recipientOrganisationId: counselling.id,
        dataCategories: ['identity', 'contact', 'situation', 'children'],
        method: 'oral_at_scene',
        obtainedAt: new Date().toISOString(),
      },
      safeContact: { phone: '+45 12 34 56 78', isSafeToCall: 'yes', safeTimes: 'Hverdage 9-15', voicemailAllowed: 'no', smsAllowed: 'no', language: 'da', interpreterNeeded: false },
      childrenInHome: 'no',
      situation: 'Syntetisk benchmark-henvisning uden rigtige personoplysninger.',
      riskLevel: 'standard',
      send: true,
    }),
  );
  return { headers: { 'content-type': 'application/json', cookie: session.headers.cookie, 'x-csrf-token': session.headers['x-csrf-token'] }, body };
}

/**
 * The bare route: the statement list of one real full-stack request, captured and planned for replay, served by
 * plain Fastify + pg, and checked once before it is measured. Answers its base URL.
 */
async function startBareRoute(cleanups: Cleanups, input: { fullUrl: string; request: BenchRequest; connectionString: string }): Promise<string> {
  const { headers, body } = input.request;
  const captureKey = `bench-capture-${randomBytes(8).toString('hex')}`;
  const { result: captured, statements } = await captureStatements(async () => {
    const response = await fetch(`${input.fullUrl}/api/referrals`, { method: 'POST', headers: { ...headers, 'idempotency-key': captureKey }, body });
    const text = await response.text();
    // Anything the request still runs after answering belongs to it too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { status: response.status, text };
  });
  if (captured.status < 200 || captured.status > 299) {
    throw new Error(`POST /api/referrals answered ${captured.status}, not 2xx: ${captured.text.slice(0, 600)}`);
  }
  progress(`captured ${statements.length} statements from one POST /api/referrals (status ${captured.status}):`);
  statements.forEach((statement, index) => progress(`  ${String(index + 1).padStart(2)}. ${statement.sql.replace(/\s+/g, ' ').slice(0, 160)}`));
  process.stdout.write(`${JSON.stringify({ figure: 'statements', count: statements.length, transactions: statements.filter((statement) => /^\s*begin\b/i.test(statement.sql)).length })}\n`);

  const uniqueColumns = await findUniqueColumns(input.connectionString);
  const plan = planReplay({ statements, idempotencyKey: captureKey, uniqueColumns, responseStatus: captured.status, responseBody: captured.text });
  const substituted = plan.statements.flatMap((statement) => statement.slots.map((slot, index) => ({ slot, index, sql: statement.sql }))).filter(({ slot }) => slot !== 'same');
  progress(`bare replay substitutes ${substituted.length} parameters: ${substituted.map(({ slot, sql }) => `${slot} in "${sql.slice(0, 40)}…"`).join('; ')}`);
  const bare = await startBareServer({ connectionString: input.connectionString, plan, poolSize });
  cleanups.push(() => bare.close());
  await checkBareRoute(bare.url, headers, body, input.connectionString);
  return bare.url;
}

/** One bare request must answer like the full one and write a referral: otherwise the comparison is meaningless. */
async function checkBareRoute(url: string, headers: Record<string, string>, body: string, connectionString: string): Promise<void> {
  const countReferrals = async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return Number((await client.query<{ count: string }>('SELECT count(*) AS count FROM referrals')).rows[0]?.count ?? 0);
    } finally {
      await client.end();
    }
  };
  const before = await countReferrals();
  const response = await fetch(`${url}/bare`, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-check-${randomBytes(8).toString('hex')}` }, body });
  if (response.status < 200 || response.status > 299) throw new Error(`the bare route answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const after = await countReferrals();
  if (after !== before + 1) throw new Error(`the bare route wrote ${after - before} referrals instead of 1`);
}

/** Full and bare alternate, pair by pair, so a drift of the machine's speed affects both alike. */
async function measurePairs(input: { fullUrl: string; bareUrl: string; request: BenchRequest }): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (let pair = 1; pair <= settings.pairs; pair += 1) {
    for (const variant of ['full', 'bare'] as const) {
      progress(`pair ${pair}: ${variant} (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s, c=${settings.connections})`);
      const job: LoadJob = {
        url: variant === 'full' ? input.fullUrl : input.bareUrl,
        path: variant === 'full' ? '/api/referrals' : '/bare',
        ...input.request,
        connections: settings.connections,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
      };
      const result = await spawnLoad<LoadResult>(loadDriverPath, [], job);
      const figure: Figure = { figure: variant, pair, rps: round(result.rps), p50_ms: result.p50Ms, p99_ms: result.p99Ms, errors: result.errors };
      figures.push(figure);
      process.stdout.write(`${JSON.stringify(figure)}\n`);
      if (result.errors > 0) progress(`  ${variant} pair ${pair}: ${result.errors} errors; status codes ${JSON.stringify(result.statusCodes)}`);
    }
  }
  return figures;
}

/** Median ratio and spread; the gate fails only if the median AND most pairs miss. Answers the exit code. */
function reportSummary(figures: Figure[]): number {
  const ratios = Array.from({ length: settings.pairs }, (_, index) => {
    const full = figures.find((figure) => figure.figure === 'full' && figure.pair === index + 1);
    const bareFigure = figures.find((figure) => figure.figure === 'bare' && figure.pair === index + 1);
    return full && bareFigure && bareFigure.rps > 0 ? full.rps / bareFigure.rps : 0;
  });
  const medianRatio = median(ratios);
  const pairsMissing = ratios.filter((ratio) => ratio < targets.ratio).length;
  const meetsRatio = !(medianRatio < targets.ratio && pairsMissing > settings.pairs / 2);
  process.stdout.write(
    `${JSON.stringify({ figure: 'ratio', median: round(medianRatio, 3), min: round(Math.min(...ratios), 3), max: round(Math.max(...ratios), 3), target: targets.ratio, meets_target: meetsRatio })}\n`,
  );
  const fullP99 = median(figures.filter((figure) => figure.figure === 'full').map((figure) => figure.p99_ms));
  process.stdout.write(`${JSON.stringify({ figure: 'full_p99_ms_median', value: fullP99, target: targets.fullP99Ms, meets_target: fullP99 <= targets.fullP99Ms })}\n`);

  const totalErrors = figures.reduce((sum, figure) => sum + figure.errors, 0);
  if (totalErrors === 0) return 0;
  console.error(`referral-create.bench: ${totalErrors} errors (non-2xx or socket errors): the figures are not valid`);
  return 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

process.exit(await runBenchmark('referral-create.bench', main));
