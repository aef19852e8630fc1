import type { ConsentDataCategory, ConsentMethod, Course, OnwardServiceOption, ReferralForReferrer, YesNoUnknown } from '@bro/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey, referOnward } from '../../api';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { Timeline } from '../../ui/Timeline';
import { allConsentCategories, defaultConsentCategories, toDateTimeLocal } from '../referrals/referral-form';
import { ReferralStatusBadge } from '../referrals/ReferralStatusBadge';
import { useTimeline } from '../referrals/useTimeline';
import { ShelterStays, Underretninger } from './BridgingRecords';
import { ActionForm, fromDateTimeLocal, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { useBridging, useOnwardOptions, useTriageHistory } from './useCourses';

/**
 * Bridging onward (brobygning): an onward referral with a new consent through the closed loop (so the counsellor
 * sees when help was received), shelter stays (never an address) and underretninger with their receipts.
 */
export function BridgingSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const bridging = useBridging(course.id);
  const options = useOnwardOptions(course.id);
  const triage = useTriageHistory(course.id);
  const changed = (message: string) => {
    void bridging.reload();
    onCourseChanged();
    onMessage(message);
  };
  const proposedServiceId = triage.data?.[0]?.decision === 'refer_onward' ? (triage.data[0].evaluation.onward?.serviceId ?? undefined) : undefined;

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.bridging')}</SectionHeading>
      {bridging.error ? (
        <LoadFailed message={bridging.error.detail ?? t('errors.network')} onRetry={() => void bridging.reload()} />
      ) : !bridging.data || !options.data ? (
        options.error ? <LoadFailed message={options.error.detail ?? t('errors.network')} onRetry={() => void options.reload()} /> : <Loading />
      ) : (
        <>
          <h3>{t('courses.bridging.onwardHeading')}</h3>
          {bridging.data.onwardReferrals.length === 0 ? (
            <p>{t('courses.bridging.noOnward')}</p>
          ) : (
            <ul className="app-cards">
              {bridging.data.onwardReferrals.map((referral) => (
                <OnwardReferralCard key={referral.id} referral={referral} />
              ))}
            </ul>
          )}
          {course.allowedActions.includes('refer_onward') ? (
            <OnwardReferralForm
              key={proposedServiceId ?? 'none'}
              course={course}
              options={options.data}
              proposedServiceId={proposedServiceId}
              onSent={(referral) => changed(t('courses.bridging.sent', { reference: referral.reference, service: referral.serviceName }))}
            />
          ) : null}
          <ShelterStays course={course} stays={bridging.data.shelterStays} onwardReferrals={bridging.data.onwardReferrals} options={options.data} onChanged={changed} />
          <Underretninger course={course} underretninger={bridging.data.underretninger} onChanged={changed} />
        </>
      )}
    </section>
  );
}

/** The closed loop as the referrer sees it: status and timeline, never the receiver's notes. */
function OnwardReferralCard({ referral }: { referral: ReferralForReferrer }) {
  const { t } = useTranslation();
  const timeline = useTimeline(referral.timeline);
  return (
    <li>
      <h4 className="m-0">{t('courses.bridging.referralTitle', { reference: referral.reference, service: referral.serviceName, organisation: referral.receivingOrganisationName })}</h4>
      <div className="app-badges">
        <ReferralStatusBadge status={referral.status} />
        {referral.hasFirstContact ? <span className="badge badge-success">{t('courses.bridging.reached')}</span> : null}
      </div>
      <details className="app-course-details">
        <summary>{t('courses.bridging.timeline')}</summary>
        <Timeline items={timeline} noteLabel={t('referral.note')} />
      </details>
    </li>
  );
}

const methods: readonly ConsentMethod[] = ['oral_at_scene', 'written'];
const fields = ['serviceId', 'consent.dataCategories', 'consent.method', 'consent.obtainedAt', 'consent', 'childrenInHome', 'situation', 'note'];

function OnwardReferralForm({ course, options, proposedServiceId, onSent }: { course: Course; options: readonly OnwardServiceOption[]; proposedServiceId: string | undefined; onSent: (referral: ReferralForReferrer) => void }) {
  const { t } = useTranslation();
  const proposed = options.find((option) => option.id === proposedServiceId);
  const [serviceId, setServiceId] = useState(proposed?.id ?? '');
  const [consentFor, setConsentFor] = useState<string>();
  const [categories, setCategories] = useState<ConsentDataCategory[]>([...defaultConsentCategories]);
  const [method, setMethod] = useState<ConsentMethod>('written');
  const [consentAt, setConsentAt] = useState(() => toDateTimeLocal(new Date()));
  const [children, setChildren] = useState<YesNoUnknown>();
  const [situation, setSituation] = useState('');
  const [note, setNote] = useState('');
  const action = useCourseAction('onward', fields);
  // One key per form: a double click or a retry sends one referral.
  const idempotencyKey = useRef(newIdempotencyKey());
  const target = options.find((option) => option.id === serviceId);
  const hasConsent = target !== undefined && consentFor === target.organisationId;

  const submit = () => {
    const found: Record<string, string> = {};
    const obtainedAt = fromDateTimeLocal(consentAt);
    if (!target) found['onward.serviceId'] = t('courses.bridging.serviceRequired');
    else if (!hasConsent) found['onward.consent.confirmed'] = t('courses.bridging.consentRequired');
    if (categories.length === 0) found['onward.consent.dataCategories'] = t('newReferral.errors.consentCategories');
    if (!obtainedAt) found['onward.consent.obtainedAt'] = t('newReferral.errors.consentAt');
    if (!children) found['onward.childrenInHome'] = t('courses.bridging.childrenRequired');
    if (!target || !obtainedAt || !children || Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      try {
        const referral = await referOnward(
          course.id,
          {
            serviceId: target.id,
            consent: {
              recipientOrganisationId: target.organisationId,
              dataCategories: allConsentCategories.filter((category) => categories.includes(category)),
              purpose: 'referral_for_counselling',
              method,
              obtainedAt,
            },
            childrenInHome: children,
            situation: situation.trim() || undefined,
            note: note.trim() || undefined,
          },
          idempotencyKey.current,
        );
        idempotencyKey.current = newIdempotencyKey();
        setConsentFor(undefined);
        setSituation('');
        setNote('');
        onSent(referral);
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409) idempotencyKey.current = newIdempotencyKey();
        throw error;
      }
    });
  };

  return (
    <ActionForm id="onward" heading={t('courses.bridging.formHeading')} action={action} onSubmit={submit}>
      <p className="app-narrow">{t('courses.bridging.formIntro')}</p>
      <SelectField
        fieldKey="onward.serviceId"
        label={t('courses.bridging.service')}
        hint={proposed ? t('courses.bridging.proposed', { service: proposed.name, organisation: proposed.organisationName }) : undefined}
        options={options.map((option) => ({ value: option.id, label: `${option.name} – ${option.organisationName}` }))}
        value={serviceId}
        emptyLabel={t('courses.choose')}
        error={action.errors['onward.serviceId']}
        onChange={setServiceId}
      />
      {target ? (
        <>
          <CheckboxField
            fieldKey="onward.consent.confirmed"
            label={t('courses.bridging.consentStatement', { organisation: target.organisationName })}
            isChecked={hasConsent}
            error={action.errors['onward.consent.confirmed'] ?? action.errors['onward.consent']}
            onChange={(isChecked) => setConsentFor(isChecked ? target.organisationId : undefined)}
          />
          <CheckboxGroup<ConsentDataCategory>
            fieldKey="onward.consent.dataCategories"
            legend={t('newReferral.consent.categories')}
            options={allConsentCategories.map((value) => ({ value, label: t(`consentCategory.${value}`) }))}
            values={categories}
            error={action.errors['onward.consent.dataCategories']}
            onChange={setCategories}
          />
          <RadioGroup
            fieldKey="onward.consent.method"
            legend={t('courses.bridging.consentMethod')}
            options={methods.map((value) => ({ value, label: t(`courses.bridging.method.${value}`) }))}
            value={method}
            error={action.errors['onward.consent.method']}
            onChange={setMethod}
          />
          <TextField
            fieldKey="onward.consent.obtainedAt"
            label={t('newReferral.consent.when')}
            type="datetime-local"
            inputClassName="app-short-input"
            value={consentAt}
            error={action.errors['onward.consent.obtainedAt']}
            onChange={(event) => setConsentAt(event.target.value)}
          />
        </>
      ) : null}
      <RadioGroup
        fieldKey="onward.childrenInHome"
        legend={t('courses.bridging.children')}
        options={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))}
        value={children}
        isInline
        error={action.errors['onward.childrenInHome']}
        onChange={setChildren}
      />
      <TextAreaField
        fieldKey="onward.situation"
        label={t('courses.bridging.situation')}
        hint={t('courses.bridging.situationHint')}
        maxLength={4000}
        rows={3}
        value={situation}
        error={action.errors['onward.situation']}
        onChange={(event) => setSituation(event.target.value)}
      />
      <TextAreaField fieldKey="onward.note" label={t('courses.bridging.note')} maxLength={2000} rows={2} value={note} error={action.errors['onward.note']} onChange={(event) => setNote(event.target.value)} />
      <SubmitButton isBusy={action.isBusy}>{t('courses.bridging.send')}</SubmitButton>
    </ActionForm>
  );
}
