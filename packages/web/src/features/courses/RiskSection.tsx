import { compareRiskLevels, courseRiskLevelAfterAssessment, type ChecklistInstrument, type Course, type RiskAssessmentView, type RiskInstrument, type RiskInstrumentView, type StructuredJudgementForm } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../../i18n/format';
import { SelectField } from '../../ui/fields';
import { ChecklistForm } from './ChecklistForm';
import { CourseRiskBadge, CourseRiskLevel, SectionHeading, type SectionProps } from './course-ui';
import { JudgementForm } from './JudgementForm';
import { RiskReductionPanel } from './RiskReduction';
import { describeChecklistLevel } from './risk-forms';
import { localised } from './rule-text';
import { courseKeys, riskAssessmentsQuery, riskInstrumentsQuery } from './courses.api';

/** Risk assessment: choose an instrument and its version, assess, and see the course's risk history. */
export function RiskSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const instruments = useQuery(riskInstrumentsQuery);
  const history = useQuery(riskAssessmentsQuery(course.id));
  const recorded = (assessment: RiskAssessmentView) => {
    onCourseChanged();
    void queryClient.invalidateQueries({ queryKey: courseKeys.part(course.id, 'risk') });
    // The course keeps the higher level: an assessment never lowers it (only a confirmed reduction does).
    const level = courseRiskLevelAfterAssessment(course.riskLevel, assessment.finalLevel);
    onMessage(
      level === assessment.finalLevel
        ? t('courses.risk.recorded', { level: t(`riskLevel.${level}`) })
        : t('courses.risk.recordedKept', { assessed: t(`riskLevel.${assessment.finalLevel}`), level: t(`riskLevel.${level}`) }),
    );
    document.getElementById('course-section-heading')?.focus();
  };
  const list = instruments.data ?? [];
  const instrumentOf = (assessment: RiskAssessmentView) => list.find((view) => view.definition.key === assessment.instrumentKey && view.definition.version === assessment.instrumentVersion);

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.risk')}</SectionHeading>
      <p>
        {t('courses.risk.current')} <CourseRiskLevel course={course} />
      </p>
      <BelowReferral course={course} />
      <RiskReductionPanel course={course} onCourseChanged={onCourseChanged} onMessage={onMessage} />
      {course.allowedActions.includes('assess_risk') ? (
        <Loaded query={instruments}>{(views) => <Assess courseId={course.id} instruments={views} onRecorded={recorded} />}</Loaded>
      ) : (
        <p>{course.status === 'closed' ? t('courses.closedReadOnly') : t('courses.readOnly')}</p>
      )}
      <h3>{t('courses.risk.historyHeading')}</h3>
      <Loaded query={history}>
        {(assessments) =>
          assessments.length === 0 ? (
            <p>{t('courses.risk.noHistory')}</p>
          ) : (
            <ul className="app-cards">
              {assessments.map((assessment) => (
                <AssessmentCard key={assessment.id} assessment={assessment} instrument={instrumentOf(assessment)} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** The service's own assessment came out below the referrer's rating: said out loud, never silently. */
function BelowReferral({ course }: { course: Course }) {
  const { t } = useTranslation();
  const referred = course.fromReferral?.riskLevel;
  if (!referred || course.riskLevelSource !== 'assessment' || course.riskLevel === null || compareRiskLevels(course.riskLevel, referred) >= 0) return null;
  return (
    <Alert variant="warning" heading={t('courses.risk.belowReferralHeading', { level: t(`riskLevel.${referred}`) })} headingLevel={3}>
      <p>{t('courses.risk.belowReferral')}</p>
    </Alert>
  );
}

type AssessProps = { courseId: string; instruments: readonly RiskInstrumentView[]; onRecorded: (assessment: RiskAssessmentView) => void };

/** The newest checklist first: the usual start; the judgement form is one choice away. */
function Assess({ courseId, instruments, onRecorded }: AssessProps) {
  const { t, i18n } = useTranslation();
  const [chosenId, setChosenId] = useState('');
  const defaultId = (instruments.find((view) => view.definition.kind === 'checklist') ?? instruments[0])?.id ?? '';
  const chosen = instruments.find((view) => view.id === (chosenId || defaultId));
  return (
    <>
      <SelectField
        fieldKey="risk.instrument"
        label={t('courses.risk.instrument')}
        hint={t('courses.risk.instrumentHint')}
        options={instruments.map((view) => ({ value: view.id, label: instrumentLabel(view.definition, i18n.resolvedLanguage, t) }))}
        value={chosen?.id ?? ''}
        onChange={setChosenId}
      />
      {chosen?.definition.kind === 'checklist' ? <ChecklistForm key={chosen.id} courseId={courseId} instrument={chosen.definition} onRecorded={onRecorded} /> : null}
      {chosen?.definition.kind === 'structured_judgement' ? <JudgementForm key={chosen.id} courseId={courseId} form={chosen.definition} onRecorded={onRecorded} /> : null}
    </>
  );
}

function instrumentLabel(instrument: RiskInstrument, language: string | undefined, t: TFunction): string {
  const kind: string = t(`courses.risk.kind.${instrument.kind}`);
  return t('courses.risk.instrumentOption', { title: localised(instrument.title, language), kind, version: instrument.version });
}

/** One assessment in the history: who, when, the level and how it came about; the answers on request. */
function AssessmentCard({ assessment, instrument }: { assessment: RiskAssessmentView; instrument: RiskInstrumentView | undefined }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const definition = instrument?.definition;
  return (
    <li className={assessment.finalLevel === 'high' ? 'app-card-high-risk' : undefined}>
      <p className="m-0">
        <strong>{definition ? localised(definition.title, i18n.resolvedLanguage) : `${assessment.instrumentKey} v${assessment.instrumentVersion}`}</strong> <CourseRiskBadge level={assessment.finalLevel} />
      </p>
      <p className="m-0 form-hint">{t('courses.byAt', { name: assessment.assessedBy.displayName, at: format.dateTime(assessment.assessedAt) })}</p>
      {assessment.checklistAnswers && definition?.kind === 'checklist' ? <p className="m-0">{describeChecklistLevel(definition, assessment.checklistAnswers, t, i18n.resolvedLanguage)}</p> : null}
      {assessment.yesCount !== null ? (
        <p className="m-0">{t('courses.risk.historyCounts', { yes: assessment.yesCount, unknown: assessment.unknownCount ?? 0, level: assessment.computedLevel ? t(`riskLevel.${assessment.computedLevel}`) : '–' })}</p>
      ) : (
        <p className="m-0">{t('courses.risk.noScore')}</p>
      )}
      {assessment.isRaisedByJudgement ? <p className="m-0 app-preserve-lines">{t('courses.risk.historyRaised', { level: t(`riskLevel.${assessment.finalLevel}`), reason: assessment.judgementReason ?? '' })}</p> : null}
      <details className="app-course-details">
        <summary>{t('courses.risk.answers')}</summary>
        {assessment.checklistAnswers ? <ChecklistAnswersView answers={assessment.checklistAnswers} definition={definition?.kind === 'checklist' ? definition : undefined} /> : null}
        {assessment.judgementAnswers ? <JudgementAnswersView answers={assessment.judgementAnswers} definition={definition?.kind === 'structured_judgement' ? definition : undefined} /> : null}
      </details>
    </li>
  );
}

function ChecklistAnswersView({ answers, definition }: { answers: NonNullable<RiskAssessmentView['checklistAnswers']>; definition: ChecklistInstrument | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <ol>
      {Object.entries(answers).map(([id, answer]) => {
        const item = definition?.items.find((candidate) => candidate.id === id);
        return (
          <li key={id}>
            {item ? localised(item.text, i18n.resolvedLanguage) : id}: <strong>{t(`yesNoUnknown.${answer}`)}</strong>
          </li>
        );
      })}
    </ol>
  );
}

function JudgementAnswersView({ answers, definition }: { answers: NonNullable<RiskAssessmentView['judgementAnswers']>; definition: StructuredJudgementForm | undefined }) {
  const { t, i18n } = useTranslation();
  const text = (value: { da: string; en: string }) => localised(value, i18n.resolvedLanguage);
  const factorLabel = (id: string) => definition?.factorGroups.flatMap((group) => group.factors).find((candidate) => candidate.id === id)?.label;
  const categoryLabel = (id: string) => definition?.strategyCategories.find((category) => category.id === id)?.label;
  return (
    <>
      <ul>
        {Object.entries(answers.factors).map(([id, factor]) => {
          const label = factorLabel(id);
          return (
            <li key={id}>
              {label ? text(label) : id}: {t(`courses.risk.presence.${factor.presence}`)}
              {factor.relevance ? ` (${t(`courses.risk.relevanceOption.${factor.relevance}`)})` : ''}
            </li>
          );
        })}
      </ul>
      {answers.scenarios.map((scenario, index) => (
        <p key={index} className="app-preserve-lines">
          {t('courses.risk.scenario', { number: index + 1 })}: {scenario.description}
        </p>
      ))}
      {answers.strategies.map((strategy, index) => {
        const label = categoryLabel(strategy.category);
        return (
          <p key={index} className="app-preserve-lines">
            {label ? text(label) : strategy.category}: {strategy.description}
          </p>
        );
      })}
      <p className="app-preserve-lines">
        {t('courses.risk.overallSummary', { level: t(`riskLevel.${answers.overall.level}`) })}
        {answers.overall.isImminent ? ` ${t('courses.risk.imminentShort')}` : ''} {answers.overall.rationale}
      </p>
    </>
  );
}
