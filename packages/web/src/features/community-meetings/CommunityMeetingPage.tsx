import type { CommunityMeeting } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { ActionFailed } from '../../ui/ActionFailed';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { LiveMessage } from '../../ui/LiveMessage';
import { SubPage } from '../../ui/SubPage';
import { useOutcome } from '../../ui/useOutcome';
import { cancelMeeting, changeMeeting, communityMeetingKeys, communityMeetingQuery } from './community-meetings.api';
import { draftOf, MeetingForm } from './MeetingForm';
import { MeetingSummary } from './MeetingSummary';

type Outcome = 'created' | 'saved' | 'cancelled';

/** `/community-meetings/:id`: one meeting of the host organisation: its facts, a change of plan, cancelling. */
export function CommunityMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const meeting = useQuery(communityMeetingQuery(id));
  const outcome = useOutcome<Outcome>();
  const onChanged = (changed: CommunityMeeting, last: Outcome) => {
    queryClient.setQueryData(communityMeetingQuery(id).queryKey, changed);
    void queryClient.invalidateQueries({ queryKey: communityMeetingKeys.list() });
    outcome.record(last);
  };
  return (
    <SubPage title={t('communityMeetings.headingLoading')} heading={meeting.data?.theme ?? t('communityMeetings.headingLoading')} back={{ to: '/community-meetings', label: t('communityMeetings.back') }}>
      <LiveMessage key={outcome.count} message={outcome.last ? t(`communityMeetings.outcome.${outcome.last}`) : undefined} isVisible isFocusedOnChange />
      <Loaded query={meeting}>{(data) => <MeetingDetails key={`${data.id}:${data.status}`} meeting={data} onChanged={onChanged} />}</Loaded>
    </SubPage>
  );
}

function MeetingDetails({ meeting, onChanged }: { meeting: CommunityMeeting; onChanged: (meeting: CommunityMeeting, outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const cancel = useAction(() => cancelMeeting(meeting.id), { onSuccess: (changed) => onChanged(changed, 'cancelled') });
  return (
    <>
      <MeetingSummary meeting={meeting} />
      {meeting.status === 'planned' ? (
        <>
          <section aria-labelledby="meeting-edit-heading">
            <h2 id="meeting-edit-heading">{t('communityMeetings.editHeading')}</h2>
            <MeetingForm initial={draftOf(meeting)} submitLabel={t('communityMeetings.save')} onSubmit={async (plan) => onChanged(await changeMeeting(meeting.id, plan), 'saved')} />
          </section>
          <section className="app-action-panel" aria-labelledby="meeting-cancel-heading">
            <h2 id="meeting-cancel-heading" className="h3">
              {t('communityMeetings.cancelHeading')}
            </h2>
            <ActionFailed message={cancel.error} />
            <ConfirmButton
              label={t('communityMeetings.cancel')}
              question={t('communityMeetings.cancelQuestion')}
              confirmLabel={t('communityMeetings.cancelConfirm')}
              onConfirm={() => cancel.run(undefined)}
              isBusy={cancel.isBusy}
              variant="warning"
            />
          </section>
        </>
      ) : null}
    </>
  );
}
