import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * What a page last did (created, saved, published …), kept as a kind, not as text, so its message follows a change
 * of language. A page reached right after creating something gets the kind in history state (never in the URL).
 * Counted, so the same outcome twice ("saved", "saved") is still announced: key the message by `count`.
 */
export function useOutcome<T>(): { last: T | undefined; count: number; record: (outcome: T) => void } {
  const arrivedWith = (useLocation().state as { outcome?: T } | null)?.outcome;
  const [outcome, setOutcome] = useState({ last: arrivedWith, count: 0 });
  const record = useCallback((last: T) => setOutcome((current) => ({ last, count: current.count + 1 })), []);
  return { ...outcome, record };
}
