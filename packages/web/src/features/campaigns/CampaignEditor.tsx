import type { CreateCampaignRequest } from '@bro/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { StickySubmitBar } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { campaignSchema, codeOfServerMessage, type CampaignDraft } from './campaign-form';
import type { ServiceChoice } from './campaigns.api';
import { CampaignFields } from './CampaignFields';
import { useCampaignErrorText } from './useCampaignErrorText';
import './campaigns.css';

/**
 * The campaign form: checked with the server's own schema before it is sent; what the server still refuses (an
 * address another campaign took, a service that closed meanwhile) lands on the same fields, in the same sentences.
 */
export function useCampaignForm(initial: CampaignDraft, onSubmit: (request: CreateCampaignRequest) => Promise<unknown>) {
  const describe = useCampaignErrorText();
  const schema = useMemo(() => campaignSchema(describe), [describe]);
  return useAppForm({
    schema,
    defaultValues: initial,
    onSubmit,
    codeFields: { slug_taken: { fieldKey: 'slug', message: describe({ fieldKey: 'slug', code: 'slug_taken' }) } },
    messageOf: (message, fieldKey) => (fieldKey ? describe({ fieldKey, code: codeOfServerMessage(message) }) : message),
  });
}

type EditorProps = {
  form: ReturnType<typeof useCampaignForm>;
  submitLabel: string;
  /** Services the campaign points to now, with names, so a listing that is no longer active can still be removed. */
  linkedServices: readonly ServiceChoice[];
};

export function CampaignEditor({ form, submitLabel, linkedServices }: EditorProps) {
  const { t } = useTranslation();
  return (
    <AppForm form={form} className="app-campaign-form">
      <CampaignFields control={form.control} linkedServices={linkedServices} />
      <StickySubmitBar isBusy={form.isBusy}>{form.isBusy ? t('campaigns.saving') : submitLabel}</StickySubmitBar>
    </AppForm>
  );
}
