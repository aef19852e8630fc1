import type { z } from 'zod';

/**
 * Long drafts checked with a domain schema (a help-directory listing, a campaign) say each problem as a sentence that
 * names its field, so each line of the error summary makes sense on its own: `Udfyld "Navn på engelsk"`,
 * `"Telefonnummer 2: Nummer" skal være …`. The issue is first turned into a code, then into the sentence.
 */

/** Why a field was refused, as a code the feature's texts say in words (`<feature>.errors.<code>`). */
export type DraftError = { fieldKey: string; code: string; maximum?: number };

/** The issue's details zod gives for the common checks (length, format, type). */
export type IssueDetails = z.core.$ZodIssue & { origin?: unknown; format?: unknown; expected?: unknown; maximum?: unknown };

type RowLabels = { item: (number: number) => string; field: (name: string) => string | undefined };

export type DraftLabels = {
  /** A field's own label by its key (`nameDa` → "Navn på dansk"). */
  field: (fieldKey: string) => string | undefined;
  /** Lists whose rows are numbered (`phones.0.number`): the row's legend and its fields' labels. */
  lists: Readonly<Record<string, RowLabels>>;
  /** "{{item}}: {{field}}". */
  itemField: (item: string, field: string) => string;
};

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The label a sentence names a field by: its own, or "<row legend>: <field>" for a field of a numbered row. */
export function labelOfField(fieldKey: string, labels: DraftLabels): string {
  for (const [list, row] of Object.entries(labels.lists)) {
    const match = new RegExp(`^${escaped(list)}\\.(\\d+)\\.(\\w+)$`).exec(fieldKey);
    if (!match) continue;
    const item = row.item(Number(match[1]) + 1);
    const field = row.field(match[2] ?? '');
    return field ? labels.itemField(item, field) : item;
  }
  return labels.field(fieldKey) ?? fieldKey;
}

/** A schema message that is one of the feature's codes (`slug_format`), as the schema or the server gave it. */
export function isOneOf<C extends string>(codes: readonly C[], message: string): message is C {
  return (codes as readonly string[]).includes(message);
}
