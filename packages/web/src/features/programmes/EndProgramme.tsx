import { EndProgrammeRequest, type Programme, type ProgrammeChoices } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormRadioGroup, FormSelectField, FormTextAreaField } from '../../forms/fields';
import { byField, requestSchema } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { endProgramme, programmeKeys } from './programmes.api';

type EndDraft = { openWork: 'hand_over' | 'close' | ''; serviceId: string; explanation: string };

const endSchema = (t: TFunction, version: number) =>
  requestSchema({
    schema: EndProgrammeRequest,
    toRequest: (draft: EndDraft) => ({
      version,
      openReferrals: draft.openWork === 'hand_over' ? { kind: 'hand_over' as const, serviceId: draft.serviceId } : draft.openWork === 'close' ? { kind: 'close' as const, explanation: draft.explanation } : undefined,
    }),
    fieldKeyOf: (path) => (path.endsWith('serviceId') ? 'serviceId' : path.endsWith('explanation') ? 'explanation' : 'openWork'),
    messageOf: byField({ openWork: t('programmes.end.errors.openWork'), serviceId: t('programmes.end.errors.serviceId'), explanation: t('programmes.end.errors.explanation') }, t('errors.unexpected')),
  });

/** Ending a programme: its open referrals are handed over to another service or closed with a reason, never left. */
export function EndProgramme({ programme, choices, onEnded }: { programme: Programme; choices: ProgrammeChoices; onEnded: (programme: Programme) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useMemo(() => endSchema(t, programme.version), [t, programme.version]);
  const form = useAppForm({
    schema,
    defaultValues: { openWork: '', serviceId: '', explanation: '' },
    idPrefix: 'end-programme',
    codeFields: { open_work_not_movable: 'serviceId' },
    onSubmit: async (request) => {
      const ended = await endProgramme(programme.id, request);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onEnded(ended);
    },
  });
  const openWork = form.watch('openWork');
  if (programme.status === 'ended') return null;
  return (
    <section className="app-form-section" aria-labelledby="programme-end-heading">
      <h2 id="programme-end-heading">{t('programmes.end.heading')}</h2>
      <p className="app-narrow">{t('programmes.end.intro')}</p>
      <AppForm form={form}>
        <FormRadioGroup
          control={form.control}
          name="openWork"
          legend={t('programmes.end.openWork')}
          options={[
            { value: 'hand_over', label: t('programmes.end.handOver') },
            { value: 'close', label: t('programmes.end.close') },
          ]}
        />
        {openWork === 'hand_over' ? (
          <FormSelectField
            control={form.control}
            name="serviceId"
            label={t('programmes.end.target')}
            hint={t('programmes.end.targetHint')}
            options={choices.services.map((service) => ({ value: service.id, label: `${service.name} (${service.organisationName})` }))}
            emptyLabel={t('programmes.chooseService')}
          />
        ) : null}
        {openWork === 'close' ? <FormTextAreaField control={form.control} name="explanation" label={t('programmes.end.explanation')} hint={t('programmes.end.explanationHint')} rows={3} /> : null}
        <button type="submit" className="button button-primary">
          {t('programmes.end.submit')}
        </button>
      </AppForm>
    </section>
  );
}
