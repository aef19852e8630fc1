import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubPage } from '../../ui/SubPage';
import { communityMeetingKeys, planMeeting } from './community-meetings.api';
import { MeetingForm } from './MeetingForm';

/** `/community-meetings/new`: plan a meeting; on success, its page. */
export function NewCommunityMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <SubPage title={t('communityMeetings.newHeading')} heading={t('communityMeetings.newHeading')} back={{ to: '/community-meetings', label: t('communityMeetings.back') }}>
      <MeetingForm
        submitLabel={t('communityMeetings.create')}
        onSubmit={async (plan) => {
          const meeting = await planMeeting(plan);
          await queryClient.invalidateQueries({ queryKey: communityMeetingKeys.all });
          await navigate(`/community-meetings/${meeting.id}`, { state: { outcome: 'created' } });
        }}
      />
    </SubPage>
  );
}
