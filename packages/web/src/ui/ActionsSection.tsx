import type { ReactNode, RefObject } from 'react';
import { LiveMessage } from './LiveMessage';

type ActionsSectionProps = {
  id: string;
  heading: ReactNode;
  /** Focus goes here after an action: the button just used often disappears with the new state. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** What the last action did, announced and shown. */
  message: string | undefined;
  children: ReactNode;
  /** Added to the section's own class (`app-section`). */
  className?: string;
};

/** The actions on a record, under a heading that takes focus after each one, with the result announced. */
export function ActionsSection({ id, heading, headingRef, message, children, className }: ActionsSectionProps) {
  return (
    <section className={className ? `app-section ${className}` : 'app-section'} aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1} className="app-page-heading">
        {heading}
      </h2>
      <LiveMessage message={message} isVisible />
      {children}
    </section>
  );
}
