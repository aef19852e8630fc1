import { useEffect, useRef, type ReactNode } from 'react';

type LiveMessageProps = {
  message: ReactNode;
  /** Also show the message as a success alert (action results); otherwise it is for screen readers only. */
  isVisible?: boolean;
  /**
   * Move focus to the message when it appears: for results whose form has just closed, so focus is not lost
   * and the user sees what happened wherever the page had scrolled to.
   */
  isFocusedOnChange?: boolean;
};

/** A polite live region that is always in the page, so a message put into it later is announced. */
export function LiveMessage({ message, isVisible = false, isFocusedOnChange = false }: LiveMessageProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && isFocusedOnChange) ref.current?.focus();
  }, [message, isFocusedOnChange]);
  return (
    <div aria-live="polite" aria-atomic="true" className={isVisible ? 'app-live-message' : 'sr-only'} ref={ref} tabIndex={isFocusedOnChange ? -1 : undefined}>
      {message ? (
        isVisible ? (
          <div className="alert alert-success">
            <span className="icon alert-icon icon-success" aria-hidden="true" />
            <p className="alert-text">{message}</p>
          </div>
        ) : (
          <p>{message}</p>
        )
      ) : null}
    </div>
  );
}
