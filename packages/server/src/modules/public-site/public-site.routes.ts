import { readFileSync } from 'node:fs';
import { identifier } from '@bro/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { AppError } from '../../platform/errors.ts';
import { PAGE_LANGUAGES } from '../directory/index.ts';
import { renderAccessibilityStatement } from './accessibility-statement.render.ts';
import { registerCampaignMedia, registerCampaignPages } from './campaign-pages.routes.ts';
import { renderTooLargePage } from './contact-pages.render.ts';
import { registerCommunityMeetingPages } from './community-meeting-pages.routes.ts';
import { registerContactPages } from './contact-pages.routes.ts';
import { registerEventPages } from './event-pages.routes.ts';
import { registerHelpPages } from './help-pages.routes.ts';
import { renderNotFoundPage, renderSafetyPage, renderUnavailablePage } from './info-pages.render.ts';
import { pagePath } from './layout.render.ts';
import { registerLegacyRedirects } from './legacy-redirects.routes.ts';
import { createPageSender, languageOfUrl, publicRoute, type PageGroupInput, type SendPage } from './page-http.ts';
import { renderStartPage } from './start-page.render.ts';

/**
 * The public site: every path that is not under `/api/` or `/medarbejder/` (ADR 0005). Danish at the root, English
 * and Arabic under `/en/` and `/ar/` (ADR 0007). Pages for people looking for help: readable without JavaScript,
 * no cookie (an onSend hook strips any, defensively), `no-store`, nothing from another origin and one small script
 * of ours (quick exit; the contact form adds its spam brake). It reads the directory, campaigns and self-referral
 * only through those modules' index.ts.
 */

/**
 * Form posts are parsed here, for the public site only (no @fastify/formbody). 16 KB rather than 8 KB: a full
 * contact form in Arabic is percent-encoded at six bytes a letter, so 1,200 letters of text come to about 8 KB.
 */
const FORM_BODY_LIMIT = 16 * 1024;

type Asset = { body: Buffer; contentType: string };

/** A fixed list, looked up by exact name: no path from a request ever reaches the file system. */
function loadAssets(): Map<string, Asset> {
  const file = (name: string, contentType: string): [string, Asset] => [name, { body: readFileSync(new URL(`./assets/${name}`, import.meta.url)), contentType }];
  const script = 'text/javascript; charset=utf-8';
  return new Map([file('public.css', 'text/css; charset=utf-8'), file('quick-exit.js', script), file('contact-pow.js', script)]);
}

export function registerPublicSite(app: FastifyInstance, deps: AppDeps): void {
  const sendPage = createPageSender({ publicOrigin: deps.config.publicOrigin });
  const assets = loadAssets();
  void app.register(async (pages) => {
    pages.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('set-cookie');
      reply.header('cache-control', 'no-store');
    });
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
      done(null, parseForm(String(body)));
    });
    pages.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply, sendPage));

    const api = pages.withTypeProvider<ZodTypeProvider>();
    api.get('/public/:file', { ...publicRoute, schema: { hide: true, params: z.object({ file: identifier({ max: 40 }) }) } }, async (request, reply) => {
      const asset = assets.get(request.params.file);
      if (!asset) return sendPage(reply, renderNotFoundPage('da'), 404);
      return reply.type(asset.contentType).send(asset.body);
    });
    registerSitePages({ pages, deps, sendPage });
    registerLegacyRedirects(pages);
    registerHelpPages({ pages, deps, sendPage });
    registerContactPages({ pages, deps, sendPage });
    registerCampaignPages({ pages, deps, sendPage });
    registerEventPages({ pages, deps, sendPage });
    registerCommunityMeetingPages({ pages, deps, sendPage });
  });
  registerCampaignMedia(app);
}

/**
 * The start page, the safety page and the accessibility statement, in every language. `/en` and `/ar` without the
 * slash lead to their start page; `/was` to the statement (Digitaliseringsstyrelsen's convention for every site).
 */
function registerSitePages({ pages, deps, sendPage }: PageGroupInput): void {
  const options = { ...publicRoute, schema: { hide: true } };
  const statementSite = { host: new URL(deps.config.publicOrigin).host, contact: deps.config.accessibilityContact };
  for (const lang of PAGE_LANGUAGES) {
    pages.get(pagePath(lang), options, async (_request, reply) => sendPage(reply, renderStartPage(lang)));
    pages.get(pagePath(lang, '/sikkerhed'), options, async (_request, reply) => sendPage(reply, renderSafetyPage(lang)));
    pages.get(pagePath(lang, '/tilgaengelighed'), options, async (_request, reply) => sendPage(reply, renderAccessibilityStatement(lang, statementSite)));
    if (lang !== 'da') pages.get(`/${lang}`, options, async (_request, reply) => reply.redirect(pagePath(lang), 301));
  }
  pages.get('/was', options, async (_request, reply) => reply.redirect(pagePath('da', '/tilgaengelighed'), 301));
}

/**
 * A request for a path no route serves, outside the API (see registerErrorHandling): the "not found" page in the
 * language of the address, with the way to the start page and its hotline.
 */
export function createNotFoundPageSender(deps: AppDeps) {
  const sendPage = createPageSender({ publicOrigin: deps.config.publicOrigin });
  return (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, renderNotFoundPage(languageOfUrl(request.url)), 404);
}

/**
 * Errors on a public page. A form too large for the limit gets a page saying so; a mistake of the caller's (a JSON
 * body where a form belongs, say) goes on to the app's handler, which answers a problem document; anything that
 * failed on our side — the database is down — gets a page with the hotline, which needs none of it.
 */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, sendPage: SendPage) {
  const lang = languageOfUrl(request.url);
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendPage(reply, renderTooLargePage(lang), 413);
  if (error instanceof AppError || (error.statusCode !== undefined && error.statusCode < 500)) throw error;
  // The error's kind and the route's pattern (`/tilbud/:slug`) only: never the address with its query string.
  request.log.error({ route: request.routeOptions.url, err: { name: error.name, code: error.code, message: error.message } }, 'public page failed');
  return sendPage(reply, renderUnavailablePage(lang), 503);
}

/** First value wins; a null-prototype object, so no posted key can reach Object.prototype. */
function parseForm(body: string): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (!(key in values)) values[key] = value;
  }
  return values;
}
