import type { Course, OnwardServiceOption, ReferralForReferrer } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useIdempotentCall } from '../../api/useIdempotentCall';
import { FormRadioGroup, FormSelectField, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { CardList } from '../../ui/CardList';
import { Timeline } from '../../ui/Timeline';
import { ConsentFields, consentControl } from '../referrals/ConsentFields';
import { ReferralStatusBadge } from '../referrals/ReferralStatusBadge';
import { useTimeline } from '../referrals/useTimeline';
import { ShelterStays, Underretninger } from './BridgingRecords';
import { SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { bridgingQuery, courseKeys, onwardOptionsQuery, referOnward, triageHistoryQuery } from './courses.api';
import { initialOnward, toOnwardRequest, validateOnward, type OnwardValues } from './onward-form';

/**
 * Bridging onward (brobygning): an onward referral with a new consent through the closed loop (so the counsellor
 * sees when help was received), shelter stays (never an address) and underretninger with their receipts.
 */
export function BridgingSection({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bridging = useQuery(bridgingQuery(course.id));
  const options = useQuery(onwardOptionsQuery(course.id));
  const triage = useQuery(triageHistoryQuery(course.id));
  const changed = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: courseKeys.part(course.id, 'bridging') });
    onCourseChanged();
    onMessage(message);
  };
  const latest = triage.data?.[0];
  const proposedServiceId = latest?.decision === 'refer_onward' ? (latest.evaluation.onward?.serviceId ?? undefined) : undefined;
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.bridging')}</SectionHeading>
      <Loaded query={bridging}>
        {(view) => (
          <Loaded query={options}>
            {(services) => (
              <>
                <OnwardReferrals referrals={view.onwardReferrals} />
                {course.allowedActions.includes('refer_onward') ? (
                  <OnwardReferralForm
                    key={proposedServiceId ?? 'none'}
                    course={course}
                    options={services}
                    proposedServiceId={proposedServiceId}
                    onSent={(referral) => changed(t('courses.bridging.sent', { reference: referral.reference, service: referral.serviceName }))}
                  />
                ) : null}
                <ShelterStays course={course} stays={view.shelterStays} onwardReferrals={view.onwardReferrals} options={services} onChanged={changed} />
                <Underretninger course={course} underretninger={view.underretninger} onChanged={changed} />
              </>
            )}
          </Loaded>
        )}
      </Loaded>
    </section>
  );
}

function OnwardReferrals({ referrals }: { referrals: readonly ReferralForReferrer[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('courses.bridging.onwardHeading')}</h3>
      <CardList items={referrals} empty={t('courses.bridging.noOnward')}>
        {(referral) => <OnwardReferralCard key={referral.id} referral={referral} />}
      </CardList>
    </>
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

type OnwardFormProps = { course: Course; options: readonly OnwardServiceOption[]; proposedServiceId: string | undefined; onSent: (referral: ReferralForReferrer) => void };

function OnwardReferralForm({ course, options, proposedServiceId, onSent }: OnwardFormProps) {
  const { t } = useTranslation();
  // One key per referral: a double click or a retry sends one referral.
  const send = useIdempotentCall();
  const targetOf = (values: OnwardValues) => options.find((option) => option.id === values.serviceId);
  const schema = useMemo(
    () => checkedBy<OnwardValues>((values) => validateOnward(values, targetOf(values), t, new Date())).transform((values) => toOnwardRequest(values, targetOf(values) as OnwardServiceOption)),
    [options, t],
  );
  const proposed = options.find((option) => option.id === proposedServiceId);
  const form = useCourseForm({
    schema,
    defaultValues: initialOnward(proposed?.id, new Date()),
    idPrefix: 'onward',
    aliases: { consent: 'consent.confirmed' },
    onSubmit: async (request) => {
      const referral = await send((key) => referOnward(course.id, request, key));
      const values = form.getValues();
      form.reset({ ...values, consent: { ...values.consent, confirmedFor: undefined }, situation: '', note: '' });
      onSent(referral);
    },
  });
  const target = targetOf(form.watch());
  return (
    <FormPanel id="onward" heading={t('courses.bridging.formHeading')} form={form}>
      <p className="app-narrow">{t('courses.bridging.formIntro')}</p>
      <FormSelectField
        control={form.control}
        name="serviceId"
        label={t('courses.bridging.service')}
        hint={proposed ? t('courses.bridging.proposed', { service: proposed.name, organisation: proposed.organisationName }) : undefined}
        options={options.map((option) => ({ value: option.id, label: `${option.name} – ${option.organisationName}` }))}
        emptyLabel={t('courses.choose')}
      />
      {target ? (
        <ConsentFields
          control={consentControl(form.control)}
          recipientId={target.organisationId}
          statement={t('courses.bridging.consentStatement', { organisation: target.organisationName })}
          methodLegend={t('courses.bridging.consentMethod')}
          methodLabel={(method) => t(`courses.bridging.method.${method}`)}
        />
      ) : null}
      <FormRadioGroup control={form.control} name="childrenInHome" legend={t('courses.bridging.children')} options={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }))} isInline />
      <FormTextAreaField control={form.control} name="situation" label={t('courses.bridging.situation')} hint={t('courses.bridging.situationHint')} maxLength={4000} rows={3} />
      <FormTextAreaField control={form.control} name="note" label={t('courses.bridging.note')} maxLength={2000} rows={2} />
      <SubmitButton isBusy={form.isBusy}>{t('courses.bridging.send')}</SubmitButton>
    </FormPanel>
  );
}
