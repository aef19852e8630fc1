import { readFileSync } from 'node:fs';
import { heardAboutFromSource, HOTLINE_CHOICE, normaliseReceiptCode, selfReferralFields } from '@bro/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import {
  checkChallenge,
  createSelfReferral,
  findReceiptOfChallenge,
  getContactFormOptions,
  issueChallenge,
  lookUpReceipt,
  validateSelfReferral,
  type SelfReferralFieldErrors,
} from '../referrals/index.ts';
import { renderContactPage, renderReceiptLookupPage, renderReceiptPage, renderTooLargePage, type ContactFormValues } from './contact-pages.render.ts';
import { contactTexts } from './contact-pages.text.ts';
import { isPageLanguage, type PageLanguage } from '../directory/index.ts';
import { renderNotFoundPage } from './help-pages.render.ts';

/**
 * "Bliv kontaktet": the public contact form (`/{lang}/kontakt`), its receipt, and the receipt lookup
 * (`/{lang}/kvittering`). The same promises as the directory's pages: no cookie, no storage, no-store, nothing from
 * another origin, quick exit first; and every form POSTs, so nothing typed lands in a URL, a history entry or a log.
 *
 * Anti-abuse, with no third party:
 * - each form carries a signed, expiring, single-use challenge (it is also what makes a cross-site forged post fail:
 *   another site cannot read a challenge from our page);
 * - with JavaScript the browser solves a proof of work on it (`/public/contact-pow.js`, about 0.1 s), and an address
 *   may then send 5 requests per 10 minutes;
 * - without JavaScript (or with a wrong proof) the form still works, but an address may send only 2 requests an
 *   hour: the proof is the price of the higher limit, never a condition for asking for help;
 * - receipt lookups: 10 per 10 minutes per address.
 * The limits count per client address as Fastify sees it (`trustProxy` is off): behind a proxy, configure it to
 * pass the client's address, or every visitor shares one budget.
 */

/**
 * Form posts are parsed here, for these routes only (no @fastify/formbody). 16 KB rather than 8 KB: a full form in
 * Arabic is percent-encoded at six bytes a letter, so 1,200 letters of text come to about 8 KB on their own.
 */
const FORM_BODY_LIMIT = 16 * 1024;

const WITH_PROOF_LIMIT = { max: 5, timeWindow: 10 * 60_000 };
const WITHOUT_PROOF_LIMIT = { max: 2, timeWindow: 60 * 60_000 };
const LOOKUP_LIMIT = { max: 10, timeWindow: 10 * 60_000 };

const LanguageParams = z.object({ lang: z.string().max(10) });
/** Lenient: a bad value in a hand-edited URL is ignored, never an error. */
const ContactQuery = z.object({
  tjeneste: z.string().trim().toLowerCase().max(100).optional().catch(undefined),
  kilde: z.string().trim().max(100).optional().catch(undefined),
});
const FormBody = z.record(z.string(), z.string());

/** First value wins; a null-prototype object, so no posted key can reach Object.prototype. */
function parseForm(body: string): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (!(key in values)) values[key] = value;
  }
  return values;
}

function pickFormValues(body: Record<string, string>): ContactFormValues {
  const values: ContactFormValues = {};
  for (const field of selfReferralFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

export function registerContactPages(app: FastifyInstance, deps: AppDeps): void {
  const { db, clock, cipher, liveUpdates } = deps;
  const powScript = readFileSync(new URL('./assets/contact-pow.js', import.meta.url));

  void app.register(async (pages) => {
    const api = pages.withTypeProvider<ZodTypeProvider>();
    // Request logs at warn: the paths are harmless, but nothing about a person's visit needs to be in a log.
    const common = { config: { permission: 'public' as const }, logLevel: 'warn' as const };
    const isLimited = deps.config.isRateLimitEnabled !== false;
    const limiter = (options: { max: number; timeWindow: number }): Limiter | undefined =>
      isLimited ? (pages.createRateLimit({ ...options, keyGenerator: (request: FastifyRequest) => request.ip }) as Limiter) : undefined;
    const withProofLimit = limiter(WITH_PROOF_LIMIT);
    const withoutProofLimit = limiter(WITHOUT_PROOF_LIMIT);
    const lookupLimit = limiter(LOOKUP_LIMIT);
    const isExceeded = async (limit: Limiter | undefined, request: FastifyRequest, reply: FastifyReply) => {
      if (!limit) return false;
      const result = await limit(request);
      if (result.isAllowed || !result.isExceeded) return false;
      reply.header('retry-after', result.ttlInSeconds);
      return true;
    };

    const sendPage = (reply: FastifyReply, lang: PageLanguage, page: string, status = 200) =>
      reply.status(status).type('text/html; charset=utf-8').header('content-language', lang).send(page);
    const sendNotFound = (reply: FastifyReply) => sendPage(reply, 'da', renderNotFoundPage('da'), 404);

    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
      done(null, parseForm(String(body)));
    });
    pages.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('set-cookie');
      reply.header('cache-control', 'no-store');
    });
    // An over-long form gets a page, not a JSON problem document; anything else goes to the app's handler.
    pages.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const { lang } = request.params as { lang?: string };
      const pageLanguage: PageLanguage = lang && isPageLanguage(lang) ? lang : 'da';
      return sendPage(reply, pageLanguage, renderTooLargePage(pageLanguage), 413);
    });

    api.get('/public/contact-pow.js', { ...common, schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(powScript));

    api.get('/:lang/kontakt', { ...common, schema: { hide: true, params: LanguageParams, querystring: ContactQuery } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply);
      const options = await getContactFormOptions({ db });
      const { tjeneste, kilde } = request.query;
      const chosen = tjeneste ? options.targets.find((target) => target.slug === tjeneste) : undefined;
      const heardAbout = heardAboutFromSource(kilde);
      const keep = new URLSearchParams();
      if (chosen) keep.set('tjeneste', chosen.slug);
      if (heardAbout) keep.set('kilde', kilde ?? '');
      const page = renderContactPage({
        lang,
        options,
        values: {
          ...(chosen ? { service: chosen.isHotline ? HOTLINE_CHOICE : chosen.slug } : {}),
          ...(heardAbout ? { heardAbout } : {}),
        },
        errors: {},
        notice: tjeneste && !chosen ? contactTexts[lang].serviceNotTakingRequests : undefined,
        challenge: issueChallenge({ clock, cipher }),
        query: keep.size > 0 ? `?${keep.toString()}` : '',
      });
      return sendPage(reply, lang, page);
    });

    api.post('/:lang/kontakt', { ...common, schema: { hide: true, params: LanguageParams, body: FormBody } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply);
      const body = request.body;
      const values = pickFormValues(body);
      const options = await getContactFormOptions({ db });
      // Re-shown with what the person wrote (in this no-store response only) and a fresh challenge.
      const showFormAgain = (status: number, problem: { errors?: SelfReferralFieldErrors; formProblem?: string }) =>
        sendPage(reply, lang, renderContactPage({ lang, options, values, errors: problem.errors ?? {}, formProblem: problem.formProblem, challenge: issueChallenge({ clock, cipher }), query: '' }), status);

      const check = checkChallenge({ clock, cipher, challenge: body.challenge, nonce: body.nonce });
      if (check.status !== 'valid') return showFormAgain(422, { formProblem: contactTexts[lang].formExpired });
      // The same form again (double click, reload): the first request's receipt, and nothing new.
      const earlier = await findReceiptOfChallenge({ db, cipher, challenge: check.challenge });
      if (earlier) return sendPage(reply, lang, renderReceiptPage(lang, earlier.receiptCode));

      const validation = validateSelfReferral({ options, body: values });
      if (!validation.isValid) return showFormAgain(422, { errors: validation.errors });
      if (await isExceeded(check.hasProofOfWork ? withProofLimit : withoutProofLimit, request, reply)) {
        return showFormAgain(429, { formProblem: contactTexts[lang].rateLimited });
      }
      const outcome = await createSelfReferral({ db, clock, cipher, liveUpdates, request: validation.request, challenge: check.challenge, challengeExpiresAt: check.expiresAt });
      return sendPage(reply, lang, renderReceiptPage(lang, outcome.receiptCode));
    });

    api.get('/:lang/kvittering', { ...common, schema: { hide: true, params: LanguageParams } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply);
      return sendPage(reply, lang, renderReceiptLookupPage(lang));
    });

    api.post('/:lang/kvittering', { ...common, schema: { hide: true, params: LanguageParams, body: FormBody } }, async (request, reply) => {
      const { lang } = request.params;
      if (!isPageLanguage(lang)) return sendNotFound(reply);
      if (await isExceeded(lookupLimit, request, reply)) return sendPage(reply, lang, renderReceiptLookupPage(lang, { kind: 'rate_limited' }), 429);
      const code = normaliseReceiptCode(request.body.code ?? '');
      if (!code) return sendPage(reply, lang, renderReceiptLookupPage(lang, { kind: 'code_format' }), 422);
      // One indexed lookup by keyed hash whether or not the code exists: the answer takes the same time either way.
      const status = await lookUpReceipt({ db, cipher, receiptCode: code });
      return sendPage(reply, lang, renderReceiptLookupPage(lang, status ? { kind: 'found', status } : { kind: 'not_found' }));
    });
  });
}
