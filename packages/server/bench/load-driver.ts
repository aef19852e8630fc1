/**
 * The load generator, run as its own process by referral-create.bench.ts so that autocannon never competes with
 * the servers under test for the same event loop. Reads one JSON job from argv, prints one JSON result line.
 * Targets loopback only; every run is bounded by its duration.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

export type LoadJob = {
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
};

export type LoadResult = { rps: number; p50Ms: number; p99Ms: number; errors: number; requests: number; statusCodes: Record<string, number> };

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: { method: string; path: string; headers: Record<string, string>; body: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;

// autocannon ships CommonJS without type declarations: load it through require with the little typing we use.
const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

async function runLoad(job: LoadJob, durationSeconds: number): Promise<AutocannonResult> {
  const url = new URL(job.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load-driver targets loopback only, not ${url.hostname}`);
  // Every request carries its own Idempotency-Key, as a retrying client would: a prefix per run plus a counter.
  const prefix = `bench-${randomBytes(6).toString('hex')}`;
  let sequence = 0;
  return autocannon({
    url: job.url,
    connections: job.connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: job.path,
        headers: job.headers,
        body: job.body,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': `${prefix}-${++sequence}` } }),
      },
    ],
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as LoadJob;
  if (job.warmupSeconds > 0) await runLoad(job, job.warmupSeconds);
  const result = await runLoad(job, job.durationSeconds);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  const output: LoadResult = {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // Socket errors and timeouts, plus every answer that was not 2xx: the target is zero of all of them.
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
    statusCodes,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  console.error('load-driver failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
