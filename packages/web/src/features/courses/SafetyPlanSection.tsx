import { ImportantDocument, isAddressProtected, type Course, type SafetyPlanContent, type SafetyPlanVersionView, type SafetyPlanView } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSafetyPlanVersion, safetyPlanPrintUrl, saveSafetyPlan } from '../../api';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { TextAreaField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { ActionForm, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { RecordListField, type RecordFieldSpec } from './RecordListField';
import { contentOf, draftOf, planLists, validatePlan, type PlanDraft, type PlanList } from './safety-plan-form';
import { useSafetyPlan } from './useCourses';

/** The safety plan: structured, saved as a new version each time, printable without protected addresses. */
export function SafetyPlanSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const plan = useSafetyPlan(course.id);
  const canEdit = course.allowedActions.includes('update_safety_plan');

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.safety-plan')}</SectionHeading>
      {isAddressProtected(course.addressProtection) ? (
        <Alert variant="info" heading={t('courses.safetyPlan.protectedHeading')} headingLevel={3}>
          <p>{t('courses.safetyPlan.protected')}</p>
        </Alert>
      ) : null}
      {plan.error ? (
        <LoadFailed message={plan.error.detail ?? t('errors.network')} onRetry={() => void plan.reload()} />
      ) : !plan.data ? (
        <Loading />
      ) : (
        <>
          <PrintLinks course={course} plan={plan.data} />
          {canEdit ? (
            <PlanEditor
              key={plan.data.current?.version ?? 0}
              course={course}
              plan={plan.data}
              onSaved={(saved) => {
                plan.setData(saved);
                onCourseChanged();
                onMessage(t('courses.safetyPlan.saved', { version: saved.current?.version ?? 1 }));
              }}
              onStale={() => void plan.reload()}
            />
          ) : plan.data.current ? (
            <PlanContentView content={plan.data.current.content} />
          ) : (
            <p>{t('courses.safetyPlan.none')}</p>
          )}
          <Versions course={course} plan={plan.data} />
        </>
      )}
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

function PlanEditor({ course, plan, onSaved, onStale }: { course: Course; plan: SafetyPlanView; onSaved: (plan: SafetyPlanView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plan.current?.content));
  const action = useCourseAction('plan', [...listFieldKeys(), 'content.notes', 'content', 'basedOnVersion']);
  const setList = (list: PlanList) => (items: PlanDraft[PlanList]) => setDraft((current) => ({ ...current, [list]: items }));
  const documentOptions = ImportantDocument.options.map((value) => ({ value, label: t(`courses.safetyPlan.document.${value}`) }));

  const submit = () => {
    const found = validatePlan(draft, t);
    if (Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => onSaved(await saveSafetyPlan(course.id, { content: contentOf(draft), basedOnVersion: plan.current?.version ?? null })));
  };

  const list = (name: PlanList, fields: readonly RecordFieldSpec[], hint?: string) => (
    <RecordListField
      listKey={`plan.content.${name}`}
      legend={t(`courses.safetyPlan.lists.${name}.legend`)}
      hint={hint}
      itemLegend={(number) => t(`courses.safetyPlan.lists.${name}.item`, { number })}
      addLabel={t(`courses.safetyPlan.lists.${name}.add`)}
      removeLabel={(number) => t(`courses.safetyPlan.lists.${name}.remove`, { number })}
      fields={fields}
      items={draft[name]}
      max={planLists[name].max}
      errors={action.errors}
      onChange={setList(name)}
    />
  );

  return (
    <ActionForm id="safety-plan" heading={plan.current ? t('courses.safetyPlan.editHeading', { version: plan.current.version }) : t('courses.safetyPlan.newHeading')} action={action} onSubmit={submit}>
      {action.errors['plan.basedOnVersion'] ? (
        <p>
          <button type="button" className="button button-secondary" onClick={onStale}>
            {t('courses.safetyPlan.reload')}
          </button>
        </p>
      ) : null}
      {list('safePeople', [
        { key: 'name', label: t('courses.safetyPlan.field.name'), maxLength: 200 },
        { key: 'howToReach', label: t('courses.safetyPlan.field.howToReach'), maxLength: 200 },
        { key: 'note', label: t('courses.safetyPlan.field.note'), kind: 'textarea', maxLength: 1000 },
      ])}
      {list(
        'safePlaces',
        [
          { key: 'name', label: t('courses.safetyPlan.field.place'), maxLength: 200 },
          { key: 'address', label: t('courses.safetyPlan.field.address'), maxLength: 300, hint: isAddressProtected(course.addressProtection) ? t('courses.safetyPlan.addressHidden') : undefined },
          { key: 'note', label: t('courses.safetyPlan.field.note'), kind: 'textarea', maxLength: 1000 },
        ],
      )}
      {list('warningSigns', [{ key: 'text', label: t('courses.safetyPlan.field.sign'), maxLength: 500 }])}
      {list('emergencySteps', [{ key: 'text', label: t('courses.safetyPlan.field.step'), maxLength: 500 }], t('courses.safetyPlan.stepsHint'))}
      {list('children', [
        { key: 'name', label: t('courses.safetyPlan.field.childName'), maxLength: 100 },
        { key: 'plan', label: t('courses.safetyPlan.field.childPlan'), kind: 'textarea', maxLength: 2000 },
      ])}
      {list('importantDocuments', [
        { key: 'document', label: t('courses.safetyPlan.field.document'), kind: 'select', options: documentOptions },
        { key: 'whereKept', label: t('courses.safetyPlan.field.whereKept'), maxLength: 300 },
        { key: 'note', label: t('courses.safetyPlan.field.note'), maxLength: 500 },
      ])}
      {list('codeWords', [
        { key: 'word', label: t('courses.safetyPlan.field.word'), maxLength: 100 },
        { key: 'meaning', label: t('courses.safetyPlan.field.meaning'), maxLength: 300 },
      ])}
      <TextAreaField
        fieldKey="plan.content.notes"
        label={t('courses.safetyPlan.field.notes')}
        maxLength={4000}
        rows={4}
        value={draft.notes}
        error={action.errors['plan.content.notes']}
        onChange={(event) => setDraft((current) => ({ ...current, notes: event.target.value }))}
      />
      <SubmitButton isBusy={action.isBusy}>{t('courses.safetyPlan.save')}</SubmitButton>
    </ActionForm>
  );
}

/** Every field key a server error could name, so each lands on its own field. */
function listFieldKeys(): string[] {
  return (Object.keys(planLists) as PlanList[]).flatMap((list) =>
    Array.from({ length: planLists[list].max }, (_, index) => planLists[list].fields.map((field) => `content.${list}.${index}.${field.key}`)).flat(),
  );
}

/** A plan version, read-only. */
export function PlanContentView({ content }: { content: SafetyPlanContent }) {
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
  const [shown, setShown] = useState<SafetyPlanVersionView>();
  const [error, setError] = useState<string>();
  if (plan.versions.length === 0) return null;
  const show = (version: number) =>
    void fetchSafetyPlanVersion(course.id, version).then(
      (loaded) => {
        setShown(loaded);
        setError(undefined);
        // The version shows below the list: focus its heading so it is seen and read.
        window.setTimeout(() => document.getElementById('plan-version-heading')?.focus(), 0);
      },
      () => setError(t('errors.unexpected')),
    );
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
              <button type="button" className="button button-secondary" onClick={() => show(version.version)}>
                {t('courses.safetyPlan.showVersion', { version: version.version })}
              </button>
              <a href={safetyPlanPrintUrl(course.id, currentLanguage(), version.version)} target="_blank" rel="noopener noreferrer">
                {t('courses.safetyPlan.printVersion', { version: version.version })}
              </a>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error-message" role="alert">
          {error}
        </p>
      ) : null}
      {shown ? (
        <section className="app-section" aria-labelledby="plan-version-heading">
          <h3 id="plan-version-heading" tabIndex={-1} className="app-page-heading">
            {t('courses.safetyPlan.version', { version: shown.version })}
          </h3>
          <PlanContentView content={shown.content} />
        </section>
      ) : null}
    </>
  );
}
