import { identifier } from '@bro/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicRoute } from './page-http.ts';

/**
 * The Danish pages used to live under `/da` (`/da/tilbud`, `/da/kontakt` …); they now live at the root
 * (ADR 0007). Every old address answers with a permanent redirect to its new place, query string kept: 301 for a
 * page, 308 for a form post, so a contact form sent from an old page still in a browser arrives, body and all.
 * Only these shapes are redirected, each to a path we build ourselves, so no request can steer a redirect elsewhere.
 */
const OLD_PAGES = ['/da', '/da/', '/da/tilbud', '/da/tilbud/:slug', '/da/kontakt', '/da/kvittering', '/da/kampagner/:slug', '/da/sikkerhed'] as const;
const OLD_FORMS = ['/da/kontakt', '/da/kvittering'] as const;

const SlugParams = z.object({ slug: identifier({ max: 100 }).optional() });

export function registerLegacyRedirects(pages: FastifyInstance): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  const options = { ...publicRoute, schema: { hide: true, params: SlugParams } };
  for (const oldPath of OLD_PAGES) {
    api.get(oldPath, options, async (request, reply) => reply.redirect(newAddress(oldPath, request), 301));
  }
  for (const oldPath of OLD_FORMS) {
    api.post(oldPath, options, async (request, reply) => reply.redirect(newAddress(oldPath, request), 308));
  }
}

function newAddress(oldPath: string, request: FastifyRequest<{ Params: z.infer<typeof SlugParams> }>): string {
  const slug = request.params.slug;
  const path = oldPath.replace(/^\/da\/?/, '/').replace(':slug', encodeURIComponent(slug ?? ''));
  const queryStart = request.url.indexOf('?');
  return queryStart === -1 ? path : `${path}${request.url.slice(queryStart)}`;
}
