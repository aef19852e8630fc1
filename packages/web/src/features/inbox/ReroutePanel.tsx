import { type ConsentDataCategory, type ReferralForReceiver, type RerouteReferralRequest, type ServiceOption } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormSelectField, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy, type FieldMessages } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { Loaded } from '../../api/Loaded';
import { ConsentFields, consentControl } from '../referrals/ConsentFields';
import { consentRequest, defaultConsentCategories, toDateTimeLocal, validateConsent, type ConsentValues } from '../referrals/referral-form';
import { rerouteOptionsQuery, rerouteReferral } from './inbox.api';

export type RerouteValues = { toServiceId: string; consent: ConsentValues; note: string };

/** Another service, and a new consent for its organisation: the form's checks before anything is sent. */
function validateReroute(values: RerouteValues, target: ServiceOption | undefined, t: TFunction, now: Date): FieldMessages {
  const errors: FieldMessages = {};
  if (!target) errors.toServiceId = t('receiver.reroute.serviceRequired');
  else if (values.consent.confirmedFor !== target.organisationId) errors['consent.confirmed'] = t('receiver.reroute.consentRequired');
  return { ...errors, ...validateConsent(values.consent, t, now) };
}

function toRerouteRequest(values: RerouteValues, target: ServiceOption): RerouteReferralRequest {
  return { toServiceId: target.id, consent: consentRequest(target.organisationId, values.consent), note: values.note.trim() || undefined };
}

function initialValues(referral: ReferralForReceiver): RerouteValues {
  const dataCategories: ConsentDataCategory[] = [...(referral.consent?.dataCategories ?? defaultConsentCategories)];
  return { toServiceId: '', consent: { confirmedFor: undefined, dataCategories, method: 'oral_at_scene', obtainedAt: toDateTimeLocal(new Date()) }, note: '' };
}

/** Sends the referral on to another service; it then belongs there, so the receiver goes back to the inbox. */
export function ReroutePanel({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useQuery(rerouteOptionsQuery);
  // Only services whose intake can see the person: anywhere else the referral would wait unseen.
  const services = useMemo(
    () => (options.data ?? []).filter((service) => service.id !== referral.serviceId && service.receivesRoles.includes(referral.role)),
    [options.data, referral.serviceId, referral.role],
  );
  const targetOf = (values: RerouteValues) => services.find((service) => service.id === values.toServiceId);
  const schema = useMemo(
    () => checkedBy<RerouteValues>((values) => validateReroute(values, targetOf(values), t, new Date())).transform((values) => ({ values, target: targetOf(values) as ServiceOption })),
    [t, services],
  );
  const [defaultValues] = useState(() => initialValues(referral));
  const form = useAppForm({
    schema,
    defaultValues,
    idPrefix: 'reroute',
    aliases: { consent: 'consent.confirmed' },
    onSubmit: async ({ values, target }) => {
      await rerouteReferral(referral.id, toRerouteRequest(values, target));
      // The referral now belongs to the new service: back to the inbox, with the result announced there.
      void navigate('/inbox', { state: { message: t('receiver.reroute.done', { service: target.name }) } });
    },
  });
  const target = targetOf(form.watch());
  return (
    <FormPanel id="panel-reroute" heading={t('receiver.reroute.heading')} form={form} errorDisplay="alert">
      <p>{t('receiver.reroute.intro')}</p>
      <Loaded query={options}>
        {() => (
          <FormSelectField
            control={form.control}
            name="toServiceId"
            label={t('receiver.reroute.service')}
            options={services.map((service) => ({ value: service.id, label: `${service.name} – ${service.organisationName}` }))}
            emptyLabel={t('newReferral.who.chooseService')}
          />
        )}
      </Loaded>
      {target ? (
        <ConsentFields
          control={consentControl(form.control)}
          recipientId={target.organisationId}
          statement={t('receiver.reroute.consentStatement', { organisation: target.organisationName })}
          methodLegend={t('newReferral.consent.methodReroute')}
          methodLabel={(method) => t(`consentMethod.${method}`)}
        />
      ) : null}
      <FormTextAreaField control={form.control} name="note" label={t('receiver.reroute.note')} maxLength={2000} rows={3} />
      <SubmitButton>{t('receiver.reroute.submit')}</SubmitButton>
    </FormPanel>
  );
}
