import { useEffect, type RefObject } from 'react';
import { keepSessionAlive } from './auth.api';

/** What shows a person is at work: typing, and pressing or scrolling with a finger or a mouse. Hovering is not. */
const inputEvents = ['keydown', 'input', 'pointerdown', 'wheel'] as const;

/** At most one heartbeat in this long: 5 minutes, or a third of a shorter idle timeout (development and e2e). */
function heartbeatIntervalMs(idleTimeoutSeconds: number): number {
  return Math.min(5 * 60_000, (idleTimeoutSeconds * 1000) / 3);
}

/**
 * The server counts only requests as activity, so someone who types in a long form for 15 minutes would be signed
 * out mid-sentence. While there is input, this tells the server (POST /api/auth/heartbeat) at most once per
 * interval, and only when the app has not spoken to the server for that long anyway. Input that comes before the
 * interval is over is told when it is over; without input nothing is sent, so an unattended screen still times out.
 * `lastActivityAt` is the time of the last answered request (the request core updates it, heartbeats included).
 */
export function useInputHeartbeat(idleTimeoutSeconds: number | undefined, lastActivityAt: RefObject<number>): void {
  useEffect(() => {
    if (idleTimeoutSeconds === undefined) return;
    const intervalMs = heartbeatIntervalMs(idleTimeoutSeconds);
    let lastInputAt = 0;
    let isSending = false;
    let timer: number | undefined;

    const beatIfDue = () => {
      timer = undefined;
      if (isSending || lastInputAt <= lastActivityAt.current) return;
      const dueAt = lastActivityAt.current + intervalMs;
      if (Date.now() < dueAt) {
        timer = window.setTimeout(beatIfDue, dueAt - Date.now());
        return;
      }
      isSending = true;
      // A heartbeat that does not arrive changes nothing: the idle warning still comes, and a 401 (the session is
      // gone) already signs out through the request core.
      void keepSessionAlive()
        .catch(() => undefined)
        .finally(() => {
          isSending = false;
        });
    };
    const onInput = () => {
      lastInputAt = Date.now();
      if (timer === undefined) beatIfDue();
    };

    for (const type of inputEvents) document.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      for (const type of inputEvents) document.removeEventListener(type, onInput, { capture: true });
      window.clearTimeout(timer);
    };
  }, [idleTimeoutSeconds, lastActivityAt]);
}
