import type { FieldErrors, FieldValues } from 'react-hook-form';
import { fieldDomId } from '../ui/fields';
import { formLevelKey } from './schema';

/** One line of what is wrong: on a field (`fieldKey`, its DOM id's key) or, without one, about the form as a whole. */
export type FormErrorLine = { fieldKey?: string; message: string };

/** Where a server's refusal of the whole form is kept (react-hook-form clears `root` at each submit). */
export const serverErrorKey = 'root.server';

const skipped = new Set(['message', 'type', 'ref', 'types', 'root']);

/** react-hook-form's nested errors as lines: the form's own first, then each field's in the form's (DOM) order. */
export function errorLines(errors: FieldErrors<FieldValues>, domKey: (fieldKey: string) => string = (key) => key): FormErrorLine[] {
  const formLines: FormErrorLine[] = [];
  const fieldLines: FormErrorLine[] = [];
  const rootMessage = errors.root?.server?.message ?? errors.root?.message;
  if (typeof rootMessage === 'string') formLines.push({ message: rootMessage });
  const visit = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    const key = path.join('.');
    if (typeof message === 'string' && message) {
      if (key === formLevelKey) formLines.push({ message });
      else fieldLines.push({ fieldKey: domKey(key), message });
    }
    for (const [child, value] of Object.entries(node)) if (!skipped.has(child)) visit(value, [...path, child]);
  };
  for (const [child, value] of Object.entries(errors)) if (child !== 'root') visit(value, [child]);
  return [...formLines, ...inDocumentOrder(fieldLines)];
}

/** Sorted as the fields stand in the page, so the summary reads in the form's order; lines without a field go last. */
function inDocumentOrder(lines: FormErrorLine[]): FormErrorLine[] {
  const elementOf = (line: FormErrorLine) => (line.fieldKey ? document.getElementById(fieldDomId(line.fieldKey)) : null);
  const placed = lines.map((line, index) => ({ line, index, element: elementOf(line) }));
  placed.sort((a, b) => {
    if (a.element && b.element && a.element !== b.element) return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    if (a.element && !b.element) return -1;
    if (!a.element && b.element) return 1;
    return a.index - b.index;
  });
  return placed.map(({ line }) => line);
}

/**
 * Many errors of one kind as one summary line: the lines on fields under `fieldPrefix` become `message(count)`,
 * linking to the first of them, where the first stood. The fields keep their own messages.
 */
export type SummaryGroup = { fieldPrefix: string; message: (count: number) => string };

export function groupErrorLines(lines: readonly FormErrorLine[], groups: readonly SummaryGroup[], domKey: (fieldKey: string) => string = (key) => key): FormErrorLine[] {
  const grouped: FormErrorLine[] = [];
  const firstIndex = new Map<SummaryGroup, number>();
  const counts = new Map<SummaryGroup, number>();
  for (const line of lines) {
    const group = groups.find((candidate) => line.fieldKey?.startsWith(`${domKey(candidate.fieldPrefix)}.`));
    if (!group) {
      grouped.push(line);
      continue;
    }
    counts.set(group, (counts.get(group) ?? 0) + 1);
    if (!firstIndex.has(group)) {
      firstIndex.set(group, grouped.length);
      grouped.push(line);
    }
  }
  for (const [group, index] of firstIndex) grouped[index] = { fieldKey: grouped[index]?.fieldKey, message: group.message(counts.get(group) ?? 0) };
  return grouped;
}
