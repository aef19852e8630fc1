import { EndServiceRequest, ServiceEndReason, type AdminService, type ServiceEndPreview, type ServiceEndResult } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { AppForm } from '../../forms/AppForm';
import { FormRadioGroup, FormSelectField, FormTextAreaField } from '../../forms/fields';
import { SubmitButton } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { endService, serviceEndPreviewQuery, serviceKeys } from './services.api';

type OpenWork = EndServiceRequest['openWork'];
type EndValues = { openWork: OpenWork | undefined; targetServiceId: string; reason: ServiceEndReason | undefined; explanation: string };
type EndServiceProps = { service: AdminService; onClose: () => void; onEnded: (result: ServiceEndResult) => void };

/**
 * "Afslut tilbud": how many open referrals and courses the service has (counts only), where they go — another
 * service that can take them all, or closed with a reason — and a second, deliberate confirmation.
 */
export function EndService({ service, onClose, onEnded }: EndServiceProps) {
  const { t } = useTranslation();
  const preview = useQuery(serviceEndPreviewQuery(service.id));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="app-form-section" aria-labelledby="services-end-heading">
      <h2 id="services-end-heading" tabIndex={-1} className="app-page-heading" ref={headingRef}>
        {t('services.end.heading', { name: service.name })}
      </h2>
      <Loaded query={preview}>{(data) => <EndServiceForm service={service} preview={data} onClose={onClose} onEnded={onEnded} />}</Loaded>
    </section>
  );
}

function EndServiceForm({ service, preview, onClose, onEnded }: EndServiceProps & { preview: ServiceEndPreview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isConfirming, setIsConfirming] = useState(false);
  // The first valid submit asks; the confirmation submits again, and only then is the request sent.
  const isConfirmed = useRef(false);
  const hasOpenWork = preview.openReferralCount > 0 || preview.openCourseCount > 0;
  const schema = useRequestSchema(EndServiceRequest, toRequest, (t) => ({
    openWork: t('services.end.errors.openWork'),
    targetServiceId: t('services.end.errors.targetServiceId'),
    reason: t('services.end.errors.reason'),
    explanation: t('services.end.errors.explanation'),
  }));
  const form = useAppForm({
    schema,
    defaultValues: hasOpenWork ? { openWork: undefined, targetServiceId: '', reason: undefined, explanation: '' } : { openWork: 'close', targetServiceId: '', reason: 'service_closed', explanation: '' },
    idPrefix: 'end-service',
    codeFields: { open_work_not_movable: 'targetServiceId' },
    messageOf: (message) => (message === 'not_an_active_service' ? t('services.end.errors.targetServiceId') : message),
    onSubmit: async (request) => {
      if (!isConfirmed.current) return setIsConfirming(true);
      const result = await endService(service.id, request);
      void queryClient.invalidateQueries({ queryKey: serviceKeys.services });
      onEnded(result);
    },
  });
  const confirm = async () => {
    isConfirmed.current = true;
    await form.submit();
    isConfirmed.current = false;
    setIsConfirming(false);
  };
  const openWork = useWatch({ control: form.control, name: 'openWork' });
  return (
    <AppForm form={form}>
      <p>{hasOpenWork ? t('services.end.openWork', { referrals: preview.openReferralCount, courses: preview.openCourseCount, waiting: preview.waitingCourseCount }) : t('services.end.noOpenWork')}</p>
      {hasOpenWork ? <OpenWorkFields form={form} preview={preview} openWork={openWork} /> : null}
      {isConfirming ? (
        <ConfirmEnd question={t(openWork === 'hand_over' ? 'services.end.questionHandOver' : 'services.end.questionClose', { name: service.name })} isBusy={form.isBusy} onConfirm={confirm} onCancel={() => setIsConfirming(false)} />
      ) : (
        <div className="app-button-row">
          <SubmitButton variant="warning" isBusy={form.isBusy}>
            {t('services.end.submit')}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </AppForm>
  );
}

/** The second, deliberate click. The question takes focus, so it is read out. */
function ConfirmEnd({ question, isBusy, onConfirm, onCancel }: { question: string; isBusy: boolean; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div className="app-confirm" role="group" aria-labelledby="end-service-question">
      <p className="app-confirm-question" id="end-service-question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="app-button-row">
        <button type="button" className="button button-warning" aria-disabled={isBusy || undefined} onClick={() => void (isBusy ? undefined : onConfirm())}>
          {t('services.end.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function toRequest(values: EndValues) {
  if (values.openWork === 'hand_over') return { openWork: values.openWork, targetServiceId: values.targetServiceId || undefined };
  return { openWork: values.openWork, reason: values.reason, explanation: values.explanation.trim() || undefined };
}

type OpenWorkFieldsProps = { form: ReturnType<typeof useAppForm<ReturnType<typeof useRequestSchema<EndValues, typeof EndServiceRequest>>>>; preview: ServiceEndPreview; openWork: OpenWork | undefined };

function OpenWorkFields({ form, preview, openWork }: OpenWorkFieldsProps) {
  const { t } = useTranslation();
  const choices: OpenWork[] = ['hand_over', 'close'];
  return (
    <>
      <FormRadioGroup<EndValues, OpenWork> control={form.control} name="openWork" legend={t('services.end.openWorkLegend')} options={choices.map((value) => ({ value, label: t(`services.end.choices.${value}`) }))} />
      {openWork === 'hand_over' ? (
        <FormSelectField<EndValues>
          control={form.control}
          name="targetServiceId"
          label={t('services.end.target')}
          hint={preview.targets.length > 0 ? t('services.end.targetHint') : t('services.end.noTargets')}
          options={preview.targets.map((target) => ({ value: target.id, label: t('services.end.targetOption', { name: target.name, organisation: target.organisationName }) }))}
          emptyLabel={t('services.end.chooseTarget')}
        />
      ) : null}
      {openWork === 'close' ? (
        <>
          <FormRadioGroup<EndValues, ServiceEndReason> control={form.control} name="reason" legend={t('services.end.reason')} options={ServiceEndReason.options.map((value) => ({ value, label: t(`serviceEndReason.${value}`) }))} />
          <FormTextAreaField control={form.control} name="explanation" label={t('services.end.explanation')} hint={t('services.end.explanationHint')} maxLength={1000} rows={3} />
        </>
      ) : null}
    </>
  );
}
