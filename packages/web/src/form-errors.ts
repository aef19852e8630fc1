import type { TFunction } from 'i18next';
import { ApiError, fieldErrorsOf } from './api';
import type { SummaryError } from './ui/ErrorSummary';

/** The two fallback texts every form needs when the server gave no better explanation. */
export const errorTexts = (t: TFunction) => ({ unexpected: t('errors.unexpected'), network: t('errors.network') });

/** Form errors keyed by field (`''` for the form as a whole) as lines for the error summary. */
export const summaryOf = (errors: Record<string, string>): SummaryError[] =>
  Object.entries(errors).map(([fieldKey, message]) => (fieldKey ? { fieldKey, message } : { message }));

/**
 * Field errors of a failed form submit, keyed `<prefix>.<field>` as the form's fields are, with anything that
 * belongs to no field under `''`. A conflict code with no path (email_taken, slug_taken) goes on `conflictField`.
 */
export function formErrorsOf(
  error: unknown,
  prefix: string,
  fields: readonly string[],
  texts: { unexpected: string; network: string },
  conflictField?: { code: string; field: string },
): Record<string, string> {
  const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
  if (apiError.status === 0) return { '': texts.network };
  const fallback = texts.unexpected;
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrorsOf(apiError, fields))) result[key ? `${prefix}.${key}` : ''] = message;
  if (conflictField && apiError.code === conflictField.code) result[`${prefix}.${conflictField.field}`] = apiError.detail ?? fallback;
  else if (Object.keys(result).length === 0 || result[''] !== undefined) result[''] = apiError.detail ?? fallback;
  return result;
}
