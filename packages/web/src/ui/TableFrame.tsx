import { useId, type ReactNode } from 'react';

type TableFrameProps = {
  caption: ReactNode;
  /** Show the caption to screen readers only (the page heading already says what the table is). */
  isCaptionHidden?: boolean;
  /** The column headings, in order; each cell repeats its heading as `data-title` for the stacked phone layout. */
  columns: readonly ReactNode[];
  /** Stack the rows on phones, each cell under its heading. */
  isResponsive?: boolean;
  children: ReactNode;
};

/**
 * The frame a wide table scrolls sideways in on a phone. It takes keyboard focus, so a keyboard user can scroll it
 * too (WCAG 2.1.1; axe `scrollable-region-focusable`), and is named by the table's caption (`captionId`).
 */
export function TableScrollRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="app-table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}

/** A DKFDS table that scrolls sideways when it must, with a caption and column headings. */
export function TableFrame({ caption, isCaptionHidden = true, columns, isResponsive = true, children }: TableFrameProps) {
  const captionId = useId();
  return (
    <TableScrollRegion captionId={captionId}>
      <table className={isResponsive ? 'table table--borderless table--responsive-headers' : 'table table--borderless'}>
        <caption id={captionId} className={isCaptionHidden ? 'sr-only' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScrollRegion>
  );
}
