import { CloseCourseRequest, StaffClosingReason, type Course } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormRadioGroup, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { SummaryList } from '../../ui/SummaryList';
import { coursePath, SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { closeCourse } from './courses.api';

/** Closing: a reason (structured, for the statistics) and a summary. A closed course is history: read-only. */
export function ClosingSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.closing')}</SectionHeading>
      {course.closing ? (
        <Closed closing={course.closing} />
      ) : course.allowedActions.includes('close') ? (
        <>
          {course.outcomes.some((outcome) => outcome.phase === 'last') ? null : (
            <Alert variant="info" heading={t('courses.closing.outcomeReminderHeading')} headingLevel={3}>
              <p>
                <Link to={coursePath(course.id, 'outcomes')}>{t('courses.closing.outcomeReminder')}</Link>
              </p>
            </Alert>
          )}
          {course.status === 'bridging' ? <p className="form-hint">{t('courses.closing.bridgingHint')}</p> : null}
          <CloseForm course={course} onCourseChanged={onCourseChanged} onMessage={onMessage} />
        </>
      ) : (
        <p>{t('courses.readOnly')}</p>
      )}
    </section>
  );
}

function Closed({ closing }: { closing: NonNullable<Course['closing']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SummaryList
      items={[
        { key: 'reason', term: t('courses.closing.reason'), value: t(`courses.closingReason.${closing.reason}`) },
        { key: 'at', term: t('courses.closing.closedAt'), value: format.dateTime(closing.closedAt) },
        { key: 'by', term: t('courses.closing.closedBy'), value: closing.closedBy?.displayName ?? t('courses.none') },
        { key: 'summary', term: t('courses.closing.summary'), value: closing.summary ? <span className="app-preserve-lines">{closing.summary}</span> : t('courses.none') },
      ]}
    />
  );
}

type CloseValues = { reason: StaffClosingReason | undefined; summary: string };

function CloseForm({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(CloseCourseRequest, (values: CloseValues) => ({ reason: values.reason, summary: values.summary.trim() || undefined }), (t) => ({ reason: t('courses.closing.reasonRequired') }));
  const form = useCourseForm({
    schema,
    defaultValues: { reason: undefined, summary: '' },
    idPrefix: 'close',
    onSubmit: async (request) => {
      onCourseChanged(await closeCourse(course.id, request));
      onMessage(t('courses.closing.done'));
      document.getElementById('course-section-heading')?.focus();
    },
  });
  return (
    <FormPanel id="close" heading={t('courses.closing.formHeading')} form={form}>
      <FormRadioGroup control={form.control} name="reason" legend={t('courses.closing.reason')} options={StaffClosingReason.options.map((value) => ({ value, label: t(`courses.closingReason.${value}`) }))} />
      <FormTextAreaField control={form.control} name="summary" label={t('courses.closing.summaryLabel')} hint={t('courses.closing.summaryHint')} maxLength={8000} rows={5} />
      <SubmitButton variant="warning" isBusy={form.isBusy}>
        {t('courses.closing.submit')}
      </SubmitButton>
    </FormPanel>
  );
}
