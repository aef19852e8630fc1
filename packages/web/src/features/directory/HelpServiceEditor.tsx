import type { CreateHelpServiceRequest } from '@bro/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { StickySubmitBar } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { codeOfServerMessage, helpServiceSchema, problemAliases, type HelpServiceDraft } from './help-service-form';
import { HelpServiceFields } from './HelpServiceFields';
import { HelpServicePreview } from './HelpServicePreview';
import { useHelpServiceErrorText } from './useHelpServiceErrorText';
import './directory.css';

/**
 * The listing form: checked with the server's own schema before it is sent; what the server still refuses (a slug
 * another listing took) lands on the same fields, in the same sentences.
 */
export function useHelpServiceForm(initial: HelpServiceDraft, onSubmit: (request: CreateHelpServiceRequest) => Promise<unknown>) {
  const describe = useHelpServiceErrorText();
  const schema = useMemo(() => helpServiceSchema(describe), [describe]);
  return useAppForm({
    schema,
    defaultValues: initial,
    onSubmit,
    aliases: problemAliases,
    messageOf: (message, fieldKey) => (fieldKey ? describe({ fieldKey, code: codeOfServerMessage(message) }) : message),
  });
}

type EditorProps = { form: ReturnType<typeof useHelpServiceForm>; submitLabel: string; organisationName: string; lastCheckedAt: string | undefined };

/** The listing form beside a live preview of its public page. */
export function HelpServiceEditor({ form, submitLabel, organisationName, lastCheckedAt }: EditorProps) {
  const { t } = useTranslation();
  return (
    <div className="app-directory-editor">
      <AppForm form={form} className="app-directory-form">
        <HelpServiceFields control={form.control} />
        <StickySubmitBar isBusy={form.isBusy}>{form.isBusy ? t('directory.saving') : submitLabel}</StickySubmitBar>
      </AppForm>
      <HelpServicePreview draft={form.watch()} organisationName={organisationName} lastCheckedAt={lastCheckedAt} />
    </div>
  );
}
