import type { EligibilityEvaluation, TriageDecision, TriageEvaluationView, TriageFacts } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { coursePath, SectionHeading, type SectionProps } from './course-ui';
import { courseKeys, onwardOptionsQuery, triageHistoryQuery } from './courses.api';
import { DecisionForm, EvaluationResult, FactsForm, TriageHistory } from './TriageParts';

type Evaluated = { view: TriageEvaluationView; facts: TriageFacts; run: number };

/**
 * Triage: the counsellor states what is known, the service's rules are evaluated (which rule applies and why),
 * and the counsellor decides — with a reason whenever the decision goes against the proposal.
 */
export function TriageSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const history = useQuery(triageHistoryQuery(course.id));
  const options = useQuery(onwardOptionsQuery(course.id));
  // `run` counts evaluations, so each result is a fresh element that takes focus (and is read out from its heading).
  const [evaluated, setEvaluated] = useState<Evaluated>();
  const runs = useRef(0);
  const decided = (decision: TriageDecision) => {
    setEvaluated(undefined);
    onCourseChanged();
    void queryClient.invalidateQueries({ queryKey: courseKeys.part(course.id, 'triage') });
    onMessage(t(`courses.triage.decided.${decision}`));
    document.getElementById('course-section-heading')?.focus();
  };

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.triage')}</SectionHeading>
      {course.allowedActions.includes('triage') ? (
        <>
          <p className="app-narrow">{t('courses.triage.intro')}</p>
          {/* Changing a fact makes the shown evaluation stale: it goes, so nobody decides on rules run against other facts. */}
          <FactsForm courseId={course.id} fromReferral={course.fromReferral} onEvaluated={(view, facts) => setEvaluated({ view, facts, run: ++runs.current })} onChanged={() => setEvaluated(undefined)} />
          {evaluated ? <Decision evaluated={evaluated} courseId={course.id} options={options.data ?? []} onDecided={decided} /> : null}
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
      <Loaded query={history}>{(data) => (data.length === 0 ? <p>{t('courses.triage.noHistory')}</p> : <TriageHistory history={data} />)}</Loaded>
    </section>
  );
}

type DecisionProps = { evaluated: Evaluated; courseId: string; options: Parameters<typeof EvaluationResult>[0]['options']; onDecided: (decision: TriageDecision) => void };

function Decision({ evaluated, courseId, options, onDecided }: DecisionProps) {
  const evaluation: EligibilityEvaluation = evaluated.view.evaluation;
  return (
    <>
      <EvaluationResult key={evaluated.run} evaluation={evaluation} ruleSetVersion={evaluated.view.ruleSetVersion} options={options} />
      <DecisionForm key={`decision-${evaluated.run}`} courseId={courseId} facts={evaluated.facts} evaluation={evaluation} onDecided={onDecided} />
    </>
  );
}
