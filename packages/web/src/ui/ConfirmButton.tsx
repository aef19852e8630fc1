import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmButtonProps = {
  /** The button that starts the action, e.g. "Træk henvisningen tilbage". */
  label: ReactNode;
  question: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => Promise<void> | void;
  isBusy?: boolean;
  variant?: 'secondary' | 'warning';
  /** Extra fields to fill in before confirming (e.g. an optional note). */
  children?: ReactNode;
};

/** An action that needs a second, deliberate click. The question takes focus so it is read out. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, isBusy = false, variant = 'secondary', children }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (isAsking) questionRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button type="button" ref={startRef} className={`button button-${variant}`} onClick={() => setIsAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="app-confirm" role="group" aria-labelledby={questionId}>
      <p className="app-confirm-question" id={questionId} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      {children}
      <div className="app-button-row">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={isBusy || undefined}
          onClick={async () => {
            if (isBusy) return;
            await onConfirm();
            setIsAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setIsAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
