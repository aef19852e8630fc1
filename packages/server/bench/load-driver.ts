/**
 * The load generator, run as its own process by the bench so that autocannon never competes with the servers under
 * test for the same event loop. Reads one JSON job from argv, prints one JSON result line.
 *
 * Two ways to load: closed-loop (`connections` clients, each sending its next request when the last one answered:
 * measures throughput) or at a fixed arrival rate (`ratePerSecond` across all connections, autocannon's
 * `overallRate`: measures latency at a given load, which closed-loop cannot — there the mean latency is simply
 * connections ÷ throughput). Requests rotate over `variants` (other users, other referrals), so a read never hits
 * one cached row. Percentiles are computed from every response time (autocannon's histogram has no p95).
 * Targets loopback only; every run is bounded by its duration.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { percentile } from './bench-figures.ts';

/** One request shape; the driver rotates over them. */
export type LoadVariant = { path: string; headers: Record<string, string>; body?: string };

export type LoadJob = {
  url: string;
  method: 'GET' | 'POST';
  variants: LoadVariant[];
  connections: number;
  /** Fixed arrival rate (requests/s over all connections); closed-loop when absent. */
  ratePerSecond?: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** POST: a new Idempotency-Key per request, as a client sending new work would. */
  freshIdempotencyKeys?: boolean;
};

export type LoadResult = {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  /** 2xx answers over warm-up AND measured run: what the server was asked to create. */
  answered2xx: number;
  statusCodes: Record<string, number>;
};

type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AutocannonResult = { errors: number; timeouts: number; non2xx: number; requests: { average: number; total: number }; statusCodeStats: Record<string, { count: number }> };
type AutocannonInstance = { on: (event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void) => void };
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    timeout: number;
    overallRate?: number;
    requests: { method: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
  },
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// autocannon ships CommonJS without type declarations: load it through require with the little typing we use.
const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

type Phase = { result: AutocannonResult; times: number[]; answered2xx: number };

function runPhase(job: LoadJob, durationSeconds: number): Promise<Phase> {
  const url = new URL(job.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load-driver targets loopback only, not ${url.hostname}`);
  const prefix = `bench-${randomBytes(6).toString('hex')}`;
  let sequence = 0;
  const setupRequest = (request: AutocannonRequest): AutocannonRequest => {
    sequence += 1;
    const variant = job.variants[sequence % job.variants.length] as LoadVariant;
    const headers = job.freshIdempotencyKeys ? { ...variant.headers, 'idempotency-key': `${prefix}-${sequence}` } : variant.headers;
    return { ...request, method: job.method, path: variant.path, headers, ...(variant.body === undefined ? {} : { body: variant.body }) };
  };
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let answered2xx = 0;
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: durationSeconds,
        timeout: 10,
        ...(job.ratePerSecond ? { overallRate: job.ratePerSecond } : {}),
        requests: [{ method: job.method, setupRequest }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times, answered2xx })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) answered2xx += 1;
    });
  });
}

/** The job this process was given: the JSON itself, or `@<path>` of a file holding it (a large job). */
function readJobArgument(argument: string | undefined): unknown {
  const text = argument?.startsWith('@') ? readFileSync(argument.slice(1), 'utf8') : (argument ?? '');
  return JSON.parse(text);
}

async function main(): Promise<void> {
  const job = readJobArgument(process.argv[2]) as LoadJob;
  const warmup = job.warmupSeconds > 0 ? await runPhase(job, job.warmupSeconds) : undefined;
  const { result, times, answered2xx } = await runPhase(job, job.durationSeconds);
  const output: LoadResult = {
    rps: result.requests.average,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    p99Ms: percentile(times, 0.99),
    // Socket errors and timeouts, plus every answer that was not 2xx: the target is zero of all of them.
    errors: result.errors + result.timeouts + result.non2xx + (warmup ? warmup.result.errors + warmup.result.timeouts + warmup.result.non2xx : 0),
    requests: times.length,
    answered2xx: answered2xx + (warmup?.answered2xx ?? 0),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  console.error('load-driver failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
