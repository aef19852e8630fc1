import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { CampaignSlug } from '@bro/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { findPublicCampaign } from '../campaigns/index.ts';
import { renderCampaignPage } from './campaign-pages.render.ts';
import { isPageLanguage, type PageLanguage } from '../directory/index.ts';
import { renderNotFoundPage } from './help-pages.render.ts';

/**
 * Public campaign pages (`/{lang}/kampagner/{slug}`, published campaigns only) and the campaign videos served from
 * our own origin (`/public/campaign-media/…`). The same promises as every public page: no cookie, no-store, nothing
 * from another origin, quick exit first, a neutral title.
 *
 * Video files are placed by the operator in `packages/server/src/public/campaign-media/` (not in git; created when
 * needed). Only names of the campaign media form (`[a-z0-9-].mp4|webm|vtt`) are served, with range requests so
 * phones can seek; nothing is listed.
 */

const CampaignParams = z.object({ lang: z.string().max(10), slug: z.string().max(100) });
const defaultMediaDir = fileURLToPath(new URL('../../public/campaign-media/', import.meta.url));
const mediaName = /^\/?[a-z0-9][a-z0-9-]{0,80}\.(mp4|webm|vtt)$/;

export function registerCampaignPages(app: FastifyInstance, deps: AppDeps, options: { mediaDir?: string } = {}): void {
  const { db } = deps;
  const mediaDir = options.mediaDir ?? defaultMediaDir;

  void app.register(async (pages) => {
    const api = pages.withTypeProvider<ZodTypeProvider>();
    const common = { config: { permission: 'public' as const }, logLevel: 'warn' as const };
    pages.addHook('onSend', async (request, reply) => {
      reply.removeHeader('set-cookie');
      // Media may be cached by the browser (it is public, and the same for everyone); pages never.
      if (!request.url.startsWith('/public/campaign-media/')) reply.header('cache-control', 'no-store');
    });
    const sendPage = (reply: FastifyReply, lang: PageLanguage, page: string, status = 200) =>
      reply.status(status).type('text/html; charset=utf-8').header('content-language', lang).send(page);

    api.get('/:lang/kampagner/:slug', { ...common, schema: { hide: true, params: CampaignParams } }, async (request, reply) => {
      const { lang, slug } = request.params;
      const pageLanguage: PageLanguage = isPageLanguage(lang) ? lang : 'da';
      const parsedSlug = CampaignSlug.safeParse(slug);
      const campaign = isPageLanguage(lang) && parsedSlug.success ? await findPublicCampaign({ db, slug: parsedSlug.data }) : undefined;
      if (!campaign) return sendPage(reply, pageLanguage, renderNotFoundPage(pageLanguage), 404);
      return sendPage(reply, pageLanguage, renderCampaignPage(pageLanguage, campaign));
    });

    if (existsSync(mediaDir)) {
      pages.addHook('onRoute', (route) => {
        route.config = { ...route.config, permission: 'public' };
      });
      await pages.register(fastifyStatic, {
        root: mediaDir,
        prefix: '/public/campaign-media/',
        decorateReply: false,
        index: false,
        list: false,
        dotfiles: 'deny',
        allowedPath: (pathName) => mediaName.test(pathName),
        setHeaders: (reply) => {
          reply.header('cache-control', 'public, max-age=3600');
        },
      });
    }
  });
}
