import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { Alert } from '../../ui/Alert';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { unlockAccount } from './auth.api';

/** The token of an unlock link (`/unlock#token=<token>`): in the fragment, so it never reaches a server log. */
export function unlockTokenOf(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/**
 * `/unlock#token=…`: the account holder lifts a lockout with the link e-mailed to them when it locked. It takes a
 * click, never just opening the page: a mail scanner that opens links must not spend it.
 */
export function UnlockPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [token] = useState(() => unlockTokenOf(location.hash));
  const unlock = useMutation({ mutationFn: (value: string) => unlockAccount({ token: value }) });
  usePageTitle(t('unlock.heading'));

  return (
    <div className="app-narrow">
      <PageHeading>{t('unlock.heading')}</PageHeading>
      {!token ? (
        <Alert variant="error" heading={t('unlock.failedHeading')} role="alert">
          <p>{t('unlock.linkBroken')}</p>
        </Alert>
      ) : unlock.isSuccess ? (
        <Alert variant="success" heading={t('unlock.doneHeading')} role="status">
          <p>{t('unlock.done')}</p>
          <p>
            <Link to="/login">{t('unlock.toLogin')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="font-lead">{t('unlock.intro')}</p>
          {unlock.error ? (
            <Alert variant="error" heading={t('unlock.failedHeading')} role="alert">
              <p>{unlock.error instanceof ApiError && unlock.error.detail ? unlock.error.detail : unlock.error.message}</p>
            </Alert>
          ) : null}
          <button type="button" className="button button-primary" disabled={unlock.isPending} onClick={() => unlock.mutate(token)}>
            {unlock.isPending ? t('unlock.working') : t('unlock.submit')}
          </button>
        </>
      )}
    </div>
  );
}
