import { useCallback, useRef } from 'react';
import { isDefinitiveRefusal, newIdempotencyKey } from './client';

/**
 * One Idempotency-Key per thing being created: a double click or a retry after a lost answer reuses it, so the
 * server creates one referral (or course). Once it is created, or definitively refused (nothing was made, so the
 * corrected form is a new attempt), the next call gets a fresh key.
 */
export function useIdempotentCall(): <T>(call: (idempotencyKey: string) => Promise<T>) => Promise<T> {
  const key = useRef<string | undefined>(undefined);
  return useCallback(async <T,>(call: (idempotencyKey: string) => Promise<T>) => {
    key.current ??= newIdempotencyKey();
    try {
      const result = await call(key.current);
      key.current = undefined;
      return result;
    } catch (error) {
      if (isDefinitiveRefusal(error)) key.current = undefined;
      throw error;
    }
  }, []);
}
