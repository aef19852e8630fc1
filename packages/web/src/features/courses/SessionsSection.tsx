import { RecordAttendanceRequest, SessionNoteRequest, type Attendance, type Course, type SessionList, type SessionView } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { FormRadioGroup, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { SummaryList } from '../../ui/SummaryList';
import { SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { courseKeys, planCourseSession, recordSessionAttendance, sessionsQuery, writeSessionNote } from './courses.api';
import { attendanceChoices, initialPlan, toPlanRequest, validatePlan, type PlanValues, type RecordableAttendance } from './session-forms';
import { CourseGroupNotes } from '../groups/CourseGroupNotes';

const toneByAttendance: Record<Attendance, BadgeTone> = { planned: 'info', attended: 'success', cancelled_by_person: 'neutral', cancelled_by_service: 'neutral', no_show: 'warning' };

/** Sessions: plan (time, mode, place or link), record attendance, write the (encrypted) note; used and remaining. */
export function SessionsSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery(course.id));
  const changed = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: courseKeys.part(course.id, 'sessions') });
    onCourseChanged();
    onMessage(message);
  };
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.sessions')}</SectionHeading>
      <Loaded query={sessions}>{(data) => <Sessions course={course} list={data} onChanged={changed} />}</Loaded>
      <CourseGroupNotes courseId={course.id} />
    </section>
  );
}

function Sessions({ course, list, onChanged }: { course: Course; list: SessionList; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const { counts } = list;
  return (
    <>
      <SummaryList
        items={[
          { key: 'used', term: t('courses.sessions.used'), value: t('courses.sessions.usedValue', { used: counts.used, planned: counts.planned }) },
          { key: 'remaining', term: t('courses.sessions.remaining'), value: counts.remaining },
          { key: 'scheduled', term: t('courses.sessions.scheduled'), value: counts.scheduled },
          { key: 'cancelled', term: t('courses.sessions.cancelled'), value: counts.cancelled },
          { key: 'noShows', term: t('courses.sessions.noShows'), value: counts.noShows },
        ]}
      />
      {course.allowedActions.includes('plan_session') ? <PlanSessionForm course={course} onPlanned={() => onChanged(t('courses.sessions.planned'))} /> : null}
      <h3>{t('courses.sessions.listHeading')}</h3>
      {list.sessions.length === 0 ? (
        <p>{t('courses.sessions.none')}</p>
      ) : (
        <ol className="app-cards">
          {list.sessions.map((session, index) => (
            <SessionCard key={session.id} course={course} session={session} number={index + 1} onChanged={onChanged} />
          ))}
        </ol>
      )}
    </>
  );
}

function PlanSessionForm({ course, onPlanned }: { course: Course; onPlanned: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => checkedBy<PlanValues>((values) => validatePlan(values, t)).transform(toPlanRequest), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialPlan(course.sessionModes),
    idPrefix: 'plan',
    onSubmit: async (request) => {
      await planCourseSession(course.id, request);
      form.reset({ ...form.getValues(), plannedAt: '', location: '' });
      onPlanned();
    },
  });
  const mode = form.watch('mode');
  return (
    <FormPanel id="plan-session" heading={t('courses.sessions.planHeading')} form={form}>
      <FormTextField control={form.control} name="plannedAt" label={t('courses.sessions.when')} hint={t('courses.sessions.whenHint')} type="datetime-local" inputClassName="app-short-input" />
      <FormTextField control={form.control} name="durationMinutes" label={t('courses.sessions.duration')} inputMode="numeric" inputClassName="app-short-input" />
      <FormRadioGroup control={form.control} name="mode" legend={t('courses.sessions.mode')} options={course.sessionModes.map((value) => ({ value, label: t(`courses.sessionMode.${value}`) }))} isInline />
      <FormTextField
        control={form.control}
        name="location"
        label={mode === 'video' ? t('courses.sessions.link') : mode === 'phone' ? t('courses.sessions.phoneArrangement') : t('courses.sessions.place')}
        hint={t('courses.sessions.locationHint')}
        autoComplete="off"
        maxLength={300}
      />
      <SubmitButton isBusy={form.isBusy}>{t('courses.sessions.plan')}</SubmitButton>
    </FormPanel>
  );
}

type CardProps = { course: Course; session: SessionView; number: number; onChanged: (message: string) => void };

function SessionCard({ course, session, number, onChanged }: CardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h4 className="m-0">{t('courses.sessions.title', { number, when: format.dateTime(session.plannedAt) })}</h4>
      <div className="app-badges">
        <Badge tone={toneByAttendance[session.attendance]}>{t(`courses.attendance.${session.attendance}`)}</Badge>
        <Badge>{t(`courses.sessionMode.${session.mode}`)}</Badge>
      </div>
      <SessionFacts session={session} />
      {course.allowedActions.includes('record_attendance') ? <AttendanceForm {...{ course, session, number, onChanged }} /> : null}
      {course.allowedActions.includes('write_session_note') ? (
        <NoteForm {...{ course, session, number, onChanged }} />
      ) : session.note ? (
        <p className="app-preserve-lines">{session.note}</p>
      ) : null}
    </li>
  );
}

function SessionFacts({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { reminder } = session;
  const reminderText = reminder.sentAt
    ? t('courses.sessions.reminderSent', { at: format.dateTime(reminder.sentAt), channel: reminder.channel ? t(`courses.safeContact.channel.${reminder.channel}`) : '' })
    : reminder.lastSkipReason
      ? t(`courses.sessions.reminderSkipped.${reminder.lastSkipReason}`)
      : t('courses.sessions.reminderNone');
  return (
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
        <dd>{reminderText}</dd>
      </div>
    </dl>
  );
}

function AttendanceForm({ course, session, number, onChanged }: CardProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(RecordAttendanceRequest, (values: { attendance: RecordableAttendance | undefined }) => values, (t) => ({ attendance: t('courses.sessions.attendanceRequired') }));
  const form = useCourseForm({
    schema,
    defaultValues: { attendance: session.attendance === 'planned' ? undefined : session.attendance },
    idPrefix: `session-${session.id}`,
    onSubmit: async (request) => {
      await recordSessionAttendance(course.id, session.id, request);
      onChanged(t('courses.sessions.attendanceSaved', { number }));
    },
  });
  const hasBegun = new Date(session.plannedAt).getTime() <= Date.now();
  return (
    <FormPanel id={`attendance-${session.id}`} heading={t('courses.sessions.attendanceHeading', { number })} headingLevel={4} form={form}>
      <FormRadioGroup
        control={form.control}
        name="attendance"
        legend={t('courses.sessions.attendance')}
        hint={hasBegun ? undefined : t('courses.sessions.notYetHeld')}
        options={attendanceChoices(session.plannedAt, new Date()).map((value) => ({ value, label: t(`courses.attendance.${value}`) }))}
      />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.sessions.saveAttendance')}
      </SubmitButton>
    </FormPanel>
  );
}

function NoteForm({ course, session, number, onChanged }: CardProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(SessionNoteRequest, (values: { note: string }) => ({ note: values.note.trim() }), (t) => ({ note: t('courses.sessions.noteRequired') }));
  const form = useCourseForm({
    schema,
    defaultValues: { note: session.note ?? '' },
    idPrefix: `note-${session.id}`,
    onSubmit: async (request) => {
      await writeSessionNote(course.id, session.id, request);
      onChanged(t('courses.sessions.noteSaved', { number }));
    },
  });
  return (
    <FormPanel id={`note-${session.id}`} heading={t('courses.sessions.noteHeading', { number })} headingLevel={4} form={form}>
      <FormTextAreaField control={form.control} name="note" label={t('courses.sessions.note')} hint={t('courses.sessions.noteHint')} maxLength={8000} rows={4} />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.sessions.saveNote')}
      </SubmitButton>
    </FormPanel>
  );
}
