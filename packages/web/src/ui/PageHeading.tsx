import { useEffect, useRef, type ReactNode } from 'react';

let hasShownFirstHeading = false;

/**
 * The page's one <h1>. After a client-side navigation it takes focus, so keyboard and screen-reader users start
 * reading the new page at its top; on the first page load the browser's own focus handling is left alone.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasShownFirstHeading) ref.current?.focus();
    hasShownFirstHeading = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="app-page-heading">
      {children}
    </h1>
  );
}
