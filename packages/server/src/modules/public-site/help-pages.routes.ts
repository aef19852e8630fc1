import { Channel, identifier, LanguageCode, municipalities, MunicipalityCode, municipalityCodesForPostcode, Postcode, Situation, TargetGroup, targetGroupsBySituation, text } from '@bro/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { findPublicHelpService, PAGE_LANGUAGES, searchDirectory, statusesOnPublicPages, type PageLanguage } from '../directory/index.ts';
import { renderSearchPage, renderServicePage, type SearchParameters } from './help-pages.render.ts';
import { listUpcomingEventsOfService } from '../events/index.ts';
import { renderServiceEventsBlock } from './event-pages.render.ts';
import { renderNotFoundPage } from './info-pages.render.ts';
import { pagePath, type Page } from './layout.render.ts';
import { publicRoute, type PageGroupInput } from './page-http.ts';

/**
 * The help search (`/tilbud`, `/en/tilbud`, `/ar/tilbud`) and each service's page (`/tilbud/{slug}`): the
 * directory's search, shown as pages. The filters a person chose travel in the query string only; query strings
 * are never logged.
 */

const PER_PAGE = 20;

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Lenient on purpose: a bad value in a hand-edited URL is ignored (the form shows it unselected), never an error. */
const SearchPageQuery = z.object({
  situation: z.preprocess(blankToUndefined, Situation.optional()).catch(undefined),
  group: z.preprocess(blankToUndefined, TargetGroup.optional()).catch(undefined),
  postcode: z.preprocess(blankToUndefined, identifier({ max: 10 }).optional()).catch(undefined),
  municipality: z.preprocess(blankToUndefined, MunicipalityCode.optional()).catch(undefined),
  channel: z.preprocess(blankToUndefined, Channel.optional()).catch(undefined),
  language: z.preprocess(blankToUndefined, LanguageCode.optional()).catch(undefined),
  open: z.literal('1').optional().catch(undefined),
  q: z.preprocess(blankToUndefined, text({ max: 100 }).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000).catch(1).default(1),
});
type SearchPageQuery = z.infer<typeof SearchPageQuery>;

const ServiceParams = z.object({ slug: identifier({ max: 100 }) });

const municipalityList = [...municipalities].map(({ code, name }) => ({ code, name })).sort((a, b) => new Intl.Collator('da').compare(a.name, b.name));
/** A service's area names each municipality as the municipality calls itself ("Københavns Kommune"), never by its code. */
const municipalityNames = new Map(municipalities.map(({ code, organisationName }) => [code, organisationName]));
const municipalityName = (code: string) => municipalityNames.get(code) ?? code;

export function registerHelpPages({ pages, deps, sendPage }: PageGroupInput): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  for (const lang of PAGE_LANGUAGES) {
    api.get(pagePath(lang, '/tilbud'), { ...publicRoute, schema: { hide: true, querystring: SearchPageQuery } }, async (request, reply) =>
      sendPage(reply, await showSearchPage(deps, lang, request.query)),
    );
    api.get(pagePath(lang, '/tilbud/:slug'), { ...publicRoute, schema: { hide: true, params: ServiceParams, querystring: SearchPageQuery } }, async (request, reply) => {
      const service = await findPublicHelpService({ db: deps.db, slug: request.params.slug, statuses: statusesOnPublicPages });
      if (!service) return sendPage(reply, renderNotFoundPage(lang), 404);
      const now = deps.clock.now();
      const events = service.referralServiceId === null ? [] : await listUpcomingEventsOfService({ db: deps.db, now, serviceId: service.referralServiceId, limit: 5 });
      const eventsBlock = service.referralServiceId === null ? '' : renderServiceEventsBlock(lang, service.referralServiceId, events);
      return sendPage(reply, renderServicePage({ lang, service, parameters: toSearchParameters(request.query), municipalityName, now, eventsBlock }));
    });
  }
}

async function showSearchPage({ db, clock }: AppDeps, lang: PageLanguage, query: SearchPageQuery): Promise<Page> {
  const parameters = toSearchParameters(query);
  const postcodeProblem = checkPostcode(parameters.postcode);
  const now = clock.now();
  const { total, services, languagesOffered } = await searchDirectory({
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
  return renderSearchPage({ lang, parameters, postcodeProblem, total, perPage: PER_PAGE, services, languagesOffered, municipalities: municipalityList, now });
}

function toSearchParameters(query: SearchPageQuery): SearchParameters {
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
