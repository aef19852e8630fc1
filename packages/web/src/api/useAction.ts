import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from './error-text';

type ActionOptions<Variables, Data> = {
  /** Runs with the server's answer (put it in the query cache, say what happened). */
  onSuccess?: (data: Data, variables: Variables) => void;
  /** Runs as the request starts (clear the last message). */
  onStart?: (variables: Variables) => void;
};

export type Action<Variables> = {
  /** Sends the request; resolves when it is answered either way (a failure shows as `error`). */
  run: (variables: Variables) => Promise<void>;
  isBusy: boolean;
  /** What is being sent while it is busy (which row, say). */
  pending: Variables | undefined;
  /** The last failure in words (no connection, the server's explanation …), until the next try. */
  error: string | undefined;
};

/**
 * A button's request (send, withdraw, deactivate, publish …) as a TanStack mutation: busy while it runs, its
 * failure in words, and what to do with the answer. Forms use the form toolkit instead (forms/useAppForm.ts).
 */
export function useAction<Variables, Data>(request: (variables: Variables) => Promise<Data>, options: ActionOptions<Variables, Data> = {}): Action<Variables> {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: request, onMutate: options.onStart, onSuccess: options.onSuccess });
  return {
    run: (variables) => mutation.mutateAsync(variables).then(() => undefined, () => undefined),
    isBusy: mutation.isPending,
    pending: mutation.isPending ? mutation.variables : undefined,
    error: mutation.error ? actionErrorText(mutation.error, t) : undefined,
  };
}
