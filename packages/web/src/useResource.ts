import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  /** Loads again; the current data stays on screen meanwhile. */
  reload: () => Promise<void>;
  /** Replaces the data with a fresher copy (e.g. the referral an action returned). */
  setData: (data: T) => void;
};

/**
 * Loads one API resource for a component. Data lives in component state only (never in storage) and is dropped
 * when the component goes; an answer that arrives after unmount or after a newer load is ignored.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (signal: AbortSignal) => {
    const current = ++generation.current;
    setIsLoading(true);
    try {
      const result = await loadRef.current(signal);
      if (current !== generation.current || signal.aborted) return;
      setData(result);
      setError(undefined);
    } catch (caught) {
      if (current !== generation.current || signal.aborted) return;
      setError(caught instanceof ApiError ? caught : new ApiError(0, undefined));
    } finally {
      if (current === generation.current) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setData(undefined);
    void run(controller.signal);
    return () => controller.abort();
    // The caller lists what the load depends on, as with useEffect.
  }, deps);

  const reload = useCallback(() => run(new AbortController().signal), [run]);
  return { data, error, isLoading, reload, setData };
}
