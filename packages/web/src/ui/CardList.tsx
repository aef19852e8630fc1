import type { ReactNode } from 'react';

/** Cards for a list of things (stays, underretninger, decisions …), or a sentence saying there are none. */
export function CardList<T>({ items, empty, children }: { items: readonly T[]; empty: ReactNode; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <p>{empty}</p>;
  return <ul className="app-cards">{items.map(children)}</ul>;
}
