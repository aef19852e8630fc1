import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BroApp } from '../app.ts';
import type { AppConfig } from '../platform/app-deps.ts';
import type { StaffCalendarSource } from '../platform/staff-calendar.ts';
import { createFixedClock } from '../platform/clock.ts';
import { createFieldCipher, TEST_ENCRYPTION_KEY } from '../platform/field-encryption.ts';
import { createInProcessLiveUpdates, type LiveUpdates } from '../platform/live-updates.ts';
import { createRecordingMailer } from '../platform/mailer.ts';
import { createRecordingSmsSender } from '../platform/sms.ts';
import { createBuilders, type GivenSession } from './builders.ts';
import { createTestDatabase } from './test-database.ts';

/** A fixed, test-only key (refused in production). Never used outside tests. */
export { TEST_ENCRYPTION_KEY };
export const TEST_NOW = new Date('2026-11-23T09:00:00.000Z');

/**
 * The app on a fresh database, with the outside world replaced: a fixed clock, a recording mailer, in-process
 * live updates. Call `close()` in afterAll.
 */
export async function createTestApp(
  options: { now?: Date; liveUpdates?: LiveUpdates; isRateLimitEnabled?: boolean; config?: Partial<AppConfig>; calendarSources?: readonly StaffCalendarSource[] } = {},
) {
  const database = await createTestDatabase();
  const clock = createFixedClock(options.now ?? TEST_NOW);
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  const mailer = createRecordingMailer();
  const sms = createRecordingSmsSender();
  const liveUpdates = options.liveUpdates ?? createInProcessLiveUpdates();
  const app = await buildApp({
    db: database.db,
    clock,
    cipher,
    liveUpdates,
    ...(options.calendarSources ? { calendarSources: options.calendarSources } : {}),
    config: {
      publicOrigin: 'http://localhost:3000',
      allowInsecureOidc: true,
      // BRO_TEST_LOG_LEVEL=error shows what a test's 500 was (the app logs it without personal data).
      logLevel: process.env.BRO_TEST_LOG_LEVEL ?? 'silent',
      webDistDir: '/nonexistent',
      isRateLimitEnabled: options.isRateLimitEnabled ?? true,
      ...options.config,
    },
  });
  await app.ready();
  const given = createBuilders({ db: database.db, cipher, clock });
  return {
    app,
    db: database.db,
    connectionString: database.connectionString,
    clock,
    cipher,
    mailer,
    sms,
    liveUpdates,
    given,
    /** What a job handler receives here: the recording transports, so messages the outbox delivers can be read. */
    jobContext: () => ({ db: database.db, clock, cipher, liveUpdates, mailer, sms, log: () => undefined }),
    /** Requests as a signed-in user: session cookie and CSRF token attached. */
    as: (session: GivenSession | undefined) => createClient(app, session),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

type Body = InjectOptions['payload'];
type Headers = Record<string, string>;

function createClient(app: BroApp, session: GivenSession | undefined) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Body, headers: Headers = {}): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, ...(payload === undefined ? {} : { payload }), headers: { ...(session?.headers ?? {}), ...headers } });
  return {
    get: (url: string, headers?: Headers) => send('GET', url, undefined, headers),
    post: (url: string, payload?: Body, headers?: Headers) => send('POST', url, payload ?? {}, headers),
    put: (url: string, payload?: Body, headers?: Headers) => send('PUT', url, payload ?? {}, headers),
    patch: (url: string, payload?: Body, headers?: Headers) => send('PATCH', url, payload ?? {}, headers),
    delete: (url: string, headers?: Headers) => send('DELETE', url, undefined, headers),
  };
}
