import type { ReferralFormStep } from '@bro/domain';
import { useCallback, useRef, useState } from 'react';
import type { ReferralFormValues } from './referral-form';
import { saveReferralDraft } from './referrals.api';

export type DraftStatus = { state: 'idle' } | { state: 'saved'; at: string } | { state: 'failed' };

/**
 * Saves the referral being written as a server-side draft (never in the browser): each time a step is passed, and a
 * few seconds after the officer stops typing within a step (see ReferralForm). The save is throttled: values unchanged since the last save are not sent again, and only one save is in flight (the
 * newest waiting values go when it returns). A failed save is shown, and the officer may go on: sending is unaffected.
 */
export function useReferralDraft(): { status: DraftStatus; save: (values: ReferralFormValues, reachedStep: ReferralFormStep) => void } {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const lastSaved = useRef<string>('');
  const inFlight = useRef(false);
  const waiting = useRef<{ values: ReferralFormValues; reachedStep: ReferralFormStep } | undefined>(undefined);

  // One function for the form's whole life (it reads only refs and a state setter), so typing does not restart the
  // form's save-while-typing timer by handing it a new callback at each render.
  const flush = useCallback(async (): Promise<void> => {
    const next = waiting.current;
    if (!next || inFlight.current) return;
    waiting.current = undefined;
    const body = JSON.stringify(next);
    if (body === lastSaved.current) return;
    inFlight.current = true;
    try {
      const saved = await saveReferralDraft({ values: next.values as unknown as Record<string, unknown>, reachedStep: next.reachedStep });
      lastSaved.current = body;
      setStatus({ state: 'saved', at: saved.updatedAt });
    } catch {
      // Shown to the officer (DraftStatus), not thrown: a lost draft save must not stop the referral.
      setStatus({ state: 'failed' });
    } finally {
      inFlight.current = false;
    }
    await flush();
  }, []);

  const save = useCallback(
    (values: ReferralFormValues, reachedStep: ReferralFormStep) => {
      waiting.current = { values, reachedStep };
      void flush();
    },
    [flush],
  );
  return { status, save };
}
