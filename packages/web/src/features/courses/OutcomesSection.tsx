import { ViolenceForm, type Course, type OutcomePhase, type SessionView } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordOutcome } from '../../api';
import { useFormat } from '../../i18n/format';
import { CheckboxGroup, RadioGroup, SelectField } from '../../ui/fields';
import { ActionForm, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { useCourseSessions } from './useCourses';

const scale = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
type Rating = (typeof scale)[number];
const phases: readonly OutcomePhase[] = ['first', 'last'];

/**
 * The person's own ratings at the first and the last session — sense of safety (tryghed) and options for action
 * (handlemuligheder), 0–10 — and which forms of violence are present. Stored as data for the statistics.
 */
export function OutcomesSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const sessions = useCourseSessions(course.id);
  const attended = (sessions.data?.sessions ?? []).filter((session) => session.attendance === 'attended');
  const canRecord = course.allowedActions.includes('record_outcome');
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.outcomes')}</SectionHeading>
      <p className="app-narrow">{t('courses.outcomes.intro')}</p>
      <Comparison course={course} />
      {phases.map((phase) =>
        canRecord ? (
          <OutcomeForm
            key={phase}
            course={course}
            phase={phase}
            attended={attended}
            onSaved={() => {
              onCourseChanged();
              onMessage(t(`courses.outcomes.saved.${phase}`));
            }}
          />
        ) : null,
      )}
    </section>
  );
}

function Comparison({ course }: { course: Course }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (course.outcomes.length === 0) return <p>{t('courses.outcomes.none')}</p>;
  return (
    <div className="app-table-wrapper">
      <table className="table table--borderless">
        <caption>{t('courses.outcomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('courses.outcomes.phaseColumn')}</th>
            <th scope="col">{t('courses.outcomes.safety')}</th>
            <th scope="col">{t('courses.outcomes.options')}</th>
            <th scope="col">{t('courses.outcomes.forms')}</th>
            <th scope="col">{t('courses.outcomes.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {course.outcomes.map((outcome) => (
            <tr key={outcome.phase}>
              <th scope="row">{t(`courses.outcomes.phase.${outcome.phase}`)}</th>
              <td>{outcome.safety}</td>
              <td>{outcome.options}</td>
              <td>{outcome.violenceForms.length ? outcome.violenceForms.map((form) => t(`courses.violenceForm.${form}`)).join(', ') : t('courses.none')}</td>
              <td>{t('courses.byAt', { name: outcome.recordedBy.displayName, at: format.dateTime(outcome.recordedAt) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeForm({ course, phase, attended, onSaved }: { course: Course; phase: OutcomePhase; attended: readonly SessionView[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const existing = course.outcomes.find((outcome) => outcome.phase === phase);
  const [safety, setSafety] = useState<Rating | undefined>(existing ? (String(existing.safety) as Rating) : undefined);
  const [options, setOptions] = useState<Rating | undefined>(existing ? (String(existing.options) as Rating) : undefined);
  const [forms, setForms] = useState<ViolenceForm[]>(existing ? [...existing.violenceForms] : []);
  const [sessionId, setSessionId] = useState(existing?.sessionId ?? '');
  const prefix = `outcome-${phase}`;
  const action = useCourseAction(prefix, ['safety', 'options', 'violenceForms', 'sessionId']);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!safety) found[`${prefix}.safety`] = t('courses.outcomes.ratingRequired');
    if (!options) found[`${prefix}.options`] = t('courses.outcomes.ratingRequired');
    if (!safety || !options) return action.fail(found);
    void action.run(async () => {
      await recordOutcome(course.id, phase, { safety: Number(safety), options: Number(options), violenceForms: forms, sessionId: sessionId || undefined });
      onSaved();
    });
  };

  return (
    <ActionForm id={prefix} heading={t(`courses.outcomes.heading.${phase}`)} action={action} onSubmit={submit}>
      <RadioGroup
        fieldKey={`${prefix}.safety`}
        legend={t('courses.outcomes.safetyQuestion')}
        hint={t('courses.outcomes.safetyHint')}
        options={scale.map((value) => ({ value, label: value }))}
        value={safety}
        isInline
        error={action.errors[`${prefix}.safety`]}
        onChange={setSafety}
      />
      <RadioGroup
        fieldKey={`${prefix}.options`}
        legend={t('courses.outcomes.optionsQuestion')}
        hint={t('courses.outcomes.optionsHint')}
        options={scale.map((value) => ({ value, label: value }))}
        value={options}
        isInline
        error={action.errors[`${prefix}.options`]}
        onChange={setOptions}
      />
      <CheckboxGroup<ViolenceForm>
        fieldKey={`${prefix}.violenceForms`}
        legend={t('courses.outcomes.formsQuestion')}
        options={ViolenceForm.options.map((value) => ({ value, label: t(`courses.violenceForm.${value}`) }))}
        values={forms}
        error={action.errors[`${prefix}.violenceForms`]}
        onChange={setForms}
      />
      {attended.length > 0 ? (
        <SelectField
          fieldKey={`${prefix}.sessionId`}
          label={t('courses.outcomes.session')}
          options={attended.map((session) => ({ value: session.id, label: format.dateTime(session.plannedAt) }))}
          value={sessionId}
          emptyLabel={t('courses.outcomes.noSession')}
          error={action.errors[`${prefix}.sessionId`]}
          onChange={setSessionId}
        />
      ) : null}
      <SubmitButton isBusy={action.isBusy}>{t(`courses.outcomes.save.${phase}`)}</SubmitButton>
    </ActionForm>
  );
}
