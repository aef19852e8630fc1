import type { CommunityMeeting } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useClockTime } from './useClockTime';
import { SummaryList } from '../../ui/SummaryList';
import { MeetingStatusBadge } from './MeetingStatusBadge';

/** A meeting's facts for staff: the address too (staff of the host may see it), never who signed up. */
export function MeetingSummary({ meeting }: { meeting: CommunityMeeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const clock = useClockTime();
  const s = t('communityMeetings.summary', { returnObjects: true });
  return (
    <>
      <p className="app-badges">
        <MeetingStatusBadge status={meeting.status} />
      </p>
      <SummaryList
        items={[
          { key: 'when', term: s.when, value: t('communityMeetings.timeRange', { date: format.date(meeting.startsAt), start: clock(meeting.startTime), end: clock(meeting.endTime) }) },
          { key: 'place', term: s.place, value: `${meeting.placeName}, ${meeting.city}` },
          { key: 'address', term: s.address, value: `${meeting.address} (${meeting.isAddressPublic ? s.addressPublic : s.addressRegistered})` },
          { key: 'capacity', term: s.capacity, value: String(meeting.capacity) },
          { key: 'signUps', term: s.signUps, value: String(meeting.signUpCount) },
          { key: 'facilitators', term: s.facilitators, value: meeting.facilitators.length > 0 ? meeting.facilitators.map((facilitator) => facilitator.displayName).join(', ') : s.none },
        ]}
      />
    </>
  );
}
