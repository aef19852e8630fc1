import { OnwardCategory, isTriageReasonRequired, type CourseFromReferral, type EligibilityEvaluation, type Gender, type OnwardServiceOption, type RiskLevel, type TriageDecision, type TriageEvaluationView, type TriageFacts, type TriageView, type YesNoUnknown } from '@bro/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useFormat } from '../../i18n/format';
import { Alert, type AlertVariant } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { useCourseForm } from './course-ui';
import { decideTriage, evaluateTriage } from './courses.api';
import { describeActual, describeCondition, localised } from './rule-text';
import { factsFromReferral, initialDecision, initialFacts, toDecisionRequest, toTriageFacts, validateDecision, validateFacts, yesNoFacts, type DecisionValues, type FactsValues } from './triage-form';

const yesNoUnknown: readonly YesNoUnknown[] = ['yes', 'no', 'unknown'];
const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];
const threatLevels: readonly (RiskLevel | 'unknown')[] = ['standard', 'medium', 'high', 'unknown'];

type FactsFormProps = { courseId: string; fromReferral: CourseFromReferral | null; onEvaluated: (view: TriageEvaluationView, facts: TriageFacts) => void; onChanged: () => void };

/** "Fra henvisningen: Kvinde" under each fact the referral already answered; it stays, whatever the counsellor changes. */
function useReferralHints(fromReferral: CourseFromReferral | null) {
  const { t } = useTranslation();
  const known = factsFromReferral(fromReferral);
  const hint = (value: string) => t('courses.triage.fromReferral', { value });
  if (!fromReferral) return {};
  return {
    gender: known.has('gender') ? hint(t(`gender.${fromReferral.gender}`)) : undefined,
    age: fromReferral.birthYear !== null ? hint(t('courses.triage.bornIn', { year: fromReferral.birthYear })) : undefined,
    childrenInHome: known.has('childrenInHome') ? hint(t(`yesNoUnknown.${fromReferral.childrenInHome ?? 'unknown'}`)) : undefined,
    threatLevel: hint(t(`riskLevel.${fromReferral.riskLevel}`)),
  };
}

/** What is known about the person, starting from what the referral said; "evaluate" runs the service's rules against it. */
export function FactsForm({ courseId, fromReferral, onEvaluated, onChanged }: FactsFormProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => checkedBy<FactsValues>((values) => validateFacts(values, t)).transform(toTriageFacts), [t]);
  const form = useCourseForm({ schema, defaultValues: initialFacts(fromReferral), onSubmit: async (facts) => onEvaluated(await evaluateTriage(courseId, { facts }), facts) });
  const hints = useReferralHints(fromReferral);
  const { watch } = form;
  const latestOnChanged = useRef(onChanged);
  latestOnChanged.current = onChanged;
  useEffect(() => {
    // Only the user's own edits: submitting (and its state) is no change of facts.
    const subscription = watch((_values, { type }) => {
      if (type === 'change') latestOnChanged.current();
    });
    return () => subscription.unsubscribe();
  }, [watch]);
  const answers = yesNoUnknown.map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }));
  const numeric = { inputMode: 'numeric', autoComplete: 'off', inputClassName: 'app-short-input' } as const;
  return (
    <FormPanel id="triage-facts" heading={t('courses.triage.factsHeading')} form={form}>
      <FormRadioGroup control={form.control} name="facts.gender" legend={t('courses.fact.gender')} hint={hints.gender} options={genders.map((value) => ({ value, label: t(`gender.${value}`) }))} isInline />
      <FormTextField control={form.control} name="facts.age" label={t('courses.triage.age')} hint={hints.age} {...numeric} />
      <FormRadioGroup control={form.control} name="facts.hasLeftPartner" legend={t('courses.triage.hasLeftPartner')} options={answers} isInline />
      {watch('facts.hasLeftPartner') === 'yes' ? <FormTextField control={form.control} name="facts.monthsSinceLeftPartner" label={t('courses.triage.monthsSinceLeftPartner')} {...numeric} /> : null}
      <FormRadioGroup
        control={form.control}
        name="facts.threatLevel"
        legend={t('courses.fact.threatLevel')}
        hint={hints.threatLevel}
        options={threatLevels.map((value) => ({ value, label: value === 'unknown' ? t('yesNoUnknown.unknown') : t(`riskLevel.${value}`) }))}
        isInline
      />
      {yesNoFacts.map((fact) => (
        <FormRadioGroup
          key={fact}
          control={form.control}
          name={`facts.${fact}`}
          legend={t(`courses.triage.question.${fact}`)}
          hint={fact === 'childrenInHome' ? hints.childrenInHome : undefined}
          options={answers}
          isInline
        />
      ))}
      <SubmitButton isBusy={form.isBusy}>{t('courses.triage.evaluate')}</SubmitButton>
    </FormPanel>
  );
}

const variantByOutcome: Record<EligibilityEvaluation['outcome'], AlertVariant> = { eligible: 'success', excluded: 'warning', not_in_target_group: 'warning', undetermined: 'info', no_rules: 'info' };
const toneByTruth: Record<'true' | 'false' | 'unknown', BadgeTone> = { true: 'success', false: 'neutral', unknown: 'warning' };

type ResultProps = { evaluation: EligibilityEvaluation; ruleSetVersion: number | null; options: readonly OnwardServiceOption[] };

/** Which rule applies and why: every rule, condition by condition, with the fact it was tested against. */
export function EvaluationResult({ evaluation, ruleSetVersion, options }: ResultProps) {
  const { t, i18n } = useTranslation();
  const text = (label: { da: string; en: string }) => localised(label, i18n.resolvedLanguage);
  const applied = evaluation.rules.find((rule) => rule.ruleId === evaluation.appliedExclusionId);
  const matched = evaluation.rules.filter((rule) => evaluation.matchedTargetGroupIds.includes(rule.ruleId));
  const onwardService = options.find((option) => option.id === evaluation.onward?.serviceId);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="app-section app-course-result" ref={ref} tabIndex={-1}>
      <Alert variant={variantByOutcome[evaluation.outcome]} heading={t('courses.triage.resultHeading', { outcome: t(`courses.eligibilityOutcome.${evaluation.outcome}`) })} headingLevel={3}>
        <p>
          <strong>{t(`courses.proposal.${evaluation.proposal}`)}</strong>
        </p>
        {applied ? <p>{t('courses.triage.appliedExclusion', { rule: text(applied.label) })}</p> : null}
        {matched.length > 0 && !applied ? <p>{t('courses.triage.matchedGroups', { groups: matched.map((rule) => text(rule.label)).join('; ') })}</p> : null}
        {evaluation.onward ? (
          <p>
            {t('courses.triage.onward', { category: t(`courses.onwardCategory.${evaluation.onward.category}`) })}
            {onwardService ? ` ${t('courses.triage.onwardService', { service: onwardService.name, organisation: onwardService.organisationName })}` : ''}
          </p>
        ) : null}
        {evaluation.missingFacts.length > 0 ? <p>{t('courses.triage.missingFacts', { facts: evaluation.missingFacts.map((fact) => t(`courses.fact.${fact}`)).join(', ') })}</p> : null}
        <p className="form-hint">{ruleSetVersion === null ? t('courses.triage.noRuleSet') : t('courses.triage.ruleSetVersion', { version: ruleSetVersion })}</p>
      </Alert>
      {evaluation.rules.length > 0 ? <RuleExplanations rules={evaluation.rules} /> : null}
    </div>
  );
}

function RuleExplanations({ rules }: { rules: EligibilityEvaluation['rules'] }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="app-course-details">
      <summary>{t('courses.triage.whyHeading')}</summary>
      <ul className="nobullet-list">
        {rules.map((rule) => (
          <li key={`${rule.kind}-${rule.ruleId}`} className="app-course-rule">
            <p className="m-0">
              <strong>{localised(rule.label, i18n.resolvedLanguage)}</strong> ({t(`courses.ruleKind.${rule.kind}`)}) <Badge tone={toneByTruth[rule.result]}>{t(`courses.truth.${rule.result}`)}</Badge>
            </p>
            <ul>
              {rule.conditions.flatMap((condition, index) =>
                condition.alternatives.map((alternative, alternativeIndex) => (
                  <li key={`${index}-${alternativeIndex}`}>
                    {alternativeIndex > 0 ? `${t('courses.rule.or')} ` : ''}
                    {describeCondition(t, alternative.condition)}: {t('courses.rule.actual', { value: describeActual(t, alternative) })} – {t(`courses.truth.${alternative.result}`)}
                  </li>
                )),
              )}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}

type DecisionFormProps = { courseId: string; facts: TriageFacts; evaluation: EligibilityEvaluation; onDecided: (decision: TriageDecision) => void };

export function DecisionForm({ courseId, facts, evaluation, onDecided }: DecisionFormProps) {
  const { t } = useTranslation();
  const schema = useMemo(
    () => checkedBy<DecisionValues>((values) => validateDecision(values, evaluation.proposal, t)).transform((values) => toDecisionRequest(values, facts)),
    [t, evaluation.proposal, facts],
  );
  const form = useCourseForm({
    schema,
    defaultValues: initialDecision(evaluation.proposal, evaluation.onward?.category),
    idPrefix: 'decision',
    onSubmit: async (request) => {
      await decideTriage(courseId, request);
      onDecided(request.decision);
    },
  });
  const decision = form.watch('decision');
  const isReasonRequired = decision !== undefined && isTriageReasonRequired(evaluation.proposal, decision);
  return (
    <FormPanel id="triage-decision" heading={t('courses.triage.decisionHeading')} form={form}>
      <FormRadioGroup control={form.control} name="decision" legend={t('courses.triage.decision')} options={(['accept', 'refer_onward'] as const).map((value) => ({ value, label: t(`courses.triageDecision.${value}`) }))} />
      {decision === 'refer_onward' ? (
        <FormSelectField
          control={form.control}
          name="onwardCategory"
          label={t('courses.triage.onwardCategory')}
          options={OnwardCategory.options.map((value) => ({ value, label: t(`courses.onwardCategory.${value}`) }))}
          emptyLabel={t('courses.choose')}
        />
      ) : null}
      <FormTextAreaField
        control={form.control}
        name="reason"
        label={isReasonRequired ? t('courses.triage.reasonRequired') : t('courses.triage.reasonOptional')}
        hint={isReasonRequired ? t('courses.triage.reasonHint') : undefined}
        maxLength={2000}
        rows={3}
      />
      <SubmitButton isBusy={form.isBusy}>{t('courses.triage.decide')}</SubmitButton>
    </FormPanel>
  );
}

export function TriageHistory({ history }: { history: readonly TriageView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="app-cards">
      {history.map((entry) => (
        <li key={entry.id}>
          <p className="m-0">
            <strong>{t(`courses.triageDecision.${entry.decision}`)}</strong>
            {entry.onwardCategory ? ` – ${t(`courses.onwardCategory.${entry.onwardCategory}`)}` : ''}
          </p>
          <p className="m-0 form-hint">{t('courses.byAt', { name: entry.decidedBy.displayName, at: format.dateTime(entry.decidedAt) })}</p>
          <p className="m-0">
            {t('courses.triage.historyOutcome', { outcome: t(`courses.eligibilityOutcome.${entry.evaluation.outcome}`), proposal: t(`courses.proposal.${entry.evaluation.proposal}`) })}
          </p>
          {entry.reason ? <p className="m-0 app-preserve-lines">{t('courses.triage.historyReason', { reason: entry.reason })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
