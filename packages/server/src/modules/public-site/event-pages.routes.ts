import { identifier } from '@bro/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../directory/index.ts';
import { findPublicEventPage, listWhatsOn, readLinkAddress, renderServiceFeed, requestOnlineLink } from '../events/index.ts';
import { checkChallenge, issueChallenge } from '../referrals/index.ts';
import { createPublicFormLimiter, isExceeded, WITH_PROOF_LIMIT, WITHOUT_PROOF_LIMIT, type Limiter } from './contact-pages.routes.ts';
import { eventPath, renderEventPage, renderLinkSentPage, renderWhatsOnPage, WHATS_ON_PATH, type LinkFormState } from './event-pages.render.ts';
import { renderNotFoundPage } from './info-pages.render.ts';
import { pagePath } from './layout.render.ts';
import { publicRoute, type PageGroupInput } from './page-http.ts';

/**
 * Open events on the public site: "what's on" (`/hvad-sker-der`, `/en/hvad-sker-der`, `/ar/hvad-sker-der`) filtered
 * by city and online, an event's page, the form that sends an online event's link (the contact form's challenge,
 * proof of work and limits: with a proof 5 per 10 minutes per address, without 2 an hour), and each service's
 * iCalendar feed (`/hvad-sker-der/kalender/{serviceId}.ics`). No cookies, no JavaScript needed.
 */

const PER_PAGE = 20;
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Lenient: a bad value in a hand-edited URL is ignored, never an error. */
const WhatsOnQuery = z.object({
  by: z.preprocess(blankToUndefined, identifier({ max: 60 }).optional()).catch(undefined),
  online: z.literal('1').optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
const EventParams = z.object({ eventId: z.uuid() });
const FeedParams = z.object({ serviceId: z.uuid() });
const FormBody = z.record(z.string().max(100), z.string().max(4_096));

export function registerEventPages({ pages, deps, sendPage }: PageGroupInput): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  const isLimited = deps.config.isRateLimitEnabled !== false;
  const limits = isLimited ? { withProof: createPublicFormLimiter(pages, 'event-link-with-proof', WITH_PROOF_LIMIT), withoutProof: createPublicFormLimiter(pages, 'event-link-without-proof', WITHOUT_PROOF_LIMIT) } : undefined;
  const options = { ...publicRoute, schema: { hide: true } };

  api.get('/hvad-sker-der/kalender/:serviceId.ics', { ...options, schema: { hide: true, params: FeedParams } }, async (request, reply) => {
    const feed = await renderServiceFeed({ db: deps.db, now: deps.clock.now(), serviceId: request.params.serviceId, publicOrigin: deps.config.publicOrigin, eventPath: (eventId) => eventPath('da', eventId) });
    if (feed === undefined) return sendPage(reply, renderNotFoundPage('da'), 404);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="kalender.ics"').send(feed);
  });

  for (const lang of PAGE_LANGUAGES) {
    api.get(pagePath(lang, WHATS_ON_PATH), { ...options, schema: { hide: true, querystring: WhatsOnQuery } }, async (request, reply) => {
      const { by, online, side } = request.query;
      const result = await listWhatsOn({ db: deps.db, now: deps.clock.now(), city: by, isOnlineOnly: online === '1', page: side, perPage: PER_PAGE });
      return sendPage(reply, renderWhatsOnPage({ lang, city: by, isOnlineOnly: online === '1', page: side, result }));
    });

    api.get(pagePath(lang, `${WHATS_ON_PATH}/:eventId`), { ...options, schema: { hide: true, params: EventParams } }, async (request, reply) => {
      const page = await showEventPage(deps, lang, request.params.eventId, { challenge: issueChallenge(deps) });
      return page ? sendPage(reply, page) : sendPage(reply, renderNotFoundPage(lang), 404);
    });

    api.post(pagePath(lang, `${WHATS_ON_PATH}/:eventId/link`), { ...options, schema: { hide: true, params: EventParams, body: FormBody } }, async (request, reply) => {
      const { eventId } = request.params;
      const body = request.body;
      const again = async (status: number, problem: LinkFormState['problem']) => {
        const page = await showEventPage(deps, lang, eventId, { challenge: issueChallenge(deps), channel: body.channel, address: body.address, problem });
        return page ? sendPage(reply, page, status) : sendPage(reply, renderNotFoundPage(lang), 404);
      };
      const check = checkChallenge({ clock: deps.clock, cipher: deps.cipher, challenge: body.challenge, nonce: body.nonce });
      if (check.status !== 'valid') return again(422, 'form_expired');
      const channel = body.channel === 'sms' ? 'sms' : 'email';
      const to = readLinkAddress(channel, body.address ?? '');
      if (to === undefined) return again(422, 'address_invalid');
      const limit: Limiter | undefined = check.hasProofOfWork ? limits?.withProof : limits?.withoutProof;
      if (await isExceeded(limit, request, reply)) return again(429, 'rate_limited');
      const outcome = await requestOnlineLink({ db: deps.db, clock: deps.clock, cipher: deps.cipher, eventId, channel, to, challenge: check.challenge, lang });
      if (outcome === 'not_found') return sendPage(reply, renderNotFoundPage(lang), 404);
      return sendPage(reply, renderLinkSentPage(lang, eventId));
    });
  }
}

async function showEventPage(deps: AppDeps, lang: PageLanguage, eventId: string, linkForm: LinkFormState) {
  const found = await findPublicEventPage({ db: deps.db, now: deps.clock.now(), eventId });
  if (!found) return undefined;
  return renderEventPage({ lang, event: found.event, occurrences: found.occurrences, linkForm });
}
