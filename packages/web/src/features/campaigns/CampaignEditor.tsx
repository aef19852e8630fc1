import type { CreateCampaignRequest } from '@bro/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { summaryOf } from '../../form-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { campaignErrorsOfServer, checkCampaignDraft, type CampaignDraft, type CampaignDraftUpdate, type CampaignError } from './campaign-form';
import { CampaignFields } from './CampaignFields';
import { useCampaignErrorText } from './useCampaignErrorText';
import type { ServiceChoice } from './useCampaigns';
import './campaigns.css';

type EditorProps = {
  draft: CampaignDraft;
  onChange: CampaignDraftUpdate;
  submitLabel: string;
  /** Saves the checked request; throws the ApiError of a refusal, which the editor shows on the fields. */
  onSubmit: (request: CreateCampaignRequest) => Promise<void>;
  linkedServices: readonly ServiceChoice[];
};

/**
 * The campaign form. The draft is checked with the server's own schema before it is sent; what the server still
 * refuses (an address another campaign took, a service that closed meanwhile) lands on the same fields.
 */
export function CampaignEditor({ draft, onChange, submitLabel, onSubmit, linkedServices }: EditorProps) {
  const { t } = useTranslation();
  const errorText = useCampaignErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };
  const messages = (found: readonly CampaignError[]) => Object.fromEntries(found.map((error) => [error.fieldKey, errorText(error)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const checked = checkCampaignDraft(draft);
    if (!checked.request) return fail(messages(checked.errors));
    setErrors({});
    setIsBusy(true);
    try {
      await onSubmit(checked.request);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
      if (apiError.status === 0) return fail({ '': t('errors.network') });
      const found = messages(campaignErrorsOfServer(apiError.code, apiError.fieldErrors));
      fail(Object.keys(found).length > 0 ? found : { '': apiError.detail ?? t('errors.unexpected') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-busy={isBusy} className="app-campaign-form">
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <CampaignFields draft={draft} errors={errors} onChange={onChange} linkedServices={linkedServices} />
      <div className="app-button-row">
        <button type="submit" className="button button-primary">
          {isBusy ? t('campaigns.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
