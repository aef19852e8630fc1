import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/tables.ts';
import type { FieldCipher } from './field-encryption.ts';
import type { JobDefinition } from './jobs.ts';
import { countRateLimitHit, deleteExpiredRateLimitCounters, readRateLimitCount, type RateLimitCount } from './rate-limit-store.queries.ts';

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/**
 * What @fastify/rate-limit really passes to `child()` (its index.js): the merged limit options with `routeInfo`, the
 * route for a route's own limit and `{}` for a `createRateLimit()` limiter. Its type declarations say otherwise.
 */
type ChildOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A store for @fastify/rate-limit that keeps its counters in PostgreSQL (`rate_limit_counters`), so a limit holds
 * across every app node behind the load balancer rather than per process. Pass the returned class as the plugin's
 * `store` option.
 *
 * Keys are client addresses or user ids: they are stored only as a keyed hash (the field cipher's lookup HMAC), so
 * the table holds no personal data in clear. A bucket is the limit's name (the route, for a route's own limit),
 * its window length, and that hash: two limits on one client never share a count.
 */
export function createPostgresRateLimitStore(deps: { db: Db; cipher: FieldCipher }): FastifyRateLimitStoreCtor {
  const answer = (promise: Promise<RateLimitCount>, callback: StoreCallback) => {
    promise.then(
      ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  };
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly namespace: string;

    constructor(options: object | string) {
      this.namespace = typeof options === 'string' ? options : 'global';
    }

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      answer(countRateLimitHit(deps.db, { bucket: this.bucketOf(key, timeWindow), windowMs: timeWindow }), callback);
    }

    read(key: string, callback: StoreCallback, timeWindow: number): void {
      answer(readRateLimitCount(deps.db, this.bucketOf(key, timeWindow)), callback);
    }

    // A route's own limit is named after the route; a limiter made with `createRateLimit()` has no route, and is told
    // apart by its window length in the bucket (and by the key its keyGenerator makes).
    child(options: object): FastifyRateLimitStore {
      const route = (options as ChildOptions).routeInfo;
      return new PostgresRateLimitStore(route?.url ? `${String(route.method)} ${route.url}` : 'limiter');
    }

    private bucketOf(key: string, windowMs: number): string {
      return `${this.namespace}|${windowMs}|${deps.cipher.lookupHash(key)}`;
    }
  };
}

/** Ended windows are worth nothing: deleted every ten minutes, so the table stays the size of the active clients. */
export const rateLimitJobs: JobDefinition[] = [
  {
    name: 'prune-rate-limit-counters',
    cron: '*/10 * * * *',
    handler: async ({ db }) => ((await deleteExpiredRateLimitCounters(db)) > 0 ? 'done' : 'skipped'),
  },
];
