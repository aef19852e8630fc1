import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.ts';

/**
 * The staff app lives under one prefix, so "/" and every other short path belong to the public site, where a
 * person looking for help must land (docs/adr/0005-staff-app-under-medarbejder.md). The web build's Vite `base`
 * is the same path.
 */
const STAFF_APP_PATH = '/medarbejder';

/** Where the staff app's sign-in page is, e.g. for a refused OIDC sign-in. */
export const staffAppUrl = (path: string) => `${STAFF_APP_PATH}${path.startsWith('/') ? path : `/${path}`}`;

/** The first path segments the staff app used before it moved under its prefix; old bookmarks still work. */
const LEGACY_STAFF_SEGMENTS = ['login', 'inbox', 'referrals', 'admin', 'platform', 'courses', 'caseload', 'supervision', 'course-config'] as const;

/**
 * Serves the built single-page app under {@link STAFF_APP_PATH}: hashed assets cached forever, the page never,
 * deep links answered with the page. Old staff URLs redirect permanently to their new place.
 */
export function registerStaffApp(app: FastifyInstance, distDir: string): void {
  void app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    registerLegacyRedirects(web);
    const indexPath = `${distDir}/index.html`;
    if (!existsSync(indexPath)) return;
    const indexHtml = readFileSync(indexPath, 'utf8');
    await web.register(fastifyStatic, {
      root: distDir,
      prefix: `${STAFF_APP_PATH}/`,
      wildcard: false,
      index: false,
      // Hashed assets are immutable; anything else (index.html) is never cached.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store');
      },
    });
    const sendApp = (request: Parameters<typeof sendProblem>[0], reply: Parameters<typeof sendProblem>[1]) => {
      // A missing asset (or any non-page request) stays a problem document; pages get the app, which routes itself.
      if (!request.headers.accept?.includes('text/html')) return sendProblem(request, reply, 'not_found');
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
    };
    web.get(STAFF_APP_PATH, { schema: { hide: true } }, sendApp);
    web.get(`${STAFF_APP_PATH}/*`, { schema: { hide: true } }, sendApp);
  });
}

function registerLegacyRedirects(web: FastifyInstance): void {
  for (const segment of LEGACY_STAFF_SEGMENTS) {
    for (const path of [`/${segment}`, `/${segment}/*`]) {
      // 301: bookmarks and browsers learn the new address. The query string (a fixed word such as reason=idle) is kept.
      web.get(path, { schema: { hide: true } }, (request, reply) => reply.redirect(`${STAFF_APP_PATH}${request.url}`, 301));
    }
  }
}
