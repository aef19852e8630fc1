import type { CourseServiceConfig, EligibilityRules, EligibilityRuleSetView } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useController, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/fields';
import { useCourseForm } from './course-ui';
import { ruleVersionsQuery, saveEligibilityRules } from './course-config.api';
import { describeCondition, localised } from './rule-text';
import { jsonProblem, rulesProblemsOf, rulesText, templateRules, type RulesProblems } from './rules-form';

/**
 * The eligibility rules as JSON: a structured editor for the few who write rules, clearly labelled as such. The
 * server checks the rules and refuses any it cannot evaluate; each problem is listed with its place in the rules.
 */
export function RulesEditor({ service, onSaved }: { service: CourseServiceConfig; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [current, setCurrent] = useState(service.eligibility);
  const headingId = useId();
  return (
    <div className="app-action-panel">
      <h3 id={headingId}>{t('courses.config.rulesHeading', { service: service.serviceName })}</h3>
      <p>{current ? t('courses.config.rulesVersion', { version: current.version, at: format.dateTime(current.createdAt) }) : t('courses.config.noRules')}</p>
      {current ? (
        <details className="app-course-details">
          <summary>{t('courses.config.rulesReadable')}</summary>
          <RulesInWords rules={current.rules} language={i18n.resolvedLanguage} />
        </details>
      ) : null}
      <RulesForm
        service={service}
        initial={current?.rules ?? templateRules}
        labelledBy={headingId}
        onSaved={(saved) => {
          setCurrent(saved);
          onSaved(saved.version);
        }}
      />
    </div>
  );
}

type RulesFormProps = { service: CourseServiceConfig; initial: unknown; labelledBy: string; onSaved: (saved: EligibilityRuleSetView) => void };

function RulesForm({ service, initial, labelledBy, onSaved }: RulesFormProps) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<RulesProblems>();
  const [isVersionsShown, setIsVersionsShown] = useState(false);
  const schema = useMemo(() => checkedBy<{ text: string }>((values) => ({ text: jsonProblem(values.text, t) })).transform((values): unknown => JSON.parse(values.text)), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: { text: rulesText(initial) },
    onSubmit: async (rules) => {
      try {
        const saved = await saveEligibilityRules(service.serviceId, rules);
        setProblems(undefined);
        setIsVersionsShown(false);
        form.reset({ text: rulesText(saved.rules) });
        onSaved(saved);
      } catch (error) {
        setProblems(rulesProblemsOf(error, t));
        throw error;
      }
    },
  });
  return (
    <AppForm form={form} labelledBy={labelledBy} errorDisplay="none">
      <RulesProblemsAlert control={form.control} attempt={form.attempt} problems={problems} />
      <RulesText control={form.control} fieldKey={`rules-${service.serviceId}`} hasProblems={problems !== undefined} />
      <div className="app-button-row">
        <SubmitButton isBusy={form.isBusy}>{t('courses.config.saveRules')}</SubmitButton>
        <button type="button" className="button button-secondary" onClick={() => setIsVersionsShown(true)}>
          {t('courses.config.showVersions')}
        </button>
      </div>
      {isVersionsShown ? <RuleVersions serviceId={service.serviceId} onUse={(rules) => form.setValue('text', rulesText(rules))} /> : null}
    </AppForm>
  );
}

type TextControl = Control<{ text: string }, unknown, unknown>;

/** The refusal, in one place above the text: focused after each failed try, so it is read out. */
function RulesProblemsAlert({ control, attempt, problems }: { control: TextControl; attempt: number; problems: RulesProblems | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { errors } = useFormState({ control });
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  const general = errors.text?.message ?? problems?.general;
  const list = errors.text ? [] : (problems?.list ?? []);
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite">
      {general || list.length > 0 ? (
        <Alert variant="error" heading={t('courses.config.rulesRefused')} headingLevel={3}>
          {general ? <p>{general}</p> : null}
          {list.length > 0 ? (
            <ul>
              {list.map((problem, index) => (
                <li key={index}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

function RulesText({ control, fieldKey, hasProblems }: { control: TextControl; fieldKey: string; hasProblems: boolean }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name: 'text' });
  return (
    <div className="app-course-json">
      <TextAreaField
        fieldKey={fieldKey}
        label={t('courses.config.rulesJson')}
        hint={t('courses.config.rulesJsonHint')}
        rows={18}
        spellCheck={false}
        value={field.value}
        error={hasProblems || fieldState.error ? t('courses.config.rulesSeeAbove') : undefined}
        onChange={(event) => field.onChange(event.target.value)}
      />
    </div>
  );
}

function RuleVersions({ serviceId, onUse }: { serviceId: string; onUse: (rules: EligibilityRules) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useQuery(ruleVersionsQuery(serviceId));
  if (versions.error) return <p className="form-error-message">{t('errors.unexpected')}</p>;
  return (
    <ul className="app-cards">
      {(versions.data ?? []).map((version) => (
        <li key={version.version}>
          <p className="m-0">
            <strong>{t('courses.config.version', { version: version.version })}</strong> · {format.dateTime(version.createdAt)}
            {version.createdBy ? ` · ${version.createdBy.displayName}` : ''}
          </p>
          <button type="button" className="button button-tertiary" onClick={() => onUse(version.rules)}>
            {t('courses.config.useVersion', { version: version.version })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The saved rules as sentences, so the admin can check that the JSON says what was meant. */
function RulesInWords({ rules, language }: { rules: EligibilityRules; language: string | undefined }) {
  const { t } = useTranslation();
  const conditions = (list: EligibilityRules['targetGroups'][number]['conditions']) =>
    list.map((condition) => ('anyOf' in condition ? condition.anyOf.map((basic) => describeCondition(t, basic)).join(` ${t('courses.rule.or')} `) : describeCondition(t, condition))).join('; ');
  return (
    <>
      <h4>{t('courses.config.targetGroups')}</h4>
      <ul>
        {rules.targetGroups.map((rule) => (
          <li key={rule.id}>
            <strong>{localised(rule.label, language)}</strong>: {conditions(rule.conditions)}
          </li>
        ))}
      </ul>
      <h4>{t('courses.config.exclusions')}</h4>
      {rules.exclusions.length === 0 ? (
        <p>{t('courses.none')}</p>
      ) : (
        <ul>
          {rules.exclusions.map((rule) => (
            <li key={rule.id}>
              <strong>{localised(rule.label, language)}</strong>: {conditions(rule.conditions)} → {t(`courses.onwardCategory.${rule.onward.category}`)}
            </li>
          ))}
        </ul>
      )}
      <p>
        {t('courses.config.notInTargetGroup')}: {rules.notInTargetGroupOnward ? t(`courses.onwardCategory.${rules.notInTargetGroupOnward.category}`) : t('courses.none')}
      </p>
    </>
  );
}
