import type { CampaignSummary, HeardAboutStatistics } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { useCampaigns, useHeardAboutStatistics } from './useCampaigns';
import './campaigns.css';

/** `/admin/campaigns`: the organisation's campaign pages, and how self-referring people heard about its services. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();

  return (
    <>
      <PageHeading>{t('campaigns.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('campaigns.intro')}</p>
      <p>
        <Link to="/admin/campaigns/new" className="button button-primary">
          {t('campaigns.add')}
        </Link>
      </p>
      {campaigns.error ? (
        <LoadFailed message={campaigns.error.detail ?? t('errors.network')} onRetry={() => void campaigns.reload()} />
      ) : !campaigns.data ? (
        <Loading />
      ) : campaigns.data.length === 0 ? (
        <p>{t('campaigns.empty')}</p>
      ) : (
        <CampaignsTable campaigns={campaigns.data} />
      )}
      <HeardAboutSection />
    </>
  );
}

function CampaignsTable({ campaigns }: { campaigns: readonly CampaignSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="app-table-wrapper">
      <table className="table table--borderless table--responsive-headers">
        <caption className="sr-only">{t('campaigns.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('campaigns.title')}</th>
            <th scope="col">{t('campaigns.status')}</th>
            <th scope="col">{t('campaigns.published')}</th>
            <th scope="col">{t('campaigns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id}>
              <td data-title={t('campaigns.title')}>
                <Link to={`/admin/campaigns/${campaign.id}`}>{campaign.titleDa}</Link>
                <span className="form-hint app-campaign-slug">/{campaign.slug}</span>
              </td>
              <td data-title={t('campaigns.status')}>
                <CampaignStatusBadge status={campaign.status} />
              </td>
              <td data-title={t('campaigns.published')}>{campaign.publishedAt ? format.date(campaign.publishedAt) : '–'}</td>
              <td data-title={t('campaigns.updated')}>{format.date(campaign.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeardAboutSection() {
  const { t } = useTranslation();
  const statistics = useHeardAboutStatistics();
  return (
    <section aria-labelledby="heard-about-heading">
      <h2 id="heard-about-heading">{t('campaigns.heardAbout.heading')}</h2>
      <p className="app-narrow">{t('campaigns.heardAbout.intro')}</p>
      {statistics.error ? (
        <LoadFailed message={statistics.error.detail ?? t('errors.network')} onRetry={() => void statistics.reload()} />
      ) : !statistics.data ? (
        <Loading />
      ) : (
        <HeardAboutTable statistics={statistics.data} />
      )}
    </section>
  );
}

function HeardAboutTable({ statistics }: { statistics: HeardAboutStatistics }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="app-table-wrapper">
      <table className="table table--borderless">
        <caption className="sr-only">{t('campaigns.heardAbout.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('campaigns.heardAbout.source')}</th>
            <th scope="col" className="text-align-right">
              {t('campaigns.heardAbout.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {statistics.counts.map((row) => (
            <tr key={row.heardAbout}>
              <th scope="row">{t(`campaigns.heardAbout.label.${row.heardAbout}`)}</th>
              <td className="text-align-right">
                {/* Shown as the server gives it: "<5" is the statistic, not a missing number. */}
                {row.count === '<5' ? <abbr title={t('campaigns.heardAbout.lessThanFive')}>&lt;5</abbr> : format.number(row.count)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
