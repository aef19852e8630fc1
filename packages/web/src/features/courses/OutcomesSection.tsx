import { RecordOutcomeRequest, ViolenceForm, type Course, type OutcomePhase, type SessionView } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormCheckboxGroup, FormRadioGroup, FormSelectField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { TableFrame } from '../../ui/TableFrame';
import { recordOutcome, sessionsQuery } from './courses.api';

const scale = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
type Rating = (typeof scale)[number];
const phases: readonly OutcomePhase[] = ['first', 'last'];

/**
 * The person's own ratings at the first and the last session — sense of safety (tryghed) and options for action
 * (handlemuligheder), 0–10 — and which forms of violence are present. Stored as data for the statistics.
 */
export function OutcomesSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const sessions = useQuery(sessionsQuery(course.id));
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
    <TableFrame
      caption={t('courses.outcomes.caption')}
      isCaptionHidden={false}
      isResponsive={false}
      columns={[t('courses.outcomes.phaseColumn'), t('courses.outcomes.safety'), t('courses.outcomes.options'), t('courses.outcomes.forms'), t('courses.outcomes.recorded')]}
    >
      {course.outcomes.map((outcome) => (
        <tr key={outcome.phase}>
          <th scope="row">{t(`courses.outcomes.phase.${outcome.phase}`)}</th>
          <td>{outcome.safety}</td>
          <td>{outcome.options}</td>
          <td>{outcome.violenceForms.length ? outcome.violenceForms.map((form) => t(`courses.violenceForm.${form}`)).join(', ') : t('courses.none')}</td>
          <td>{t('courses.byAt', { name: outcome.recordedBy.displayName, at: format.dateTime(outcome.recordedAt) })}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

type OutcomeValues = { safety: Rating | undefined; options: Rating | undefined; violenceForms: ViolenceForm[]; sessionId: string };
type OutcomeFormProps = { course: Course; phase: OutcomePhase; attended: readonly SessionView[]; onSaved: () => void };

function OutcomeForm({ course, phase, attended, onSaved }: OutcomeFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const existing = course.outcomes.find((outcome) => outcome.phase === phase);
  const schema = useRequestSchema(
    RecordOutcomeRequest,
    (values: OutcomeValues) => ({ ...values, safety: rating(values.safety), options: rating(values.options), sessionId: values.sessionId || undefined }),
    (t) => ({ safety: t('courses.outcomes.ratingRequired'), options: t('courses.outcomes.ratingRequired') }),
  );
  const form = useCourseForm({
    schema,
    defaultValues: {
      safety: existing ? (String(existing.safety) as Rating) : undefined,
      options: existing ? (String(existing.options) as Rating) : undefined,
      violenceForms: existing ? [...existing.violenceForms] : [],
      sessionId: existing?.sessionId ?? '',
    },
    idPrefix: `outcome-${phase}`,
    onSubmit: async (request) => {
      await recordOutcome(course.id, phase, request);
      onSaved();
    },
  });
  const ratings = scale.map((value) => ({ value, label: value }));
  return (
    <FormPanel id={`outcome-${phase}`} heading={t(`courses.outcomes.heading.${phase}`)} form={form}>
      <FormRadioGroup control={form.control} name="safety" legend={t('courses.outcomes.safetyQuestion')} hint={t('courses.outcomes.safetyHint')} options={ratings} isInline />
      <FormRadioGroup control={form.control} name="options" legend={t('courses.outcomes.optionsQuestion')} hint={t('courses.outcomes.optionsHint')} options={ratings} isInline />
      <FormCheckboxGroup<OutcomeValues, ViolenceForm>
        control={form.control}
        name="violenceForms"
        legend={t('courses.outcomes.formsQuestion')}
        options={ViolenceForm.options.map((value) => ({ value, label: t(`courses.violenceForm.${value}`) }))}
      />
      {attended.length > 0 ? (
        <FormSelectField
          control={form.control}
          name="sessionId"
          label={t('courses.outcomes.session')}
          options={attended.map((session) => ({ value: session.id, label: format.dateTime(session.plannedAt) }))}
          emptyLabel={t('courses.outcomes.noSession')}
        />
      ) : null}
      <SubmitButton isBusy={form.isBusy}>{t(`courses.outcomes.save.${phase}`)}</SubmitButton>
    </FormPanel>
  );
}

/** A rating chosen on the 0–10 scale as a number; nothing chosen stays unset (and is refused). */
const rating = (value: Rating | undefined) => (value === undefined ? undefined : Number(value));
