import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useHasPermission } from '../auth/useSession';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { useMyReferrals } from './useReferrals';

/** `/referrals`: what became of the referrals I made. Status only, never counselling content. */
export function MyReferralsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const referrals = useMyReferrals();
  const canCreate = useHasPermission('referral:create');

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
      {referrals.error ? (
        <LoadFailed message={referrals.error.detail ?? t('errors.network')} onRetry={() => void referrals.reload()} />
      ) : !referrals.data ? (
        <Loading />
      ) : referrals.data.length === 0 ? (
        <p>{t('myReferrals.empty')}</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="table table--borderless table--responsive-headers">
            <caption className="sr-only">{t('myReferrals.caption')}</caption>
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
              {referrals.data.map((referral) => (
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
        </div>
      )}
    </>
  );
}
