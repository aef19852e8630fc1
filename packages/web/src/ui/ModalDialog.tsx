import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

type ModalDialogProps = {
  heading: ReactNode;
  children: ReactNode;
  /** The buttons, first the one that takes focus when the dialog opens (the safe choice). */
  actions: ReactNode;
  /** Escape: the safe choice, as with the first button. */
  onEscape: () => void;
  /** `alertdialog` for what interrupts the person (a warning, a question before leaving). */
  role?: 'dialog' | 'alertdialog';
};

const focusable = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A DKFDS modal: fixed in the middle of the viewport wherever the page is scrolled, the rest of the page inert
 * (unreachable by keyboard, mouse and screen reader) while it is open, focus on its first button and kept inside
 * it, Escape for the safe choice, and focus back where it was when it closes.
 */
export function ModalDialog({ heading, children, actions, onEscape, role = 'dialog' }: ModalDialogProps) {
  const headingId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    } else if (event.key === 'Tab') {
      keepTabInside(event, dialogRef.current);
    }
  };

  return createPortal(
    <div className="app-modal">
      <div className="modal-backdrop show" />
      <div ref={dialogRef} className="fds-modal" aria-hidden="false" role={role} aria-modal="true" aria-labelledby={headingId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <div className="modal-content">
          <div className="modal-header">
            <h2 className="modal-title" id={headingId}>
              {heading}
            </h2>
          </div>
          <div className="modal-body" id={bodyId}>
            {children}
          </div>
          <div className="modal-footer">{actions}</div>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** While open: everything else in <body> is inert, the first button has focus; afterwards focus goes back. */
function useModalFocus(dialogRef: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const container = dialog.parentElement;
    // Only what was not inert already: another dialog's own choice is left alone when this one closes.
    const others = [...document.body.children].filter((element) => element !== container && !element.hasAttribute('inert'));
    for (const element of others) element.setAttribute('inert', '');
    dialog.querySelector<HTMLElement>(focusable)?.focus();
    return () => {
      for (const element of others) element.removeAttribute('inert');
      previous?.focus();
    };
  }, [dialogRef]);
}

function keepTabInside(event: KeyboardEvent, dialog: HTMLElement | null) {
  const elements = [...(dialog?.querySelectorAll<HTMLElement>(focusable) ?? [])];
  const first = elements[0];
  const last = elements.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
