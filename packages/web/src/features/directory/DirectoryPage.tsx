import { checkDueAt, type HelpServiceSummary } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { helpServicesQuery } from './directory.api';
import { HelpServiceStatusBadge } from './HelpServiceStatusBadge';
import { PublicationBadge } from './PublicationBadge';
import './directory.css';

/** `/admin/directory`: the organisation's listings in the public help directory, with when each was last checked. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // Those due for a check first, then by Danish name the Danish way (Æ, Ø, Å after Z).
  const services = useQuery({
    ...helpServicesQuery,
    select: (list) => [...list].sort((a, b) => Number(b.isCheckDue) - Number(a.isCheckDue) || format.compare(a.nameDa, b.nameDa)),
  });
  usePageTitle(t('directory.heading'));

  return (
    <>
      <PageHeading>{t('directory.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('directory.intro')}</p>
      <p>
        <Link to="/admin/directory/new" className="button button-primary">
          {t('directory.add')}
        </Link>
      </p>
      <Loaded query={services}>{(data) => (data.length === 0 ? <p>{t('directory.empty')}</p> : <ServicesTable services={data} />)}</Loaded>
    </>
  );
}

function ServicesTable({ services }: { services: readonly HelpServiceSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableFrame caption={t('directory.caption')} columns={[t('directory.name'), t('directory.status'), t('directory.publicationColumn'), t('directory.lastChecked'), t('directory.check')]}>
      {services.map((service) => (
        <tr key={service.id}>
          <td data-title={t('directory.name')}>
            <Link to={`/admin/directory/${service.id}`}>{service.nameDa}</Link>
            <span className="form-hint app-slug">/{service.slug}</span>
          </td>
          <td data-title={t('directory.status')}>
            <HelpServiceStatusBadge status={service.status} />
          </td>
          <td data-title={t('directory.publicationColumn')}>
            <PublicationBadge publication={service.publication} />
            {service.publication.state === 'rejected' ? <span className="form-hint">{service.publication.rejectionReason}</span> : null}
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
    </TableFrame>
  );
}
