import type { CreateHelpServiceRequest } from '@bro/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { summaryOf } from '../../form-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { checkDraft, draftErrorsOfServer, type DraftError, type DraftUpdate, type HelpServiceDraft } from './help-service-form';
import { HelpServiceFields } from './HelpServiceFields';
import { HelpServicePreview } from './HelpServicePreview';
import { useDraftErrorText } from './useDraftErrorText';
import './directory.css';

type EditorProps = {
  draft: HelpServiceDraft;
  onChange: DraftUpdate;
  submitLabel: string;
  /** Saves the checked request; throws the ApiError of a refusal, which the editor shows on the fields. */
  onSubmit: (request: CreateHelpServiceRequest) => Promise<void>;
  organisationName: string;
  lastCheckedAt: string | undefined;
};

/**
 * The listing form beside a live preview of its public page. The draft is checked with the server's own schema
 * before it is sent; what the server still refuses (a slug another listing took) lands on the same fields.
 */
export function HelpServiceEditor({ draft, onChange, submitLabel, onSubmit, organisationName, lastCheckedAt }: EditorProps) {
  const { t } = useTranslation();
  const errorText = useDraftErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };
  const messages = (found: readonly DraftError[]) => Object.fromEntries(found.map((error) => [error.fieldKey, errorText(error)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const checked = checkDraft(draft);
    if (!checked.request) return fail(messages(checked.errors));
    setErrors({});
    setIsBusy(true);
    try {
      await onSubmit(checked.request);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
      if (apiError.status === 0) return fail({ '': t('errors.network') });
      const found = messages(draftErrorsOfServer(apiError.fieldErrors));
      fail(Object.keys(found).length > 0 ? found : { '': apiError.detail ?? t('errors.unexpected') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="app-directory-editor">
      <form noValidate onSubmit={submit} aria-busy={isBusy} className="app-directory-form">
        <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
        <HelpServiceFields draft={draft} errors={errors} onChange={onChange} />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {isBusy ? t('directory.saving') : submitLabel}
          </button>
        </div>
      </form>
      <HelpServicePreview draft={draft} organisationName={organisationName} lastCheckedAt={lastCheckedAt} />
    </div>
  );
}
