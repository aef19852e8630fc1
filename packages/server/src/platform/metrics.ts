import { BlockList, isIPv4 } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry } from 'prom-client';
import { readPoolUsage } from '../db/database.ts';
import type { Db } from '../db/tables.ts';
import { readJobQueueLag } from './metrics.queries.ts';

/**
 * A gauge whose values are read when Prometheus scrapes (never per request): `collect` answers the current value
 * for each label set. Modules (the outbox backlog) and the audit sealer (its lag) add theirs with
 * registerMetricsCollector; platform/ knows none of them.
 */
export type MetricsCollector = {
  /** Prometheus name, `bro_` first, unit last (`_seconds`, `_total`…). */
  name: string;
  help: string;
  labelNames?: readonly string[];
  collect: () => Promise<readonly { labels?: Record<string, string>; value: number }[]>;
};

export type Metrics = { registry: Registry; log: (message: string) => void };

/** Request durations by route pattern: the pattern only (`/api/referrals/:referralId`), never an id or a query. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One registry per app (never prom-client's global one: tests build many apps in one process). */
export function createMetrics(deps: { db: Db; log: (message: string) => void }): Metrics {
  const registry = new Registry();
  const metrics: Metrics = { registry, log: deps.log };
  registerPoolGauges(metrics, deps.db);
  registerMetricsCollector(metrics, {
    name: 'bro_job_queue_due_jobs',
    help: 'pg-boss jobs that are due and not yet started, per queue',
    labelNames: ['queue'],
    collect: async () => (await readJobQueueLag(deps.db)).map((lag) => ({ labels: { queue: lag.queue }, value: lag.dueJobs })),
  });
  registerMetricsCollector(metrics, {
    name: 'bro_job_queue_lag_seconds',
    help: 'How long the oldest due pg-boss job of each queue has waited to start',
    labelNames: ['queue'],
    collect: async () => (await readJobQueueLag(deps.db)).map((lag) => ({ labels: { queue: lag.queue }, value: lag.oldestDueSeconds })),
  });
  return metrics;
}

/** Adds a gauge read at scrape time. A collector that fails is logged and left out of that scrape; the others stay. */
export function registerMetricsCollector(metrics: Metrics, collector: MetricsCollector): void {
  new Gauge({
    name: collector.name,
    help: collector.help,
    labelNames: collector.labelNames ?? [],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      try {
        for (const sample of await collector.collect()) this.set(sample.labels ?? {}, sample.value);
      } catch (error) {
        metrics.log(`metrics: ${collector.name} could not be read (${error instanceof Error ? error.message : String(error)})`);
      }
    },
  });
}

function registerPoolGauges(metrics: Metrics, db: Db): void {
  const pool = (read: (usage: NonNullable<ReturnType<typeof readPoolUsage>>) => number) => async () => {
    const usage = readPoolUsage(db);
    return usage ? [{ value: read(usage) }] : [];
  };
  registerMetricsCollector(metrics, { name: 'bro_db_pool_connections', help: 'Open connections in the app pool', collect: pool((usage) => usage.total) });
  registerMetricsCollector(metrics, { name: 'bro_db_pool_idle_connections', help: 'Idle connections in the app pool', collect: pool((usage) => usage.idle) });
  registerMetricsCollector(metrics, { name: 'bro_db_pool_max_connections', help: 'The app pool size', collect: pool((usage) => usage.max) });
  registerMetricsCollector(metrics, {
    name: 'bro_db_pool_waiting_requests',
    help: 'Queries waiting for a free connection (above 0 for long: the pool or the database is the bottleneck)',
    collect: pool((usage) => usage.waiting),
  });
}

/**
 * `GET /metrics` in Prometheus' text format and the request-duration histogram, for addresses in `allowedAddresses`
 * only (IPs or CIDRs; the address as Fastify sees it, so behind the balancer set TRUST_PROXY). Anyone else gets the
 * ordinary 404: the endpoint's existence is not advertised.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, allowedAddresses: readonly string[]): void {
  const allowed = createAddressList(allowedAddresses);
  const durations = new Histogram({
    name: 'bro_http_request_duration_seconds',
    help: 'HTTP request durations by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: DURATION_BUCKETS,
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, or one label for everything no route matched: raw URLs would carry ids and make
    // unbounded label sets.
    const route = request.routeOptions.url ?? '(no route)';
    durations.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!isAllowed(allowed, request.ip)) return reply.callNotFound();
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

function createAddressList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isAllowed(list: BlockList, ip: string): boolean {
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return list.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
}
