import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/tables.ts';
import type { FieldCipher } from './field-encryption.ts';
import type { JobDefinition } from './jobs.ts';
import { countRateLimitHit, countRateLimitHitUnlessRetry, deleteExpiredRateLimitCounters, readRateLimitCount, type RateLimitCount } from './rate-limit-store.queries.ts';

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/**
 * What @fastify/rate-limit really passes to `child()` (its index.js): the merged limit options with `routeInfo`, the
 * route for a route's own limit and `{}` for a `createRateLimit()` limiter. Its type declarations say otherwise.
 */
type ChildOptions = { routeInfo?: { method?: string | string[]; url?: string }; exemptIdempotentRetries?: boolean };

/** What a limit with `exemptIdempotentRetries` counts: whom, and the retry a request may be (then it is not counted). */
type RetryAwareKey = { subject: string; retry?: { userId: string; idempotencyKey: string; requestHash: string } };

/**
 * The key of a limit with `exemptIdempotentRetries: true` in its route config: its keyGenerator answers this, and the
 * store counts by `subject` unless the request repeats an Idempotency-Key already claimed for the same body.
 */
export function retryAwareRateLimitKey(key: RetryAwareKey): string {
  return JSON.stringify(key);
}

function parseRetryAwareKey(key: string): RetryAwareKey {
  return JSON.parse(key) as RetryAwareKey;
}

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
    readonly isRetryAware: boolean;

    constructor(options: object | string, isRetryAware = false) {
      this.namespace = typeof options === 'string' ? options : 'global';
      this.isRetryAware = isRetryAware;
    }

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      if (!this.isRetryAware) return answer(countRateLimitHit(deps.db, { bucket: this.bucketOf(key, timeWindow), windowMs: timeWindow }), callback);
      const { subject, retry } = parseRetryAwareKey(key);
      const bucket = this.bucketOf(subject, timeWindow);
      answer(retry ? countRateLimitHitUnlessRetry(deps.db, { bucket, windowMs: timeWindow, retry }) : countRateLimitHit(deps.db, { bucket, windowMs: timeWindow }), callback);
    }

    read(key: string, callback: StoreCallback, timeWindow: number): void {
      const subject = this.isRetryAware ? parseRetryAwareKey(key).subject : key;
      answer(readRateLimitCount(deps.db, this.bucketOf(subject, timeWindow)), callback);
    }

    // A route's own limit is named after the route; a limiter made with `createRateLimit()` has no route, and is told
    // apart by its window length in the bucket (and by the key its keyGenerator makes).
    child(options: object): FastifyRateLimitStore {
      const { routeInfo: route, exemptIdempotentRetries } = options as ChildOptions;
      return new PostgresRateLimitStore(route?.url ? `${String(route.method)} ${route.url}` : 'limiter', exemptIdempotentRetries === true);
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
