import type { ReactNode } from 'react';
import { useFormState, type FieldValues } from 'react-hook-form';
import { ActionFailed } from '../ui/ActionFailed';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FormIdContext, prefixed } from './form-context';
import { errorLines, groupErrorLines } from './form-errors';
import type { AppForm as AppFormApi } from './useAppForm';

type AppFormProps<V extends FieldValues> = {
  form: AppFormApi<V>;
  children: ReactNode;
  /**
   * `summary` (the default): the DKFDS error summary at the top, linking to each field, focused after a failed
   * submit. `alert`: for a small action panel, the form's own problem in an alert and field problems at the fields.
   * `none`: the form shows its problems itself (the eligibility rules editor lists each with its place in the rules).
   */
  errorDisplay?: 'summary' | 'alert' | 'none';
  /** Names the form (a `form` landmark) by its heading. */
  labelledBy?: string;
  className?: string;
};

export function AppForm<V extends FieldValues>({ form, children, errorDisplay = 'summary', labelledBy, className }: AppFormProps<V>) {
  return (
    <FormIdContext.Provider value={form.idPrefix}>
      <form noValidate ref={form.formRef} onSubmit={(event) => void form.submit(event)} aria-busy={form.isBusy} aria-labelledby={labelledBy} className={className}>
        {errorDisplay === 'summary' ? <FormErrorSummary form={form} /> : errorDisplay === 'alert' ? <FormErrorAlert form={form} /> : null}
        {children}
      </form>
    </FormIdContext.Provider>
  );
}

function FormErrorSummary<V extends FieldValues>({ form }: { form: AppFormApi<V> }) {
  const { errors } = useFormState({ control: form.control });
  const domKey = (key: string) => prefixed(form.idPrefix, key);
  return <ErrorSummary errors={groupErrorLines(errorLines(errors, domKey), form.summaryGroups, domKey)} attempt={form.attempt} />;
}

/** Only what belongs to no field: the fields say their own problems. */
function FormErrorAlert<V extends FieldValues>({ form }: { form: AppFormApi<V> }) {
  const { errors } = useFormState({ control: form.control });
  const formLines = errorLines(errors).filter((line) => !line.fieldKey);
  return <ActionFailed message={formLines.map((line) => line.message).join(' ') || undefined} />;
}
