import { ProduceAccessHistoryRequest, type AccessHistoryExtract } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCheckboxField, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { TableFrame } from '../../ui/TableFrame';
import { SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { accessHistoryPrintUrl, produceAccessHistory } from './courses.api';

const knownPurposes = ['referral_intake', 'referral_follow_up', 'referral_tracking', 'referral_creation', 'course_work', 'course_supervision', 'access_history_extract'] as const;
const knownActions = ['read', 'list', 'search', 'export', 'print'] as const;

type HistoryValues = { includeStaffNames: boolean; justification: string };

/**
 * "Borgerens adgangshistorik": the person's access-log extract (their right of access), produced on their request.
 * The menu speaks as staff; the printed extract speaks to the person. Staff names stay hidden unless a justified
 * request is recorded.
 */
export function AccessHistorySection({ course }: SectionProps) {
  const { t } = useTranslation();
  const [extract, setExtract] = useState<AccessHistoryExtract>();
  const schema = useRequestSchema(
    ProduceAccessHistoryRequest,
    (values: HistoryValues) => ({ includeStaffNames: values.includeStaffNames, justification: values.includeStaffNames ? values.justification.trim() || undefined : undefined }),
    (t) => ({ justification: t('courses.serverMessages.justification_required') }),
  );
  const form = useCourseForm({
    schema,
    defaultValues: { includeStaffNames: false, justification: '' },
    idPrefix: 'history',
    onSubmit: async (request) => {
      setExtract(await produceAccessHistory(course.id, request));
      document.getElementById('access-history-extract')?.focus();
    },
  });
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.access-history')}</SectionHeading>
      <p className="app-narrow">{t('courses.accessHistory.intro')}</p>
      <FormPanel id="access-history" heading={t('courses.accessHistory.formHeading')} form={form}>
        <FormCheckboxField control={form.control} name="includeStaffNames" label={t('courses.accessHistory.includeNames')} hint={t('courses.accessHistory.includeNamesHint')} />
        {form.watch('includeStaffNames') ? <FormTextAreaField control={form.control} name="justification" label={t('courses.accessHistory.justification')} maxLength={2000} rows={3} /> : null}
        <SubmitButton isBusy={form.isBusy}>{t('courses.accessHistory.produce')}</SubmitButton>
      </FormPanel>
      <div id="access-history-extract" tabIndex={-1}>
        {extract ? <Extract courseId={course.id} extract={extract} /> : null}
      </div>
    </section>
  );
}

/** A purpose or action code in words; one the app does not know is shown as the server gave it. */
function useCodeWords() {
  const { t } = useTranslation();
  const isOneOf = <C extends string>(codes: readonly C[], code: string): code is C => (codes as readonly string[]).includes(code);
  return {
    purpose: (code: string) => (isOneOf(knownPurposes, code) ? t(`courses.accessHistory.purpose.${code}`) : code),
    verb: (code: string) => (isOneOf(knownActions, code) ? t(`courses.accessHistory.action.${code}`) : code),
  };
}

function Extract({ courseId, extract }: { courseId: string; extract: AccessHistoryExtract }) {
  const { t } = useTranslation();
  const format = useFormat();
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
          <ExtractSummary extract={extract} />
          <details className="app-course-details">
            <summary>{t('courses.accessHistory.allEntries', { count: extract.entries.length })}</summary>
            <ExtractEntries extract={extract} />
          </details>
        </>
      )}
    </section>
  );
}

function ExtractSummary({ extract }: { extract: AccessHistoryExtract }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { purpose } = useCodeWords();
  const column = { organisation: t('courses.accessHistory.organisation'), purpose: t('courses.accessHistory.purposeColumn'), count: t('courses.accessHistory.count'), period: t('courses.accessHistory.period') };
  return (
    <TableFrame caption={t('courses.accessHistory.summaryCaption')} isCaptionHidden={false} columns={Object.values(column)}>
      {extract.summary.map((row) => (
        <tr key={`${row.organisationName}-${row.purpose}`}>
          <td data-title={column.organisation}>{row.organisationName}</td>
          <td data-title={column.purpose}>{purpose(row.purpose)}</td>
          <td data-title={column.count}>{row.count}</td>
          <td data-title={column.period}>{`${format.dateTime(row.firstAt)} – ${format.dateTime(row.lastAt)}`}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

function ExtractEntries({ extract }: { extract: AccessHistoryExtract }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { purpose, verb } = useCodeWords();
  const column = { when: t('courses.accessHistory.when'), organisation: t('courses.accessHistory.organisation'), purpose: t('courses.accessHistory.purposeColumn'), what: t('courses.accessHistory.what') };
  const staff = t('courses.accessHistory.staff');
  return (
    <TableFrame caption={t('courses.accessHistory.entriesCaption')} columns={[...Object.values(column), ...(extract.includesStaffNames ? [staff] : [])]}>
      {extract.entries.map((entry, index) => (
        <tr key={index}>
          <td data-title={column.when}>{format.dateTime(entry.at)}</td>
          <td data-title={column.organisation}>{entry.organisationName}</td>
          <td data-title={column.purpose}>{purpose(entry.purpose)}</td>
          <td data-title={column.what}>{verb(entry.action)}</td>
          {extract.includesStaffNames ? <td data-title={staff}>{entry.staffName ?? '–'}</td> : null}
        </tr>
      ))}
    </TableFrame>
  );
}
