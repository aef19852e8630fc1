import { ClosingReason } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeCourse } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { RadioGroup, TextAreaField } from '../../ui/fields';
import { SummaryList } from '../../ui/SummaryList';
import { ActionForm, coursePath, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';

/** Closing: a reason (structured, for the statistics) and a summary. A closed course is history: read-only. */
export function ClosingSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState<ClosingReason>();
  const [summary, setSummary] = useState('');
  const action = useCourseAction('close', ['reason', 'summary']);

  const submit = () => {
    if (!reason) return action.fail({ 'close.reason': t('courses.closing.reasonRequired') });
    void action.run(async () => {
      onCourseChanged(await closeCourse(course.id, { reason, summary: summary.trim() || undefined }));
      onMessage(t('courses.closing.done'));
      document.getElementById('course-section-heading')?.focus();
    });
  };

  const hasLastOutcome = course.outcomes.some((outcome) => outcome.phase === 'last');
  const hasOpenOnward = course.status === 'bridging';
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.closing')}</SectionHeading>
      {course.closing ? (
        <SummaryList
          items={[
            { key: 'reason', term: t('courses.closing.reason'), value: t(`courses.closingReason.${course.closing.reason}`) },
            { key: 'at', term: t('courses.closing.closedAt'), value: format.dateTime(course.closing.closedAt) },
            { key: 'by', term: t('courses.closing.closedBy'), value: course.closing.closedBy?.displayName ?? t('courses.none') },
            { key: 'summary', term: t('courses.closing.summary'), value: course.closing.summary ? <span className="app-preserve-lines">{course.closing.summary}</span> : t('courses.none') },
          ]}
        />
      ) : course.allowedActions.includes('close') ? (
        <>
          {!hasLastOutcome ? (
            <Alert variant="info" heading={t('courses.closing.outcomeReminderHeading')} headingLevel={3}>
              <p>
                <Link to={coursePath(course.id, 'outcomes')}>{t('courses.closing.outcomeReminder')}</Link>
              </p>
            </Alert>
          ) : null}
          {hasOpenOnward ? <p className="form-hint">{t('courses.closing.bridgingHint')}</p> : null}
          <ActionForm id="close" heading={t('courses.closing.formHeading')} action={action} onSubmit={submit}>
            <RadioGroup
              fieldKey="close.reason"
              legend={t('courses.closing.reason')}
              options={ClosingReason.options.map((value) => ({ value, label: t(`courses.closingReason.${value}`) }))}
              value={reason}
              error={action.errors['close.reason']}
              onChange={setReason}
            />
            <TextAreaField
              fieldKey="close.summary"
              label={t('courses.closing.summaryLabel')}
              hint={t('courses.closing.summaryHint')}
              maxLength={8000}
              rows={5}
              value={summary}
              error={action.errors['close.summary']}
              onChange={(event) => setSummary(event.target.value)}
            />
            <SubmitButton variant="warning" isBusy={action.isBusy}>
              {t('courses.closing.submit')}
            </SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p>{t('courses.readOnly')}</p>
      )}
    </section>
  );
}
