import type { CourseServiceConfig, EligibilityRules, EligibilityRuleSetView } from '@bro/domain';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchEligibilityRuleVersions, saveEligibilityRules } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/fields';
import { serverMessage, SubmitButton } from './course-ui';
import { describeCondition, localised } from './rule-text';

type Problem = { path: string; message: string };

const template: EligibilityRules = {
  targetGroups: [{ id: 'maalgruppe', label: { da: 'Målgruppe', en: 'Target group' }, conditions: [{ fact: 'role', in: ['exposed'] }] }],
  exclusions: [],
  notInTargetGroupOnward: null,
};

/**
 * The eligibility rules as JSON: a structured editor for the few who write rules, clearly labelled as such. The
 * server checks the rules and refuses any it cannot evaluate; each problem is listed with its place in the rules.
 */
export function RulesEditor({ service, onSaved }: { service: CourseServiceConfig; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [current, setCurrent] = useState(service.eligibility);
  const [text, setText] = useState(() => JSON.stringify(current?.rules ?? template, null, 2));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [general, setGeneral] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const [versions, setVersions] = useState<EligibilityRuleSetView[]>();
  const problemsRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const fieldKey = `rules-${service.serviceId}`;

  const showProblems = (found: Problem[], message?: string) => {
    setProblems(found);
    setGeneral(message);
    window.setTimeout(() => problemsRef.current?.focus(), 0);
  };

  const submit = async () => {
    if (isBusy) return;
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (error) {
      return showProblems([], t('courses.config.rulesJsonInvalid', { detail: error instanceof Error ? error.message : '' }));
    }
    setIsBusy(true);
    try {
      const saved = await saveEligibilityRules(service.serviceId, rules);
      setCurrent(saved);
      setText(JSON.stringify(saved.rules, null, 2));
      setProblems([]);
      setGeneral(undefined);
      setVersions(undefined);
      onSaved(saved.version);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
      if (apiError.status === 0) showProblems([], t('errors.network'));
      else showProblems(apiError.fieldErrors.map((problem) => ({ path: problem.path, message: serverMessage(t, problem.message) })), apiError.detail ?? t('errors.unexpected'));
    } finally {
      setIsBusy(false);
    }
  };

  const loadVersions = () =>
    void fetchEligibilityRuleVersions(service.serviceId).then(setVersions, () => showProblems([], t('errors.unexpected')));

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
      <form
        noValidate
        aria-labelledby={headingId}
        aria-busy={isBusy}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div ref={problemsRef} tabIndex={-1} aria-live="polite">
          {general || problems.length > 0 ? (
            <Alert variant="error" heading={t('courses.config.rulesRefused')} headingLevel={3}>
              {general ? <p>{general}</p> : null}
              {problems.length > 0 ? (
                <ul>
                  {problems.map((problem, index) => (
                    <li key={index}>
                      <code>{problem.path.replace(/^body\.?/, '') || t('courses.config.rulesRoot')}</code>: {problem.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
        </div>
        <div className="app-course-json">
          <TextAreaField
            fieldKey={fieldKey}
            label={t('courses.config.rulesJson')}
            hint={t('courses.config.rulesJsonHint')}
            rows={18}
            spellCheck={false}
            value={text}
            error={problems.length > 0 || general ? t('courses.config.rulesSeeAbove') : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="app-button-row">
          <SubmitButton isBusy={isBusy}>{t('courses.config.saveRules')}</SubmitButton>
          <button type="button" className="button button-secondary" onClick={loadVersions}>
            {t('courses.config.showVersions')}
          </button>
        </div>
      </form>
      {versions ? (
        <ul className="app-cards">
          {versions.map((version) => (
            <li key={version.version}>
              <p className="m-0">
                <strong>{t('courses.config.version', { version: version.version })}</strong> · {format.dateTime(version.createdAt)}
                {version.createdBy ? ` · ${version.createdBy.displayName}` : ''}
              </p>
              <button type="button" className="button button-tertiary" onClick={() => setText(JSON.stringify(version.rules, null, 2))}>
                {t('courses.config.useVersion', { version: version.version })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
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
