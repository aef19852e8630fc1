import type { AccessHistoryExtract } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessHistoryPrintUrl, produceAccessHistory } from '../../api';
import { useFormat } from '../../i18n/format';
import { CheckboxField, TextAreaField } from '../../ui/fields';
import { ActionForm, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';

const knownPurposes = ['referral_intake', 'referral_follow_up', 'referral_tracking', 'referral_creation', 'course_work', 'course_supervision', 'access_history_extract'] as const;
const knownActions = ['read', 'list', 'search', 'export', 'print'] as const;

/**
 * "Hvem har set mine oplysninger": the person's access-log extract (their right of access), produced on their
 * request. Staff names stay hidden unless a justified request is recorded.
 */
export function AccessHistorySection({ course }: SectionProps) {
  const { t } = useTranslation();
  const [withNames, setWithNames] = useState(false);
  const [justification, setJustification] = useState('');
  const [extract, setExtract] = useState<AccessHistoryExtract>();
  const action = useCourseAction('history', ['includeStaffNames', 'justification']);

  const submit = () => {
    if (withNames && justification.trim().length < 10) return action.fail({ 'history.justification': t('courses.serverMessages.justification_required') });
    void action.run(async () => {
      setExtract(await produceAccessHistory(course.id, { includeStaffNames: withNames, justification: withNames ? justification.trim() : undefined }));
      document.getElementById('access-history-extract')?.focus();
    });
  };

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.access-history')}</SectionHeading>
      <p className="app-narrow">{t('courses.accessHistory.intro')}</p>
      <ActionForm id="access-history" heading={t('courses.accessHistory.formHeading')} action={action} onSubmit={submit}>
        <CheckboxField fieldKey="history.includeStaffNames" label={t('courses.accessHistory.includeNames')} hint={t('courses.accessHistory.includeNamesHint')} isChecked={withNames} onChange={setWithNames} />
        {withNames ? (
          <TextAreaField
            fieldKey="history.justification"
            label={t('courses.accessHistory.justification')}
            maxLength={2000}
            rows={3}
            value={justification}
            error={action.errors['history.justification']}
            onChange={(event) => setJustification(event.target.value)}
          />
        ) : null}
        <SubmitButton isBusy={action.isBusy}>{t('courses.accessHistory.produce')}</SubmitButton>
      </ActionForm>
      <div id="access-history-extract" tabIndex={-1}>
        {extract ? <Extract courseId={course.id} extract={extract} /> : null}
      </div>
    </section>
  );
}

function Extract({ courseId, extract }: { courseId: string; extract: AccessHistoryExtract }) {
  const { t } = useTranslation();
  const format = useFormat();
  const purpose = (code: string) => ((knownPurposes as readonly string[]).includes(code) ? t(`courses.accessHistory.purpose.${code as (typeof knownPurposes)[number]}`) : code);
  const verb = (code: string) => ((knownActions as readonly string[]).includes(code) ? t(`courses.accessHistory.action.${code as (typeof knownActions)[number]}`) : code);
  return (
    <section className="app-section" aria-labelledby="extract-heading">
      <h3 id="extract-heading">{t('courses.accessHistory.extractHeading', { label: extract.personLabel })}</h3>
      <p>{t('courses.accessHistory.producedBy', { organisation: extract.producedByOrganisationName, name: extract.producedBy.displayName, at: format.dateTime(extract.producedAt) })}</p>
      <p>{extract.includesStaffNames ? t('courses.accessHistory.namesShown') : t('courses.accessHistory.namesHidden')}</p>
      {extract.isTruncated ? <p className="form-hint">{t('courses.accessHistory.truncated')}</p> : null}
      <p className="app-button-row">
        <a href={accessHistoryPrintUrl(courseId, extract.id, 'da')} target="_blank" rel="noopener noreferrer" lang="da">
          {t('courses.accessHistory.printDa')}
        </a>
        <a href={accessHistoryPrintUrl(courseId, extract.id, 'en')} target="_blank" rel="noopener noreferrer" lang="en">
          {t('courses.accessHistory.printEn')}
        </a>
      </p>
      {extract.entries.length === 0 ? (
        <p>{t('courses.accessHistory.empty')}</p>
      ) : (
        <>
          <div className="app-table-wrapper">
            <table className="table table--borderless table--responsive-headers">
              <caption>{t('courses.accessHistory.summaryCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('courses.accessHistory.organisation')}</th>
                  <th scope="col">{t('courses.accessHistory.purposeColumn')}</th>
                  <th scope="col">{t('courses.accessHistory.count')}</th>
                  <th scope="col">{t('courses.accessHistory.period')}</th>
                </tr>
              </thead>
              <tbody>
                {extract.summary.map((row) => (
                  <tr key={`${row.organisationName}-${row.purpose}`}>
                    <td data-title={t('courses.accessHistory.organisation')}>{row.organisationName}</td>
                    <td data-title={t('courses.accessHistory.purposeColumn')}>{purpose(row.purpose)}</td>
                    <td data-title={t('courses.accessHistory.count')}>{row.count}</td>
                    <td data-title={t('courses.accessHistory.period')}>{`${format.dateTime(row.firstAt)} – ${format.dateTime(row.lastAt)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="app-course-details">
            <summary>{t('courses.accessHistory.allEntries', { count: extract.entries.length })}</summary>
            <div className="app-table-wrapper">
              <table className="table table--borderless table--responsive-headers">
                <caption className="sr-only">{t('courses.accessHistory.entriesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('courses.accessHistory.when')}</th>
                    <th scope="col">{t('courses.accessHistory.organisation')}</th>
                    <th scope="col">{t('courses.accessHistory.purposeColumn')}</th>
                    <th scope="col">{t('courses.accessHistory.what')}</th>
                    {extract.includesStaffNames ? <th scope="col">{t('courses.accessHistory.staff')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {extract.entries.map((entry, index) => (
                    <tr key={index}>
                      <td data-title={t('courses.accessHistory.when')}>{format.dateTime(entry.at)}</td>
                      <td data-title={t('courses.accessHistory.organisation')}>{entry.organisationName}</td>
                      <td data-title={t('courses.accessHistory.purposeColumn')}>{purpose(entry.purpose)}</td>
                      <td data-title={t('courses.accessHistory.what')}>{verb(entry.action)}</td>
                      {extract.includesStaffNames ? <td data-title={t('courses.accessHistory.staff')}>{entry.staffName ?? '–'}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
