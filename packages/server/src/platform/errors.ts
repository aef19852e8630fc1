import type { ProblemCode } from '@bro/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { pickLanguage, problemMessages, type DetailValues } from './problem-messages.ts';

const statusByCode: Record<ProblemCode, number> = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  csrf_failed: 403,
  invalid_credentials: 401,
  account_locked: 423,
  invalid_totp: 401,
  session_expired: 401,
  consent_required: 422,
  consent_withdrawn: 409,
  transition_not_allowed: 409,
  service_not_allowed: 422,
  role_not_received: 422,
  person_not_received: 422,
  service_in_use: 409,
  programme_changed: 409,
  programme_role_not_seen: 422,
  programme_has_open_referrals: 409,
  manager_not_found: 422,
  open_work_not_movable: 422,
  idempotency_in_flight: 409,
  idempotency_mismatch: 422,
  idempotency_key_invalid: 400,
  email_taken: 409,
  slug_taken: 409,
  oidc_failed: 401,
  demo_account_refused: 403,
  enrolment_link_invalid: 410,
  approval_by_proposer: 409,
  publication_request_closed: 409,
  reauthentication_required: 403,
  change_request_closed: 409,
  cannot_deactivate_self: 422,
  login_throttled: 429,
  unlock_link_invalid: 410,
  service_unavailable: 503,
  internal_error: 500,
};

/**
 * A typed error a use case throws for an expected outcome. Routes never build error responses themselves:
 * the one error handler below turns every AppError into a problem document in the caller's language.
 */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly fieldErrors: { path: string; message: string }[] | undefined;
  /** Values for a problem whose detail names things (never personal data): see problem-messages.ts. */
  readonly detailValues: DetailValues | undefined;
  constructor(code: ProblemCode, fieldErrors?: { path: string; message: string }[], detailValues?: DetailValues) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.detailValues = detailValues;
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  fieldErrors?: { path: string; message: string }[],
  detailValues: DetailValues = {},
) {
  const language = pickLanguage(request.headers['accept-language']);
  const message = problemMessages[code][language];
  const status = statusByCode[code];
  return reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', language)
    .send({
      type: `https://bro.dk/problems/${code.replaceAll('_', '-')}`,
      title: message.title,
      status,
      detail: typeof message.detail === 'function' ? message.detail(detailValues) : message.detail,
      code,
      ...(fieldErrors && fieldErrors.length > 0 ? { errors: fieldErrors } : {}),
    });
}

/** Answers a browser's request for a path nothing serves, with a page (the public site's "not found"). */
export type NotFoundPage = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;

/**
 * One place maps every error to RFC 9457. Never a stack trace, SQL or path in a response. A path nothing serves is
 * a problem document under `/api/` or for a caller that asks for JSON; anywhere else it is `notFoundPage` when
 * given: a person who mistypes an address must still find help (ADR 0005: those paths belong to the public site).
 */
export function registerErrorHandling(app: FastifyInstance, options: { notFoundPage?: NotFoundPage } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.code, error.fieldErrors, error.detailValues);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors = error.validation.map((issue) => ({
        path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'invalid',
      }));
      return sendProblem(request, reply, 'validation_failed', fieldErrors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message, code: error.code } }, 'response did not match its schema');
      return sendProblem(request, reply, 'internal_error');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_VALIDATION':
        return sendProblem(request, reply, 'validation_failed');
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 'rate_limited');
    if (error.statusCode === 400 || (error as { name?: string }).name === 'SyntaxError') return sendProblem(request, reply, 'validation_failed');
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: { code: error.code } }, 'database unavailable');
      return sendProblem(request, reply, 'service_unavailable');
    }
    // Log the error type and message only: a message may never carry personal data by our own rule (use cases
    // throw codes), and we never log request bodies.
    request.log.error({ err: { name: error.name, message: error.message, code: error.code, stack: error.stack } }, 'unhandled error');
    return sendProblem(request, reply, 'internal_error');
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.notFoundPage && !isApiPath(request.url) && !asksForJson(request)) return options.notFoundPage(request, reply);
    return sendProblem(request, reply, 'not_found');
  });
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** A client that accepts JSON but not HTML (an API client, `fetch` in the staff app) wants a problem document. */
function asksForJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /json/.test(accept) && !accept.includes('text/html');
}

function isDatabaseUnavailable(error: { code?: string; message?: string }): boolean {
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(error.code ?? '') || /Connection terminated/i.test(error.message ?? '');
}
