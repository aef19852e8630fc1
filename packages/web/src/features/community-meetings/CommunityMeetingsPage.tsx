import type { CommunityMeeting } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { useClockTime } from './useClockTime';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityMeetingsQuery } from './community-meetings.api';
import { MeetingStatusBadge } from './MeetingStatusBadge';

/** `/community-meetings`: the host organisation's meetings, newest first (`community_meetings:manage`). */
export function CommunityMeetingsPage() {
  const { t } = useTranslation();
  const meetings = useQuery(communityMeetingsQuery);
  usePageTitle(t('communityMeetings.heading'));
  return (
    <>
      <PageHeading>{t('communityMeetings.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('communityMeetings.intro')}</p>
      <p className="app-badges">
        <Link to="/community-meetings/new" className="button button-primary">
          {t('communityMeetings.plan')}
        </Link>{' '}
        <Link to="/community-meetings/evaluations">{t('communityMeetings.evaluationsLink')}</Link>
      </p>
      <Loaded query={meetings}>{(data) => (data.length === 0 ? <p>{t('communityMeetings.empty')}</p> : <MeetingsTable meetings={data} linkTo={(id) => `/community-meetings/${id}`} />)}</Loaded>
    </>
  );
}

/** The meetings as a table that stacks on a phone; each theme links to `linkTo(id)`. */
export function MeetingsTable({ meetings, linkTo }: { meetings: readonly CommunityMeeting[]; linkTo: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const clock = useClockTime();
  const columns = t('communityMeetings.columns', { returnObjects: true });
  return (
    <TableFrame caption={t('communityMeetings.caption')} columns={[columns.theme, columns.city, columns.when, columns.status, columns.signUps]}>
      {meetings.map((meeting) => (
        <tr key={meeting.id}>
          <td data-title={columns.theme}>
            <Link to={linkTo(meeting.id)}>{meeting.theme}</Link>
          </td>
          <td data-title={columns.city}>{meeting.city}</td>
          <td data-title={columns.when}>{t('communityMeetings.timeRange', { date: format.date(meeting.startsAt), start: clock(meeting.startTime), end: clock(meeting.endTime) })}</td>
          <td data-title={columns.status}>
            <MeetingStatusBadge status={meeting.status} />
          </td>
          <td data-title={columns.signUps}>
            {meeting.signUpCount} / {meeting.capacity}
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}
