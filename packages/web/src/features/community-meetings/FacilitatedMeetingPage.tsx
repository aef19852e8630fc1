import type { CommunityMeetingReport, CommunityMeetingSignUpList, FacilitatedCommunityMeeting } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { TextAreaField, TextField } from '../../ui/fields';
import { LiveMessage } from '../../ui/LiveMessage';
import { SubPage } from '../../ui/SubPage';
import { communityMeetingKeys, facilitatedMeetingQuery, issueEvaluationCode, readSignUps, recordReport } from './community-meetings.api';
import { MeetingSummary } from './MeetingSummary';

/** `/community-meetings/facilitated/:id`: running one meeting: who signed up, the report afterwards, the evaluation code. */
export function FacilitatedMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useQuery(facilitatedMeetingQuery(id));
  return (
    <SubPage title={t('communityMeetings.headingLoading')} heading={meeting.data?.theme ?? t('communityMeetings.headingLoading')} back={{ to: '/community-meetings/facilitated', label: t('communityMeetings.backFacilitated') }}>
      <Loaded query={meeting}>
        {(data) => (
          <>
            <MeetingSummary meeting={data} />
            <SignUpsSection meetingId={data.id} />
            <ReportSection key={data.id} meeting={data} />
            <EvaluationSection meeting={data} />
          </>
        )}
      </Loaded>
    </SubPage>
  );
}

/** The names are read (and access-logged) only when the facilitator asks. */
function SignUpsSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<CommunityMeetingSignUpList>();
  const show = useAction(() => readSignUps(meetingId), { onSuccess: setList });
  return (
    <section aria-labelledby="sign-ups-heading">
      <h2 id="sign-ups-heading">{t('communityMeetings.signUpsHeading')}</h2>
      <p>{t('communityMeetings.signUpsIntro')}</p>
      {list ? (
        <>
          <p>{t('communityMeetings.signUpsCount', { count: list.count, capacity: list.capacity })}</p>
          {list.signUps.length === 0 ? (
            <p>{t('communityMeetings.noSignUps')}</p>
          ) : (
            <ul>
              {list.signUps.map((signUp) => (
                <li key={signUp.id}>
                  <bdi>{signUp.firstName}</bdi>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <ActionFailed message={show.error} />
          <button type="button" className="button button-secondary" onClick={() => void show.run(undefined)} aria-busy={show.isBusy}>
            {t('communityMeetings.showSignUps')}
          </button>
        </>
      )}
    </section>
  );
}

type ReportDraft = { headCount: string; themesRaised: string; referralCount: string; note: string };

function ReportSection({ meeting }: { meeting: FacilitatedCommunityMeeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isSaved, setIsSaved] = useState(false);
  const [draft, setDraft] = useState<ReportDraft>({
    headCount: meeting.report ? String(meeting.report.headCount) : '',
    themesRaised: meeting.report?.themesRaised ?? '',
    referralCount: meeting.report ? String(meeting.report.referralCount) : '0',
    note: meeting.report?.note ?? '',
  });
  const save = useAction((report: CommunityMeetingReport) => recordReport(meeting.id, report), {
    onStart: () => setIsSaved(false),
    onSuccess: (changed) => {
      queryClient.setQueryData(facilitatedMeetingQuery(meeting.id).queryKey, changed);
      void queryClient.invalidateQueries({ queryKey: communityMeetingKeys.facilitated() });
      setIsSaved(true);
    },
  });
  const hasStarted = Date.parse(meeting.startsAt) <= Date.now();
  const set = (key: keyof ReportDraft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isBusy) void save.run({ headCount: Number(draft.headCount), themesRaised: draft.themesRaised, referralCount: Number(draft.referralCount), note: draft.note });
  };
  if (meeting.status === 'cancelled') return null;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('communityMeetings.reportHeading')}</h2>
      {hasStarted ? (
        <form onSubmit={send} noValidate className="app-narrow">
          <p>{t('communityMeetings.reportIntro')}</p>
          <LiveMessage message={isSaved ? t('communityMeetings.report.saved') : undefined} isVisible />
          <TextField fieldKey="headCount" label={t('communityMeetings.report.headCount')} type="number" min={0} inputMode="numeric" inputClassName="app-short-input" value={draft.headCount} onChange={set('headCount')} />
          <TextAreaField fieldKey="themesRaised" label={t('communityMeetings.report.themesRaised')} rows={3} maxLength={1000} value={draft.themesRaised} onChange={set('themesRaised')} />
          <TextField fieldKey="referralCount" label={t('communityMeetings.report.referralCount')} type="number" min={0} inputMode="numeric" inputClassName="app-short-input" value={draft.referralCount} onChange={set('referralCount')} />
          <TextAreaField fieldKey="note" label={t('communityMeetings.report.note')} rows={3} maxLength={1000} value={draft.note} onChange={set('note')} />
          <ActionFailed message={save.error} />
          <button type="submit" className="button button-primary" aria-busy={save.isBusy}>
            {t('communityMeetings.report.save')}
          </button>
        </form>
      ) : (
        <p>{t('communityMeetings.reportNotYet')}</p>
      )}
    </section>
  );
}

function EvaluationSection({ meeting }: { meeting: FacilitatedCommunityMeeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const issue = useAction(() => issueEvaluationCode(meeting.id), {
    onSuccess: (evaluationCode) => queryClient.setQueryData(facilitatedMeetingQuery(meeting.id).queryKey, { ...meeting, evaluationCode }),
  });
  if (meeting.status === 'cancelled') return null;
  const code = meeting.evaluationCode;
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('communityMeetings.evaluationHeading')}</h2>
      <p>{t('communityMeetings.evaluationIntro', { path: `${window.location.origin}/evaluering` })}</p>
      {code ? (
        <div className="app-action-panel">
          <p>
            {t('communityMeetings.codeLabel')}:{' '}
            <strong className="app-evaluation-code" translate="no">
              {`${code.code.slice(0, 4)}-${code.code.slice(4, 8)}-${code.code.slice(8)}`}
            </strong>
          </p>
          <p>{t('communityMeetings.codeExpires', { date: format.date(code.expiresAt) })}</p>
        </div>
      ) : (
        <>
          <ActionFailed message={issue.error} />
          <button type="button" className="button button-secondary" onClick={() => void issue.run(undefined)} aria-busy={issue.isBusy}>
            {t('communityMeetings.issueCode')}
          </button>
        </>
      )}
    </section>
  );
}
