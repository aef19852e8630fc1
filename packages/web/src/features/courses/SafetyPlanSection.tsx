import { ImportantDocument, isAddressProtected, type Course, type SafetyPlanContent, type SafetyPlanView, type SavedSafetyPlan } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Loaded } from '../../api/Loaded';
import { FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { safetyPlanPrintUrl, safetyPlanQuery, safetyPlanVersionQuery, saveSafetyPlan } from './courses.api';
import type { courseWorkDa } from './course-work.da';
import { RecordListField, type RecordFieldSpec } from './RecordListField';
import { contentOf, draftOf, planLists, validatePlan, type PlanList, type PlanValues } from './safety-plan-form';

/** The safety plan: structured, saved as a new version each time it changes, printable without protected addresses. */
export function SafetyPlanSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery(safetyPlanQuery(course.id));
  const saved = ({ isUnchanged, ...view }: SavedSafetyPlan) => {
    const version = view.current?.version ?? 1;
    if (isUnchanged) return onMessage(t('courses.safetyPlan.unchanged', { version }));
    queryClient.setQueryData(safetyPlanQuery(course.id).queryKey, view);
    onCourseChanged();
    onMessage(t('courses.safetyPlan.saved', { version }));
  };
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.safety-plan')}</SectionHeading>
      {isAddressProtected(course.addressProtection) ? (
        <Alert variant="info" heading={t('courses.safetyPlan.protectedHeading')} headingLevel={3}>
          <p>{t('courses.safetyPlan.protected')}</p>
        </Alert>
      ) : null}
      <Loaded query={plan}>
        {(data) => (
          <>
            <PrintLinks course={course} plan={data} />
            {course.allowedActions.includes('update_safety_plan') ? (
              <PlanEditor key={data.current?.version ?? 0} course={course} plan={data} onSaved={saved} onStale={() => void plan.refetch()} />
            ) : data.current ? (
              <PlanContentView content={data.current.content} />
            ) : (
              <p>{t('courses.safetyPlan.none')}</p>
            )}
            <Versions course={course} plan={data} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function PrintLinks({ course, plan }: { course: Course; plan: SafetyPlanView }) {
  const { t } = useTranslation();
  if (!plan.current) return <p>{t('courses.safetyPlan.none')}</p>;
  return (
    <p>
      <a href={safetyPlanPrintUrl(course.id, currentLanguage())} target="_blank" rel="noopener noreferrer">
        {t('courses.safetyPlan.print', { version: plan.current.version })}
      </a>
    </p>
  );
}

/** Someone else saved a newer version meanwhile: this draft is based on an old one. */
const isStaleVersion = (error: unknown) => error instanceof ApiError && error.fieldErrors.some((problem) => problem.message === 'stale_version');

type EditorProps = { course: Course; plan: SafetyPlanView; onSaved: (plan: SavedSafetyPlan) => void; onStale: () => void };

function PlanEditor({ course, plan, onSaved, onStale }: EditorProps) {
  const { t } = useTranslation();
  const [isStale, setIsStale] = useState(false);
  const schema = useMemo(() => checkedBy<PlanValues>((values) => validatePlan(values.content, t)).transform((values) => contentOf(values.content)), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: { content: draftOf(plan.current?.content) },
    idPrefix: 'plan',
    onSubmit: async (content) => {
      try {
        onSaved(await saveSafetyPlan(course.id, { content, basedOnVersion: plan.current?.version ?? null }));
      } catch (error) {
        setIsStale(isStaleVersion(error));
        throw error;
      }
    },
  });
  return (
    <FormPanel id="safety-plan" heading={plan.current ? t('courses.safetyPlan.editHeading', { version: plan.current.version }) : t('courses.safetyPlan.newHeading')} form={form}>
      {isStale ? (
        <p>
          <button type="button" className="button button-secondary" onClick={onStale}>
            {t('courses.safetyPlan.reload')}
          </button>
        </p>
      ) : null}
      <PlanLists control={form.control} course={course} />
      <FormTextAreaField control={form.control} name="content.notes" label={t('courses.safetyPlan.field.notes')} maxLength={4000} rows={4} />
      <SubmitButton isBusy={form.isBusy}>{t('courses.safetyPlan.save')}</SubmitButton>
    </FormPanel>
  );
}

type FieldLabel = keyof typeof courseWorkDa.safetyPlan.field;

/** The plan's lists in the order they are talked through with the person. */
function PlanLists({ control, course }: { control: Control<PlanValues, unknown, unknown>; course: Course }) {
  const { t } = useTranslation();
  const field = (key: string, label: FieldLabel, extra: Partial<RecordFieldSpec> = {}): RecordFieldSpec => ({ key, label: t(`courses.safetyPlan.field.${label}`), ...extra });
  const documentOptions = ImportantDocument.options.map((value) => ({ value, label: t(`courses.safetyPlan.document.${value}`) }));
  const addressHint = isAddressProtected(course.addressProtection) ? t('courses.safetyPlan.addressHidden') : undefined;
  const specs: Record<PlanList, readonly RecordFieldSpec[]> = {
    safePeople: [field('name', 'name', { maxLength: 200 }), field('howToReach', 'howToReach', { maxLength: 200 }), field('note', 'note', { kind: 'textarea', maxLength: 1000 })],
    safePlaces: [field('name', 'place', { maxLength: 200 }), field('address', 'address', { maxLength: 300, hint: addressHint }), field('note', 'note', { kind: 'textarea', maxLength: 1000 })],
    warningSigns: [field('text', 'sign', { maxLength: 500 })],
    emergencySteps: [field('text', 'step', { maxLength: 500 })],
    children: [field('name', 'childName', { maxLength: 100 }), field('plan', 'childPlan', { kind: 'textarea', maxLength: 2000 })],
    importantDocuments: [field('document', 'document', { kind: 'select', options: documentOptions }), field('whereKept', 'whereKept', { maxLength: 300 }), field('note', 'note', { maxLength: 500 })],
    codeWords: [field('word', 'word', { maxLength: 100 }), field('meaning', 'meaning', { maxLength: 300 })],
  };
  return (Object.keys(specs) as PlanList[]).map((list) => (
    <RecordListField
      key={list}
      control={control}
      list={list}
      legend={t(`courses.safetyPlan.lists.${list}.legend`)}
      hint={list === 'emergencySteps' ? t('courses.safetyPlan.stepsHint') : undefined}
      itemLegend={(number) => t(`courses.safetyPlan.lists.${list}.item`, { number })}
      addLabel={t(`courses.safetyPlan.lists.${list}.add`)}
      removeLabel={(number) => t(`courses.safetyPlan.lists.${list}.remove`, { number })}
      fields={specs[list]}
      max={planLists[list].max}
    />
  ));
}

/** A plan version, read-only. */
function PlanContentView({ content }: { content: SafetyPlanContent }) {
  const { t } = useTranslation();
  const block = (name: PlanList, items: string[]) =>
    items.length === 0 ? null : (
      <div key={name}>
        <h4>{t(`courses.safetyPlan.lists.${name}.legend`)}</h4>
        <ul>
          {items.map((item, index) => (
            <li key={index} className="app-preserve-lines">
              {item}
            </li>
          ))}
        </ul>
      </div>
    );
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' – ');
  return (
    <div className="app-course-plan">
      {block('safePeople', content.safePeople.map((person) => join(person.name, person.howToReach, person.note)))}
      {block('safePlaces', content.safePlaces.map((place) => join(place.name, place.address, place.note)))}
      {block('warningSigns', content.warningSigns)}
      {block('emergencySteps', content.emergencySteps)}
      {block('children', content.children.map((child) => join(child.name, child.plan)))}
      {block('importantDocuments', content.importantDocuments.map((document) => join(t(`courses.safetyPlan.document.${document.document}`), document.whereKept, document.note)))}
      {block('codeWords', content.codeWords.map((code) => join(code.word, code.meaning)))}
      {content.notes ? <p className="app-preserve-lines">{content.notes}</p> : null}
    </div>
  );
}

function Versions({ course, plan }: { course: Course; plan: SafetyPlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shownVersion, setShownVersion] = useState<number>();
  const shown = useQuery({ ...safetyPlanVersionQuery(course.id, shownVersion ?? 0), enabled: shownVersion !== undefined });
  // The version shows below the list: focus its heading so it is seen and read.
  useEffect(() => {
    if (shown.data) document.getElementById('plan-version-heading')?.focus();
  }, [shown.data]);
  if (plan.versions.length === 0) return null;
  return (
    <>
      <h3>{t('courses.safetyPlan.versionsHeading')}</h3>
      <ul className="app-cards">
        {plan.versions.map((version) => (
          <li key={version.version}>
            <p className="m-0">
              <strong>{t('courses.safetyPlan.version', { version: version.version })}</strong> · {t('courses.byAt', { name: version.createdBy.displayName, at: format.dateTime(version.createdAt) })}
            </p>
            <div className="app-button-row mt-3">
              <button type="button" className="button button-secondary" onClick={() => setShownVersion(version.version)}>
                {t('courses.safetyPlan.showVersion', { version: version.version })}
              </button>
              <a href={safetyPlanPrintUrl(course.id, currentLanguage(), version.version)} target="_blank" rel="noopener noreferrer">
                {t('courses.safetyPlan.printVersion', { version: version.version })}
              </a>
            </div>
          </li>
        ))}
      </ul>
      {shown.error ? (
        <p className="form-error-message" role="alert">
          {t('errors.unexpected')}
        </p>
      ) : null}
      {shown.data ? (
        <section className="app-section" aria-labelledby="plan-version-heading">
          <h3 id="plan-version-heading" tabIndex={-1} className="app-page-heading">
            {t('courses.safetyPlan.version', { version: shown.data.version })}
          </h3>
          <PlanContentView content={shown.data.content} />
        </section>
      ) : null}
    </>
  );
}
