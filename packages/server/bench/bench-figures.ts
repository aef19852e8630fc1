/**
 * The bench's figures: how one is computed (percentiles, median and spread), printed (one JSON line on stdout each),
 * kept for the next run at another scale, and summed up in a table at the end. Pure except for the printing and the
 * results file, so the arithmetic has unit tests (bench-figures.test.ts).
 *
 * The targets are REPORTED, not gated: a missed target is printed as `meets_target: false` and in the summary
 * table; only errors (non-2xx answers, a broken check) make the bench exit non-zero.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Comparison = '>=' | '<=';

/** One measured figure with its target. `value: null` when it could not be measured (said in `note`). */
export type Figure = {
  figure: string;
  value: number | null;
  unit: string;
  target: number | null;
  comparison: Comparison;
  meets_target: boolean | null;
  /** Anything else worth keeping with it: spread, counts, the scale. */
  [detail: string]: unknown;
};

/** The value at quantile q (0 < q ≤ 1) by the nearest-rank method; 0 for no values. Sorts a copy. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median with its min–max spread, as QUALITY.md §2 asks for interleaved pairs. */
export function summarise(values: readonly number[]): { median: number; min: number; max: number } {
  if (values.length === 0) return { median: 0, min: 0, max: 0 };
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A figure with its verdict: `null` when there is no value or no target. */
export function makeFigure(input: { figure: string; value: number | null; unit: string; target: number | null; comparison: Comparison; details?: Record<string, unknown> }): Figure {
  const meets = input.value === null || input.target === null ? null : input.comparison === '>=' ? input.value >= input.target : input.value <= input.target;
  return { figure: input.figure, value: input.value, unit: input.unit, target: input.target, comparison: input.comparison, meets_target: meets, ...input.details };
}

/**
 * Flat cost with volume: for every latency figure of this run that the smaller scale's run also has, the ratio of the
 * two (target ≤ 1.5). Figures without a counterpart are left out.
 */
export function compareWithSmallerScale(input: { current: readonly Figure[]; previous: readonly Figure[]; previousScale: number; target: number }): Figure[] {
  const previousByName = new Map(input.previous.map((figure) => [figure.figure, figure]));
  return input.current
    .filter((figure) => figure.unit === 'ms' && /_p9[59]_ms$/.test(figure.figure) && typeof figure.value === 'number' && figure.value > 0)
    .flatMap((figure) => {
      const before = previousByName.get(figure.figure);
      if (!before || typeof before.value !== 'number' || before.value <= 0 || figure.value === null) return [];
      return [
        makeFigure({
          figure: `flat_cost_${figure.figure}`,
          value: round(figure.value / before.value, 2),
          unit: 'ratio',
          target: input.target,
          comparison: '<=',
          details: { this_scale_ms: figure.value, smaller_scale_ms: before.value, smaller_scale: input.previousScale },
        }),
      ];
    });
}

/** The summary on stderr: one row per figure, aligned. */
export function formatSummaryTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.figure,
    figure.value === null ? 'n/a' : `${figure.value} ${figure.unit}`,
    figure.target === null ? '' : `${figure.comparison} ${figure.target}`,
    figure.meets_target === null ? '—' : figure.meets_target ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'target', 'met'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Collects the figures of a run; prints each as it comes (one JSON line on stdout). */
export function createFigureLog(write: (line: string) => void = (line) => process.stdout.write(line)) {
  const figures: Figure[] = [];
  return {
    figures,
    add(figure: Figure): Figure {
      figures.push(figure);
      write(`${JSON.stringify(figure)}\n`);
      return figure;
    },
  };
}

export type SavedRun = { scale: number; finishedAt: string; figures: Figure[] };

export function readSavedRun(path: string): SavedRun | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SavedRun;
  } catch {
    return undefined;
  }
}

export function saveRun(path: string, run: SavedRun): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
}
