import type { Db } from '../db/tables.ts';
import type { Clock } from './clock.ts';
import type { FieldCipher } from './field-encryption.ts';
import type { LiveUpdates } from './live-updates.ts';
import type { StaffCalendarSource } from './staff-calendar.ts';

export type AppConfig = {
  publicOrigin: string;
  allowInsecureOidc: boolean;
  /** Serve the built web app from this folder when it exists. */
  webDistDir?: string;
  /** Off in tests that are about something else; on in production. */
  isRateLimitEnabled?: boolean;
  /** Sign-in attempts per client address and minute (default 10). Raised only where many people share an address. */
  loginAttemptsPerMinute?: number;
  logLevel?: string;
  /** How long a session may go without a request (default 15 minutes); shorter only in development and e2e. */
  sessionIdleTimeoutMs?: number;
  /** NODE_ENV=production: demo accounts (published passwords and TOTP secrets) are refused at sign-in. */
  isProduction?: boolean;
  /** The operator's contact for accessibility feedback, shown in the public site's accessibility statement. */
  accessibilityContact?: AccessibilityContact;
  /** The development outbox page (decrypted recipients and texts). Never on in production; off unless set. */
  isDevelopmentOutboxEnabled?: boolean;
  /**
   * Development only, with the development outbox: runs the jobs that queue and deliver messages now (session
   * reminders, then delivery), with the worker's transports, instead of waiting for their schedule.
   */
  runMessageJobsNow?: () => Promise<void>;
  /**
   * Fastify's `trustProxy` (TRUST_PROXY): the proxies whose X-Forwarded-For is believed, so `request.ip` — what the
   * rate limits count and the logs show — is the client's address behind the load balancer. Default false.
   */
  trustProxy?: false | number | string[];
  /** Addresses/CIDRs that may read GET /metrics (METRICS_ALLOWED_ADDRESSES); default the loopback addresses. */
  metricsAllowedAddresses?: readonly string[];
  /** Where the request log goes (default stdout); tests capture it to prove no personal data is logged. */
  logStream?: { write: (line: string) => void };
};

/** Written and phone contact for accessibility feedback (webtilgængelighedsloven); either may be missing until set. */
export type AccessibilityContact = { email: string | undefined; phone: string | undefined };

/**
 * Everything a module needs, passed in explicitly: no singletons, so tests can pass their own. It lives in platform/
 * (not in app.ts) so that modules can name it without importing the composition root that imports them.
 */
export type AppDeps = {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  liveUpdates: LiveUpdates;
  config: AppConfig;
  /** Extra staff-calendar sources beside the modules' own (app.ts): tests only; production passes none. */
  calendarSources?: readonly StaffCalendarSource[];
};
