import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from './AppForm';
import type { AppForm as AppFormApi } from './useAppForm';

type FormPanelProps<V extends FieldValues> = {
  /** Makes the heading's id (`<id>-heading`), which names the form. */
  id: string;
  heading: ReactNode;
  headingLevel?: 2 | 3 | 4;
  form: AppFormApi<V>;
  /** See AppForm: the error summary (default), or an alert for a small action panel. */
  errorDisplay?: 'summary' | 'alert' | 'none';
  children: ReactNode;
};

/** An action's form in a panel, named by its heading, so it is a `form` landmark ("Accepter henvisningen"). */
export function FormPanel<V extends FieldValues>({ id, heading, headingLevel = 3, form, errorDisplay, children }: FormPanelProps<V>) {
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="app-action-panel">
      <Heading id={`${id}-heading`}>{heading}</Heading>
      <AppForm form={form} labelledBy={`${id}-heading`} errorDisplay={errorDisplay}>
        {children}
      </AppForm>
    </div>
  );
}

/** The submit button of a form; `aria-disabled` while it is being sent, so focus stays on it. */
export function SubmitButton({ children, variant = 'primary', isBusy = false }: { children: ReactNode; variant?: 'primary' | 'secondary' | 'warning'; isBusy?: boolean }) {
  return (
    <button type="submit" className={`button button-${variant}`} aria-disabled={isBusy || undefined}>
      {children}
    </button>
  );
}

/** Save, or leave the form without saving (an edit opened from a list). */
export function SubmitOrCancel({ submitLabel, onCancel }: { submitLabel: ReactNode; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app-button-row">
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** The submit button on its own row, below the fields. */
export function SubmitRow({ children, isBusy }: { children: ReactNode; isBusy: boolean }) {
  return (
    <div className="app-button-row">
      <SubmitButton isBusy={isBusy}>{children}</SubmitButton>
    </div>
  );
}

/**
 * The submit button of a long editor (a directory listing, a campaign), in a bar fixed to the bottom of the window:
 * Save is always in view, also on a phone. The page gets room below its last field for the bar (app.css), and the
 * browser scrolls a focused field clear of it (`scroll-padding-bottom`), so the bar never hides what is being typed.
 */
export function StickySubmitBar({ children, isBusy }: { children: ReactNode; isBusy: boolean }) {
  return (
    <div className="app-sticky-actions">
      <div className="container">
        <SubmitButton isBusy={isBusy}>{children}</SubmitButton>
      </div>
    </div>
  );
}
