import {
  isTriageReasonRequired,
  OnwardCategory,
  type EligibilityEvaluation,
  type Gender,
  type OnwardServiceOption,
  type RiskLevel,
  type TriageDecision,
  type TriageEvaluationView,
  type TriageFacts,
  type TriageView,
  type YesNoUnknown,
} from '@bro/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { decideTriage, evaluateTriage } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert, type AlertVariant } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { ActionForm, coursePath, parseWholeNumber, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { describeActual, describeCondition, localised } from './rule-text';
import { useOnwardOptions, useTriageHistory } from './useCourses';

type YesNoFact = 'substanceAbuse' | 'psychiatricDiagnosis' | 'massiveStalking' | 'honourRelatedConflict' | 'livesWithPartner' | 'childrenInHome' | 'currentShelterStay';
const yesNoFacts: readonly YesNoFact[] = ['substanceAbuse', 'psychiatricDiagnosis', 'massiveStalking', 'honourRelatedConflict', 'livesWithPartner', 'childrenInHome', 'currentShelterStay'];
const yesNoUnknown: readonly YesNoUnknown[] = ['yes', 'no', 'unknown'];
const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];
const threatLevels: readonly (RiskLevel | 'unknown')[] = ['standard', 'medium', 'high', 'unknown'];

const initialFacts: TriageFacts = {
  gender: 'unknown',
  hasLeftPartner: 'unknown',
  threatLevel: 'unknown',
  substanceAbuse: 'unknown',
  psychiatricDiagnosis: 'unknown',
  massiveStalking: 'unknown',
  honourRelatedConflict: 'unknown',
  livesWithPartner: 'unknown',
  childrenInHome: 'unknown',
  currentShelterStay: 'unknown',
};

/**
 * Triage: the counsellor states what is known, the service's rules are evaluated (which rule applies and why),
 * and the counsellor decides — with a reason whenever the decision goes against the proposal.
 */
export function TriageSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const history = useTriageHistory(course.id);
  const options = useOnwardOptions(course.id);
  const [facts, setFacts] = useState<TriageFacts>(initialFacts);
  const [age, setAge] = useState('');
  const [months, setMonths] = useState('');
  // `run` counts evaluations, so each result is a fresh element that takes focus (and is read out from its heading).
  const [evaluated, setEvaluated] = useState<{ view: TriageEvaluationView; facts: TriageFacts; run: number }>();
  const runs = useRef(0);
  const action = useCourseAction('facts', ['facts']);
  const canDecide = course.allowedActions.includes('triage');

  // Changing a fact makes the shown evaluation stale: it goes, so nobody decides on rules run against other facts.
  const change = (next: Partial<TriageFacts>) => {
    setFacts((current) => ({ ...current, ...next }));
    setEvaluated(undefined);
  };

  const evaluate = () => {
    const found: Record<string, string> = {};
    const ageValue = age.trim() ? parseWholeNumber(age) : undefined;
    const monthsValue = months.trim() ? parseWholeNumber(months) : undefined;
    if (age.trim() && (ageValue === undefined || ageValue > 120)) found['facts.age'] = t('courses.triage.ageFormat');
    if (facts.hasLeftPartner === 'yes' && months.trim() && (monthsValue === undefined || monthsValue > 600)) found['facts.monthsSinceLeftPartner'] = t('courses.triage.monthsFormat');
    if (Object.keys(found).length > 0) return action.fail(found);
    const complete: TriageFacts = { ...facts, age: ageValue, monthsSinceLeftPartner: facts.hasLeftPartner === 'yes' ? monthsValue : undefined };
    void action.run(async () => setEvaluated({ view: await evaluateTriage(course.id, { facts: complete }), facts: complete, run: ++runs.current }));
  };

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.triage')}</SectionHeading>
      {canDecide ? (
        <>
          <p className="app-narrow">{t('courses.triage.intro')}</p>
          <ActionForm id="triage-facts" heading={t('courses.triage.factsHeading')} action={action} onSubmit={evaluate}>
            <RadioGroup fieldKey="facts.gender" legend={t('courses.fact.gender')} options={genders.map((value) => ({ value, label: t(`gender.${value}`) }))} value={facts.gender} isInline onChange={(gender) => change({ gender })} />
            <TextField
              fieldKey="facts.age"
              label={t('courses.triage.age')}
              inputMode="numeric"
              autoComplete="off"
              inputClassName="app-short-input"
              value={age}
              error={action.errors['facts.age']}
              onChange={(event) => {
                setAge(event.target.value);
                setEvaluated(undefined);
              }}
            />
            <RadioGroup
              fieldKey="facts.hasLeftPartner"
              legend={t('courses.triage.hasLeftPartner')}
              options={yesNoUnknown.map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))}
              value={facts.hasLeftPartner}
              isInline
              onChange={(hasLeftPartner) => change({ hasLeftPartner })}
            />
            {facts.hasLeftPartner === 'yes' ? (
              <TextField
                fieldKey="facts.monthsSinceLeftPartner"
                label={t('courses.triage.monthsSinceLeftPartner')}
                inputMode="numeric"
                autoComplete="off"
                inputClassName="app-short-input"
                value={months}
                error={action.errors['facts.monthsSinceLeftPartner']}
                onChange={(event) => {
                  setMonths(event.target.value);
                  setEvaluated(undefined);
                }}
              />
            ) : null}
            <RadioGroup
              fieldKey="facts.threatLevel"
              legend={t('courses.fact.threatLevel')}
              options={threatLevels.map((value) => ({ value, label: value === 'unknown' ? t('yesNoUnknown.unknown') : t(`riskLevel.${value}`) }))}
              value={facts.threatLevel}
              isInline
              onChange={(threatLevel) => change({ threatLevel })}
            />
            {yesNoFacts.map((fact) => (
              <RadioGroup
                key={fact}
                fieldKey={`facts.${fact}`}
                legend={t(`courses.triage.question.${fact}`)}
                options={yesNoUnknown.map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))}
                value={facts[fact]}
                isInline
                onChange={(value) => change({ [fact]: value })}
              />
            ))}
            <SubmitButton isBusy={action.isBusy}>{t('courses.triage.evaluate')}</SubmitButton>
          </ActionForm>
          {evaluated ? (
            <>
              <EvaluationResult key={evaluated.run} evaluation={evaluated.view.evaluation} ruleSetVersion={evaluated.view.ruleSetVersion} options={options.data ?? []} />
              <DecisionForm
                key={`decision-${evaluated.run}`}
                courseId={course.id}
                facts={evaluated.facts}
                evaluation={evaluated.view.evaluation}
                onDecided={(decision) => {
                  setEvaluated(undefined);
                  onCourseChanged();
                  void history.reload();
                  onMessage(t(`courses.triage.decided.${decision}`));
                  document.getElementById('course-section-heading')?.focus();
                }}
              />
            </>
          ) : null}
        </>
      ) : (
        <p>{course.status === 'closed' ? t('courses.closedReadOnly') : t('courses.triage.alreadyDecided')}</p>
      )}
      {course.status === 'bridging' ? (
        <p>
          <Link to={coursePath(course.id, 'bridging')}>{t('courses.triage.toBridging')}</Link>
        </p>
      ) : null}
      <h3>{t('courses.triage.historyHeading')}</h3>
      {history.error ? (
        <LoadFailed message={history.error.detail ?? t('errors.network')} onRetry={() => void history.reload()} />
      ) : !history.data ? (
        <Loading />
      ) : history.data.length === 0 ? (
        <p>{t('courses.triage.noHistory')}</p>
      ) : (
        <TriageHistory history={history.data} />
      )}
    </section>
  );
}

const variantByOutcome: Record<EligibilityEvaluation['outcome'], AlertVariant> = { eligible: 'success', excluded: 'warning', not_in_target_group: 'warning', undetermined: 'info', no_rules: 'info' };
const toneByTruth: Record<'true' | 'false' | 'unknown', BadgeTone> = { true: 'success', false: 'neutral', unknown: 'warning' };

/** Which rule applies and why: every rule, condition by condition, with the fact it was tested against. */
function EvaluationResult({ evaluation, ruleSetVersion, options }: { evaluation: EligibilityEvaluation; ruleSetVersion: number | null; options: readonly OnwardServiceOption[] }) {
  const { t, i18n } = useTranslation();
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
        {applied ? <p>{t('courses.triage.appliedExclusion', { rule: localised(applied.label, i18n.resolvedLanguage) })}</p> : null}
        {matched.length > 0 && !applied ? <p>{t('courses.triage.matchedGroups', { groups: matched.map((rule) => localised(rule.label, i18n.resolvedLanguage)).join('; ') })}</p> : null}
        {evaluation.onward ? (
          <p>
            {t('courses.triage.onward', { category: t(`courses.onwardCategory.${evaluation.onward.category}`) })}
            {onwardService ? ` ${t('courses.triage.onwardService', { service: onwardService.name, organisation: onwardService.organisationName })}` : ''}
          </p>
        ) : null}
        {evaluation.missingFacts.length > 0 ? <p>{t('courses.triage.missingFacts', { facts: evaluation.missingFacts.map((fact) => t(`courses.fact.${fact}`)).join(', ') })}</p> : null}
        <p className="form-hint">{ruleSetVersion === null ? t('courses.triage.noRuleSet') : t('courses.triage.ruleSetVersion', { version: ruleSetVersion })}</p>
      </Alert>
      {evaluation.rules.length > 0 ? (
        <details className="app-course-details">
          <summary>{t('courses.triage.whyHeading')}</summary>
          <ul className="nobullet-list">
            {evaluation.rules.map((rule) => (
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
      ) : null}
    </div>
  );
}

function DecisionForm({ courseId, facts, evaluation, onDecided }: { courseId: string; facts: TriageFacts; evaluation: EligibilityEvaluation; onDecided: (decision: TriageDecision) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<TriageDecision | undefined>(evaluation.proposal === 'clarify' ? undefined : evaluation.proposal);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<OnwardCategory | ''>(evaluation.onward?.category ?? '');
  const action = useCourseAction('decision', ['decision', 'reason', 'onwardCategory']);
  const isReasonRequired = decision !== undefined && isTriageReasonRequired(evaluation.proposal, decision);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!decision) found['decision.decision'] = t('courses.triage.decisionRequired');
    if (isReasonRequired && !reason.trim()) found['decision.reason'] = t('courses.serverMessages.required_when_deciding_against_the_proposal');
    if (decision === 'refer_onward' && !category) found['decision.onwardCategory'] = t('courses.serverMessages.required_for_onward_referral');
    if (!decision || Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      await decideTriage(courseId, { facts, decision, reason: reason.trim() || undefined, onwardCategory: decision === 'refer_onward' && category ? category : undefined });
      onDecided(decision);
    });
  };

  return (
    <ActionForm id="triage-decision" heading={t('courses.triage.decisionHeading')} action={action} onSubmit={submit}>
      <RadioGroup
        fieldKey="decision.decision"
        legend={t('courses.triage.decision')}
        options={(['accept', 'refer_onward'] as const).map((value) => ({ value, label: t(`courses.triageDecision.${value}`) }))}
        value={decision}
        error={action.errors['decision.decision']}
        onChange={setDecision}
      />
      {decision === 'refer_onward' ? (
        <SelectField
          fieldKey="decision.onwardCategory"
          label={t('courses.triage.onwardCategory')}
          options={OnwardCategory.options.map((value) => ({ value, label: t(`courses.onwardCategory.${value}`) }))}
          value={category}
          emptyLabel={t('courses.choose')}
          error={action.errors['decision.onwardCategory']}
          onChange={setCategory}
        />
      ) : null}
      <TextAreaField
        fieldKey="decision.reason"
        label={isReasonRequired ? t('courses.triage.reasonRequired') : t('courses.triage.reasonOptional')}
        hint={isReasonRequired ? t('courses.triage.reasonHint') : undefined}
        maxLength={2000}
        rows={3}
        value={reason}
        error={action.errors['decision.reason']}
        onChange={(event) => setReason(event.target.value)}
      />
      <SubmitButton isBusy={action.isBusy}>{t('courses.triage.decide')}</SubmitButton>
    </ActionForm>
  );
}

function TriageHistory({ history }: { history: readonly TriageView[] }) {
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
