import type { ConsentDataCategory, ContactOutcome, DeclineReason, DeclinedBy, ReferralForReceiver } from '@bro/domain';
import { isDeclineReasonAllowed } from '@bro/domain';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  acceptReferral,
  ApiError,
  declineReferral,
  fetchRerouteOptions,
  fieldErrorsOf,
  handOverReferral,
  logContactAttempt,
  rerouteReferral,
} from '../../api';
import { useResource } from '../../useResource';
import { Alert } from '../../ui/Alert';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { LiveMessage } from '../../ui/LiveMessage';
import { Loading } from '../../ui/Loading';
import { useSignedInSession } from '../auth/useSession';
import { OpenCoursePanel } from '../courses/OpenCoursePanel';
import { allConsentCategories, defaultConsentCategories, toDateTimeLocal } from '../referrals/referral-form';

type Done = (referral: ReferralForReceiver, message: string) => void;
type PanelProps = { referral: ReferralForReceiver; onDone: Done };
type ActionsProps = PanelProps & { message: string | undefined };

/** Only actions the referral's state allows AND the user's role permits; the server checks both again. */
export function ReceiverActions({ referral, onDone, message }: ActionsProps) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const allows = (action: ReferralForReceiver['allowedActions'][number], permission: 'referral:decide' | 'referral:contact') =>
    referral.allowedActions.includes(action) && session.permissions.includes(permission);

  // An action often removes its own panel; focus goes to the section heading so it is not lost.
  const done: Done = (updated, message) => {
    onDone(updated, message);
    headingRef.current?.focus();
  };

  const panels: ReactNode[] = [];
  if (allows('log_contact_attempt', 'referral:contact')) panels.push(<ContactAttemptPanel key="contact" referral={referral} onDone={done} />);
  if (allows('accept', 'referral:decide')) panels.push(<AcceptPanel key="accept" referral={referral} onDone={done} />);
  // Opening a course hands the referral over too: the usual way on, where the service runs courses.
  if (allows('hand_over', 'referral:contact') && session.permissions.includes('course:triage')) panels.push(<OpenCoursePanel key="openCourse" referral={referral} />);
  if (allows('hand_over', 'referral:contact')) panels.push(<HandOverPanel key="handOver" referral={referral} onDone={done} />);
  if (allows('decline', 'referral:decide')) panels.push(<DeclinePanel key="decline" referral={referral} onDone={done} />);
  if (allows('reroute', 'referral:decide')) panels.push(<ReroutePanel key="reroute" referral={referral} onDone={done} />);

  return (
    <section className="app-section" aria-labelledby="receiver-actions-heading">
      <h2 id="receiver-actions-heading" ref={headingRef} tabIndex={-1} className="app-page-heading">
        {t('receiver.actionsHeading')}
      </h2>
      <LiveMessage message={message} isVisible />
      {panels.length ? panels : <p>{t('receiver.noActions')}</p>}
    </section>
  );
}

/** Runs one action for a panel: busy flag, field errors from the server's problem, and a general error. */
function useAction(prefix: string, fields: readonly string[]) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<void>) => {
    if (isBusy) return;
    setIsBusy(true);
    setErrors({});
    try {
      await action();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
      const mapped = apiError.status === 0 ? {} : fieldErrorsOf(apiError, fields);
      const prefixed: Record<string, string> = {};
      for (const [key, message] of Object.entries(mapped)) prefixed[key ? `${prefix}.${key}` : ''] = message;
      if (apiError.status === 0) prefixed[''] = t('errors.network');
      else if (Object.keys(prefixed).length === 0 || prefixed[''] !== undefined) prefixed[''] = apiError.detail ?? t('errors.unexpected');
      setErrors(prefixed);
    } finally {
      setIsBusy(false);
    }
  };
  return { isBusy, errors, setErrors, run };
}

function Panel({ id, heading, errors, children, onSubmit, isBusy }: { id: string; heading: string; errors: Record<string, string>; children: ReactNode; onSubmit: () => void; isBusy: boolean }) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="app-action-panel">
      <h3 id={`${id}-heading`}>{heading}</h3>
      {errors[''] ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={3}>
          <p>{errors['']}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={isBusy}>
        {children}
      </form>
    </div>
  );
}

function ContactAttemptPanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ContactOutcome>();
  const [note, setNote] = useState('');
  const action = useAction('contact', ['outcome', 'note']);
  const submit = () => {
    if (!outcome) return action.setErrors({ 'contact.outcome': t('receiver.contact.outcomeRequired') });
    void action.run(async () => {
      const updated = await logContactAttempt(referral.id, { outcome, note: note.trim() || undefined });
      setOutcome(undefined);
      setNote('');
      onDone(updated, t('receiver.contact.done'));
    });
  };
  return (
    <Panel id="panel-contact" heading={t('receiver.contact.heading')} errors={action.errors} onSubmit={submit} isBusy={action.isBusy}>
      <p className="form-hint">{t('receiver.attemptsOfMax', { count: referral.contactAttemptCount, max: referral.maxContactAttempts })}</p>
      <RadioGroup
        fieldKey="contact.outcome"
        legend={t('receiver.contact.outcome')}
        options={(['reached', 'not_reached', 'not_safe_to_talk'] as const).map((value) => ({ value, label: t(`contactOutcome.${value}`) }))}
        value={outcome}
        error={action.errors['contact.outcome']}
        onChange={setOutcome}
      />
      <TextAreaField fieldKey="contact.note" label={t('receiver.contact.note')} maxLength={2000} rows={3} value={note} error={action.errors['contact.note']} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button button-primary">
        {t('receiver.contact.submit')}
      </button>
    </Panel>
  );
}

function AcceptPanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const action = useAction('accept', ['note']);
  const submit = () =>
    void action.run(async () => {
      const updated = await acceptReferral(referral.id, { note: note.trim() || undefined });
      setNote('');
      onDone(updated, t('receiver.accept.done'));
    });
  return (
    <Panel id="panel-accept" heading={t('receiver.accept.heading')} errors={action.errors} onSubmit={submit} isBusy={action.isBusy}>
      <TextAreaField fieldKey="accept.note" label={t('receiver.accept.note')} maxLength={2000} rows={3} value={note} error={action.errors['accept.note']} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button button-primary">
        {t('receiver.accept.submit')}
      </button>
    </Panel>
  );
}

function HandOverPanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const action = useAction('handOver', ['note']);
  const submit = () =>
    void action.run(async () => {
      const updated = await handOverReferral(referral.id, { note: note.trim() || undefined });
      setNote('');
      onDone(updated, t('receiver.handOver.done'));
    });
  return (
    <Panel id="panel-hand-over" heading={t('receiver.handOver.heading')} errors={action.errors} onSubmit={submit} isBusy={action.isBusy}>
      <p>{t('receiver.handOver.intro')}</p>
      <TextAreaField fieldKey="handOver.note" label={t('receiver.handOver.note')} maxLength={2000} rows={3} value={note} error={action.errors['handOver.note']} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button button-primary">
        {t('receiver.handOver.submit')}
      </button>
    </Panel>
  );
}

const reasonsInOrder: readonly DeclineReason[] = ['no_capacity', 'not_eligible', 'not_wanted', 'has_other_help', 'other'];

function DeclinePanel({ referral, onDone }: PanelProps) {
  const { t } = useTranslation();
  // Once accepted, only the citizen can still say no: the service made its decision when it accepted.
  const deciders: readonly DeclinedBy[] = referral.status === 'accepted' ? ['citizen'] : ['service', 'citizen'];
  const [decidedBy, setDecidedBy] = useState<DeclinedBy | undefined>(deciders.length === 1 ? deciders[0] : undefined);
  const [reason, setReason] = useState<DeclineReason>();
  const [note, setNote] = useState('');
  const action = useAction('decline', ['decidedBy', 'reason', 'note']);
  const reasons = decidedBy ? reasonsInOrder.filter((candidate) => isDeclineReasonAllowed(decidedBy, candidate)) : [];

  const submit = () => {
    const found: Record<string, string> = {};
    if (!decidedBy) found['decline.decidedBy'] = t('receiver.decline.decidedByRequired');
    if (!reason) found['decline.reason'] = t('receiver.decline.reasonRequired');
    if (!decidedBy || !reason) return action.setErrors(found);
    void action.run(async () => {
      const updated = await declineReferral(referral.id, { decidedBy, reason, note: note.trim() || undefined });
      onDone(updated, t('receiver.decline.done'));
    });
  };
  return (
    <Panel id="panel-decline" heading={t('receiver.decline.heading')} errors={action.errors} onSubmit={submit} isBusy={action.isBusy}>
      <RadioGroup
        fieldKey="decline.decidedBy"
        legend={t('receiver.decline.decidedBy')}
        options={deciders.map((value) => ({ value, label: t(`declinedBy.${value}`) }))}
        value={decidedBy}
        error={action.errors['decline.decidedBy']}
        isInline
        onChange={(value) => {
          setDecidedBy(value);
          if (reason && !isDeclineReasonAllowed(value, reason)) setReason(undefined);
        }}
      />
      {decidedBy ? (
        <RadioGroup
          fieldKey="decline.reason"
          legend={t('receiver.decline.reason')}
          options={reasons.map((value) => ({ value, label: t(`declineReason.${value}`) }))}
          value={reason}
          error={action.errors['decline.reason']}
          onChange={setReason}
        />
      ) : null}
      <TextAreaField fieldKey="decline.note" label={t('receiver.decline.note')} maxLength={2000} rows={3} value={note} error={action.errors['decline.note']} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button button-warning">
        {t('receiver.decline.submit')}
      </button>
    </Panel>
  );
}

function ReroutePanel({ referral }: PanelProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useResource((signal) => fetchRerouteOptions(signal), []);
  const [toServiceId, setToServiceId] = useState('');
  const [consentFor, setConsentFor] = useState<string>();
  const [categories, setCategories] = useState<ConsentDataCategory[]>(() => [...(referral.consent?.dataCategories ?? defaultConsentCategories)]);
  const [method, setMethod] = useState<'oral_at_scene' | 'written'>('oral_at_scene');
  const [consentAt, setConsentAt] = useState(() => toDateTimeLocal(new Date()));
  const [note, setNote] = useState('');
  const action = useAction('reroute', ['toServiceId', 'consent.dataCategories', 'consent.method', 'consent.obtainedAt', 'consent', 'note']);

  const services = (options.data ?? []).filter((service) => service.id !== referral.serviceId);
  const target = services.find((service) => service.id === toServiceId);
  const hasConsent = target !== undefined && consentFor === target.organisationId;

  const submit = () => {
    const found: Record<string, string> = {};
    if (!target) found['reroute.toServiceId'] = t('receiver.reroute.serviceRequired');
    else if (!hasConsent) found['reroute.consent.confirmed'] = t('receiver.reroute.consentRequired');
    if (categories.length === 0) found['reroute.consent.dataCategories'] = t('newReferral.errors.consentCategories');
    if (!consentAt || Number.isNaN(new Date(consentAt).getTime())) found['reroute.consent.obtainedAt'] = t('newReferral.errors.consentAt');
    if (!target || Object.keys(found).length) return action.setErrors(found);
    void action.run(async () => {
      await rerouteReferral(referral.id, {
        toServiceId: target.id,
        consent: {
          recipientOrganisationId: target.organisationId,
          dataCategories: allConsentCategories.filter((category) => categories.includes(category)),
          purpose: 'referral_for_counselling',
          method,
          obtainedAt: new Date(consentAt).toISOString(),
        },
        note: note.trim() || undefined,
      });
      // The referral now belongs to the new service: back to the inbox, with the result announced there.
      navigate('/inbox', { state: { message: t('receiver.reroute.done', { service: target.name }) } });
    });
  };

  return (
    <Panel id="panel-reroute" heading={t('receiver.reroute.heading')} errors={action.errors} onSubmit={submit} isBusy={action.isBusy}>
      <p>{t('receiver.reroute.intro')}</p>
      {options.isLoading && !options.data ? (
        <Loading />
      ) : (
        <SelectField
          fieldKey="reroute.toServiceId"
          label={t('receiver.reroute.service')}
          options={services.map((service) => ({ value: service.id, label: `${service.name} – ${service.organisationName}` }))}
          value={toServiceId}
          emptyLabel={t('newReferral.who.chooseService')}
          error={action.errors['reroute.toServiceId'] ?? (options.error ? (options.error.detail ?? t('errors.network')) : undefined)}
          onChange={setToServiceId}
        />
      )}
      {target ? (
        <>
          <CheckboxField
            fieldKey="reroute.consent.confirmed"
            label={t('receiver.reroute.consentStatement', { organisation: target.organisationName })}
            isChecked={hasConsent}
            error={action.errors['reroute.consent.confirmed'] ?? action.errors['reroute.consent']}
            onChange={(isChecked) => setConsentFor(isChecked ? target.organisationId : undefined)}
          />
          <CheckboxGroup<ConsentDataCategory>
            fieldKey="reroute.consent.dataCategories"
            legend={t('newReferral.consent.categories')}
            options={allConsentCategories.map((value) => ({ value, label: t(`consentCategory.${value}`) }))}
            values={categories}
            error={action.errors['reroute.consent.dataCategories']}
            onChange={setCategories}
          />
          <RadioGroup
            fieldKey="reroute.consent.method"
            legend={t('newReferral.consent.methodReroute')}
            options={(['oral_at_scene', 'written'] as const).map((value) => ({ value, label: t(`consentMethod.${value}`) }))}
            value={method}
            error={action.errors['reroute.consent.method']}
            onChange={setMethod}
          />
          <TextField
            fieldKey="reroute.consent.obtainedAt"
            label={t('newReferral.consent.when')}
            type="datetime-local"
            inputClassName="app-short-input"
            value={consentAt}
            error={action.errors['reroute.consent.obtainedAt']}
            onChange={(event) => setConsentAt(event.target.value)}
          />
        </>
      ) : null}
      <TextAreaField fieldKey="reroute.note" label={t('receiver.reroute.note')} maxLength={2000} rows={3} value={note} error={action.errors['reroute.note']} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button button-primary">
        {t('receiver.reroute.submit')}
      </button>
    </Panel>
  );
}
