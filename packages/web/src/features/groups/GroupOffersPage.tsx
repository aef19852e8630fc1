import type { GroupOfferView } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { groupOffersQuery } from './groups.api';
import './groups.css';

/** `/groups`: the group offers of the services the user works at, with their waiting lists and running groups. */
export function GroupOffersPage() {
  const { t } = useTranslation();
  const offers = useQuery(groupOffersQuery);
  usePageTitle(t('groups.heading'));
  return (
    <>
      <PageHeading>{t('groups.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('groups.intro')}</p>
      <p>
        <Link to="/groups/offers/new" className="button button-primary">
          {t('groups.add')}
        </Link>
      </p>
      <Loaded query={offers}>{(data) => (data.length === 0 ? <p>{t('groups.empty')}</p> : <OffersTable offers={data} />)}</Loaded>
    </>
  );
}

function OffersTable({ offers }: { offers: readonly GroupOfferView[] }) {
  const { t } = useTranslation();
  return (
    <TableFrame caption={t('groups.offersCaption')} columns={[t('groups.name'), t('groups.service'), t('groups.capacity'), t('groups.waiting'), t('groups.running')]}>
      {offers.map((offer) => (
        <tr key={offer.id}>
          <td data-title={t('groups.name')}>
            <Link to={`/groups/offers/${offer.id}`}>{offer.name}</Link>
          </td>
          <td data-title={t('groups.service')}>{offer.serviceName}</td>
          <td data-title={t('groups.capacity')}>{t('groups.capacityValue', { min: offer.minParticipants, max: offer.maxParticipants })}</td>
          <td data-title={t('groups.waiting')}>{offer.waitingCount}</td>
          <td data-title={t('groups.running')}>{offer.runningGroupCount}</td>
        </tr>
      ))}
    </TableFrame>
  );
}
