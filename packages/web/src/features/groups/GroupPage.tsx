import type { GroupAttendance, GroupMeetingView, GroupView, OutcomePhase } from '@bro/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorText, Saved } from './group-ui';
import { closeGroup, groupKeys, groupQuery, leaveGroup, recordAttendance, recordOutcome, writeGroupNote, writeParticipantNote } from './groups.api';
import { Select, Text } from './NewGroupOfferPage';
import './groups.css';

const attendanceChoices: readonly GroupAttendance[] = ['attended', 'absent_with_notice', 'absent'];

/** `/groups/:id`: a group's participants, its meetings with attendance and notes, the ratings, and closing it. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const group = useQuery(groupQuery(id));
  usePageTitle(t('groups.group.headingLoading'));
  return (
    <>
      <p>
        <Link to={group.data ? `/groups/offers/${group.data.offerId}` : '/groups'} className="back-link">
          {group.data?.offerName ?? t('groups.back')}
        </Link>
      </p>
      <Loaded query={group}>{(data) => <GroupContent group={data} />}</Loaded>
    </>
  );
}

/** Every change answers with the whole group: it replaces the cached one. */
function useGroupChange<Variables>(group: GroupView, change: (variables: Variables) => Promise<GroupView>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (next) => {
      queryClient.setQueryData(groupKeys.group(group.id), next);
      void queryClient.invalidateQueries({ queryKey: groupKeys.groupsOf(group.offerId) });
      onDone?.();
    },
  });
}

function GroupContent({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const isRunning = group.status === 'running';
  return (
    <>
      <PageHeading>{t('groups.group.heading', { name: group.offerName })}</PageHeading>
      <p className="font-lead">
        {t(`groups.group.status.${group.status}`)}
        {group.completedCount === null ? '' : ` – ${t('groups.group.completed', { count: group.completedCount })}`}
      </p>
      <Participants group={group} />
      {isRunning ? <OutcomeForm group={group} /> : null}
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('groups.group.meetingsHeading')}</h2>
        {group.meetings.map((meeting) => (
          <Meeting key={meeting.id} group={group} meeting={meeting} />
        ))}
      </section>
      {isRunning ? <CloseGroup group={group} /> : null}
    </>
  );
}

function Participants({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const leave = useGroupChange(group, (participantId: string) => leaveGroup(group.id, participantId));
  const ratingOf = (ratings: GroupView['participants'][number]['outcomes'], phase: OutcomePhase) => {
    const found = ratings.find((rating) => rating.phase === phase);
    return found ? t('groups.group.ratings', { safety: found.safety, options: found.options }) : t('groups.group.noRatings');
  };
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('groups.group.participantsHeading')}</h2>
      <ErrorText error={leave.error} />
      <TableFrame caption={t('groups.group.participantsCaption')} columns={[t('groups.group.participant'), t('groups.offer.status'), t('groups.group.first'), t('groups.group.last'), t('groups.offer.actions')]}>
        {group.participants.map((participant) => (
          <tr key={participant.id}>
            <td data-title={t('groups.group.participant')}>
              <Link to={`/courses/${participant.courseId}`}>{participant.clientLabel}</Link>
            </td>
            <td data-title={t('groups.offer.status')}>
              {t(`groups.group.participantStatus.${participant.status}`)}
              {participant.isReplacement ? <span className="form-hint"> {t('groups.group.replacement')}</span> : null}
            </td>
            <td data-title={t('groups.group.first')}>{ratingOf(participant.outcomes, 'first')}</td>
            <td data-title={t('groups.group.last')}>{ratingOf(participant.outcomes, 'last')}</td>
            <td data-title={t('groups.offer.actions')}>
              {group.status === 'running' && participant.status === 'active' ? (
                <button type="button" className="button button-secondary button-small" disabled={leave.isPending} onClick={() => leave.mutate(participant.id)}>
                  {t('groups.group.leave')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </TableFrame>
    </section>
  );
}

function Meeting({ group, meeting }: { group: GroupView; meeting: GroupMeetingView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `meeting-${meeting.id}`;
  return (
    <section className="app-group-meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('groups.group.meeting', { number: meeting.number, when: format.dateTime(meeting.startsAt) })}</h3>
      <AttendanceForm group={group} meeting={meeting} />
      {group.status === 'running' ? <MeetingNotes group={group} meeting={meeting} /> : meeting.groupNote ? <p className="app-narrow">{meeting.groupNote}</p> : null}
    </section>
  );
}

function AttendanceForm({ group, meeting }: { group: GroupView; meeting: GroupMeetingView }) {
  const { t } = useTranslation();
  const active = group.participants.filter((participant) => participant.status === 'active');
  const recorded = new Map(meeting.attendance.map((entry) => [entry.participantId, entry.attendance]));
  const [choices, setChoices] = useState<Record<string, GroupAttendance>>(() => Object.fromEntries(active.map((participant) => [participant.id, recorded.get(participant.id) ?? 'attended'])));
  const [message, setMessage] = useState<string>();
  const save = useGroupChange(group, () => recordAttendance(group.id, meeting.id, active.map((participant) => ({ participantId: participant.id, attendance: choices[participant.id] ?? 'attended' }))), () => setMessage(t('groups.group.attendanceSaved')));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    save.mutate(undefined);
  };
  const isRunning = group.status === 'running';
  return (
    <form onSubmit={submit} noValidate>
      <ErrorText error={save.error} />
      {active.map((participant) => (
        <fieldset key={participant.id} className="form-group" disabled={!isRunning}>
          <legend className="form-label">{t('groups.group.attendanceLegend', { name: participant.clientLabel })}</legend>
          <ul className="nobullet-list app-group-choices">
            {attendanceChoices.map((choice) => (
              <li key={choice} className="form-group-radio">
                <input
                  type="radio"
                  className="form-radio"
                  id={`attendance-${meeting.id}-${participant.id}-${choice}`}
                  name={`attendance-${meeting.id}-${participant.id}`}
                  checked={choices[participant.id] === choice}
                  onChange={() => setChoices((current) => ({ ...current, [participant.id]: choice }))}
                />
                <label htmlFor={`attendance-${meeting.id}-${participant.id}-${choice}`}>{t(`groups.group.attendance.${choice}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {isRunning ? (
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('groups.group.saveAttendance')}
        </button>
      ) : null}
      <Saved text={message} />
    </form>
  );
}

function MeetingNotes({ group, meeting }: { group: GroupView; meeting: GroupMeetingView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(meeting.groupNote ?? '');
  const [participantId, setParticipantId] = useState('');
  const [participantNote, setParticipantNote] = useState('');
  const [message, setMessage] = useState<string>();
  const saveNote = useGroupChange(group, () => writeGroupNote(group.id, meeting.id, note), () => setMessage(t('groups.group.noteSaved')));
  const saveParticipantNote = useGroupChange(group, () => writeParticipantNote(group.id, meeting.id, participantId, participantNote), () => {
    setParticipantNote('');
    setMessage(t('groups.group.noteSaved'));
  });
  const active = group.participants.filter((participant) => participant.status === 'active');
  return (
    <details className="details">
      <summary className="details-summary">{t('groups.group.groupNote')}</summary>
      <div className="details-text">
        <ErrorText error={saveNote.error ?? saveParticipantNote.error} />
        <div className="form-group">
          <label className="form-label" htmlFor={`note-${meeting.id}`}>
            {t('groups.group.groupNote')}
          </label>
          <textarea id={`note-${meeting.id}`} className="form-input" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button type="button" className="button button-secondary" disabled={saveNote.isPending} onClick={() => saveNote.mutate(undefined)}>
          {t('groups.group.saveGroupNote')}
        </button>
        <h4>{t('groups.group.participantNoteHeading')}</h4>
        <p className="form-hint">{t('groups.group.participantNoteHint')}</p>
        <Select id={`note-participant-${meeting.id}`} label={t('groups.group.chooseParticipant')} value={participantId} onChange={setParticipantId} options={[{ value: '', label: '–' }, ...active.map((participant) => ({ value: participant.id, label: participant.clientLabel }))]} />
        <div className="form-group">
          <label className="form-label" htmlFor={`participant-note-${meeting.id}`}>
            {t('groups.group.participantNote')}
          </label>
          <textarea id={`participant-note-${meeting.id}`} className="form-input" rows={3} value={participantNote} onChange={(event) => setParticipantNote(event.target.value)} />
        </div>
        <button type="button" className="button button-secondary" disabled={saveParticipantNote.isPending || participantId === ''} onClick={() => saveParticipantNote.mutate(undefined)}>
          {t('groups.group.saveParticipantNote')}
        </button>
        <Saved text={message} />
      </div>
    </details>
  );
}

function OutcomeForm({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const active = group.participants.filter((participant) => participant.status === 'active');
  const [participantId, setParticipantId] = useState('');
  const [phase, setPhase] = useState<OutcomePhase>('first');
  const [safety, setSafety] = useState('');
  const [options, setOptions] = useState('');
  const [message, setMessage] = useState<string>();
  const save = useGroupChange(group, () => recordOutcome(group.id, participantId, phase, { safety: Number(safety), options: Number(options) }), () => setMessage(t('groups.group.outcomeSaved')));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    save.mutate(undefined);
  };
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('groups.group.outcomesHeading')}</h2>
      <p className="app-narrow">{t('groups.group.outcomesIntro')}</p>
      <form onSubmit={submit} noValidate className="app-narrow">
        <ErrorText error={save.error} />
        <div className="app-group-fields">
          <Select id="outcome-participant" label={t('groups.group.chooseParticipant')} value={participantId} onChange={setParticipantId} options={[{ value: '', label: '–' }, ...active.map((participant) => ({ value: participant.id, label: participant.clientLabel }))]} />
          <Select id="outcome-phase" label={t('groups.group.phase')} value={phase} onChange={(value) => setPhase(value === 'last' ? 'last' : 'first')} options={(['first', 'last'] as const).map((value) => ({ value, label: t(`groups.group.phaseLabel.${value}`) }))} />
          <Text id="outcome-safety" label={t('groups.group.safety')} value={safety} onChange={setSafety} inputMode="numeric" />
          <Text id="outcome-options" label={t('groups.group.options')} value={options} onChange={setOptions} inputMode="numeric" />
        </div>
        <button type="submit" className="button button-primary" disabled={save.isPending || participantId === ''}>
          {t('groups.group.saveOutcome')}
        </button>
        <Saved text={message} />
      </form>
    </section>
  );
}

function CloseGroup({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const close = useGroupChange(group, () => closeGroup(group.id));
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t('groups.group.closeHeading')}</h2>
      <p>{t('groups.group.closeIntro')}</p>
      <ErrorText error={close.error} />
      <button type="button" className="button button-secondary" disabled={close.isPending} onClick={() => close.mutate(undefined)}>
        {t('groups.group.close')}
      </button>
    </section>
  );
}
