import { ApiError } from '../api/client';

/**
 * The ONE mapping from a refused request to a form's errors. A problem document (RFC 9457, `application/problem+json`)
 * names each field's problem by its request path (`errors: [{ path: 'body.person.fullName', message }]`); the form
 * shows it on the field with that key, and everything it cannot place goes to the form as a whole (the error
 * summary), after the server's own explanation.
 */

type FieldProblem = { fieldKey: string; message: string };
export type FormProblem = { fieldErrors: FieldProblem[]; formError: string | undefined };

export type ProblemMapping = {
  /** The field a problem path belongs to (`person.fullName`), or undefined when the form shows no such field. */
  fieldOf: (key: string) => string | undefined;
  /**
   * Codes that name no path but belong to one field: `{ email_taken: 'email' }`. The field shows the server's detail,
   * or the form's own sentence when one is given: `{ slug_taken: { fieldKey: 'slug', message: '…' } }`.
   */
  codeFields?: Readonly<Record<string, string | { fieldKey: string; message: string }>>;
  /** The server names some problems with a code (`cpr_format`); the form says them in words, naming the field. */
  messageOf?: (message: string, fieldKey: string | undefined) => string;
};

export type ProblemTexts = { network: string; unexpected: string };

/** `body.person.fullName`, `/body/person/fullName` → `person.fullName`: the key the form's fields use. */
export function problemKey(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^(body|params|querystring)(\.|$)/, '');
}

/** A key and each of its parents, deepest first: `a.0.b` → `a.0.b`, `a.0`, `a`. */
export function keyAndParents(key: string): string[] {
  const parts = key.split('.').filter(Boolean);
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'));
}

export function formProblemOf(error: unknown, mapping: ProblemMapping, texts: ProblemTexts): FormProblem {
  if (!(error instanceof ApiError)) return { fieldErrors: [], formError: texts.unexpected };
  if (error.status === 0) return { fieldErrors: [], formError: texts.network };
  const say = mapping.messageOf ?? ((message: string) => message);
  const fieldErrors: FieldProblem[] = [];
  const unplaced: string[] = [];
  const place = (fieldKey: string, message: string) => {
    if (!fieldErrors.some((known) => known.fieldKey === fieldKey)) fieldErrors.push({ fieldKey, message });
  };
  for (const { path, message } of error.fieldErrors) {
    const fieldKey = mapping.fieldOf(problemKey(path));
    if (fieldKey === undefined) unplaced.push(say(message, undefined));
    else place(fieldKey, say(message, fieldKey));
  }
  const codeField = mapping.codeFields?.[error.code];
  if (typeof codeField === 'string') place(codeField, error.detail ?? texts.unexpected);
  else if (codeField) place(codeField.fieldKey, codeField.message);
  const isFormErrorNeeded = fieldErrors.length === 0 || unplaced.length > 0;
  const formError = isFormErrorNeeded ? [error.detail ?? texts.unexpected, ...unplaced].join(' ') : undefined;
  return { fieldErrors, formError };
}
