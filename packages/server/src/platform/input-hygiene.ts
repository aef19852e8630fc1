import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Characters no person types into a form, refused in every API request before validation, in one place:
 * - control characters other than tab, line feed and carriage return (NUL in a PostgreSQL text is an error, and
 *   the others hide text or break logs and CSV exports);
 * - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a name or
 *   a note read differently on screen from what is stored;
 * - lone surrogates, which are not text at all.
 * Zero-width joiners and non-joiners and the left-to-right/right-to-left marks stay allowed: Arabic and other
 * scripts need them.
 */
const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The paths (as the validation errors name them) of every string in `value` that holds an unsafe character. */
export function findUnsafeText(value: unknown, path: string): string[] {
  if (typeof value === 'string') return unsafeText.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnsafeText(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [...(unsafeText.test(key) ? [path] : []), ...findUnsafeText(item, `${path}.${key}`)]);
  }
  return [];
}

/** A preValidation hook: 422 validation_failed naming each field, before anything reads the request. */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  const paths = [...findUnsafeText(request.body, 'body'), ...findUnsafeText(request.query, 'querystring'), ...findUnsafeText(request.params, 'params')];
  if (paths.length > 0) throw new AppError('validation_failed', paths.map((path) => ({ path, message: 'unsafe_character' })));
}
