import { checklistLevelFor, compareRiskLevels, RiskLevel, type ChecklistInstrument, type RiskAssessmentView, type YesNoUnknown } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordRiskAssessment } from '../../api';
import { RadioGroup, TextAreaField } from '../../ui/fields';
import { ActionForm, SubmitButton, useCourseAction } from './course-ui';
import { localised } from './rule-text';

const answers: readonly YesNoUnknown[] = ['yes', 'no', 'unknown'];

/**
 * A checklist assessment: yes / no / don't know per item, the band live as the answers come in, and professional
 * judgement that can raise the level (with a reason) but never lower it — the form does not even offer lower.
 */
export function ChecklistForm({ courseId, instrument, onRecorded }: { courseId: string; instrument: ChecklistInstrument; onRecorded: (assessment: RiskAssessmentView) => void }) {
  const { t, i18n } = useTranslation();
  const [given, setGiven] = useState<Record<string, YesNoUnknown>>({});
  const [judged, setJudged] = useState<RiskLevel | 'keep'>('keep');
  const [reason, setReason] = useState('');
  const action = useCourseAction('checklist', [...instrument.items.map((item) => `answers.${item.id}`), 'answers', 'judgedLevel', 'judgementReason', 'instrumentVersion']);

  const yesCount = instrument.items.filter((item) => given[item.id] === 'yes').length;
  const unknownCount = instrument.items.filter((item) => given[item.id] === 'unknown').length;
  const unanswered = instrument.items.filter((item) => given[item.id] === undefined);
  const computed = checklistLevelFor(instrument, yesCount);
  const higher = RiskLevel.options.filter((level) => compareRiskLevels(level, computed) > 0);
  const raisedTo = judged !== 'keep' && compareRiskLevels(judged, computed) > 0 ? judged : undefined;
  const level = raisedTo ?? computed;

  const submit = () => {
    const found: Record<string, string> = {};
    for (const item of unanswered) found[`checklist.answers.${item.id}`] = t('courses.risk.answerRequired', { number: instrument.items.indexOf(item) + 1 });
    if (raisedTo && !reason.trim()) found['checklist.judgementReason'] = t('courses.serverMessages.judgement_reason_required');
    if (Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      const recorded = await recordRiskAssessment(courseId, {
        kind: 'checklist',
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        answers: given,
        judgedLevel: raisedTo,
        judgementReason: raisedTo ? reason.trim() : undefined,
      });
      setGiven({});
      setJudged('keep');
      setReason('');
      onRecorded(recorded);
    });
  };

  const bands = instrument.bands.map((band, index) => {
    const next = instrument.bands[index + 1];
    return t(next ? 'courses.risk.bandRange' : 'courses.risk.bandFrom', { level: t(`riskLevel.${band.level}`), from: band.minYes, to: next ? next.minYes - 1 : 0 });
  });

  return (
    <ActionForm id="checklist" heading={localised(instrument.title, i18n.resolvedLanguage)} action={action} onSubmit={submit}>
      {instrument.description ? <p className="app-narrow">{localised(instrument.description, i18n.resolvedLanguage)}</p> : null}
      <p className="form-hint">{t('courses.risk.bands', { bands: bands.join('; ') })}</p>
      <ol className="app-course-checklist">
        {instrument.items.map((item, index) => (
          <li key={item.id}>
            <RadioGroup
              fieldKey={`checklist.answers.${item.id}`}
              legend={t('courses.risk.item', { number: index + 1, text: localised(item.text, i18n.resolvedLanguage) })}
              options={answers.map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))}
              value={given[item.id]}
              isInline
              error={action.errors[`checklist.answers.${item.id}`]}
              onChange={(value) => setGiven((current) => ({ ...current, [item.id]: value }))}
            />
          </li>
        ))}
      </ol>
      <div className="app-course-live-band" role="status" aria-live="polite" aria-atomic="true">
        <p className="m-0">
          {t('courses.risk.liveCounts', { yes: yesCount, total: instrument.items.length, unknown: unknownCount, unanswered: unanswered.length })}
        </p>
        <p className="m-0">
          <strong>{t('courses.risk.liveBand', { level: t(`riskLevel.${computed}`) })}</strong>
        </p>
      </div>
      {higher.length > 0 ? (
        <RadioGroup
          fieldKey="checklist.judgedLevel"
          legend={t('courses.risk.judgement')}
          hint={t('courses.risk.judgementHint')}
          options={[
            { value: 'keep' as const, label: t('courses.risk.keepLevel', { level: t(`riskLevel.${computed}`) }) },
            ...higher.map((value) => ({ value, label: t('courses.risk.raiseTo', { level: t(`riskLevel.${value}`) }) })),
          ]}
          value={raisedTo ?? 'keep'}
          error={action.errors['checklist.judgedLevel']}
          onChange={setJudged}
        />
      ) : (
        <p className="form-hint">{t('courses.risk.highestAlready')}</p>
      )}
      {raisedTo ? (
        <TextAreaField
          fieldKey="checklist.judgementReason"
          label={t('courses.risk.judgementReason')}
          maxLength={2000}
          rows={3}
          value={reason}
          error={action.errors['checklist.judgementReason']}
          onChange={(event) => setReason(event.target.value)}
        />
      ) : null}
      <p>
        <strong>{t('courses.risk.finalLevel', { level: t(`riskLevel.${level}`) })}</strong>
      </p>
      <SubmitButton isBusy={action.isBusy}>{t('courses.risk.save')}</SubmitButton>
    </ActionForm>
  );
}
