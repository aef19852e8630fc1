import type { ReactNode } from 'react';
import { Alert } from './Alert';

/** Warnings that must be read before acting (how NOT to contact a person), each in bold; nothing when there are none. */
export function WarningsAlert({ heading, warnings, isSevere }: { heading: ReactNode; warnings: readonly string[]; isSevere: boolean }) {
  if (warnings.length === 0) return null;
  return (
    <Alert variant={isSevere ? 'error' : 'warning'} heading={heading} headingLevel={3}>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>
            <strong>{warning}</strong>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
