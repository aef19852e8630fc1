import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { facilitatedMeetingsQuery } from './community-meetings.api';
import { MeetingsTable } from './CommunityMeetingsPage';

/** `/community-meetings/facilitated`: the meetings the signed-in staff member runs (`community_meetings:facilitate`). */
export function FacilitatedMeetingsPage() {
  const { t } = useTranslation();
  const meetings = useQuery(facilitatedMeetingsQuery);
  usePageTitle(t('communityMeetings.facilitatedHeading'));
  return (
    <>
      <PageHeading>{t('communityMeetings.facilitatedHeading')}</PageHeading>
      <p className="font-lead app-narrow">{t('communityMeetings.facilitatedIntro')}</p>
      <Loaded query={meetings}>
        {(data) => (data.length === 0 ? <p>{t('communityMeetings.facilitatedEmpty')}</p> : <MeetingsTable meetings={data} linkTo={(id) => `/community-meetings/facilitated/${id}`} />)}
      </Loaded>
    </>
  );
}
