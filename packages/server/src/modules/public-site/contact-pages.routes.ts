import { heardAboutFromSource, identifier, HOTLINE_CHOICE, normaliseReceiptCode, selfReferralFields } from '@bro/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../directory/index.ts';
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
import { renderContactPage, renderReceiptLookupPage, renderReceiptPage, type ContactFormValues } from './contact-pages.render.ts';
import { contactTexts } from './contact-pages.text.ts';
import { pagePath, type Page } from './layout.render.ts';
import { publicRoute, type PageGroupInput } from './page-http.ts';

/**
 * "Bliv kontaktet": the public contact form (`/kontakt`, `/en/kontakt`, `/ar/kontakt`), its receipt, and the receipt
 * lookup (`/kvittering`, …). The same promises as every public page; and every form POSTs, so nothing typed lands in
 * a URL, a history entry or a log.
 *
 * Anti-abuse, with no third party:
 * - each form carries a signed, expiring, single-use challenge (it is also what makes a cross-site forged post fail:
 *   another site cannot read a challenge from our page);
 * - with JavaScript the browser solves a proof of work on it (`/public/contact-pow.js`, about 0.1 s), and an address
 *   may then send 5 requests per 10 minutes;
 * - without JavaScript (or with a wrong proof) the form still works, but an address may send only 2 requests an
 *   hour: the proof is the price of the higher limit, never a condition for asking for help;
 * - receipt lookups: 10 per 10 minutes per address.
 * The limits count per client address as Fastify sees it: behind a load balancer, set TRUST_PROXY (env.ts) so that
 * is the client's address, or every visitor shares one budget. The counts are shared by all app nodes (PostgreSQL).
 */

export const WITH_PROOF_LIMIT = { max: 5, timeWindow: 10 * 60_000 };
export const WITHOUT_PROOF_LIMIT = { max: 2, timeWindow: 60 * 60_000 };
export const LOOKUP_LIMIT = { max: 10, timeWindow: 10 * 60_000 };

/** Lenient: a bad value in a hand-edited URL is ignored, never an error. */
const ContactQuery = z.object({
  tjeneste: identifier({ max: 100 }).toLowerCase().optional().catch(undefined),
  kilde: identifier({ max: 100 }).optional().catch(undefined),
});
/**
 * Form posts arrive parsed by the public site's form parser (public-site.routes.ts), within its 16 KB. The fields are
 * checked one by one by the form's own schema (SelfReferralForm, built on the shared text helpers), so a person sees
 * the form again with the field marked rather than an error document.
 */
const FormBody = z.record(z.string().max(100), z.string().max(16_384));

function pickFormValues(body: Record<string, string>): ContactFormValues {
  const values: ContactFormValues = {};
  for (const field of selfReferralFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

export type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;
type ContactLimits = { withProof?: Limiter; withoutProof?: Limiter; lookup?: Limiter };
type ContactQuery = z.infer<typeof ContactQuery>;

export function registerContactPages({ pages, deps, sendPage }: PageGroupInput): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  const limits = createLimits(pages, deps.config.isRateLimitEnabled !== false);
  for (const lang of PAGE_LANGUAGES) {
    const contactPath = pagePath(lang, '/kontakt');
    const receiptPath = pagePath(lang, '/kvittering');
    api.get(contactPath, { ...publicRoute, schema: { hide: true, querystring: ContactQuery } }, async (request, reply) =>
      sendPage(reply, await showContactForm(deps, lang, request.query)),
    );
    api.post(contactPath, { ...publicRoute, schema: { hide: true, body: FormBody } }, async (request, reply) => {
      const isOverLimit = (check: { hasProofOfWork: boolean }) => isExceeded(check.hasProofOfWork ? limits.withProof : limits.withoutProof, request, reply);
      const answer = await receiveContactRequest({ deps, lang, body: request.body, isOverLimit });
      return sendPage(reply, answer.page, answer.status);
    });
    api.get(receiptPath, { ...publicRoute, schema: { hide: true } }, async (_request, reply) => sendPage(reply, renderReceiptLookupPage(lang)));
    api.post(receiptPath, { ...publicRoute, schema: { hide: true, body: FormBody } }, async (request, reply) => {
      if (await isExceeded(limits.lookup, request, reply)) return sendPage(reply, renderReceiptLookupPage(lang, { kind: 'rate_limited' }), 429);
      const code = normaliseReceiptCode(request.body.code ?? '');
      if (!code) return sendPage(reply, renderReceiptLookupPage(lang, { kind: 'code_format' }), 422);
      // One indexed lookup by keyed hash whether or not the code exists: the answer takes the same time either way.
      const status = await lookUpReceipt({ db: deps.db, cipher: deps.cipher, receiptCode: code });
      return sendPage(reply, renderReceiptLookupPage(lang, status ? { kind: 'found', status } : { kind: 'not_found' }));
    });
  }
}

/** The empty form, with the listing the person came from (`?tjeneste`) and a campaign source (`?kilde`) chosen. */
async function showContactForm({ db, clock, cipher }: AppDeps, lang: PageLanguage, query: ContactQuery): Promise<Page> {
  const options = await getContactFormOptions({ db });
  const { tjeneste, kilde } = query;
  const chosen = tjeneste ? options.targets.find((target) => target.slug === tjeneste) : undefined;
  const heardAbout = heardAboutFromSource(kilde);
  const keep = new URLSearchParams();
  if (chosen) keep.set('tjeneste', chosen.slug);
  if (heardAbout) keep.set('kilde', kilde ?? '');
  return renderContactPage({
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
}

type ContactRequestInput = {
  deps: AppDeps;
  lang: PageLanguage;
  body: Record<string, string>;
  /** Counts the request against its address's limit (the larger one with a proof of work); true when over it. */
  isOverLimit: (check: { hasProofOfWork: boolean }) => Promise<boolean>;
};

/** A sent form: the receipt, or the form again with what the person wrote and what to correct. */
async function receiveContactRequest({ deps, lang, body, isOverLimit }: ContactRequestInput): Promise<{ page: Page; status?: number }> {
  const { db, clock, cipher, liveUpdates } = deps;
  const values = pickFormValues(body);
  const options = await getContactFormOptions({ db });
  // Re-shown with what the person wrote (in this no-store response only) and a fresh challenge.
  const formAgain = (status: number, problem: { errors?: SelfReferralFieldErrors; formProblem?: string }) => ({
    page: renderContactPage({ lang, options, values, errors: problem.errors ?? {}, formProblem: problem.formProblem, challenge: issueChallenge({ clock, cipher }), query: '' }),
    status,
  });

  const check = checkChallenge({ clock, cipher, challenge: body.challenge, nonce: body.nonce });
  if (check.status !== 'valid') return formAgain(422, { formProblem: contactTexts[lang].formExpired });
  // The same form again (double click, reload): the first request's receipt, and nothing new.
  const earlier = await findReceiptOfChallenge({ db, cipher, challenge: check.challenge });
  if (earlier) return { page: renderReceiptPage(lang, earlier.receiptCode) };

  const validation = validateSelfReferral({ options, body: values });
  if (!validation.isValid) return formAgain(422, { errors: validation.errors });
  if (await isOverLimit(check)) return formAgain(429, { formProblem: contactTexts[lang].rateLimited });
  const outcome = await createSelfReferral({ db, clock, cipher, liveUpdates, request: validation.request, challenge: check.challenge, challengeExpiresAt: check.expiresAt });
  return { page: renderReceiptPage(lang, outcome.receiptCode) };
}

/**
 * A named per-address limit on a public form (the contact form's, the open events' link form's, the community meetings' sign-up, cancel and evaluation forms). The limit's name
 * is part of the key: the counters live in one shared store (platform/rate-limit-store.ts).
 */
export function createPublicFormLimiter(pages: FastifyInstance, name: string, options: { max: number; timeWindow: number }): Limiter {
  return pages.createRateLimit({ ...options, keyGenerator: (request: FastifyRequest) => `${name}:${request.ip}` }) as Limiter;
}

function createLimits(pages: FastifyInstance, isLimited: boolean): ContactLimits {
  if (!isLimited) return {};
  const limiter = (name: string, options: { max: number; timeWindow: number }) => createPublicFormLimiter(pages, name, options);
  return { withProof: limiter('contact-with-proof', WITH_PROOF_LIMIT), withoutProof: limiter('contact-without-proof', WITHOUT_PROOF_LIMIT), lookup: limiter('receipt-lookup', LOOKUP_LIMIT) };
}

/** Counts the request; when over the limit, tells the browser when it may try again. */
export async function isExceeded(limit: Limiter | undefined, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!limit) return false;
  const result = await limit(request);
  if (result.isAllowed || !result.isExceeded) return false;
  reply.header('retry-after', result.ttlInSeconds);
  return true;
}
