import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './modules/auth/index.ts';
import { registerCampaignRoutes } from './modules/campaigns/index.ts';
import { communityMeetingCalendarSource, communityMeetingJobs, registerCommunityMeetingRoutes } from './modules/community-meetings/index.ts';
import { courseJobs, courseMessageChecks, registerCourseRoutes } from './modules/courses/index.ts';
import { createDirectoryListingPublishing, directoryJobs, registerDirectoryRoutes } from './modules/directory/index.ts';
import { registerEnrolmentRoutes } from './modules/enrolment/index.ts';
import { registerHealthRoutes } from './modules/health/index.ts';
import { createMessageJobs, createOutboxMetricsCollectors, registerMessageRoutes } from './modules/messages/index.ts';
import { registerOidcRoutes } from './modules/oidc/index.ts';
import { registerOrganisationRoutes } from './modules/organisations/index.ts';
import { registerPublishingRoutes } from './modules/publishing/index.ts';
import { createNotFoundPageSender, registerPublicSite } from './modules/public-site/index.ts';
import { referralJobs, registerReferralRoutes } from './modules/referrals/index.ts';
import { registerProgrammeRoutes } from './modules/programmes/index.ts';
import { registerServiceAdminRoutes } from './modules/services/index.ts';
import { registerUserRoutes } from './modules/users/index.ts';
import { registerCalendarFeedRoute, registerCalendarRoutes } from './modules/calendars/index.ts';
import { registerPeerSupportRoutes } from './modules/peer-support/index.ts';
import { eventJobs, openEventCalendarSource, registerEventRoutes } from './modules/events/index.ts';
import { groupJobs, groupMeetingCalendarSource, groupMessageChecks, registerGroupRoutes } from './modules/groups/index.ts';
import { registerAuthorization, type RouteCatalogueEntry } from './platform/auth/authorization.ts';
import { idleTimeoutOf } from './platform/auth/session.ts';
import { registerErrorHandling, sendProblem } from './platform/errors.ts';
import { bodyLimitOf } from './platform/body-limits.ts';
import { refuseUnsafeText } from './platform/input-hygiene.ts';
import type { AppConfig, AppDeps } from './platform/app-deps.ts';
import type { JobDefinition } from './platform/jobs.ts';
import { createSealLagMetricsCollectors } from './platform/audit-sealer.ts';
import { createMetrics, registerMetricsCollector, registerMetricsRoute, type Metrics } from './platform/metrics.ts';
import { createSwaggerOptions } from './platform/openapi.ts';
import { createPostgresRateLimitStore, rateLimitJobs } from './platform/rate-limit-store.ts';
import { registerStaffApp } from './platform/staff-app.ts';
import { toLoggedPath } from './platform/request-log.ts';
import type { StaffCalendarSource } from './platform/staff-calendar.ts';

export type { AppDeps };

/** Every module's jobs; main.ts hands them to the worker. A module with jobs exports its list from its index.ts. */
export const jobDefinitions: readonly JobDefinition[] = [
  ...referralJobs,
  ...directoryJobs,
  ...courseJobs,
  ...groupJobs,
  ...createMessageJobs({ ...courseMessageChecks, ...groupMessageChecks }),
  ...rateLimitJobs,
  ...eventJobs,
  ...communityMeetingJobs,
];

/** The jobs that queue and then deliver session and group messages, in that order: what the development outbox runs now. */
export const messageJobNames: readonly string[] = ['send-session-reminders', 'send-group-messages', 'deliver-outbox-messages'];

/** `metrics`: collectors are added with registerMetricsCollector (the outbox backlog, the audit sealer's lag). */
export type BroApp = FastifyInstance & { routeCatalogue: RouteCatalogueEntry[]; metrics: Metrics };

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<BroApp> {
  const app = createFastify(deps.config);
  // First: the request-duration hook must see every route registered after it.
  const metrics = createMetrics({ db: deps.db, log: (message) => app.log.warn(message) });
  for (const collector of [...createOutboxMetricsCollectors(deps.db), ...createSealLagMetricsCollectors(deps.db)]) registerMetricsCollector(metrics, collector);
  registerMetricsRoute(app, metrics, deps.config.metricsAllowedAddresses ?? ['127.0.0.1', '::1']);
  await registerSecurityPlugins(app, deps);
  await registerOpenApi(app, deps);
  registerErrorHandling(app, { notFoundPage: createNotFoundPageSender(deps) });
  const routeCatalogue = registerAuthorization(app, { db: deps.db, clock: deps.clock, idleTimeoutMs: idleTimeoutOf(deps.config) });
  await registerApi(app, deps);
  await registerApiDocs(app);
  registerPublicSite(app, deps);
  registerCalendarFeedRoute(app, deps, staffCalendarSourcesOf(deps));
  registerStaffApp(app, deps.config.webDistDir ?? defaultWebDist);

  const broApp = app as unknown as BroApp;
  broApp.routeCatalogue = routeCatalogue;
  broApp.metrics = metrics;
  return broApp;
}

function createFastify(config: AppConfig) {
  const app = Fastify({
    logger: {
      level: config.logLevel ?? 'info',
      ...(config.logStream ? { stream: config.logStream } : {}),
      // Never log cookies, tokens or bodies; URLs carry ids only (no personal data in URLs, by design).
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
      // Paths only: query strings can carry an OIDC code, a search term or a postcode, none of which belong in logs;
      // a private calendar feed's token is replaced (platform/request-log.ts).
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, path: toLoggedPath(request.url) }),
      },
    },
    bodyLimit: 64 * 1024,
    // Behind the load balancer: X-Forwarded-For from these proxies only (TRUST_PROXY), never from anyone.
    trustProxy: toFastifyTrustProxy(config.trustProxy),
    // A malformed address (`/api/courses/%E0%A4%A`) fails in the router, before any handler: a problem document too.
    frameworkErrors: (_error, request, reply) => sendProblem(request, reply, 'validation_failed'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

/** A hop count as the function Fastify's types accept (the same rule proxy-addr applies to a number). */
function toFastifyTrustProxy(trustProxy: AppConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  return trustProxy ?? false;
}

async function registerSecurityPlugins(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Counters in PostgreSQL, shared by every app node: a limit holds across the load balancer's targets.
  await app.register(rateLimit, { global: false, enableDraftSpec: true, store: createPostgresRateLimitStore(deps) });
}

/** The OpenAPI document, generated from the routes' zod schemas (platform/openapi.ts); served at /api/openapi.json. */
async function registerOpenApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(swagger, createSwaggerOptions({ publicOrigin: deps.config.publicOrigin }));
}

/** Every module's API routes, under /api. */
async function registerApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // API responses may carry personal data: never cached anywhere.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(
    async (api) => {
      // Each route's body limit (platform/body-limits.ts): small unless the route needs more.
      api.addHook('onRoute', (route) => {
        const method = Array.isArray(route.method) ? String(route.method[0]) : route.method;
        route.bodyLimit ??= bodyLimitOf(method, route.url);
      });
      api.addHook('preValidation', refuseUnsafeText);
      registerHealthRoutes(api, deps);
      registerAuthRoutes(api, deps);
      registerEnrolmentRoutes(api, deps);
      registerOidcRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerOrganisationRoutes(api, deps);
      registerServiceAdminRoutes(api, deps);
      registerProgrammeRoutes(api, deps);
      registerReferralRoutes(api, deps);
      registerCourseRoutes(api, deps);
      registerDirectoryRoutes(api, deps);
      // Each kind of public content that needs approval plugs in here; publishing never imports the kinds.
      registerPublishingRoutes(api, deps, [createDirectoryListingPublishing(deps)]);
      registerCampaignRoutes(api, deps);
      registerMessageRoutes(api, deps);
      registerCalendarRoutes(api, deps, staffCalendarSourcesOf(deps));
      registerPeerSupportRoutes(api, deps);
      registerEventRoutes(api, deps);
      registerCommunityMeetingRoutes(api, deps);
      registerGroupRoutes(api, deps);
      api.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );
}

/** The readable API documentation at /api/docs. */
async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(async (docs) => {
    // Plugin routes declare their permission too: these pages are public documentation.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
}

/**
 * What the staff calendar merges: each module's StaffCalendarSource (group meetings, open events, community
 * meetings), listed here so the calendar imports none of them; tests may add their own (`deps.calendarSources`).
 */
function staffCalendarSourcesOf(deps: AppDeps): readonly StaffCalendarSource[] {
  return [groupMeetingCalendarSource, openEventCalendarSource, communityMeetingCalendarSource, ...(deps.calendarSources ?? [])];
}
