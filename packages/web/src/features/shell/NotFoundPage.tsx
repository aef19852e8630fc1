import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.heading'));
  return (
    <>
      <PageHeading>{t('notFound.heading')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

export function NotAllowedPage() {
  const { t } = useTranslation();
  usePageTitle(t('notAllowed.heading'));
  return (
    <>
      <PageHeading>{t('notAllowed.heading')}</PageHeading>
      <p>{t('notAllowed.text')}</p>
    </>
  );
}
