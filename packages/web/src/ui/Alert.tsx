import type { ReactNode } from 'react';

export type AlertVariant = 'info' | 'warning' | 'error' | 'success';

const iconByVariant: Record<AlertVariant, string> = { info: 'icon-info', warning: 'icon-warning', error: 'icon-error', success: 'icon-success' };

type AlertProps = {
  variant: AlertVariant;
  heading?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts a screen reader; use it only for what must be heard now. */
  role?: 'alert' | 'status';
  headingLevel?: 2 | 3;
  id?: string;
};

/** DKFDS alert: a coloured box whose meaning is also in its heading text, never in the colour alone. */
export function Alert({ variant, heading, children, role, headingLevel = 2, id }: AlertProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`alert alert-${variant}`} role={role} id={id}>
      <span className={`icon alert-icon ${iconByVariant[variant]}`} aria-hidden="true" />
      {heading ? <Heading className="alert-heading">{heading}</Heading> : null}
      {children ? <div className="alert-text">{children}</div> : null}
    </div>
  );
}
