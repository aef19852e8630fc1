import type { ConsentDataCategory, Gender, PersonRole, ReferralForReferrer, ReferralOptions } from '@bro/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createReferral, fieldErrorsOf, newIdempotencyKey } from '../../api';
import { Alert } from '../../ui/Alert';
import { ErrorSummary, type SummaryError } from '../../ui/ErrorSummary';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField, type Choice } from '../../ui/fields';
import {
  allConsentCategories,
  buildCreateReferralRequest,
  contactLanguages,
  deriveReferral,
  initialReferralForm,
  referralFormFields,
  validateReferralForm,
  type ReferralFormState,
} from './referral-form';

type ReferralFormProps = {
  options: ReferralOptions;
  initialRole: PersonRole;
  linkedReferralId: string | undefined;
  onCreated: (referral: ReferralForReferrer) => void;
};

const serverMessageKeys: Record<string, 'newReferral.errors.cpr' | 'newReferral.errors.phone'> = {
  cpr_format: 'newReferral.errors.cpr',
  phone_format: 'newReferral.errors.phone',
};

/** A definitive refusal means no referral was made, so a corrected form may use a fresh idempotency key. */
function isDefinitiveRefusal(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 409 && error.status !== 429;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function ReferralForm({ options, initialRole, linkedReferralId, onCreated }: ReferralFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ReferralFormState>(() => initialReferralForm(options.programmes, initialRole, new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // One key per form instance: a double click or a retry after a lost answer creates exactly one referral.
  const idempotencyKey = useRef(newIdempotencyKey());

  const derived = deriveReferral(form, options.programmes, options.isPublicEmployee);
  const update = <K extends keyof ReferralFormState>(key: K, value: ReferralFormState[K]) => setForm((current) => ({ ...current, [key]: value }));

  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    const now = new Date();
    const found = validateReferralForm(form, derived, t, now);
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    setIsSubmitting(true);
    const body = buildCreateReferralRequest(form, derived, linkedReferralId);
    try {
      for (let tries = 0; ; tries++) {
        try {
          onCreated(await createReferral(body, idempotencyKey.current));
          return;
        } catch (error) {
          // The first request is still being processed: ask again shortly with the same key.
          if (error instanceof ApiError && error.code === 'idempotency_in_flight' && tries < 5) {
            await wait(1000);
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
      if (isDefinitiveRefusal(apiError)) idempotencyKey.current = newIdempotencyKey();
      fail(serverErrors(apiError));
    } finally {
      setIsSubmitting(false);
    }
  };

  const serverErrors = (error: ApiError): Record<string, string> => {
    if (error.status === 0) return { '': t('errors.network') };
    const mapped = fieldErrorsOf(error, referralFormFields);
    for (const [key, message] of Object.entries(mapped)) {
      const known = serverMessageKeys[message];
      if (known) mapped[key] = t(known);
    }
    if (error.code === 'consent_required') return { ...mapped, 'consent.confirmed': error.detail ?? t('newReferral.errors.consent') };
    if (error.code === 'service_not_allowed') return { ...mapped, serviceId: error.detail ?? t('newReferral.errors.service') };
    if (Object.keys(mapped).length === 0 || mapped[''] !== undefined) mapped[''] = error.detail ?? t('errors.unexpected');
    return mapped;
  };

  const summary: SummaryError[] = Object.entries(errors).map(([fieldKey, message]) => (fieldKey ? { fieldKey, message } : { message }));
  const yesNoUnknown: Choice<'yes' | 'no' | 'unknown'>[] = [
    { value: 'yes', label: t('yesNoUnknown.yes') },
    { value: 'no', label: t('yesNoUnknown.no') },
    { value: 'unknown', label: t('yesNoUnknown.unknown') },
  ];
  const genderChoices: Choice<Gender>[] = (['woman', 'man', 'other', 'unknown'] as const).map((value) => ({ value, label: t(`gender.${value}`) }));
  const recipientName = derived.service?.organisationName ?? '';
  const pronoun = form.gender === 'woman' ? t('newReferral.consent.her') : form.gender === 'man' ? t('newReferral.consent.him') : t('newReferral.consent.them');

  return (
    <form noValidate onSubmit={submit} aria-busy={isSubmitting}>
      <ErrorSummary errors={summary} attempt={attempt} />

      <section className="app-form-section" aria-labelledby="referral-programme">
        <h2 id="referral-programme">{t('newReferral.programme.heading')}</h2>
        {options.programmes.length === 1 ? (
          <p>{t('newReferral.programme.only', { name: options.programmes[0]?.name ?? '' })}</p>
        ) : (
          <RadioGroup
            fieldKey="programmeId"
            legend={t('newReferral.programme.label')}
            options={options.programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
            value={form.programmeId || undefined}
            error={errors.programmeId}
            onChange={(value) => setForm((current) => ({ ...current, programmeId: value, chosenServiceId: undefined }))}
          />
        )}
      </section>

      <section className="app-form-section" aria-labelledby="referral-who">
        <h2 id="referral-who">{t('newReferral.who.heading')}</h2>
        <RadioGroup
          fieldKey="role"
          legend={t('newReferral.who.role')}
          options={(['exposed', 'uses_violence', 'both'] as const).map((value) => ({ value, label: t(`personRole.${value}`) }))}
          value={form.role}
          error={errors.role}
          onChange={(value) => update('role', value)}
        />
        <RadioGroup
          fieldKey="person.gender"
          legend={t('newReferral.who.gender')}
          options={genderChoices}
          value={form.gender}
          error={errors['person.gender']}
          isInline
          onChange={(value) => update('gender', value)}
        />
        {derived.proposedService ? (
          <p className="font-lead" aria-live="polite">
            {t('newReferral.who.proposed', { service: derived.proposedService.name, organisation: derived.proposedService.organisationName })}
          </p>
        ) : (
          <p className="form-hint" aria-live="polite">
            {t('newReferral.who.proposalHint')}
          </p>
        )}
        {derived.programme ? (
          <SelectField
            fieldKey="serviceId"
            label={t('newReferral.who.service')}
            hint={t('newReferral.who.serviceHint')}
            options={derived.programme.services.map((service) => ({ value: service.id, label: `${service.name} – ${service.organisationName}` }))}
            value={derived.service?.id ?? ''}
            emptyLabel={derived.service ? undefined : t('newReferral.who.chooseService')}
            error={errors.serviceId}
            onChange={(value) => update('chosenServiceId', value || undefined)}
          />
        ) : null}
      </section>

      <section className="app-form-section" aria-labelledby="referral-person">
        <h2 id="referral-person">{t('newReferral.person.heading')}</h2>
        <TextField
          fieldKey="person.fullName"
          label={t('newReferral.person.fullName')}
          autoComplete="off"
          spellCheck={false}
          value={form.fullName}
          error={errors['person.fullName']}
          onChange={(event) => update('fullName', event.target.value)}
        />
        <TextField
          fieldKey="person.cpr"
          label={t('newReferral.person.cpr')}
          hint={t('newReferral.person.cprHint')}
          autoComplete="off"
          inputMode="numeric"
          spellCheck={false}
          inputClassName="app-short-input"
          value={form.cpr}
          error={errors['person.cpr']}
          onChange={(event) => update('cpr', event.target.value)}
        />
        <TextField
          fieldKey="person.birthYear"
          label={t('newReferral.person.birthYear')}
          autoComplete="off"
          inputMode="numeric"
          maxLength={4}
          inputClassName="app-short-input"
          value={form.birthYear}
          error={errors['person.birthYear']}
          onChange={(event) => update('birthYear', event.target.value)}
        />
        <SelectField
          fieldKey="person.addressProtection"
          label={t('newReferral.person.addressProtection')}
          options={(['none', 'name_and_address', 'special', 'shelter', 'unknown'] as const).map((value) => ({ value, label: t(`addressProtection.${value}`) }))}
          value={form.addressProtection}
          error={errors['person.addressProtection']}
          onChange={(value) => update('addressProtection', value)}
        />
      </section>

      <section className="app-form-section" aria-labelledby="referral-consent">
        <h2 id="referral-consent">{t('newReferral.consent.heading')}</h2>
        {derived.isConsentForOtherRecipient ? (
          <Alert variant="warning" heading={t('newReferral.consent.recipientChangedHeading')} role="alert" headingLevel={3}>
            <p>{t('newReferral.consent.recipientChanged', { organisation: recipientName })}</p>
          </Alert>
        ) : null}
        {derived.service ? (
          <>
            <CheckboxField
              fieldKey="consent.confirmed"
              label={t('newReferral.consent.statement', { organisation: recipientName, pronoun })}
              isChecked={derived.hasConsent}
              error={errors['consent.confirmed']}
              onChange={(isChecked) => update('consentConfirmedFor', isChecked ? derived.service?.organisationId : undefined)}
            />
            <CheckboxGroup<ConsentDataCategory>
              fieldKey="consent.dataCategories"
              legend={t('newReferral.consent.categories')}
              hint={t('newReferral.consent.categoriesHint')}
              options={allConsentCategories.map((value) => ({ value, label: t(`consentCategory.${value}`) }))}
              values={form.consentCategories}
              error={errors['consent.dataCategories']}
              onChange={(values) => update('consentCategories', values)}
            />
            <RadioGroup
              fieldKey="consent.method"
              legend={t('newReferral.consent.method')}
              options={(['oral_at_scene', 'written'] as const).map((value) => ({ value, label: t(`consentMethod.${value}`) }))}
              value={form.consentMethod}
              error={errors['consent.method']}
              onChange={(value) => update('consentMethod', value)}
            />
            <TextField
              fieldKey="consent.obtainedAt"
              label={t('newReferral.consent.when')}
              type="datetime-local"
              inputClassName="app-short-input"
              value={form.consentAt}
              error={errors['consent.obtainedAt']}
              onChange={(event) => update('consentAt', event.target.value)}
            />
          </>
        ) : (
          <p className="form-hint">{t('newReferral.consent.chooseServiceFirst')}</p>
        )}
      </section>

      <section className="app-form-section" aria-labelledby="referral-contact">
        <h2 id="referral-contact">{t('newReferral.contact.heading')}</h2>
        <TextField
          fieldKey="safeContact.phone"
          label={t('newReferral.contact.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          inputClassName="app-short-input"
          value={form.phone}
          error={errors['safeContact.phone']}
          onChange={(event) => update('phone', event.target.value)}
        />
        <RadioGroup
          fieldKey="safeContact.isSafeToCall"
          legend={t('newReferral.contact.isSafeToCall')}
          options={yesNoUnknown}
          value={form.isSafeToCall}
          isInline
          onChange={(value) => update('isSafeToCall', value)}
        />
        <TextField
          fieldKey="safeContact.safeTimes"
          label={t('newReferral.contact.safeTimes')}
          hint={t('newReferral.contact.safeTimesHint')}
          autoComplete="off"
          value={form.safeTimes}
          error={errors['safeContact.safeTimes']}
          onChange={(event) => update('safeTimes', event.target.value)}
        />
        <RadioGroup
          fieldKey="safeContact.voicemailAllowed"
          legend={t('newReferral.contact.voicemail')}
          options={yesNoUnknown}
          value={form.voicemailAllowed}
          isInline
          onChange={(value) => update('voicemailAllowed', value)}
        />
        <RadioGroup
          fieldKey="safeContact.smsAllowed"
          legend={t('newReferral.contact.sms')}
          options={yesNoUnknown}
          value={form.smsAllowed}
          isInline
          onChange={(value) => update('smsAllowed', value)}
        />
        <SelectField
          fieldKey="safeContact.language"
          label={t('newReferral.contact.language')}
          options={contactLanguages.map((value) => ({ value, label: t(`languages.${value}`) }))}
          value={form.language}
          onChange={(value) => update('language', value)}
        />
        <CheckboxField
          fieldKey="safeContact.interpreterNeeded"
          label={t('newReferral.contact.interpreter')}
          isChecked={form.interpreterNeeded}
          onChange={(isChecked) => update('interpreterNeeded', isChecked)}
        />
      </section>

      <section className="app-form-section" aria-labelledby="referral-children">
        <h2 id="referral-children">{t('newReferral.children.heading')}</h2>
        <RadioGroup
          fieldKey="childrenInHome"
          legend={t('newReferral.children.label')}
          options={yesNoUnknown}
          value={form.childrenInHome}
          error={errors.childrenInHome}
          isInline
          onChange={(value) => update('childrenInHome', value)}
        />
        {derived.isUnderretningAsked ? (
          <>
            <Alert variant="warning" heading={t('newReferral.children.dutyHeading')} headingLevel={3}>
              <p>{t('newReferral.children.dutyText')}</p>
            </Alert>
            <RadioGroup
              fieldKey="underretning"
              legend={t('newReferral.children.underretning')}
              options={(['sent', 'will_send', 'not_needed'] as const).map((value) => ({ value, label: t(`underretning.${value}`) }))}
              value={form.underretning}
              error={errors.underretning}
              onChange={(value) => update('underretning', value)}
            />
          </>
        ) : null}
      </section>

      <section className="app-form-section" aria-labelledby="referral-situation">
        <h2 id="referral-situation">{t('newReferral.situation.heading')}</h2>
        <TextAreaField
          fieldKey="situation"
          label={t('newReferral.situation.label')}
          hint={t('newReferral.situation.hint', { count: 4000 - form.situation.length })}
          maxLength={4000}
          rows={5}
          value={form.situation}
          error={errors.situation}
          onChange={(event) => update('situation', event.target.value)}
        />
        <RadioGroup
          fieldKey="riskLevel"
          legend={t('newReferral.situation.risk')}
          hint={t('newReferral.situation.riskHint')}
          options={(['standard', 'medium', 'high'] as const).map((value) => ({ value, label: t(`riskLevel.${value}`) }))}
          value={form.riskLevel}
          error={errors.riskLevel}
          isInline
          onChange={(value) => update('riskLevel', value)}
        />
      </section>

      <div className="app-form-section">
        {derived.hasConsent ? null : (
          <p className="form-hint" id="referral-send-hint">
            {t('newReferral.sendWithoutConsent')}
          </p>
        )}
        <button type="submit" className="button button-primary" aria-describedby={derived.hasConsent ? undefined : 'referral-send-hint'}>
          {isSubmitting ? t('newReferral.sending') : t('newReferral.send')}
        </button>
      </div>
    </form>
  );
}
