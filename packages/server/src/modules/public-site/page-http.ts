import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { isPageLanguage, type PageLanguage } from '../directory/index.ts';
import { renderPage, type Page, type Site } from './layout.render.ts';

/**
 * What every route of the public site shares. Each route declares itself public (deny by default elsewhere), and
 * its request log is turned down to warnings: the paths are harmless, but nothing about a person's visit needs to
 * be in a log (query strings, which carry search terms, are never logged anyway).
 */
export const publicRoute = { config: { permission: 'public' as const }, logLevel: 'warn' as const };

export type SendPage = (reply: FastifyReply, page: Page, status?: number) => FastifyReply;

/** What a page group's routes get: the public site's plugin, the app's dependencies and the one way to answer. */
export type PageGroupInput = { pages: FastifyInstance; deps: AppDeps; sendPage: SendPage };

/** Sends a page, never to be stored by the browser or a proxy (the route's hooks also strip any cookie). */
export function createPageSender(site: Site): SendPage {
  return (reply, page, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('content-language', page.lang).header('cache-control', 'no-store').send(renderPage(page, site));
}

/** The language of a public address by its prefix: `/en/…` and `/ar/…` have theirs; everything else is Danish. */
export function languageOfUrl(url: string): PageLanguage {
  const prefix = /^\/([a-z]{2})(?:[/?]|$)/.exec(url)?.[1];
  return prefix && prefix !== 'da' && isPageLanguage(prefix) ? prefix : 'da';
}
