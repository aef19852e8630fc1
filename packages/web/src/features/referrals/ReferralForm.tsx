import type { PersonRole, ReferralForReferrer, ReferralOptions } from '@bro/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotentCall } from '../../api/useIdempotentCall';
import { AppForm } from '../../forms/AppForm';
import { useAppForm, type AppForm as AppFormApi } from '../../forms/useAppForm';
import { ReferralCheckAnswers } from './ReferralCheckAnswers';
import { ContactStep, PersonStep, SituationStep } from './ReferralFormSections';
import { ConsentStep, WhoStep, type SectionProps } from './ReferralRecipientSections';
import { ReferralStepIndicator } from './ReferralStepIndicator';
import {
  deriveReferral,
  errorsOfStep,
  initialReferralForm,
  referralSchema,
  referralSteps,
  validateReferralForm,
  type DerivedReferral,
  type ReferralContext,
  type ReferralFormValues,
  type ReferralStep,
} from './referral-form';
import { createReferral } from './referrals.api';
import { useReferralStep } from './useReferralStep';
import { DraftStatusLine } from './ReferralDraftOffer';
import type { DraftStatus } from './useReferralDraft';

/** What the receipt needs of the answers: the officer's own, never fetched again. */
export type SentAnswers = { values: ReferralFormValues; derived: DerivedReferral };

type ReferralFormProps = {
  options: ReferralOptions;
  initialRole: PersonRole;
  linkedReferralId: string | undefined;
  onCreated: (referral: ReferralForReferrer, answers: SentAnswers) => void;
  /** A saved draft to go on with: its values and the furthest step it reached; else an empty form. */
  draft?: { values: ReferralFormValues; reachedStep: ReferralStep } | undefined;
  /** Saves the draft: called when a step is passed and when typing within a step pauses, with the furthest step reached. */
  onSaveDraft?: ((values: ReferralFormValues, reachedStep: ReferralStep) => void) | undefined;
  draftStatus?: DraftStatus | undefined;
};

/** The server's codes for a field's problem, in the officer's words. */
const serverMessageKeys: Record<string, 'newReferral.errors.cpr' | 'newReferral.errors.phone'> = {
  cpr_format: 'newReferral.errors.cpr',
  phone_format: 'newReferral.errors.phone',
};

const checkIndex = referralSteps.indexOf('check');

/**
 * The referral form in steps: who receives it, consent for that organisation, the person, how to reach them, the
 * situation, then "check your answers" and send. One form state across the steps; each step is checked by its part
 * of the form's schema and cannot be left with errors. The step is in the address, so the browser's Back moves
 * between steps. One Idempotency-Key per form: a double click or a retry creates exactly one referral.
 */
export function ReferralForm({ options, initialRole, linkedReferralId, onCreated, draft, onSaveDraft, draftStatus }: ReferralFormProps) {
  const { t } = useTranslation();
  const send = useIdempotentCall();
  const [requested, goTo] = useReferralStep();
  // A restored draft goes on from the furthest step it reached; a fresh form starts at the first.
  const [reached, setReached] = useState(draft ? referralSteps.indexOf(draft.reachedStep) : 0);
  const step = referralSteps.indexOf(requested) <= reached ? requested : (referralSteps[reached] ?? 'who');
  const context = useMemo<ReferralContext>(() => ({ programmes: options.programmes, isPublicEmployee: options.isPublicEmployee }), [options]);
  const schema = useMemo(() => referralSchema(t, context, linkedReferralId, step), [t, context, linkedReferralId, step]);
  const [defaultValues] = useState(() => draft?.values ?? initialReferralForm(options.programmes, initialRole, new Date()));

  const passStep = (values: ReferralFormValues) => {
    const index = referralSteps.indexOf(step);
    // Back from "Ret": straight to the check again, unless the change left another step wrong (a new recipient).
    const wrongStep = referralSteps.find((candidate) => Object.keys(errorsOfStep(validateReferralForm(values, deriveReferral(values, context), t, new Date()), candidate)).length > 0 && candidate !== 'check');
    const next = reached >= checkIndex ? (wrongStep ?? 'check') : (referralSteps[index + 1] ?? 'check');
    const nowReached = Math.max(reached, index + 1);
    setReached(nowReached);
    onSaveDraft?.(values, referralSteps[nowReached] ?? 'check');
    goTo(next);
  };

  const form: AppFormApi<ReferralFormValues, typeof schema> = useAppForm({
    schema,
    defaultValues,
    onSubmit: async (request): Promise<void> => {
      const values: ReferralFormValues = form.getValues();
      if (step !== 'check' || !request) return passStep(values);
      onCreated(await send((key) => createReferral(request, key)), { values, derived: deriveReferral(values, context) });
    },
    codeFields: { consent_required: 'consent.confirmed', service_not_allowed: 'serviceId' },
    messageOf: (message) => (serverMessageKeys[message] ? t(serverMessageKeys[message]) : message),
  });
  useStepChange(step, requested, goTo, form);
  useDraftWhileTyping(form, referralSteps[reached] ?? 'check', onSaveDraft);
  const derived = deriveReferral(form.watch(), context);
  return (
    <>
      <ReferralStepIndicator current={step} reached={reached} onGoTo={goTo} />
      <AppForm form={form} labelledBy="referral-step-heading">
        <StepHeading step={step} />
        <StepBody step={step} sections={{ form, derived, options }} onGoTo={goTo} />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {step === 'check' ? (form.isBusy ? t('newReferral.sending') : t('newReferral.send')) : t('newReferral.steps.next')}
          </button>
          {step === 'who' ? null : (
            <button type="button" className="button button-secondary" onClick={() => goTo(referralSteps[referralSteps.indexOf(step) - 1] ?? 'who')}>
              {t('newReferral.steps.back')}
            </button>
          )}
        </div>
        {draftStatus ? <DraftStatusLine status={draftStatus} /> : null}
      </AppForm>
    </>
  );
}

/** How long after the last change within a step the draft is saved: a reload or a lost connection loses no more. */
const draftSaveDelayMs = 2_000;

/**
 * Typing within a step is saved as the draft too, once the officer pauses, so what was typed since the last step
 * survives a reload, a lost connection or a closed tab. `save` must be stable (useReferralDraft's is): a new one at
 * every render would restart the timer at every keystroke.
 */
function useDraftWhileTyping(form: AppFormApi<ReferralFormValues>, reachedStep: ReferralStep, save: ((values: ReferralFormValues, reachedStep: ReferralStep) => void) | undefined) {
  const { watch, getValues } = form;
  useEffect(() => {
    if (!save) return;
    let timer: number | undefined;
    const subscription = watch(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => save(getValues(), reachedStep), draftSaveDelayMs);
    });
    return () => {
      subscription.unsubscribe();
      window.clearTimeout(timer);
    };
  }, [watch, getValues, reachedStep, save]);
}

/**
 * On a new step: the last step's errors go, and its heading takes focus (so a screen reader starts there). A step
 * not reached yet in the address (a reload, a typed address) is replaced by the furthest one reached.
 */
function useStepChange(step: ReferralStep, requested: ReferralStep, goTo: (step: ReferralStep, options?: { replace?: boolean }) => void, form: AppFormApi<ReferralFormValues>) {
  const shownStep = useRef(step);
  useEffect(() => {
    if (requested !== step) goTo(step, { replace: true });
  }, [requested, step, goTo]);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    form.clearErrors();
    document.getElementById('referral-step-heading')?.focus();
  }, [step, form]);
}

const headingKeys = {
  who: 'newReferral.who.heading',
  consent: 'newReferral.consent.heading',
  person: 'newReferral.person.heading',
  contact: 'newReferral.contact.heading',
  situation: 'newReferral.situation.heading',
  check: 'newReferral.steps.check',
} as const;

function StepHeading({ step }: { step: ReferralStep }) {
  const { t } = useTranslation();
  return (
    <h2 id="referral-step-heading" tabIndex={-1}>
      {t(headingKeys[step])}
    </h2>
  );
}

function StepBody({ step, sections, onGoTo }: { step: ReferralStep; sections: SectionProps; onGoTo: (step: ReferralStep) => void }) {
  const { form, derived } = sections;
  switch (step) {
    case 'who':
      return <WhoStep {...sections} />;
    case 'consent':
      return <ConsentStep {...sections} />;
    case 'person':
      return <PersonStep control={form.control} derived={derived} onGoTo={onGoTo} />;
    case 'contact':
      return <ContactStep control={form.control} />;
    case 'situation':
      return <SituationStep control={form.control} isUnderretningAsked={derived.isUnderretningAsked} />;
    case 'check':
      return <ReferralCheckAnswers values={form.getValues()} derived={derived} onGoTo={onGoTo} />;
  }
}
