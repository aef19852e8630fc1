import { compareRiskLevels, RequestRiskReductionRequest, RiskLevel, type RiskReductionView } from '@bro/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { FormRadioGroup, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/fields';
import { useSession } from '../auth/useSession';
import { coursePath, serverMessage, useCourseForm, type SectionProps } from './course-ui';
import { courseKeys, decideRiskReduction, pendingRiskReductionsQuery, requestRiskReduction, riskReductionsQuery } from './courses.api';

/**
 * Lowering a course's risk level on purpose (issue 12 §3): on the course's risk section, the counsellor's reasoned
 * request and the course's reductions; on the supervision page, the supervisor's confirmation.
 */
export function RiskReductionPanel({ course, onCourseChanged, onMessage }: SectionProps) {
  const { session } = useSession();
  const reductions = useQuery(riskReductionsQuery(course.id));
  const mayRequest = course.allowedActions.includes('assess_risk') && (session?.permissions.includes('course:write') ?? false);
  return (
    <Loaded query={reductions}>
      {(list) => {
        const pending = list.find((reduction) => reduction.status === 'pending');
        const lower = RiskLevel.options.filter((level) => course.riskLevel !== null && compareRiskLevels(level, course.riskLevel) < 0);
        return (
          <>
            {pending ? <PendingNotice reduction={pending} /> : null}
            {!pending && mayRequest && lower.length > 0 ? <RequestForm course={course} levels={lower} onCourseChanged={onCourseChanged} onMessage={onMessage} /> : null}
            {list.length > 0 ? <ReductionHistory reductions={list} /> : null}
          </>
        );
      }}
    </Loaded>
  );
}

function PendingNotice({ reduction }: { reduction: RiskReductionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = (value: RiskLevel) => t(`riskLevel.${value}`);
  return (
    <Alert variant="info" heading={t('courses.riskReduction.pendingHeading')} headingLevel={3}>
      <p>{t('courses.riskReduction.pending', { name: reduction.requestedBy.displayName, from: level(reduction.fromLevel), to: level(reduction.toLevel), at: format.dateTime(reduction.requestedAt) })}</p>
      <p className="app-preserve-lines">{reduction.reason}</p>
    </Alert>
  );
}

type RequestValues = { toLevel: RiskLevel | undefined; reason: string };

function RequestForm({ course, levels, onMessage }: SectionProps & { levels: readonly RiskLevel[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useRequestSchema(RequestRiskReductionRequest, (values: RequestValues) => ({ toLevel: values.toLevel, reason: values.reason.trim() }), (t) => ({
    toLevel: t('courses.riskReduction.toLevelRequired'),
    reason: t('courses.serverMessages.reason_too_short'),
  }));
  const form = useCourseForm({
    schema,
    defaultValues: { toLevel: undefined, reason: '' },
    idPrefix: 'risk-reduction',
    onSubmit: async (request) => {
      const requested = await requestRiskReduction(course.id, request);
      await queryClient.invalidateQueries({ queryKey: courseKeys.part(course.id, 'risk-reductions') });
      onMessage(t('courses.riskReduction.requested', { level: t(`riskLevel.${requested.toLevel}`) }));
    },
  });
  return (
    <FormPanel id="risk-reduction" heading={t('courses.riskReduction.heading')} form={form}>
      <p>{t('courses.riskReduction.intro')}</p>
      <FormRadioGroup control={form.control} name="toLevel" legend={t('courses.riskReduction.toLevel')} options={levels.map((value) => ({ value, label: t(`riskLevel.${value}`) }))} />
      <FormTextAreaField control={form.control} name="reason" label={t('courses.riskReduction.reason')} hint={t('courses.riskReduction.reasonHint')} maxLength={4000} rows={4} />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.riskReduction.submit')}
      </SubmitButton>
    </FormPanel>
  );
}

function ReductionHistory({ reductions }: { reductions: readonly RiskReductionView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = (value: RiskLevel) => t(`riskLevel.${value}`);
  return (
    <>
      <h3>{t('courses.riskReduction.historyHeading')}</h3>
      <ul className="app-cards">
        {reductions.map((reduction) => (
          <li key={reduction.id}>
            <p className="m-0">
              <strong>{t('courses.riskReduction.line', { from: level(reduction.fromLevel), to: level(reduction.toLevel), status: t(`courses.riskReduction.status.${reduction.status}`) })}</strong>
            </p>
            <p className="m-0 form-hint">{t('courses.riskReduction.requestedBy', { name: reduction.requestedBy.displayName, at: format.dateTime(reduction.requestedAt) })}</p>
            <p className="m-0 app-preserve-lines">{reduction.reason}</p>
            {reduction.decidedBy && reduction.decidedAt ? (
              <p className="m-0 form-hint">
                {t('courses.riskReduction.decidedBy', { status: t(`courses.riskReduction.status.${reduction.status}`), name: reduction.decidedBy.displayName, at: format.dateTime(reduction.decidedAt) })}
              </p>
            ) : null}
            {reduction.decisionNote ? <p className="m-0 app-preserve-lines">{reduction.decisionNote}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** On the supervision page: the reductions waiting for this supervisor, each confirmed or rejected in one click. */
export function PendingRiskReductions() {
  const { t } = useTranslation();
  const pending = useQuery(pendingRiskReductionsQuery);
  return (
    <section className="app-section" aria-labelledby="pending-risk-reductions">
      <h2 id="pending-risk-reductions">{t('courses.riskReduction.supervisionHeading')}</h2>
      <p>{t('courses.riskReduction.supervisionIntro')}</p>
      <Loaded query={pending}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('courses.riskReduction.supervisionEmpty')}</p>
          ) : (
            <ul className="app-cards">
              {list.map((reduction) => (
                <PendingReduction key={reduction.id} reduction={reduction} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function PendingReduction({ reduction }: { reduction: RiskReductionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<string | undefined>();
  const level = (value: RiskLevel) => t(`riskLevel.${value}`);
  const decide = useMutation({
    mutationFn: (decision: 'confirm' | 'reject') => decideRiskReduction(reduction.courseId, reduction.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (decided) => {
      setOutcome(decided.status === 'confirmed' ? t('courses.riskReduction.confirmed', { level: level(decided.toLevel) }) : t('courses.riskReduction.rejected'));
      void queryClient.invalidateQueries({ queryKey: courseKeys.pendingRiskReductions() });
      void queryClient.invalidateQueries({ queryKey: courseKeys.one(reduction.courseId) });
    },
  });
  // A refusal names its field's code (`risk_level_changed` …), said in words; anything else, the server's own detail.
  const fieldError = decide.error?.fieldErrors[0];
  const failure = fieldError ? serverMessage(t, fieldError.message) : (decide.error?.detail ?? decide.error?.message);
  return (
    <li className={reduction.fromLevel === 'high' ? 'app-card-high-risk' : undefined}>
      <p className="m-0">
        <strong>{t('courses.riskReduction.line', { from: level(reduction.fromLevel), to: level(reduction.toLevel), status: t('courses.riskReduction.status.pending') })}</strong>
      </p>
      <p className="m-0 form-hint">{t('courses.riskReduction.requestedBy', { name: reduction.requestedBy.displayName, at: format.dateTime(reduction.requestedAt) })}</p>
      <p className="app-preserve-lines">{reduction.reason}</p>
      <p>
        <Link to={coursePath(reduction.courseId, 'risk')}>{t('courses.riskReduction.openCourse')}</Link>
      </p>
      {outcome ? (
        <p role="status">{outcome}</p>
      ) : (
        <>
          <TextAreaField fieldKey={`decision-note-${reduction.id}`} label={t('courses.riskReduction.note')} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={2} />
          {failure ? <Alert variant="error" role="alert" headingLevel={3} heading={failure} /> : null}
          <div className="app-button-row">
            <button type="button" className="button button-primary" disabled={decide.isPending} onClick={() => decide.mutate('confirm')}>
              {t('courses.riskReduction.confirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
              {t('courses.riskReduction.reject')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
