import type { ReactNode } from 'react';

export type TimelineItem = { id: string; time: string; dateTime: string; text: ReactNode; note?: ReactNode };

/** A referral's history, oldest first, as an ordered list with machine-readable times. */
export function Timeline({ items, noteLabel }: { items: readonly TimelineItem[]; noteLabel: string }) {
  return (
    <ol className="app-timeline">
      {items.map((item) => (
        <li key={item.id}>
          <time dateTime={item.dateTime} className="app-timeline-time">
            {item.time}
          </time>
          <span className="app-timeline-text">{item.text}</span>
          {item.note ? (
            <span className="app-timeline-note">
              <span className="sr-only">{noteLabel}: </span>
              {item.note}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
