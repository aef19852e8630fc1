import type { RiskAssessmentView, RiskInstrument, RiskInstrumentView } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { SelectField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { ChecklistForm } from './ChecklistForm';
import { CourseRiskBadge, SectionHeading, type SectionProps } from './course-ui';
import { JudgementForm } from './JudgementForm';
import { localised } from './rule-text';
import { useRiskAssessments, useRiskInstruments } from './useCourses';

/** Risk assessment: choose an instrument and its version, assess, and see the course's risk history. */
export function RiskSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t, i18n } = useTranslation();
  const instruments = useRiskInstruments();
  const history = useRiskAssessments(course.id);
  const [chosenId, setChosenId] = useState('');
  const canAssess = course.allowedActions.includes('assess_risk');

  // The newest checklist first: the usual start; the judgement form is one choice away.
  const list = instruments.data ?? [];
  const defaultId = (list.find((view) => view.definition.kind === 'checklist') ?? list[0])?.id ?? '';
  const chosen = list.find((view) => view.id === (chosenId || defaultId));

  const recorded = (assessment: RiskAssessmentView) => {
    onCourseChanged();
    void history.reload();
    onMessage(t('courses.risk.recorded', { level: t(`riskLevel.${assessment.finalLevel}`) }));
    document.getElementById('course-section-heading')?.focus();
  };

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.risk')}</SectionHeading>
      <p>
        {t('courses.risk.current')} <CourseRiskBadge level={course.riskLevel} />
      </p>
      {canAssess ? (
        instruments.error ? (
          <LoadFailed message={instruments.error.detail ?? t('errors.network')} onRetry={() => void instruments.reload()} />
        ) : !instruments.data ? (
          <Loading />
        ) : (
          <>
            <SelectField
              fieldKey="risk.instrument"
              label={t('courses.risk.instrument')}
              hint={t('courses.risk.instrumentHint')}
              options={list.map((view) => ({ value: view.id, label: instrumentLabel(view.definition, i18n.resolvedLanguage, t) }))}
              value={chosen?.id ?? ''}
              onChange={setChosenId}
            />
            {chosen?.definition.kind === 'checklist' ? <ChecklistForm key={chosen.id} courseId={course.id} instrument={chosen.definition} onRecorded={recorded} /> : null}
            {chosen?.definition.kind === 'structured_judgement' ? <JudgementForm key={chosen.id} courseId={course.id} form={chosen.definition} onRecorded={recorded} /> : null}
          </>
        )
      ) : (
        <p>{course.status === 'closed' ? t('courses.closedReadOnly') : t('courses.readOnly')}</p>
      )}

      <h3>{t('courses.risk.historyHeading')}</h3>
      {history.error ? (
        <LoadFailed message={history.error.detail ?? t('errors.network')} onRetry={() => void history.reload()} />
      ) : !history.data ? (
        <Loading />
      ) : history.data.length === 0 ? (
        <p>{t('courses.risk.noHistory')}</p>
      ) : (
        <ul className="app-cards">
          {history.data.map((assessment) => (
            <AssessmentCard key={assessment.id} assessment={assessment} instrument={list.find((view) => view.definition.key === assessment.instrumentKey && view.definition.version === assessment.instrumentVersion)} />
          ))}
        </ul>
      )}
    </section>
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
  const text = (value: { da: string; en: string }) => localised(value, i18n.resolvedLanguage);
  return (
    <li className={assessment.finalLevel === 'high' ? 'app-card-high-risk' : undefined}>
      <p className="m-0">
        <strong>{definition ? text(definition.title) : `${assessment.instrumentKey} v${assessment.instrumentVersion}`}</strong> <CourseRiskBadge level={assessment.finalLevel} />
      </p>
      <p className="m-0 form-hint">{t('courses.byAt', { name: assessment.assessedBy.displayName, at: format.dateTime(assessment.assessedAt) })}</p>
      {assessment.yesCount !== null ? (
        <p className="m-0">{t('courses.risk.historyCounts', { yes: assessment.yesCount, unknown: assessment.unknownCount ?? 0, level: assessment.computedLevel ? t(`riskLevel.${assessment.computedLevel}`) : '–' })}</p>
      ) : (
        <p className="m-0">{t('courses.risk.noScore')}</p>
      )}
      {assessment.isRaisedByJudgement ? <p className="m-0 app-preserve-lines">{t('courses.risk.historyRaised', { level: t(`riskLevel.${assessment.finalLevel}`), reason: assessment.judgementReason ?? '' })}</p> : null}
      <details className="app-course-details">
        <summary>{t('courses.risk.answers')}</summary>
        {assessment.checklistAnswers ? (
          <ol>
            {Object.entries(assessment.checklistAnswers).map(([id, answer]) => {
              const item = definition?.kind === 'checklist' ? definition.items.find((candidate) => candidate.id === id) : undefined;
              return (
                <li key={id}>
                  {item ? text(item.text) : id}: <strong>{t(`yesNoUnknown.${answer}`)}</strong>
                </li>
              );
            })}
          </ol>
        ) : null}
        {assessment.judgementAnswers ? (
          <>
            <ul>
              {Object.entries(assessment.judgementAnswers.factors).map(([id, factor]) => {
                const label = definition?.kind === 'structured_judgement' ? definition.factorGroups.flatMap((group) => group.factors).find((candidate) => candidate.id === id)?.label : undefined;
                return (
                  <li key={id}>
                    {label ? text(label) : id}: {t(`courses.risk.presence.${factor.presence}`)}
                    {factor.relevance ? ` (${t(`courses.risk.relevanceOption.${factor.relevance}`)})` : ''}
                  </li>
                );
              })}
            </ul>
            {assessment.judgementAnswers.scenarios.map((scenario, index) => (
              <p key={index} className="app-preserve-lines">
                {t('courses.risk.scenario', { number: index + 1 })}: {scenario.description}
              </p>
            ))}
            {assessment.judgementAnswers.strategies.map((strategy, index) => (
              <p key={index} className="app-preserve-lines">
                {definition?.kind === 'structured_judgement' ? text(definition.strategyCategories.find((category) => category.id === strategy.category)?.label ?? { da: strategy.category, en: strategy.category }) : strategy.category}:{' '}
                {strategy.description}
              </p>
            ))}
            <p className="app-preserve-lines">
              {t('courses.risk.overallSummary', { level: t(`riskLevel.${assessment.judgementAnswers.overall.level}`) })}
              {assessment.judgementAnswers.overall.isImminent ? ` ${t('courses.risk.imminentShort')}` : ''} {assessment.judgementAnswers.overall.rationale}
            </p>
          </>
        ) : null}
      </details>
    </li>
  );
}
