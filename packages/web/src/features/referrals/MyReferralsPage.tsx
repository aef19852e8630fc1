import type { ReferralSummaryForReferrer } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/PageHeading';
import { TableScrollRegion } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { useHasPermission } from '../auth/useSession';
import { myReferralsQuery } from './referrals.api';
import { ReferralStatusBadge } from './ReferralStatusBadge';

/** `/referrals`: what became of the referrals I made. Status only, never counselling content. */
export function MyReferralsPage() {
  const { t } = useTranslation();
  const referrals = useQuery(myReferralsQuery);
  const canCreate = useHasPermission('referral:create');
  usePageTitle(t('myReferrals.heading'));

  return (
    <>
      <PageHeading>{t('myReferrals.heading')}</PageHeading>
      {canCreate ? (
        <p>
          <Link className="button button-primary" to="/referrals/new">
            {t('nav.newReferral')}
          </Link>
        </p>
      ) : null}
      <Loaded query={referrals}>{(data) => (data.length === 0 ? <p>{t('myReferrals.empty')}</p> : <ReferralsTable referrals={data} />)}</Loaded>
    </>
  );
}

function ReferralsTable({ referrals }: { referrals: readonly ReferralSummaryForReferrer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  return (
    <TableScrollRegion captionId={captionId}>
      <table className="table table--borderless table--responsive-headers">
        <caption id={captionId} className="sr-only">
          {t('myReferrals.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('referral.reference')}</th>
            <th scope="col">{t('referral.person')}</th>
            <th scope="col">{t('referral.service')}</th>
            <th scope="col">{t('referral.status')}</th>
            <th scope="col">{t('referral.lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id}>
              <td data-title={t('referral.reference')}>
                <Link to={`/referrals/${encodeURIComponent(referral.id)}`}>{referral.reference}</Link>
              </td>
              <td data-title={t('referral.person')}>{referral.personName}</td>
              <td data-title={t('referral.service')}>
                {referral.serviceName}
                <br />
                <span className="form-hint">{referral.receivingOrganisationName}</span>
              </td>
              <td data-title={t('referral.status')}>
                <ReferralStatusBadge status={referral.status} />
              </td>
              <td data-title={t('referral.lastChange')}>{format.dateTime(referral.lastEventAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
