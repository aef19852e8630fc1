import { CommunityMeetingEvaluationAnswers, communityMeetingSignUpFields, identifier, normaliseReceiptCode, validateCommunityMeetingSignUp, type CommunityMeetingSignUpField } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import {
  cancelCommunityMeetingSignUp,
  findUpcomingCommunityMeeting,
  listUpcomingCommunityMeetings,
  signUpForCommunityMeeting,
  submitCommunityMeetingEvaluation,
} from '../community-meetings/index.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../directory/index.ts';
import { checkChallenge, issueChallenge } from '../referrals/index.ts';
import {
  CANCEL_PATH,
  EVALUATION_PATH,
  MEETINGS_PATH,
  renderCancelPage,
  renderEvaluationPage,
  renderMeetingListPage,
  renderMeetingPage,
  renderSignUpReceiptPage,
  renderSignUpRefusedPage,
} from './community-meeting-pages.render.ts';
import { communityMeetingTexts } from './community-meeting-pages.text.ts';
import { createPublicFormLimiter, isExceeded, LOOKUP_LIMIT, WITH_PROOF_LIMIT, WITHOUT_PROOF_LIMIT, type Limiter } from './contact-pages.routes.ts';
import { pagePath, type Page } from './layout.render.ts';
import { publicRoute, type PageGroupInput } from './page-http.ts';

/**
 * Community meetings on the public site. The same promises and brakes as the contact form, reused from it: a
 * signed single-use challenge on each sign-up form, the proof-of-work script, and the same per-address limits (with
 * and without proof of work) under their own names; cancelling and evaluating have the receipt lookup's limit.
 */

const Lenient = z.object({ by: identifier({ max: 80 }).optional().catch(undefined) });
/** Lenient: a mistyped address is the "not found" page, never an error document. */
const MeetingParams = z.object({ meetingId: z.uuid().optional().catch(undefined) });
const FormBody = z.record(z.string().max(100), z.string().max(16_384));

type Limits = { withProof?: Limiter; withoutProof?: Limiter; cancel?: Limiter; evaluation?: Limiter };

function createLimits(pages: FastifyInstance, isLimited: boolean): Limits {
  if (!isLimited) return {};
  return {
    withProof: createPublicFormLimiter(pages, 'community-sign-up-with-proof', WITH_PROOF_LIMIT),
    withoutProof: createPublicFormLimiter(pages, 'community-sign-up-without-proof', WITHOUT_PROOF_LIMIT),
    cancel: createPublicFormLimiter(pages, 'community-sign-up-cancel', LOOKUP_LIMIT),
    evaluation: createPublicFormLimiter(pages, 'community-evaluation', LOOKUP_LIMIT),
  };
}

function pickValues(body: Record<string, string>): Partial<Record<CommunityMeetingSignUpField, string>> {
  const values: Partial<Record<CommunityMeetingSignUpField, string>> = {};
  for (const field of communityMeetingSignUpFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

export function registerCommunityMeetingPages({ pages, deps, sendPage }: PageGroupInput): void {
  const api = pages.withTypeProvider<ZodTypeProvider>();
  const limits = createLimits(pages, deps.config.isRateLimitEnabled !== false);
  const { db, clock, cipher } = deps;
  for (const lang of PAGE_LANGUAGES) {
    const listPath = pagePath(lang, MEETINGS_PATH);
    api.get(listPath, { ...publicRoute, schema: { hide: true, querystring: Lenient } }, async (request, reply) => {
      const city = request.query.by || undefined;
      const listing = await listUpcomingCommunityMeetings({ db, clock, cipher, city });
      return sendPage(reply, renderMeetingListPage(lang, { ...listing, city }));
    });
    api.get(pagePath(lang, CANCEL_PATH), { ...publicRoute, schema: { hide: true } }, async (_request, reply) => sendPage(reply, renderCancelPage(lang)));
    api.post(pagePath(lang, CANCEL_PATH), { ...publicRoute, schema: { hide: true, body: FormBody } }, async (request, reply) => {
      if (await isExceeded(limits.cancel, request, reply)) return sendPage(reply, renderCancelPage(lang, 'rate_limited'), 429);
      const code = normaliseReceiptCode(request.body.code ?? '');
      if (!code) return sendPage(reply, renderCancelPage(lang, 'code_format'), 422);
      const isCancelled = await cancelCommunityMeetingSignUp({ db, clock, cipher, receiptCode: code });
      return sendPage(reply, renderCancelPage(lang, isCancelled ? 'cancelled' : 'not_found'), isCancelled ? 200 : 404);
    });
    api.get(`${listPath}/:meetingId`, { ...publicRoute, schema: { hide: true, params: MeetingParams } }, async (request, reply) => {
      const { meetingId } = request.params;
      const meeting = meetingId ? await findUpcomingCommunityMeeting({ db, clock, cipher, meetingId }) : undefined;
      if (!meeting) return reply.callNotFound();
      return sendPage(reply, renderMeetingPage(lang, meeting, { values: {}, errors: {}, challenge: issueChallenge({ clock, cipher }) }));
    });
    api.post(`${listPath}/:meetingId`, { ...publicRoute, schema: { hide: true, params: MeetingParams, body: FormBody } }, async (request, reply) => {
      const isOverLimit = (hasProofOfWork: boolean) => isExceeded(hasProofOfWork ? limits.withProof : limits.withoutProof, request, reply);
      const { meetingId } = request.params;
      const answer = meetingId ? await receiveSignUp({ deps, lang, meetingId, body: request.body, isOverLimit }) : undefined;
      if (!answer) return reply.callNotFound();
      return sendPage(reply, answer.page, answer.status);
    });
    api.get(pagePath(lang, EVALUATION_PATH), { ...publicRoute, schema: { hide: true } }, async (_request, reply) => sendPage(reply, renderEvaluationPage(lang)));
    api.post(pagePath(lang, EVALUATION_PATH), { ...publicRoute, schema: { hide: true, body: FormBody } }, async (request, reply) => {
      if (await isExceeded(limits.evaluation, request, reply)) return sendPage(reply, renderEvaluationPage(lang, 'rate_limited'), 429);
      const code = normaliseReceiptCode(request.body.code ?? '');
      const answers = CommunityMeetingEvaluationAnswers.safeParse(request.body);
      if (!code) return sendPage(reply, renderEvaluationPage(lang, 'wrong_code'), 422);
      if (!answers.success) return sendPage(reply, renderEvaluationPage(lang, 'incomplete'), 422);
      const outcome = await submitCommunityMeetingEvaluation({ db, clock, cipher, code, answers: answers.data });
      return sendPage(reply, renderEvaluationPage(lang, outcome), outcome === 'recorded' ? 200 : outcome === 'expired' ? 410 : 422);
    });
  }
}

type SignUpInput = { deps: AppDeps; lang: PageLanguage; meetingId: string; body: Record<string, string>; isOverLimit: (hasProofOfWork: boolean) => Promise<boolean> };

/** A sent sign-up: the receipt, a clear refusal, or the form again with what to correct. `undefined`: no such meeting. */
async function receiveSignUp({ deps, lang, meetingId, body, isOverLimit }: SignUpInput): Promise<{ page: Page; status?: number } | undefined> {
  const { db, clock, cipher } = deps;
  const t = communityMeetingTexts[lang];
  const meeting = await findUpcomingCommunityMeeting({ db, clock, cipher, meetingId });
  if (!meeting) return undefined;
  const values = pickValues(body);
  const formAgain = (status: number, problem: { errors?: Partial<Record<CommunityMeetingSignUpField, string>>; formProblem?: string }) => ({
    page: renderMeetingPage(lang, meeting, { values, errors: problem.errors ?? {}, formProblem: problem.formProblem, challenge: issueChallenge({ clock, cipher }) }),
    status,
  });
  const check = checkChallenge({ clock, cipher, challenge: body.challenge, nonce: body.nonce });
  if (check.status !== 'valid') return formAgain(422, { formProblem: t.formExpired });
  const validation = validateCommunityMeetingSignUp(body, { isAddressSentByMessage: meeting.address === null });
  if (!validation.isValid) return formAgain(422, { errors: validation.errors });
  if (await isOverLimit(check.hasProofOfWork)) return formAgain(429, { formProblem: t.rateLimited });
  const outcome = await signUpForCommunityMeeting({ db, clock, cipher, meetingId, signUp: validation.signUp, challenge: check.challenge, language: lang });
  switch (outcome.kind) {
    case 'signed_up':
      return { page: renderSignUpReceiptPage(lang, outcome) };
    case 'already_signed_up':
      return { page: renderSignUpRefusedPage(lang, 'already_signed_up'), status: 409 };
    case 'full':
      return { page: renderSignUpRefusedPage(lang, 'full'), status: 409 };
    case 'not_open':
      return { page: renderSignUpRefusedPage(lang, 'not_open'), status: 409 };
  }
}
