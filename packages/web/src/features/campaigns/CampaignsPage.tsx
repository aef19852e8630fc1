import type { CampaignSummary, HeardAboutStatistics } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { useHasPermission } from '../auth/useSession';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame, TableScrollRegion } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { campaignsQuery, heardAboutQuery } from './campaigns.api';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import './campaigns.css';

/** `/admin/campaigns`: the organisation's campaign pages, and how self-referring people heard about its services. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useQuery(campaignsQuery);
  // The counts have their own permission: keeping campaigns does not by itself mean reading statistics.
  const canReadStatistics = useHasPermission('statistics:read');
  usePageTitle(t('campaigns.heading'));

  return (
    <>
      <PageHeading>{t('campaigns.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('campaigns.intro')}</p>
      <p>
        <Link to="/admin/campaigns/new" className="button button-primary">
          {t('campaigns.add')}
        </Link>
      </p>
      <Loaded query={campaigns}>{(data) => (data.length === 0 ? <p>{t('campaigns.empty')}</p> : <CampaignsTable campaigns={data} />)}</Loaded>
      {canReadStatistics ? <HeardAboutSection /> : null}
    </>
  );
}

function CampaignsTable({ campaigns }: { campaigns: readonly CampaignSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableFrame caption={t('campaigns.caption')} columns={[t('campaigns.title'), t('campaigns.status'), t('campaigns.published'), t('campaigns.updated')]}>
      {campaigns.map((campaign) => (
        <tr key={campaign.id}>
          <td data-title={t('campaigns.title')}>
            <Link to={`/admin/campaigns/${campaign.id}`}>{campaign.titleDa}</Link>
            <span className="form-hint app-slug">/{campaign.slug}</span>
          </td>
          <td data-title={t('campaigns.status')}>
            <CampaignStatusBadge status={campaign.status} />
          </td>
          <td data-title={t('campaigns.published')}>{campaign.publishedAt ? format.date(campaign.publishedAt) : '–'}</td>
          <td data-title={t('campaigns.updated')}>{format.date(campaign.updatedAt)}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

function HeardAboutSection() {
  const { t } = useTranslation();
  const statistics = useQuery(heardAboutQuery);
  return (
    <section aria-labelledby="heard-about-heading">
      <h2 id="heard-about-heading">{t('campaigns.heardAbout.heading')}</h2>
      <p className="app-narrow">{t('campaigns.heardAbout.intro')}</p>
      <Loaded query={statistics}>{(data) => <HeardAboutTable statistics={data} />}</Loaded>
    </section>
  );
}

function HeardAboutTable({ statistics }: { statistics: HeardAboutStatistics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  return (
    <TableScrollRegion captionId={captionId}>
      <table className="table table--borderless">
        <caption id={captionId} className="sr-only">
          {t('campaigns.heardAbout.caption')}
        </caption>
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
    </TableScrollRegion>
  );
}
