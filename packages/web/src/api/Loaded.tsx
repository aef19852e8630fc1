import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../ui/Loading';
import type { ApiError } from './client';
import { loadErrorText } from './error-text';

type LoadedProps<T> = {
  query: Pick<UseQueryResult<T, ApiError>, 'data' | 'error' | 'refetch'>;
  children: (data: T) => ReactNode;
  /** Offer "Prøv igen" when the load failed (the default). */
  isRetryOffered?: boolean;
  /** Says the failure in the page's own words instead of the server's. */
  failureText?: string;
};

/** A query's data once it is there; until then "Henter …", and a failure in words with a way to try again. */
export function Loaded<T>({ query, children, isRetryOffered = true, failureText }: LoadedProps<T>) {
  const { t } = useTranslation();
  if (query.error) return <LoadFailed message={failureText ?? loadErrorText(query.error, t)} onRetry={isRetryOffered ? () => void query.refetch() : undefined} />;
  if (query.data === undefined) return <Loading />;
  return children(query.data);
}
