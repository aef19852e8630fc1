import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { CampaignSlug, identifier } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPublicCampaign } from '../campaigns/index.ts';
import { PAGE_LANGUAGES } from '../directory/index.ts';
import { renderCampaignPage } from './campaign-pages.render.ts';
import { renderNotFoundPage } from './info-pages.render.ts';
import { pagePath } from './layout.render.ts';
import { publicRoute, type PageGroupInput } from './page-http.ts';

/**
 * Public campaign pages (`/kampagner/{slug}`, `/en/kampagner/{slug}`, …; published campaigns only) and the campaign
 * videos served from our own origin (`/public/campaign-media/…`). The same promises as every public page: no
 * cookie, no-store, nothing from another origin, quick exit first, a neutral title.
 *
 * Video files are placed by the operator in `assets/campaign-media/` beside this file (not in git; created when
 * needed). Only names of the campaign media form (`[a-z0-9-].mp4|webm|vtt`) are served, with range requests so
 * phones can seek; nothing is listed.
 */

const CampaignParams = z.object({ slug: identifier({ max: 100 }) });
const mediaDir = fileURLToPath(new URL('./assets/campaign-media/', import.meta.url));
const mediaName = /^\/?[a-z0-9][a-z0-9-]{0,80}\.(mp4|webm|vtt)$/;

export function registerCampaignPages({ pages, deps, sendPage }: PageGroupInput): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  for (const lang of PAGE_LANGUAGES) {
    api.get(pagePath(lang, '/kampagner/:slug'), { ...publicRoute, schema: { hide: true, params: CampaignParams } }, async (request, reply) => {
      const slug = CampaignSlug.safeParse(request.params.slug);
      const campaign = slug.success ? await findPublicCampaign({ db: deps.db, slug: slug.data }) : undefined;
      if (!campaign) return sendPage(reply, renderNotFoundPage(lang), 404);
      return sendPage(reply, renderCampaignPage(lang, campaign));
    });
  }
}

/** The videos: public and the same for everyone, so unlike the pages a browser may cache them for an hour. */
export function registerCampaignMedia(app: FastifyInstance): void {
  if (!existsSync(mediaDir)) return;
  void app.register(async (media) => {
    media.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    media.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('set-cookie');
    });
    await media.register(fastifyStatic, {
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
  });
}
