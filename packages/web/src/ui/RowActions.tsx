import type { ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton';

/**
 * Buttons in a table row. Each names its row for screen readers ("Deaktiver <span class=sr-only>Mette</span>"), so
 * a list of buttons read out of context still says which row each acts on.
 */
export function RowButton({ label, rowName, onClick }: { label: ReactNode; rowName: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-secondary" onClick={onClick}>
      {label} <span className="sr-only">{rowName}</span>
    </button>
  );
}

type RowConfirmButtonProps = { label: ReactNode; rowName: string; question: ReactNode; confirmLabel: ReactNode; isBusy: boolean; onConfirm: () => Promise<void> };

/** A row action that needs a second, deliberate click (deactivate, reset the second factor). */
export function RowConfirmButton({ label, rowName, ...confirm }: RowConfirmButtonProps) {
  return (
    <ConfirmButton
      {...confirm}
      label={
        <>
          {label} <span className="sr-only">{rowName}</span>
        </>
      }
    />
  );
}
