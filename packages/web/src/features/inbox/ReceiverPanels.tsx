import { ContactAttemptRequest, DeclineReferralRequest, isDeclineReasonAllowed, NoteInput, type ContactOutcome, type DeclinedBy, type DeclineReason, type ReferralForReceiver } from '@bro/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useAppForm } from '../../forms/useAppForm';
import { logContactAttempt, declineReferral } from './inbox.api';

/** An action done: the referral as the server answered, and what to announce. */
export type Done = (referral: ReferralForReceiver, message: string) => void;
type PanelProps = { referral: ReferralForReceiver; onDone: Done };

const optionalNote = (note: string) => note.trim() || undefined;

type ContactValues = { outcome: ContactOutcome | undefined; note: string };

export function ContactAttemptPanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(ContactAttemptRequest, (values: ContactValues) => ({ outcome: values.outcome, note: optionalNote(values.note) }), (t) => ({ outcome: t('receiver.contact.outcomeRequired') }));
  const form = useAppForm({
    schema,
    defaultValues: { outcome: undefined, note: '' },
    idPrefix: 'contact',
    onSubmit: async (request) => {
      const updated = await logContactAttempt(referral.id, request);
      form.reset();
      onDone(updated, t('receiver.contact.done'));
    },
  });
  return (
    <FormPanel
      id="panel-contact"
      heading={
        <>
          {t('receiver.contact.heading')} <span className="app-heading-hint">({t('receiver.attemptsOfMax', { count: referral.contactAttemptCount, max: referral.maxContactAttempts })})</span>
        </>
      }
      form={form}
      errorDisplay="alert"
    >
      <FormRadioGroup
        control={form.control}
        name="outcome"
        legend={t('receiver.contact.outcome')}
        options={(['reached', 'not_reached', 'not_safe_to_talk'] as const).map((value) => ({ value, label: t(`contactOutcome.${value}`) }))}
      />
      <OptionalNote hasError={form.formState.errors.note !== undefined}>
        <FormTextAreaField control={form.control} name="note" label={t('receiver.contact.note')} maxLength={2000} rows={3} />
      </OptionalNote>
      <SubmitButton>{t('receiver.contact.submit')}</SubmitButton>
    </FormPanel>
  );
}

/**
 * An optional note, folded away so that the action's button stays on a phone's first screen; open when the note
 * holds an error, so the error is seen where it is.
 */
function OptionalNote({ hasError, children }: { hasError: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="app-optional-note" open={hasError || undefined}>
      <summary>{t('receiver.addNote')}</summary>
      {children}
    </details>
  );
}

type NotePanelProps = PanelProps & { name: 'accept' | 'handOver'; send: (id: string, body: NoteInput) => Promise<ReferralForReceiver> };

/** Accept, or hand over to a course: the decision with an optional note. */
export function NotePanel({ referral, onDone, name, send }: NotePanelProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(NoteInput, (values: { note: string }) => ({ note: optionalNote(values.note) }));
  const form = useAppForm({
    schema,
    defaultValues: { note: '' },
    idPrefix: name,
    onSubmit: async (request) => {
      const updated = await send(referral.id, request);
      form.reset();
      onDone(updated, t(`receiver.${name}.done`));
    },
  });
  return (
    <FormPanel id={name === 'accept' ? 'panel-accept' : 'panel-hand-over'} heading={t(`receiver.${name}.heading`)} form={form} errorDisplay="alert">
      {name === 'handOver' ? <p>{t('receiver.handOver.intro')}</p> : null}
      <OptionalNote hasError={form.formState.errors.note !== undefined}>
        <FormTextAreaField control={form.control} name="note" label={t(`receiver.${name}.note`)} maxLength={2000} rows={3} />
      </OptionalNote>
      <SubmitButton>{t(`receiver.${name}.submit`)}</SubmitButton>
    </FormPanel>
  );
}

const reasonsInOrder: readonly DeclineReason[] = ['no_capacity', 'not_eligible', 'not_wanted', 'has_other_help', 'other'];
type DeclineValues = { decidedBy: DeclinedBy | undefined; reason: DeclineReason | undefined; note: string };

export function DeclinePanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  // Once accepted, only the citizen can still say no: the service made its decision when it accepted.
  const deciders: readonly DeclinedBy[] = referral.status === 'accepted' ? ['citizen'] : ['service', 'citizen'];
  const schema = useRequestSchema(
    DeclineReferralRequest,
    (values: DeclineValues) => ({ decidedBy: values.decidedBy, reason: values.reason, note: optionalNote(values.note) }),
    (t) => ({ decidedBy: t('receiver.decline.decidedByRequired'), reason: t('receiver.decline.reasonRequired') }),
  );
  const form = useAppForm({
    schema,
    defaultValues: { decidedBy: deciders.length === 1 ? deciders[0] : undefined, reason: undefined, note: '' },
    idPrefix: 'decline',
    onSubmit: async (request) => onDone(await declineReferral(referral.id, request), t('receiver.decline.done')),
  });
  const decidedBy = form.watch('decidedBy');
  const reasons = decidedBy ? reasonsInOrder.filter((candidate) => isDeclineReasonAllowed(decidedBy, candidate)) : [];
  const keepAllowedReason = (by: DeclinedBy) => {
    const reason = form.getValues('reason');
    if (reason && !isDeclineReasonAllowed(by, reason)) form.setValue('reason', undefined);
  };
  return (
    <FormPanel id="panel-decline" heading={t('receiver.decline.heading')} form={form} errorDisplay="alert">
      <FormRadioGroup
        control={form.control}
        name="decidedBy"
        legend={t('receiver.decline.decidedBy')}
        options={deciders.map((value) => ({ value, label: t(`declinedBy.${value}`) }))}
        isInline
        onValueChange={keepAllowedReason}
      />
      {decidedBy ? (
        <FormRadioGroup control={form.control} name="reason" legend={t('receiver.decline.reason')} options={reasons.map((value) => ({ value, label: t(`declineReason.${value}`) }))} />
      ) : null}
      <FormTextAreaField control={form.control} name="note" label={t('receiver.decline.note')} maxLength={2000} rows={3} />
      <SubmitButton variant="warning">{t('receiver.decline.submit')}</SubmitButton>
    </FormPanel>
  );
}
