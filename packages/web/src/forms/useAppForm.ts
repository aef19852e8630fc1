import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useForm, type DefaultValues, type Resolver, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldDomId } from '../ui/fields';
import { prefixed } from './form-context';
import { serverErrorKey, type SummaryGroup } from './form-errors';
import { useLeaveGuard } from './leave-guard';
import { formProblemOf, keyAndParents, type ProblemMapping } from './problem-errors';

const noGroups: readonly SummaryGroup[] = [];

export type AppFormOptions<S extends FormSchema> = {
  /** Checks the values with the form's sentences and turns them into what `onSubmit` sends (see schema.ts). */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** Sends the checked values. A thrown ApiError (the server's refusal) lands on the fields it names. */
  onSubmit: (output: z.output<S>) => Promise<unknown> | unknown;
  /** Prefix of the fields' DOM ids, when a page shows the same fields in more than one form. */
  idPrefix?: string;
  /** Codes without a path that belong to one field (`{ email_taken: 'email' }`). */
  codeFields?: ProblemMapping['codeFields'];
  /** The server's codes (`cpr_format`) in words. */
  messageOf?: ProblemMapping['messageOf'];
  /** Problem paths shown on another field than their own (`{ 'schedule.rules': 'schedule.isOpen24Hours' }`). */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Ask before leaving the page while the form holds input that was not sent (default on). Off for forms whose
   * input is worth nothing once the page is left (the sign-in steps).
   */
  guardsLeaving?: boolean;
  /**
   * After a failed submit, when the fields are checked again: at the next submit (the default: errors stay until
   * then), or at each change, so a long form's errors go one by one as they are answered (the risk checklist).
   */
  revalidate?: 'onSubmit' | 'onChange';
  /** Many errors of one kind as one line in the error summary ("8 spørgsmål mangler svar"); the fields keep theirs. */
  summaryGroups?: readonly SummaryGroup[];
};

/** A form's schema: its input is the form's values, its output what `onSubmit` sends. */
export type FormSchema = z.ZodType<unknown, FieldValues>;

export type AppForm<V extends FieldValues, S extends FormSchema = z.ZodType<unknown, V>> = UseFormReturn<V, unknown, z.output<S>> & {
  submit: (event?: FormEvent) => Promise<void>;
  /** Counts failed submits, so the error summary takes focus each time. */
  attempt: number;
  isBusy: boolean;
  idPrefix: string | undefined;
  summaryGroups: readonly SummaryGroup[];
  /** The `<form>` element, where a refusal's paths are looked up as fields. */
  formRef: RefObject<HTMLFormElement | null>;
};

/**
 * The one way a form works: react-hook-form with the zod resolver, errors shown after a submit (and kept until the
 * next), a refusal's field errors on their fields and the rest in the form's error summary, and no double submits.
 */
export function useAppForm<S extends FormSchema>(options: AppFormOptions<S>): AppForm<z.input<S>, S> {
  type V = z.input<S>;
  const { t } = useTranslation();
  const methods = useForm<V, unknown, z.output<S>>({
    // The schema's input is the form's values and its output what onSubmit sends (see AppFormOptions).
    resolver: zodResolver(options.schema) as unknown as Resolver<V, unknown, z.output<S>>,
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    reValidateMode: options.revalidate ?? 'onSubmit',
    // The error summary takes focus instead, so screen readers hear every problem first.
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const isSending = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const fieldOf = (key: string) => {
    const { aliases = {}, idPrefix } = latest.current;
    const isShown = (candidate: string) => Boolean(formRef.current?.querySelector(`#${fieldDomId(prefixed(idPrefix, candidate))}`));
    return keyAndParents(key)
      .map((candidate) => aliases[candidate] ?? candidate)
      .find(isShown);
  };

  const refused = (error: unknown) => {
    const { codeFields, messageOf } = latest.current;
    const problem = formProblemOf(error, { fieldOf, codeFields, messageOf }, { network: t('errors.network'), unexpected: t('errors.unexpected') });
    for (const { fieldKey, message } of problem.fieldErrors) methods.setError(fieldKey as FieldPath<V>, { type: 'server', message });
    if (problem.formError) methods.setError(serverErrorKey, { type: 'server', message: problem.formError });
    setAttempt((count) => count + 1);
  };

  const isSavedAsShown = useSavedInputGuard(methods, isSending, options.guardsLeaving ?? true);

  const send = async (output: z.output<S>) => {
    try {
      await latest.current.onSubmit(output);
      isSavedAsShown.current = true;
    } catch (error) {
      refused(error);
    }
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSending.current) return;
    isSending.current = true;
    try {
      await methods.handleSubmit(send, () => setAttempt((count) => count + 1))();
    } finally {
      isSending.current = false;
    }
  };

  return { ...methods, submit, attempt, isBusy: methods.formState.isSubmitting, idPrefix: options.idPrefix, summaryGroups: options.summaryGroups ?? noGroups, formRef };
}

/**
 * Asks before leaving while the form differs from its defaults and was not sent as it stands. Not while sending (a
 * successful submit may navigate away in `onSubmit`), and not after a successful submit until the next change.
 */
function useSavedInputGuard<V extends FieldValues>(methods: UseFormReturn<V, unknown, unknown>, isSending: RefObject<boolean>, isEnabled: boolean) {
  const isSavedAsShown = useRef(false);
  // Read in render, so react-hook-form re-renders this form when it first becomes dirty (and when it is no longer).
  const isDirty = methods.formState.isDirty;
  useEffect(() => {
    const subscription = methods.watch(() => {
      isSavedAsShown.current = false;
    });
    return () => subscription.unsubscribe();
  }, [methods]);
  useLeaveGuard(() => isEnabled && isDirty && !isSending.current && !isSavedAsShown.current);
  return isSavedAsShown;
}
