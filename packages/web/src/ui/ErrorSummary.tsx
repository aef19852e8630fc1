import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDomId } from './fields';

export type SummaryError = { fieldKey?: string; message: string };

/**
 * The error summary at the top of a form. It takes focus each time a submit fails (`attempt` changes), and each
 * error links to its field, so a keyboard or screen-reader user hears what is wrong and can go straight to it.
 */
export function ErrorSummary({ errors, attempt }: { errors: readonly SummaryError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
    // Focus only on a new failed attempt, not on every edit that changes the list.
  }, [attempt]);

  if (!hasErrors) return null;
  const focusField = (fieldKey: string) => {
    const element = document.getElementById(fieldDomId(fieldKey));
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="alert alert-error app-error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <span className="icon alert-icon icon-error" aria-hidden="true" />
      <h2 className="alert-heading" id={headingId}>
        {t('common.errorSummaryHeading')}
      </h2>
      <ul className="alert-text nobullet-list">
        {errors.map((error, index) => (
          <li key={`${error.fieldKey ?? ''}-${index}`}>
            {error.fieldKey ? (
              <a
                href={`#${fieldDomId(error.fieldKey)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(error.fieldKey as string);
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
