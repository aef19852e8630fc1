import type { Attendance, Course, SessionMode, SessionView } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planCourseSession, recordSessionAttendance, writeSessionNote } from '../../api';
import { useFormat } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { SummaryList } from '../../ui/SummaryList';
import { ActionForm, fromDateTimeLocal, parseWholeNumber, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { useCourseSessions } from './useCourses';

const toneByAttendance: Record<Attendance, BadgeTone> = { planned: 'info', attended: 'success', cancelled_by_person: 'neutral', cancelled_by_service: 'neutral', no_show: 'warning' };
const recordable: readonly Exclude<Attendance, 'planned'>[] = ['attended', 'cancelled_by_person', 'cancelled_by_service', 'no_show'];

/** Sessions: plan (time, mode, place or link), record attendance, write the (encrypted) note; used and remaining. */
export function SessionsSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const sessions = useCourseSessions(course.id);
  const changed = (message: string) => {
    void sessions.reload();
    onCourseChanged();
    onMessage(message);
  };

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.sessions')}</SectionHeading>
      {sessions.error ? (
        <LoadFailed message={sessions.error.detail ?? t('errors.network')} onRetry={() => void sessions.reload()} />
      ) : !sessions.data ? (
        <Loading />
      ) : (
        <>
          <SummaryList
            items={[
              { key: 'used', term: t('courses.sessions.used'), value: t('courses.sessions.usedValue', { used: sessions.data.counts.used, planned: sessions.data.counts.planned }) },
              { key: 'remaining', term: t('courses.sessions.remaining'), value: sessions.data.counts.remaining },
              { key: 'scheduled', term: t('courses.sessions.scheduled'), value: sessions.data.counts.scheduled },
              { key: 'cancelled', term: t('courses.sessions.cancelled'), value: sessions.data.counts.cancelled },
              { key: 'noShows', term: t('courses.sessions.noShows'), value: sessions.data.counts.noShows },
            ]}
          />
          {course.allowedActions.includes('plan_session') ? <PlanSessionForm course={course} onPlanned={() => changed(t('courses.sessions.planned'))} /> : null}
          <h3>{t('courses.sessions.listHeading')}</h3>
          {sessions.data.sessions.length === 0 ? (
            <p>{t('courses.sessions.none')}</p>
          ) : (
            <ol className="app-cards">
              {sessions.data.sessions.map((session, index) => (
                <SessionCard key={session.id} course={course} session={session} number={index + 1} onChanged={changed} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function PlanSessionForm({ course, onPlanned }: { course: Course; onPlanned: () => void }) {
  const { t } = useTranslation();
  const [when, setWhen] = useState('');
  const [duration, setDuration] = useState('60');
  const [mode, setMode] = useState<SessionMode | undefined>(course.sessionModes.length === 1 ? course.sessionModes[0] : undefined);
  const [location, setLocation] = useState('');
  const action = useCourseAction('plan', ['plannedAt', 'durationMinutes', 'mode', 'location']);

  const submit = () => {
    const found: Record<string, string> = {};
    const plannedAt = fromDateTimeLocal(when);
    const minutes = parseWholeNumber(duration);
    if (!plannedAt) found['plan.plannedAt'] = t('courses.sessions.whenRequired');
    if (minutes === undefined || minutes < 15 || minutes > 480) found['plan.durationMinutes'] = t('courses.sessions.durationRange');
    if (!mode) found['plan.mode'] = t('courses.sessions.modeRequired');
    if (!plannedAt || minutes === undefined || !mode || Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      await planCourseSession(course.id, { plannedAt, durationMinutes: minutes, mode, location: location.trim() || undefined });
      setWhen('');
      setLocation('');
      onPlanned();
    });
  };

  return (
    <ActionForm id="plan-session" heading={t('courses.sessions.planHeading')} action={action} onSubmit={submit}>
      <TextField
        fieldKey="plan.plannedAt"
        label={t('courses.sessions.when')}
        hint={t('courses.sessions.whenHint')}
        type="datetime-local"
        inputClassName="app-short-input"
        value={when}
        error={action.errors['plan.plannedAt']}
        onChange={(event) => setWhen(event.target.value)}
      />
      <TextField
        fieldKey="plan.durationMinutes"
        label={t('courses.sessions.duration')}
        inputMode="numeric"
        inputClassName="app-short-input"
        value={duration}
        error={action.errors['plan.durationMinutes']}
        onChange={(event) => setDuration(event.target.value)}
      />
      <RadioGroup
        fieldKey="plan.mode"
        legend={t('courses.sessions.mode')}
        options={course.sessionModes.map((value) => ({ value, label: t(`courses.sessionMode.${value}`) }))}
        value={mode}
        isInline
        error={action.errors['plan.mode']}
        onChange={setMode}
      />
      <TextField
        fieldKey="plan.location"
        label={mode === 'video' ? t('courses.sessions.link') : mode === 'phone' ? t('courses.sessions.phoneArrangement') : t('courses.sessions.place')}
        hint={t('courses.sessions.locationHint')}
        autoComplete="off"
        maxLength={300}
        value={location}
        error={action.errors['plan.location']}
        onChange={(event) => setLocation(event.target.value)}
      />
      <SubmitButton isBusy={action.isBusy}>{t('courses.sessions.plan')}</SubmitButton>
    </ActionForm>
  );
}

function SessionCard({ course, session, number, onChanged }: { course: Course; session: SessionView; number: number; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasBegun = new Date(session.plannedAt).getTime() <= Date.now();
  // Attended and no-show only once the session's time has come; a cancellation can be recorded before.
  const choices = recordable.filter((value) => hasBegun || (value !== 'attended' && value !== 'no_show'));
  const [attendance, setAttendance] = useState<Exclude<Attendance, 'planned'> | undefined>(session.attendance === 'planned' ? undefined : session.attendance);
  const [note, setNote] = useState(session.note ?? '');
  const attendanceAction = useCourseAction(`session-${session.id}`, ['attendance']);
  const noteAction = useCourseAction(`note-${session.id}`, ['note']);
  const title = t('courses.sessions.title', { number, when: format.dateTime(session.plannedAt) });

  const saveAttendance = () => {
    if (!attendance) return attendanceAction.fail({ [`session-${session.id}.attendance`]: t('courses.sessions.attendanceRequired') });
    void attendanceAction.run(async () => {
      await recordSessionAttendance(course.id, session.id, { attendance });
      onChanged(t('courses.sessions.attendanceSaved', { number }));
    });
  };
  const saveNote = () => {
    if (!note.trim()) return noteAction.fail({ [`note-${session.id}.note`]: t('courses.sessions.noteRequired') });
    void noteAction.run(async () => {
      await writeSessionNote(course.id, session.id, note.trim());
      onChanged(t('courses.sessions.noteSaved', { number }));
    });
  };

  return (
    <li>
      <h4 className="m-0">{title}</h4>
      <div className="app-badges">
        <Badge tone={toneByAttendance[session.attendance]}>{t(`courses.attendance.${session.attendance}`)}</Badge>
        <Badge>{t(`courses.sessionMode.${session.mode}`)}</Badge>
      </div>
      <dl className="app-card-facts">
        <div>
          <dt>{t('courses.sessions.durationShort')}:</dt>
          <dd>{t('courses.sessions.minutes', { count: session.durationMinutes })}</dd>
        </div>
        {session.location ? (
          <div>
            <dt>{t('courses.sessions.locationShort')}:</dt>
            <dd>{session.location}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('courses.sessions.reminder')}:</dt>
          <dd>
            {session.reminder.sentAt
              ? t('courses.sessions.reminderSent', { at: format.dateTime(session.reminder.sentAt), channel: session.reminder.channel ? t(`courses.safeContact.channel.${session.reminder.channel}`) : '' })
              : session.reminder.lastSkipReason
                ? t(`courses.sessions.reminderSkipped.${session.reminder.lastSkipReason}`)
                : t('courses.sessions.reminderNone')}
          </dd>
        </div>
      </dl>
      {course.allowedActions.includes('record_attendance') ? (
        <ActionForm id={`attendance-${session.id}`} heading={t('courses.sessions.attendanceHeading', { number })} headingLevel={4} action={attendanceAction} onSubmit={saveAttendance}>
          <RadioGroup
            fieldKey={`session-${session.id}.attendance`}
            legend={t('courses.sessions.attendance')}
            hint={hasBegun ? undefined : t('courses.sessions.notYetHeld')}
            options={choices.map((value) => ({ value, label: t(`courses.attendance.${value}`) }))}
            value={attendance}
            error={attendanceAction.errors[`session-${session.id}.attendance`]}
            onChange={setAttendance}
          />
          <SubmitButton variant="secondary" isBusy={attendanceAction.isBusy}>
            {t('courses.sessions.saveAttendance')}
          </SubmitButton>
        </ActionForm>
      ) : null}
      {course.allowedActions.includes('write_session_note') ? (
        <ActionForm id={`note-${session.id}`} heading={t('courses.sessions.noteHeading', { number })} headingLevel={4} action={noteAction} onSubmit={saveNote}>
          <TextAreaField
            fieldKey={`note-${session.id}.note`}
            label={t('courses.sessions.note')}
            hint={t('courses.sessions.noteHint')}
            maxLength={8000}
            rows={4}
            value={note}
            error={noteAction.errors[`note-${session.id}.note`]}
            onChange={(event) => setNote(event.target.value)}
          />
          <SubmitButton variant="secondary" isBusy={noteAction.isBusy}>
            {t('courses.sessions.saveNote')}
          </SubmitButton>
        </ActionForm>
      ) : session.note ? (
        <p className="app-preserve-lines">{session.note}</p>
      ) : null}
    </li>
  );
}
