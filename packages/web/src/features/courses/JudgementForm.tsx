import { FactorPresence, FactorRelevance, RiskLevel, type RiskAssessmentView, type StructuredJudgementForm } from '@bro/domain';
import { useMemo } from 'react';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxField, FormRadioGroup, FormSelectField, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useCourseForm } from './course-ui';
import { recordRiskAssessment } from './courses.api';
import { emptyStrategy, initialJudgement, toJudgementRequest, validateJudgement, type JudgementValues } from './risk-forms';
import { localised } from './rule-text';

type JudgementProps = { courseId: string; form: StructuredJudgementForm; onRecorded: (assessment: RiskAssessmentView) => void };
type Part = { control: Control<JudgementValues, unknown, unknown>; definition: StructuredJudgementForm };

/** The form's texts in the staff app's language. */
function useLocalised() {
  const { i18n } = useTranslation();
  return (value: { da: string; en: string }) => localised(value, i18n.resolvedLanguage);
}

/**
 * A structured professional judgement in the style of SARA: each factor rated, the likely scenarios, what is to
 * be done, and an overall judgement with its reasons. There is no score, and the form shows none.
 */
export function JudgementForm({ courseId, form: definition, onRecorded }: JudgementProps) {
  const { t } = useTranslation();
  const text = useLocalised();
  const schema = useMemo(() => checkedBy<JudgementValues>((values) => validateJudgement(definition, values, t)).transform((values) => toJudgementRequest(definition, values)), [definition, t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialJudgement(definition),
    idPrefix: 'judgement',
    // Many factors: one line says how many are unrated, and each factor's error goes as it is rated.
    revalidate: 'onChange',
    summaryGroups: [{ fieldPrefix: 'answers.factors', message: (count) => t('courses.risk.unratedCount', { count }) }],
    onSubmit: async (request) => onRecorded(await recordRiskAssessment(courseId, request)),
  });
  const part: Part = { control: form.control, definition };
  return (
    <FormPanel id="judgement" heading={text(definition.title)} form={form}>
      {definition.description ? <p className="app-narrow">{text(definition.description)}</p> : null}
      <Factors {...part} />
      <Scenarios {...part} />
      <Strategies {...part} />
      <FormRadioGroup
        control={form.control}
        name="answers.overall.level"
        legend={t('courses.risk.overallLevel')}
        hint={t('courses.risk.overallLevelHint')}
        options={RiskLevel.options.map((value) => ({ value, label: t(`riskLevel.${value}`) }))}
        isInline
      />
      <FormCheckboxField control={form.control} name="answers.overall.isImminent" label={t('courses.risk.imminent')} />
      <FormTextAreaField control={form.control} name="answers.overall.rationale" label={t('courses.risk.rationale')} maxLength={4000} rows={4} />
      <SubmitButton isBusy={form.isBusy}>{t('courses.risk.save')}</SubmitButton>
    </FormPanel>
  );
}

function Factors({ control, definition }: Part) {
  const { t } = useTranslation();
  const text = useLocalised();
  return definition.factorGroups.map((group) => (
    <fieldset className="app-course-item" key={group.id}>
      <legend className="form-label">{text(group.title)}</legend>
      {group.factors.map((factor) => (
        <div key={factor.id} className="app-course-factor">
          <FormRadioGroup
            control={control}
            name={`answers.factors.${factor.id}.presence`}
            fieldKey={`answers.factors.${factor.id}`}
            legend={text(factor.label)}
            hint={factor.help ? text(factor.help) : undefined}
            options={FactorPresence.options.map((value) => ({ value, label: t(`courses.risk.presence.${value}`) }))}
            isInline
          />
          <FormSelectField
            control={control}
            name={`answers.factors.${factor.id}.relevance`}
            label={t('courses.risk.relevance', { factor: text(factor.label) })}
            options={FactorRelevance.options.map((value) => ({ value, label: t(`courses.risk.relevanceOption.${value}`) }))}
            emptyLabel={t('courses.risk.relevanceNone')}
          />
        </div>
      ))}
    </fieldset>
  ));
}

function Scenarios({ control, definition }: Part) {
  const { t } = useTranslation();
  const { fields, append } = useFieldArray({ control, name: 'answers.scenarios' });
  return (
    <fieldset className="app-course-item">
      <legend className="form-label">{t('courses.risk.scenarios')}</legend>
      <p className="form-hint">{t('courses.risk.scenariosHint', { max: definition.maxScenarios })}</p>
      {fields.map((field, index) => (
        <FormTextAreaField
          key={field.id}
          control={control}
          name={`answers.scenarios.${index}.description`}
          fieldKey={`answers.scenarios.${index}`}
          label={t('courses.risk.scenario', { number: index + 1 })}
          maxLength={4000}
          rows={3}
        />
      ))}
      {fields.length < definition.maxScenarios ? (
        <button type="button" className="button button-secondary" onClick={() => append({ description: '' }, { shouldFocus: false })}>
          {t('courses.risk.addScenario')}
        </button>
      ) : null}
    </fieldset>
  );
}

function Strategies({ control, definition }: Part) {
  const { t } = useTranslation();
  const text = useLocalised();
  const { fields, append } = useFieldArray({ control, name: 'answers.strategies' });
  return (
    <fieldset className="app-course-item">
      <legend className="form-label">{t('courses.risk.strategies')}</legend>
      {fields.map((field, index) => (
        <div key={field.id} className="app-course-factor">
          <FormSelectField
            control={control}
            name={`answers.strategies.${index}.category`}
            label={t('courses.risk.strategyCategory', { number: index + 1 })}
            options={definition.strategyCategories.map((category) => ({ value: category.id, label: text(category.label) }))}
            emptyLabel={t('courses.choose')}
          />
          <FormTextAreaField control={control} name={`answers.strategies.${index}.description`} label={t('courses.risk.strategyDescription', { number: index + 1 })} maxLength={4000} rows={2} />
        </div>
      ))}
      {fields.length < 30 ? (
        <button type="button" className="button button-secondary" onClick={() => append(emptyStrategy(), { shouldFocus: false })}>
          {t('courses.risk.addStrategy')}
        </button>
      ) : null}
    </fieldset>
  );
}
