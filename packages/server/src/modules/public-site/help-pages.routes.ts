import { readFileSync } from 'node:fs';
import { Channel, LanguageCode, municipalities, MunicipalityCode, municipalityCodesForPostcode, Postcode, Situation, TargetGroup, targetGroupsBySituation } from '@bro/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { findPublicHelpService, isPageLanguage, listLanguagesOffered, PAGE_LANGUAGES, searchDirectory, statusesOnPublicPages, type PageLanguage } from '../directory/index.ts';
import { renderNotFoundPage, renderSafetyPage, renderSearchPage, renderServicePage, renderStartPage, type SearchParameters } from './help-pages.render.ts';

/**
 * The public help directory for people looking for help: server-rendered pages in Danish, English and Arabic
 * (the language is in the URL, never in a cookie), and their static assets from our own origin.
 *
 * Leave no trace: these routes never set a cookie (an onSend hook strips any, defensively), ask browsers not to
 * store the pages (`no-store`), load nothing from another origin and only one script (quick exit). Their request
 * log is turned down to warnings, so the filters a person chose are not written to the server's logs.
 */

const PER_PAGE = 20;

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Lenient on purpose: a bad value in a hand-edited URL is ignored (the form shows it unselected), never an error. */
const SearchPageQuery = z.object({
  situation: z.preprocess(blankToUndefined, Situation.optional()).catch(undefined),
  group: z.preprocess(blankToUndefined, TargetGroup.optional()).catch(undefined),
  postcode: z.preprocess(blankToUndefined, z.string().trim().max(10).optional()).catch(undefined),
  municipality: z.preprocess(blankToUndefined, MunicipalityCode.optional()).catch(undefined),
  channel: z.preprocess(blankToUndefined, Channel.optional()).catch(undefined),
  language: z.preprocess(blankToUndefined, LanguageCode.optional()).catch(undefined),
  open: z.literal('1').optional().catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000).catch(1).default(1),
});

const LanguageParams = z.object({ lang: z.string() });
const ServiceParams = z.object({ lang: z.string(), slug: z.string().max(100) });

type Asset = { body: Buffer; contentType: string };

function loadAssets(): Map<string, Asset> {
  const file = (name: string, contentType: string): [string, Asset] => [name, { body: readFileSync(new URL(`./assets/${name}`, import.meta.url)), contentType }];
  return new Map([file('quick-exit.js', 'text/javascript; charset=utf-8'), file('public.css', 'text/css; charset=utf-8')]);
}

export function registerHelpPages(app: FastifyInstance, deps: AppDeps): void {
  const { db, clock } = deps;
  const assets = loadAssets();
  const municipalityList = [...municipalities].map(({ code, name }) => ({ code, name })).sort((a, b) => new Intl.Collator('da').compare(a.name, b.name));
  const municipalityName = new Map(municipalityList.map(({ code, name }) => [code, name]));

  void app.register(async (pages) => {
    const api = pages.withTypeProvider<ZodTypeProvider>();
    const common = { config: { permission: 'public' as const }, logLevel: 'warn' as const };

    pages.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('set-cookie');
      reply.header('cache-control', 'no-store');
    });

    const sendPage = (reply: FastifyReply, lang: PageLanguage, page: string, status = 200) =>
      reply.status(status).type('text/html; charset=utf-8').header('content-language', lang).send(page);
    const sendNotFound = (reply: FastifyReply, lang: string) => {
      const pageLanguage = isPageLanguage(lang) ? lang : 'da';
      return sendPage(reply, pageLanguage, renderNotFoundPage(pageLanguage), 404);
    };

    // "/" belongs to the public site, not to the staff sign-in: a person who types the address must find help.
    api.get('/', { ...common, schema: { hide: true } }, async (_request, reply) => reply.redirect('/da', 302));

    for (const lang of PAGE_LANGUAGES) {
      api.get(`/${lang}`, { ...common, schema: { hide: true } }, async (_request, reply) => sendPage(reply, lang, renderStartPage(lang)));
    }

    api.get('/:lang/sikkerhed', { ...common, schema: { hide: true, params: LanguageParams } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply, lang);
      return sendPage(reply, lang, renderSafetyPage(lang));
    });

    api.get('/:lang/tilbud', { ...common, schema: { hide: true, params: LanguageParams, querystring: SearchPageQuery } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply, lang);
      const parameters = toSearchParameters(request.query);
      const postcodeProblem = checkPostcode(parameters.postcode);
      const now = clock.now();
      const { total, services } = await searchDirectory({
        db,
        now,
        query: {
          statuses: statusesOnPublicPages,
          search: parameters.q,
          targetGroups: parameters.group ? [parameters.group] : parameters.situation ? targetGroupsFor(parameters.situation) : undefined,
          channels: parameters.channel ? [parameters.channel] : undefined,
          language: parameters.language,
          municipalityCode: parameters.municipality,
          postcode: postcodeProblem === 'invalid' ? undefined : parameters.postcode,
          isOpenNow: parameters.open === '1',
        },
        page: { page: parameters.page ?? 1, perPage: PER_PAGE },
      });
      const languages = await listLanguagesOffered({ db });
      const page = renderSearchPage({ lang, parameters, postcodeProblem, total, perPage: PER_PAGE, services, languagesOffered: languages, municipalities: municipalityList, now });
      return sendPage(reply, lang, page);
    });

    api.get('/:lang/tilbud/:slug', { ...common, schema: { hide: true, params: ServiceParams, querystring: SearchPageQuery } }, async (request, reply) => {
      const { lang, slug } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply, lang);
      const service = await findPublicHelpService({ db, slug, statuses: statusesOnPublicPages });
      if (!service) return sendNotFound(reply, lang);
      const page = renderServicePage({
        lang,
        service,
        parameters: toSearchParameters(request.query),
        municipalityName: (code) => municipalityName.get(code) ?? code,
        now: clock.now(),
      });
      return sendPage(reply, lang, page);
    });

    api.get('/public/:file', { ...common, schema: { hide: true, params: z.object({ file: z.string().max(40) }) } }, async (request, reply) => {
      // A fixed list, looked up by exact name: no path from the request ever reaches the file system.
      const asset = assets.get(request.params.file);
      if (!asset) return sendNotFound(reply, 'da');
      return reply.type(asset.contentType).send(asset.body);
    });
  });
}

function toSearchParameters(query: z.infer<typeof SearchPageQuery>): SearchParameters {
  return {
    situation: query.situation,
    group: query.group,
    postcode: query.postcode,
    municipality: query.municipality,
    channel: query.channel,
    language: query.language,
    open: query.open,
    q: query.q,
    page: query.page,
  };
}

/** `invalid`: not four digits (shown as an error); `unknown`: four digits that are no Danish postcode. */
function checkPostcode(postcode: string | undefined): 'invalid' | 'unknown' | undefined {
  if (postcode === undefined) return undefined;
  const parsed = Postcode.safeParse(postcode);
  if (!parsed.success) return 'invalid';
  return municipalityCodesForPostcode(parsed.data).length === 0 ? 'unknown' : undefined;
}

function targetGroupsFor(situation: Situation): TargetGroup[] {
  return [...targetGroupsBySituation[situation]];
}
