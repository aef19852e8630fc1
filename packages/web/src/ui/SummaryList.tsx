import type { ReactNode } from 'react';

export type SummaryItem = { key: string; term: ReactNode; value: ReactNode };

/** Label/value pairs as a description list; stacks on phones. */
export function SummaryList({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl className="app-summary-list">
      {items.map((item) => (
        <div className="app-summary-row" key={item.key}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
