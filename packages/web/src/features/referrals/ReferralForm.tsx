import type { ReferralForReferrer, ReferralOptions, PersonRole } from '@bro/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotentCall } from '../../api/useIdempotentCall';
import { AppForm } from '../../forms/AppForm';
import { useAppForm } from '../../forms/useAppForm';
import { ChildrenSection, ContactSection, PersonSection, SituationSection } from './ReferralFormSections';
import { ConsentSection, ProgrammeSection, WhoSection, type SectionProps } from './ReferralRecipientSections';
import { deriveReferral, initialReferralForm, referralSchema, type ReferralContext } from './referral-form';
import { createReferral } from './referrals.api';

type ReferralFormProps = {
  options: ReferralOptions;
  initialRole: PersonRole;
  linkedReferralId: string | undefined;
  onCreated: (referral: ReferralForReferrer) => void;
};

/** The server's codes for a field's problem, in the officer's words. */
const serverMessageKeys: Record<string, 'newReferral.errors.cpr' | 'newReferral.errors.phone'> = {
  cpr_format: 'newReferral.errors.cpr',
  phone_format: 'newReferral.errors.phone',
};

/**
 * The referral form, section by section: programme, who (with the proposed service), the person, consent, safe
 * contact, children and the situation. One Idempotency-Key per form: a double click or a retry after a lost answer
 * creates exactly one referral.
 */
export function ReferralForm({ options, initialRole, linkedReferralId, onCreated }: ReferralFormProps) {
  const { t } = useTranslation();
  const send = useIdempotentCall();
  const context = useMemo<ReferralContext>(() => ({ programmes: options.programmes, isPublicEmployee: options.isPublicEmployee }), [options]);
  const schema = useMemo(() => referralSchema(t, context, linkedReferralId), [t, context, linkedReferralId]);
  const [defaultValues] = useState(() => initialReferralForm(options.programmes, initialRole, new Date()));
  const form = useAppForm({
    schema,
    defaultValues,
    onSubmit: async (request) => onCreated(await send((key) => createReferral(request, key))),
    codeFields: { consent_required: 'consent.confirmed', service_not_allowed: 'serviceId' },
    messageOf: (message) => (serverMessageKeys[message] ? t(serverMessageKeys[message]) : message),
  });
  const derived = deriveReferral(form.watch(), context);
  const sections: SectionProps = { form, derived, options };

  return (
    <AppForm form={form}>
      <ProgrammeSection {...sections} />
      <WhoSection {...sections} />
      <PersonSection control={form.control} />
      <ConsentSection {...sections} />
      <ContactSection control={form.control} />
      <ChildrenSection control={form.control} isUnderretningAsked={derived.isUnderretningAsked} />
      <SituationSection control={form.control} />
      <div className="app-form-section">
        {derived.hasConsent ? null : (
          <p className="form-hint" id="referral-send-hint">
            {t('newReferral.sendWithoutConsent')}
          </p>
        )}
        <button type="submit" className="button button-primary" aria-describedby={derived.hasConsent ? undefined : 'referral-send-hint'}>
          {form.isBusy ? t('newReferral.sending') : t('newReferral.send')}
        </button>
      </div>
    </AppForm>
  );
}
