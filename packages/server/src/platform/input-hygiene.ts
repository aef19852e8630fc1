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

/**
 * No request of ours nests deeper than this; a deeper one is refused before anything walks it (a recursive walk of
 * 5,000 levels of `{"a":{"a":…}}` overflows the stack and used to answer 500).
 */
const MAX_INPUT_DEPTH = 32;

/**
 * The paths (as the validation errors name them) of every string in `value` that holds an unsafe character, or
 * `too_deep` at the first value nested deeper than {@link MAX_INPUT_DEPTH}. Iterative, so depth cannot crash it.
 */
export function findUnsafeText(value: unknown, path: string): { path: string; message: 'unsafe_character' | 'too_deep' }[] {
  const found: { path: string; message: 'unsafe_character' | 'too_deep' }[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (unsafeText.test(next.value)) found.push({ path: next.path, message: 'unsafe_character' });
    } else if (next.value !== null && typeof next.value === 'object') {
      if (next.depth >= MAX_INPUT_DEPTH) return [{ path: next.path, message: 'too_deep' }];
      const entries = Array.isArray(next.value) ? next.value.map((item, index) => [String(index), item] as const) : Object.entries(next.value);
      for (const [key, item] of entries.toReversed()) {
        if (unsafeText.test(key)) found.push({ path: next.path, message: 'unsafe_character' });
        pending.push({ value: item, path: `${next.path}.${key}`, depth: next.depth + 1 });
      }
    }
  }
  return found;
}

/** A preValidation hook: 422 validation_failed naming each field (or the too-deep value), before anything reads the request. */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  const problems = [...findUnsafeText(request.body, 'body'), ...findUnsafeText(request.query, 'querystring'), ...findUnsafeText(request.params, 'params')];
  if (problems.length > 0) throw new AppError('validation_failed', problems);
}
