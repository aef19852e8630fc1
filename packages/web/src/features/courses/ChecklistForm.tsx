import type { ChecklistInstrument, RiskAssessmentView, RiskLevel, YesNoUnknown } from '@bro/domain';
import { useMemo } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useCourseForm } from './course-ui';
import { recordRiskAssessment } from './courses.api';
import { checklistStanding, describeChecklistLevel, initialChecklist, toChecklistRequest, validateChecklist, type ChecklistValues } from './risk-forms';
import { localised } from './rule-text';

const answers: readonly YesNoUnknown[] = ['yes', 'no', 'unknown'];

type ChecklistFormProps = { courseId: string; instrument: ChecklistInstrument; onRecorded: (assessment: RiskAssessmentView) => void };

/**
 * A checklist assessment: yes / no / don't know per item, the band live as the answers come in, and professional
 * judgement that can raise the level (with a reason) but never lower it — the form does not even offer lower.
 */
export function ChecklistForm({ courseId, instrument, onRecorded }: ChecklistFormProps) {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => checkedBy<ChecklistValues>((values) => validateChecklist(instrument, values, t)).transform((values) => toChecklistRequest(instrument, values)), [instrument, t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialChecklist(),
    idPrefix: 'checklist',
    // 24 questions: one line says how many are unanswered, and each question's error goes as it is answered.
    revalidate: 'onChange',
    summaryGroups: [{ fieldPrefix: 'answers', message: (count) => t('courses.risk.unansweredCount', { count }) }],
    onSubmit: async (request) => {
      const recorded = await recordRiskAssessment(courseId, request);
      form.reset();
      onRecorded(recorded);
    },
  });
  const values = form.watch();
  const standing = checklistStanding(instrument, values);
  const reason = describeChecklistLevel(instrument, values.answers, t, i18n.resolvedLanguage);
  const bands = instrument.bands.map((band, index) => {
    const next = instrument.bands[index + 1];
    return t(next ? 'courses.risk.bandRange' : 'courses.risk.bandFrom', { level: t(`riskLevel.${band.level}`), from: band.minYes, to: next ? next.minYes - 1 : 0 });
  });
  return (
    <FormPanel id="checklist" heading={localised(instrument.title, i18n.resolvedLanguage)} form={form}>
      {instrument.description ? <p className="app-narrow">{localised(instrument.description, i18n.resolvedLanguage)}</p> : null}
      <p className="form-hint">{t('courses.risk.bands', { bands: bands.join('; ') })}</p>
      <ol className="app-course-checklist">
        {instrument.items.map((item, index) => (
          <li key={item.id}>
            <FormRadioGroup
              control={form.control}
              name={`answers.${item.id}`}
              legend={t('courses.risk.item', { number: index + 1, text: localised(item.text, i18n.resolvedLanguage) })}
              hint={item.redFlag ? t('courses.risk.redFlagHint', { level: t(`riskLevel.${item.redFlag.atLeast}`) }) : undefined}
              options={answers.map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))}
              isInline
            />
          </li>
        ))}
      </ol>
      <LiveBand standing={standing} total={instrument.items.length} reason={reason} />
      <Judgement control={form.control} standing={standing} />
      <p>
        <strong>{t('courses.risk.finalLevel', { level: t(`riskLevel.${standing.level}`) })}</strong>
      </p>
      <SubmitButton isBusy={form.isBusy}>{t('courses.risk.save')}</SubmitButton>
    </FormPanel>
  );
}

type Standing = ReturnType<typeof checklistStanding>;

function LiveBand({ standing, total, reason }: { standing: Standing; total: number; reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="app-course-live-band" role="status" aria-live="polite" aria-atomic="true">
      <p className="m-0">{t('courses.risk.liveCounts', { yes: standing.yesCount, total, unknown: standing.unknownCount, unanswered: standing.unanswered.length })}</p>
      <p className="m-0">
        <strong>{t('courses.risk.liveBand', { level: t(`riskLevel.${standing.computed}`) })}</strong>
      </p>
      <p className="m-0">{reason}</p>
    </div>
  );
}

/** Raise the band, with a reason; the lower levels are not offered. */
function Judgement({ control, standing }: { control: Control<ChecklistValues, unknown, unknown>; standing: Standing }) {
  const { t } = useTranslation();
  if (standing.higher.length === 0) return <p className="form-hint">{t('courses.risk.highestAlready')}</p>;
  const options: { value: RiskLevel | 'keep'; label: string }[] = [
    { value: 'keep', label: t('courses.risk.keepLevel', { level: t(`riskLevel.${standing.computed}`) }) },
    ...standing.higher.map((value) => ({ value, label: t('courses.risk.raiseTo', { level: t(`riskLevel.${value}`) }) })),
  ];
  return (
    <>
      <FormRadioGroup control={control} name="judgedLevel" legend={t('courses.risk.judgement')} hint={t('courses.risk.judgementHint')} options={options} />
      {standing.raisedTo ? <FormTextAreaField control={control} name="judgementReason" label={t('courses.risk.judgementReason')} maxLength={2000} rows={3} /> : null}
    </>
  );
}
