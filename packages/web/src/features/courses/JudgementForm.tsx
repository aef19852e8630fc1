import { FactorPresence, FactorRelevance, RiskLevel, type RiskAssessmentView, type StructuredJudgementForm } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordRiskAssessment } from '../../api';
import { CheckboxField, RadioGroup, SelectField, TextAreaField } from '../../ui/fields';
import { ActionForm, SubmitButton, useCourseAction } from './course-ui';
import { localised } from './rule-text';

type FactorDraft = { presence?: FactorPresence; relevance: FactorRelevance | '' };
type StrategyDraft = { category: string; description: string };

/**
 * A structured professional judgement in the style of SARA: each factor rated, the likely scenarios, what is to
 * be done, and an overall judgement with its reasons. There is no score, and the form shows none.
 */
export function JudgementForm({ courseId, form, onRecorded }: { courseId: string; form: StructuredJudgementForm; onRecorded: (assessment: RiskAssessmentView) => void }) {
  const { t, i18n } = useTranslation();
  const text = (value: { da: string; en: string }) => localised(value, i18n.resolvedLanguage);
  const factorIds = form.factorGroups.flatMap((group) => group.factors.map((factor) => factor.id));
  const [factors, setFactors] = useState<Record<string, FactorDraft>>({});
  const [scenarios, setScenarios] = useState<string[]>(['']);
  const [strategies, setStrategies] = useState<StrategyDraft[]>([{ category: '', description: '' }]);
  const [level, setLevel] = useState<RiskLevel>();
  const [isImminent, setIsImminent] = useState(false);
  const [rationale, setRationale] = useState('');
  const action = useCourseAction('judgement', [...factorIds.map((id) => `answers.factors.${id}`), 'answers.scenarios', 'answers.strategies', 'answers.overall.level', 'answers.overall.rationale', 'answers']);

  const setFactor = (id: string, change: Partial<FactorDraft>) => setFactors((current) => ({ ...current, [id]: { relevance: '', ...current[id], ...change } }));

  const submit = () => {
    const found: Record<string, string> = {};
    for (const id of factorIds) if (!factors[id]?.presence) found[`judgement.answers.factors.${id}`] = t('courses.risk.factorRequired');
    strategies.forEach((strategy, index) => {
      if (strategy.description.trim() && !strategy.category) found[`judgement.answers.strategies.${index}.category`] = t('courses.risk.strategyCategoryRequired');
    });
    if (!level) found['judgement.answers.overall.level'] = t('courses.risk.overallLevelRequired');
    if (!rationale.trim()) found['judgement.answers.overall.rationale'] = t('courses.risk.rationaleRequired');
    if (Object.keys(found).length > 0 || !level) return action.fail(found);
    void action.run(async () => {
      const recorded = await recordRiskAssessment(courseId, {
        kind: 'structured_judgement',
        instrumentKey: form.key,
        instrumentVersion: form.version,
        answers: {
          factors: Object.fromEntries(
            factorIds.map((id) => {
              const draft = factors[id];
              return [id, { presence: draft?.presence ?? 'unknown', relevance: draft?.relevance || undefined }];
            }),
          ),
          scenarios: scenarios.map((description) => description.trim()).filter(Boolean).map((description) => ({ description })),
          strategies: strategies.filter((strategy) => strategy.category && strategy.description.trim()).map((strategy) => ({ category: strategy.category, description: strategy.description.trim() })),
          overall: { level, isImminent, rationale: rationale.trim() },
        },
      });
      onRecorded(recorded);
    });
  };

  return (
    <ActionForm id="judgement" heading={text(form.title)} action={action} onSubmit={submit}>
      {form.description ? <p className="app-narrow">{text(form.description)}</p> : null}
      {form.factorGroups.map((group) => (
        <fieldset className="app-course-item" key={group.id}>
          <legend className="form-label">{text(group.title)}</legend>
          {group.factors.map((factor) => (
            <div key={factor.id} className="app-course-factor">
              <RadioGroup
                fieldKey={`judgement.answers.factors.${factor.id}`}
                legend={text(factor.label)}
                hint={factor.help ? text(factor.help) : undefined}
                options={FactorPresence.options.map((value) => ({ value, label: t(`courses.risk.presence.${value}`) }))}
                value={factors[factor.id]?.presence}
                isInline
                error={action.errors[`judgement.answers.factors.${factor.id}`]}
                onChange={(presence) => setFactor(factor.id, { presence })}
              />
              <SelectField
                fieldKey={`judgement.relevance.${factor.id}`}
                label={t('courses.risk.relevance', { factor: text(factor.label) })}
                options={FactorRelevance.options.map((value) => ({ value, label: t(`courses.risk.relevanceOption.${value}`) }))}
                value={factors[factor.id]?.relevance ?? ''}
                emptyLabel={t('courses.risk.relevanceNone')}
                onChange={(relevance) => setFactor(factor.id, { relevance })}
              />
            </div>
          ))}
        </fieldset>
      ))}

      <fieldset className="app-course-item">
        <legend className="form-label">{t('courses.risk.scenarios')}</legend>
        <p className="form-hint">{t('courses.risk.scenariosHint', { max: form.maxScenarios })}</p>
        {scenarios.map((scenario, index) => (
          <TextAreaField
            key={index}
            fieldKey={`judgement.answers.scenarios.${index}`}
            label={t('courses.risk.scenario', { number: index + 1 })}
            maxLength={4000}
            rows={3}
            value={scenario}
            onChange={(event) => setScenarios((list) => list.map((item, at) => (at === index ? event.target.value : item)))}
          />
        ))}
        {scenarios.length < form.maxScenarios ? (
          <button type="button" className="button button-secondary" onClick={() => setScenarios((list) => [...list, ''])}>
            {t('courses.risk.addScenario')}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="app-course-item">
        <legend className="form-label">{t('courses.risk.strategies')}</legend>
        {strategies.map((strategy, index) => (
          <div key={index} className="app-course-factor">
            <SelectField
              fieldKey={`judgement.answers.strategies.${index}.category`}
              label={t('courses.risk.strategyCategory', { number: index + 1 })}
              options={form.strategyCategories.map((category) => ({ value: category.id, label: text(category.label) }))}
              value={strategy.category}
              emptyLabel={t('courses.choose')}
              error={action.errors[`judgement.answers.strategies.${index}.category`]}
              onChange={(category) => setStrategies((list) => list.map((item, at) => (at === index ? { ...item, category } : item)))}
            />
            <TextAreaField
              fieldKey={`judgement.answers.strategies.${index}.description`}
              label={t('courses.risk.strategyDescription', { number: index + 1 })}
              maxLength={4000}
              rows={2}
              value={strategy.description}
              onChange={(event) => setStrategies((list) => list.map((item, at) => (at === index ? { ...item, description: event.target.value } : item)))}
            />
          </div>
        ))}
        {strategies.length < 30 ? (
          <button type="button" className="button button-secondary" onClick={() => setStrategies((list) => [...list, { category: '', description: '' }])}>
            {t('courses.risk.addStrategy')}
          </button>
        ) : null}
      </fieldset>

      <RadioGroup
        fieldKey="judgement.answers.overall.level"
        legend={t('courses.risk.overallLevel')}
        hint={t('courses.risk.overallLevelHint')}
        options={RiskLevel.options.map((value) => ({ value, label: t(`riskLevel.${value}`) }))}
        value={level}
        isInline
        error={action.errors['judgement.answers.overall.level']}
        onChange={setLevel}
      />
      <CheckboxField fieldKey="judgement.answers.overall.isImminent" label={t('courses.risk.imminent')} isChecked={isImminent} onChange={setIsImminent} />
      <TextAreaField
        fieldKey="judgement.answers.overall.rationale"
        label={t('courses.risk.rationale')}
        maxLength={4000}
        rows={4}
        value={rationale}
        error={action.errors['judgement.answers.overall.rationale']}
        onChange={(event) => setRationale(event.target.value)}
      />
      <SubmitButton isBusy={action.isBusy}>{t('courses.risk.save')}</SubmitButton>
    </ActionForm>
  );
}
