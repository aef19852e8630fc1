import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { fieldDomId } from './fields';

/**
 * Parts for forms with repeatable rows (phones, opening hours, testimonials, videos …).
 *
 * `useFocusAfterRender` moves focus after the list has re-rendered: to the first field of a row just added, or to
 * the "add" button when a row was removed (its own button is gone), so keyboard and screen-reader users are never
 * dropped at the top of the page.
 */
export function useFocusAfterRender(): (fieldKey: string) => void {
  // A new object each time, so asking twice for the same field still moves focus.
  const [target, setTarget] = useState<{ fieldKey: string }>();
  useEffect(() => {
    if (target) document.getElementById(fieldDomId(target.fieldKey))?.focus();
  }, [target]);
  return useCallback((fieldKey: string) => setTarget({ fieldKey }), []);
}

/** One row of a repeatable list: a framed fieldset with its legend and a remove button. */
export function ItemFrame({ legend, removeLabel, onRemove, className = 'app-repeat-item', children }: { legend: string; removeLabel: string; onRemove: () => void; className?: string; children: ReactNode }) {
  return (
    <fieldset className={className}>
      <legend className="form-label">{legend}</legend>
      {children}
      <button type="button" className="button button-secondary" onClick={onRemove}>
        {removeLabel}
      </button>
    </fieldset>
  );
}

/** The "add" button carries the list's field id, so an error about the list as a whole links to it. */
export function AddButton({ fieldKey, label, error, onAdd }: { fieldKey: string; label: string; error: string | undefined; onAdd: () => void }) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      {error ? (
        <span className="form-error-message" id={`${domId}-error`}>
          {error}
        </span>
      ) : null}
      <button type="button" id={domId} className="button button-secondary" onClick={onAdd} aria-describedby={error ? `${domId}-error` : undefined}>
        {label}
      </button>
    </div>
  );
}
