import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from './db/tables.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCampaignRoutes } from './modules/campaigns/campaign.routes.ts';
import { registerCourseRoutes } from './modules/courses/course.routes.ts';
import { registerCampaignPages } from './modules/directory/campaign-pages.routes.ts';
import { registerContactPages } from './modules/directory/contact-pages.routes.ts';
import { registerDirectoryRoutes } from './modules/directory/directory.routes.ts';
import { registerPublicPages } from './modules/directory/public-pages.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerOidcRoutes } from './modules/oidc/oidc.routes.ts';
import { registerOrganisationRoutes } from './modules/organisations/organisation.routes.ts';
import { registerReferralRoutes } from './modules/referrals/referral.routes.ts';
import { registerUserRoutes } from './modules/users/user.routes.ts';
import { registerAuthorization, type RouteCatalogueEntry } from './platform/auth/authorization.ts';
import type { Clock } from './platform/clock.ts';
import { registerErrorHandling, sendProblem } from './platform/errors.ts';
import type { FieldCipher } from './platform/field-encryption.ts';
import type { LiveUpdates } from './platform/live-updates.ts';
import type { Mailer } from './platform/mailer.ts';
import { createSwaggerOptions } from './platform/openapi.ts';

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
};

/** Everything a module needs, passed in explicitly: no singletons, so tests can pass their own. */
export type AppDeps = {
  db: Kysely<Database>;
  clock: Clock;
  cipher: FieldCipher;
  mailer: Mailer;
  liveUpdates: LiveUpdates;
  config: AppConfig;
};

export type BroApp = FastifyInstance & { routeCatalogue: RouteCatalogueEntry[] };

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<BroApp> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel ?? 'info',
      // Never log cookies, tokens or bodies; URLs carry ids only (no personal data in URLs, by design).
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
      // Paths only: query strings can carry an OIDC code, a search term or a postcode, none of which belong in logs.
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
      },
    },
    bodyLimit: 64 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

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
  await app.register(rateLimit, { global: false, enableDraftSpec: true });

  await app.register(swagger, createSwaggerOptions({ publicOrigin: deps.config.publicOrigin }));

  registerErrorHandling(app);
  const routeCatalogue = registerAuthorization(app, { db: deps.db, clock: deps.clock });

  // API responses may carry personal data: never cached anywhere.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(
    async (api) => {
      registerHealthRoutes(api, deps);
      registerAuthRoutes(api, deps);
      registerOidcRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerOrganisationRoutes(api, deps);
      registerReferralRoutes(api, deps);
      registerCourseRoutes(api, deps);
      registerDirectoryRoutes(api, deps);
      registerCampaignRoutes(api, deps);
      api.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  await app.register(async (docs) => {
    // Plugin routes declare their permission too: these pages are public documentation.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  registerPublicPages(app, deps);
  registerContactPages(app, deps);
  registerCampaignPages(app, deps);
  registerWebApp(app, deps.config.webDistDir ?? defaultWebDist);

  const broApp = app as unknown as BroApp;
  broApp.routeCatalogue = routeCatalogue;
  return broApp;
}

/** Serves the built single-page app; unknown non-API paths get index.html so deep links work. */
function registerWebApp(app: FastifyInstance, distDir: string): void {
  const indexPath = `${distDir}/index.html`;
  if (!existsSync(indexPath)) return;
  const indexHtml = readFileSync(indexPath, 'utf8');
  void app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await web.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      // Hashed assets are immutable; anything else (index.html) is never cached.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store');
      },
    });
    // Deep links (/inbox/…) get the app; anything else unknown stays a problem document.
    web.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api') || !request.headers.accept?.includes('text/html')) return sendProblem(request, reply, 'not_found');
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
    });
  });
}
