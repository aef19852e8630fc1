import { z } from 'zod';

/**
 * Form schemas for react-hook-form's zod resolver. A form's values are what the user typed (strings, choices); its
 * schema checks them with the form's own sentences and hands the submit handler the request, ready to send.
 */

/** Field key → the sentence shown for it. */
export type FieldMessages = Record<string, string>;

/** Where an issue about the form as a whole (no field) is kept; the error summary shows it without a link. */
export const formLevelKey = '_form';

const pathOf = (fieldKey: string) => (fieldKey ? fieldKey.split('.') : [formLevelKey]);

/**
 * A schema from the form's own checks: `check` names each field's problem, and valid values pass on unchanged.
 * For rules beyond one request schema (the referral form's consent and dates, a course form's ranges).
 */
export function checkedBy<V>(check: (values: V) => Partial<FieldMessages>) {
  return z.custom<V>().superRefine((values, context) => {
    for (const [fieldKey, message] of Object.entries(check(values))) if (message) context.addIssue({ code: 'custom', path: pathOf(fieldKey), message });
  });
}

/** A request as a form may hold it: its own keys, each perhaps not given yet (the schema then says so). */
export type RequestDraft<R> = { [K in keyof R]?: R[K] | undefined };

type RequestSchemaOptions<V, S extends z.ZodType> = {
  /** The request the values stand for (trimmed, empty choices left out …); a choice not made yet stays undefined. */
  toRequest: (values: V) => RequestDraft<z.input<S>>;
  /** The domain schema the server validates the request with. */
  schema: S;
  /** The form's sentence for an issue on a field. */
  messageOf: (issue: z.core.$ZodIssue, fieldKey: string) => string;
  /** The field an issue's request path belongs to; by default the path itself (the form's keys are request paths). */
  fieldKeyOf?: (path: string) => string;
};

/**
 * A schema from a domain request schema: the values become the request, which the SAME zod schema the server uses
 * checks. The form can then neither accept what the server would refuse nor refuse what it would accept; each issue
 * lands on its field with the form's own sentence, and the submit handler gets the parsed request.
 */
export function requestSchema<V, S extends z.ZodType>({ toRequest, schema, messageOf, fieldKeyOf = (path) => path }: RequestSchemaOptions<V, S>) {
  return z.custom<V>().transform((values, context): z.output<S> => {
    const parsed = schema.safeParse(toRequest(values));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const fieldKey = fieldKeyOf(issue.path.map(String).join('.'));
      context.addIssue({ code: 'custom', path: pathOf(fieldKey), message: messageOf(issue, fieldKey) });
    }
    return z.NEVER;
  });
}

/** `messageOf` for a form with one sentence per field: any issue on the field gets it. */
export const byField =
  (messages: FieldMessages, fallback: string) =>
  (_issue: z.core.$ZodIssue, fieldKey: string): string =>
    messages[fieldKey] ?? fallback;
