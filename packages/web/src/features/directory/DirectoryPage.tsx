import { checkDueAt, type HelpServiceSummary } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { HelpServiceStatusBadge } from './HelpServiceStatusBadge';
import { useHelpServices } from './useDirectory';
import './directory.css';

/** `/admin/directory`: the organisation's listings in the public help directory, with when each was last checked. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const services = useHelpServices();

  return (
    <>
      <PageHeading>{t('directory.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('directory.intro')}</p>
      <p>
        <Link to="/admin/directory/new" className="button button-primary">
          {t('directory.add')}
        </Link>
      </p>
      {services.error ? (
        <LoadFailed message={services.error.detail ?? t('errors.network')} onRetry={() => void services.reload()} />
      ) : !services.data ? (
        <Loading />
      ) : services.data.length === 0 ? (
        <p>{t('directory.empty')}</p>
      ) : (
        <ServicesTable services={services.data} />
      )}
    </>
  );
}

function ServicesTable({ services }: { services: readonly HelpServiceSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="app-table-wrapper">
      <table className="table table--borderless table--responsive-headers">
        <caption className="sr-only">{t('directory.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.name')}</th>
            <th scope="col">{t('directory.status')}</th>
            <th scope="col">{t('directory.lastChecked')}</th>
            <th scope="col">{t('directory.check')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id}>
              <td data-title={t('directory.name')}>
                <Link to={`/admin/directory/${service.id}`}>{service.nameDa}</Link>
                <span className="form-hint app-directory-slug">/{service.slug}</span>
              </td>
              <td data-title={t('directory.status')}>
                <HelpServiceStatusBadge status={service.status} />
              </td>
              <td data-title={t('directory.lastChecked')}>{format.date(service.lastCheckedAt)}</td>
              <td data-title={t('directory.check')}>
                {service.isCheckDue ? (
                  <Badge tone="warning">{t('directory.checkDue')}</Badge>
                ) : (
                  t('directory.nextCheck', { date: format.date(checkDueAt(new Date(service.lastCheckedAt)).toISOString()) })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
