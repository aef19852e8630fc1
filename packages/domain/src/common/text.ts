import { z } from 'zod';

/**
 * Text as people type it, checked in one place (issue 12 §1). Every string a request carries is built from one of
 * these, so each field says what kind of text it holds, and with it which characters it may contain:
 *
 * - everything is put into Unicode NFC, so "ø" typed on a Mac and on Windows is stored, compared and searched as
 *   the same text;
 * - NUL and the other C0/C1 control characters are refused (a NUL is an error in PostgreSQL; the others hide text
 *   or break logs and CSV exports); tab, line feed and carriage return only where the field is multi-line;
 * - lone surrogates (not text at all) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), which make text read differently on screen from what is stored, are refused everywhere;
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are refused in names, references and identifiers, where
 *   they make two different values look the same; free text keeps them (Persian, Urdu and emoji need the
 *   joiners), stored as given, and the web app shows free text isolated (`dir="auto"`, `<bdi>`).
 *
 * Every helper requires a maximum length: an unbounded string in a request is a test failure (input-bounds test).
 */

/** Refused in every kind of text. */
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Refused where a field is a single line: what makes a name or a reference span lines or columns. */
const lineBreakOrTab = /[\t\n\r\u2028\u2029]/;
/** Refused in names, references and identifiers. */
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/;

/** The problem codes a field error carries (the field is named by its path). */
export const TEXT_PROBLEMS = ['unsafe_character', 'single_line', 'zero_width_character'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

type TextKind = { isMultiline: boolean; allowsZeroWidth: boolean };

/** The first problem of `value` for a field of this kind, or undefined when the text is fine. */
export function findTextProblem(value: string, kind: TextKind): TextProblem | undefined {
  if (controlCharacter.test(value) || bidiControl.test(value) || loneSurrogate.test(value)) return 'unsafe_character';
  if (!kind.isMultiline && lineBreakOrTab.test(value)) return 'single_line';
  if (!kind.allowsZeroWidth && zeroWidth.test(value)) return 'zero_width_character';
  return undefined;
}

/** Unicode NFC; a lone surrogate cannot be normalised and is left for the check to refuse. */
function normalise(value: string): string {
  return value.isWellFormed() ? value.normalize('NFC') : value;
}

/**
 * Marks a string as built here (JSON Schema and OpenAPI keyword `x-bro-text`): the input-bounds test refuses a
 * request string that carries no mark and is not a fixed format (enum, uuid, date, anchored pattern).
 */
export const TEXT_KIND_KEYWORD = 'x-bro-text';
export type TextKindName = 'text' | 'multiline_text' | 'name' | 'identifier' | 'secret';

function checkedString(kind: TextKind & { max: number; isTrimmed: boolean; kindName: TextKindName }): z.ZodString {
  const base = z.string().overwrite(normalise);
  const trimmed = kind.isTrimmed ? base.trim() : base;
  return trimmed.max(kind.max, { error: 'too_long' }).check((context) => {
    const problem = findTextProblem(context.value, kind);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value, continue: true });
  }).meta({ [TEXT_KIND_KEYWORD]: kind.kindName });
}

type Bounds = { max: number };

/**
 * Free text a person writes: a note, a description, a message. Zero-width joiners allowed; single-line unless
 * `multiline: true`. Trimmed unless `trim: false` (a note keeps its indentation).
 */
export function text(options: Bounds & { multiline?: boolean; trim?: boolean }): z.ZodString {
  return checkedString({ max: options.max, isMultiline: options.multiline === true, allowsZeroWidth: true, isTrimmed: options.trim !== false, kindName: options.multiline === true ? 'multiline_text' : 'text' });
}

/** A name of a person, organisation, unit, service or thing: one line, trimmed, no zero-width characters. */
export function name(options: Bounds = { max: 200 }): z.ZodString {
  return checkedString({ max: options.max, isMultiline: false, allowsZeroWidth: false, isTrimmed: true, kindName: 'name' });
}

/** A reference or identifier (a slug, a case number, a code, an address): one line, trimmed, no zero-width characters. */
export function identifier(options: Bounds = { max: 100 }): z.ZodString {
  return checkedString({ max: options.max, isMultiline: false, allowsZeroWidth: false, isTrimmed: true, kindName: 'identifier' });
}

/**
 * A password or client secret: checked for the characters refused everywhere, but neither trimmed nor normalised,
 * because it is compared byte for byte with what was set (a stored hash).
 */
export function secret(options: Bounds): z.ZodString {
  return z
    .string()
    .max(options.max)
    .check((context) => {
      if (controlCharacter.test(context.value) || loneSurrogate.test(context.value)) context.issues.push({ code: 'custom', message: 'unsafe_character', input: context.value, continue: true });
    })
    .meta({ [TEXT_KIND_KEYWORD]: 'secret' });
}
