/**
 * Benchmark (not a test): the public directory search answers in ≤ 50 ms at p95 with 5,000 listings (issue 4 §3).
 *
 * One embedded PostgreSQL in a temporary folder, migrated; 5,000 listings seeded deterministically (seeded PRNG)
 * through the same code path as the admin API; the whole app listening on 127.0.0.1. The load comes from this same
 * file run as a separate process (`--load`), so autocannon never shares the server's event loop. Each search is
 * measured on its own: warm-up, then a bounded run; p95 is computed from every response time (autocannon's own
 * histogram has no p95). The searches are served from the app's in-memory copy of the directory after a version
 * check (public-directory.service.ts), so the figures include that check's round trip to PostgreSQL.
 *
 * Concurrency: 10 connections by default. One app process answers about 1,000 searches a second on these 2-core
 * machines (shared with PostgreSQL and the load generator), so at 50 connections requests queue and p95 measures the
 * queue, not the search; the target is a search's own latency under a busy but unsaturated load.
 *
 * Output: one JSON line per search (stdout), then a summary line. Progress goes to stderr.
 * Run: node packages/server/bench/directory-search.bench.ts
 *      (options: BENCH_LISTINGS=5000 BENCH_CONNECTIONS=10 BENCH_SECONDS=5 BENCH_WARMUP_SECONDS=1)
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Channel, CreateHelpServiceRequest, municipalities, TargetGroup, Weekday, type CreateHelpServiceInput } from '@bro/domain';
import pg from 'pg';
import type { Db } from '../src/db/tables.ts';
import { insertHelpService } from '../src/modules/directory/index.ts';
import { createFieldCipher, generateEncryptionKey, type FieldCipher } from '../src/platform/field-encryption.ts';
import { progress, readCount, readLoadSettings, round, runBenchmark, spawnLoad, startBenchApp, startBenchDatabase, type Cleanups } from './bench-harness.ts';

const settings = {
  listings: readCount('BENCH_LISTINGS', 5_000, 100, 50_000),
  ...readLoadSettings({ connections: 10, maxConnections: 100, durationSeconds: 5, warmupSeconds: 1 }),
};
const TARGET_P95_MS = 50;

/** The searches a person (public pages) or a directory consumer (HSDS API) typically makes. */
const searches = [
  { name: 'page: situation + postcode', path: '/da/tilbud?situation=exposed&postcode=2300' },
  { name: 'page: free text', path: `/da/tilbud?q=${encodeURIComponent('rådgivning')}` },
  { name: 'page: group + channel + open now', path: '/en/tilbud?group=lgbt&channel=chat&open=1' },
  { name: 'page: municipality + language, page 2', path: '/ar/tilbud?municipality=751&language=da&page=2' },
  { name: 'hsds: search two words', path: `/api/hsds/services?search=${encodeURIComponent('støtte kvinder')}&per_page=20` },
  { name: 'hsds: term + postcode, full', path: '/api/hsds/services?taxonomy_term_id=target_group:women&postcode=8000&per_page=50&full=true' },
];

type LoadJob = { url: string; path: string; connections: number; warmupSeconds: number; durationSeconds: number };
type LoadResult = { requests: number; errors: number; rps: number; p50Ms: number; p95Ms: number; p99Ms: number };

// ---- Load mode: run as a child process -----------------------------------------------------------------------------

type AutocannonInstance = { on: (event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void) => void };
type AutocannonResult = { errors: number; timeouts: number; non2xx: number; requests: { average: number } };
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number },
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
// autocannon ships CommonJS without type declarations.
const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

function runLoad(job: LoadJob, durationSeconds: number): Promise<{ result: AutocannonResult; times: number[] }> {
  const url = new URL(job.path, job.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`loopback only, not ${url.hostname}`);
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ url: url.href, connections: job.connections, duration: durationSeconds, timeout: 10 }, (error, result) =>
      error ? reject(error) : resolve({ result, times }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function loadMain(job: LoadJob): Promise<void> {
  if (job.warmupSeconds > 0) await runLoad(job, job.warmupSeconds);
  const { result, times } = await runLoad(job, job.durationSeconds);
  const sorted = times.sort((a, b) => a - b);
  const at = (quantile: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0, 2);
  const output: LoadResult = {
    requests: sorted.length,
    errors: result.errors + result.timeouts + result.non2xx,
    rps: round(result.requests.average),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

// ---- Main mode -------------------------------------------------------------------------------------------------

async function main(cleanups: Cleanups): Promise<number> {
  const { db, connectionString } = await startBenchDatabase(cleanups, { folderPrefix: 'bro-bench-directory-', databaseName: 'bro_bench_directory' });
  const cipher = createFieldCipher(generateEncryptionKey());
  progress(`seeding ${settings.listings} listings`);
  const seededAt = Date.now();
  await seedListings(db, cipher, settings.listings);
  await analyseTables(connectionString);
  progress(`seeded in ${((Date.now() - seededAt) / 1000).toFixed(1)} s`);
  const baseUrl = await startBenchApp(cleanups, { db, cipher, publicOrigin: 'http://127.0.0.1' });

  let exitCode = 0;
  const p95s: number[] = [];
  for (const search of searches) {
    const check = await fetch(`${baseUrl}${search.path}`);
    if (check.status !== 200) throw new Error(`${search.path} answered ${check.status}`);
    progress(`${search.name}: ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s, c=${settings.connections}`);
    const job: LoadJob = { url: baseUrl, path: search.path, connections: settings.connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };
    // This same file, in load mode.
    const result = await spawnLoad<LoadResult>(fileURLToPath(import.meta.url), ['--load'], job);
    p95s.push(result.p95Ms);
    process.stdout.write(
      `${JSON.stringify({ figure: 'directory_search', search: search.name, path: search.path, listings: settings.listings, connections: settings.connections, rps: result.rps, p50_ms: result.p50Ms, p95_ms: result.p95Ms, p99_ms: result.p99Ms, requests: result.requests, errors: result.errors, meets_target: result.p95Ms <= TARGET_P95_MS && result.errors === 0 })}\n`,
    );
    if (result.errors > 0) exitCode = 1;
  }
  const worst = Math.max(...p95s);
  process.stdout.write(`${JSON.stringify({ figure: 'directory_search_worst_p95_ms', value: worst, target: TARGET_P95_MS, meets_target: worst <= TARGET_P95_MS })}\n`);
  return exitCode;
}

/** Fresh statistics after the bulk load, as autovacuum would produce shortly after in production. */
async function analyseTables(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
}

const words = ['rådgivning', 'støtte', 'samtaler', 'kvinder', 'mænd', 'familie', 'børn', 'unge', 'krisecenter', 'psykolog', 'netværk', 'gruppe', 'vold', 'hjælp', 'anonym', 'telefon', 'juridisk', 'efterværn', 'fællesskab', 'behandling'];

/** Deterministic pseudo-random numbers (mulberry32): the same 5,000 listings on every run. */
function createRandom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(items)))];
  return { next, pick, some };
}

async function seedListings(db: Db, cipher: FieldCipher, count: number): Promise<void> {
  const random = createRandom(4242);
  const organisationIds: string[] = [];
  for (let index = 0; index < 200; index += 1) {
    const row = await db
      .insertInto('organisations')
      .values({ slug: `bench-org-${index}`, name: `Organisation ${index} ${random.pick(words)}`, kind: 'ngo', municipality_code: null, police_district_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    organisationIds.push(row.id);
  }
  const codes = municipalities.map((municipality) => municipality.code);
  const now = new Date();
  for (let batch = 0; batch < count; batch += 250) {
    await db.transaction().execute(async (trx) => {
      for (let index = batch; index < Math.min(count, batch + 250); index += 1) {
        const isNational = random.next() < 0.15;
        const schedule = random.next() < 0.1
          ? { isOpen24Hours: true, rules: [] }
          : { isOpen24Hours: false, rules: [{ freq: 'WEEKLY' as const, byday: random.some(Weekday.options, 5), opensAt: random.pick(['08:00', '09:00', '10:00', '18:00']), closesAt: random.pick(['12:00', '15:00', '16:00', '21:00']) }] };
        const municipalityCode = random.pick(codes);
        const input: CreateHelpServiceInput = {
          slug: `bench-${index}`,
          nameDa: `${random.pick(words)} ${random.pick(words)} ${index}`,
          nameEn: `Service ${index}`,
          descriptionDa: Array.from({ length: 25 }, () => random.pick(words)).join(' '),
          descriptionEn: 'Advice and support for people affected by violence in close relationships.',
          howToContactDa: 'Ring eller skriv til os.',
          howToContactEn: 'Call or write to us.',
          targetGroups: random.some(TargetGroup.options, 3),
          channels: random.some(Channel.options, 3),
          languages: random.some(['da', 'en', 'ar', 'de', 'pl', 'uk', 'so', 'fa'], 3),
          isAnonymousContactOffered: random.next() < 0.3,
          isFreeOfCharge: random.next() < 0.7,
          schedule,
          serviceArea: isNational ? { isNational: true } : { isNational: false, municipalityCodes: [municipalityCode] },
          phones: [{ number: `7${String(index).padStart(7, '0')}` }],
          locations:
            random.next() < 0.05
              ? [{ nameDa: 'Krisecenter', nameEn: 'Shelter', isConfidential: true, city: 'By', confidentialAddress: 'Hemmelig Vej 1' }]
              : [{ nameDa: 'Kontor', nameEn: 'Office', isConfidential: false, addressLine: `Gade ${index}`, postalCode: '8000', city: 'Aarhus C', municipalityCode }],
        };
        await insertHelpService(trx, { request: CreateHelpServiceRequest.parse(input), organisationId: random.pick(organisationIds), now, cipher, publishedAt: now });
      }
    });
  }
}

if (process.argv[2] === '--load') {
  await loadMain(JSON.parse(process.argv[3] ?? '') as LoadJob);
} else {
  process.exit(await runBenchmark('directory-search.bench', main));
}
