import type { TFunction } from 'i18next';
import { ApiError } from './client';

/** Why a page could not load: the server's explanation, or that there is no connection. */
export function loadErrorText(error: ApiError, t: TFunction): string {
  return error.detail ?? t('errors.network');
}

/** Why an action failed: no connection, the server's explanation, or an unexpected error. */
export function actionErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  return error.status === 0 ? t('errors.network') : (error.detail ?? t('errors.unexpected'));
}
