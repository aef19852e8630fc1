import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../api/query-client';
import { testSession } from '../../test/builders';
import { mockServer, type SentRequest } from '../../test/fetch-mock';
import { IdleWarningDialog } from './IdleWarningDialog';
import { SessionProvider } from './SessionProvider';

const minutes = (count: number) => count * 60_000;

/** A person at work in a form: the session (15 idle minutes), the idle warning, and one field to type in. */
async function renderForm() {
  const sent = mockServer([
    { method: 'GET', path: '/api/session', answer: { body: testSession({ idleTimeoutSeconds: 900 }) } },
    { method: 'POST', path: '/api/auth/heartbeat', answer: { status: 204 } },
    { method: 'POST', path: '/api/auth/logout', answer: { status: 204 } },
  ]);
  const replace = vi.fn();
  vi.stubGlobal('location', { ...window.location, replace });
  render(
    <SessionProvider>
      <IdleWarningDialog />
      <label>
        Notat
        <input />
      </label>
    </SessionProvider>,
  );
  const field = await screen.findByLabelText('Notat');
  field.focus();
  const count = (method: string, path: string) => sent.filter((request: SentRequest) => request.method === method && request.path === path).length;
  return { field, replace, heartbeats: () => count('POST', '/api/auth/heartbeat'), sessionReads: () => count('GET', '/api/session') };
}

/** Types one key every `everyMs` for `forMs`. */
async function typeFor(field: HTMLElement, forMs: number, everyMs = 10_000) {
  for (let elapsed = 0; elapsed < forMs; elapsed += everyMs) {
    await act(() => vi.advanceTimersByTimeAsync(everyMs));
    fireEvent.keyDown(field, { key: 'a' });
    fireEvent.input(field, { target: { value: `${elapsed}` } });
  }
  await act(() => vi.advanceTimersByTimeAsync(0));
}

describe('keeping the session alive while a person works', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    queryClient.clear();
  });

  it('sends at most one heartbeat per 5 minutes of typing, and none while nobody types', async () => {
    const { field, replace, heartbeats } = await renderForm();
    await typeFor(field, minutes(4));
    expect(heartbeats()).toBe(0);
    // 16 minutes of typing in all, a key every 10 seconds (96 keys): a heartbeat at 5, 10 and 15 minutes.
    await typeFor(field, minutes(12));
    expect(heartbeats()).toBe(3);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(replace).not.toHaveBeenCalled();
    // Away from the keyboard: the last minute's typing is told at 20 minutes, then nothing more is sent, and the
    // session times out 15 minutes after that heartbeat as before.
    await act(() => vi.advanceTimersByTimeAsync(minutes(10)));
    expect(heartbeats()).toBe(4);
    await act(() => vi.advanceTimersByTimeAsync(minutes(10)));
    expect(heartbeats()).toBe(4);
    expect(replace).toHaveBeenCalledWith('/login?reason=idle');
  });

  it('tells the server about input before the interval was over once it is over, not at every key', async () => {
    const { field, heartbeats } = await renderForm();
    await act(() => vi.advanceTimersByTimeAsync(minutes(4)));
    fireEvent.keyDown(field, { key: 'a' });
    fireEvent.keyDown(field, { key: 'b' });
    await act(() => vi.advanceTimersByTimeAsync(minutes(1)));
    expect(heartbeats()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(minutes(10)));
    expect(heartbeats()).toBe(1);
  });

  it('warns in a modal before the timeout: it takes focus and keeps it, and its button keeps the session', async () => {
    const { field, replace, sessionReads } = await renderForm();
    await act(() => vi.advanceTimersByTimeAsync(minutes(12)));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(minutes(1) + 5_000));

    const dialog = screen.getByRole('alertdialog', { name: 'Du bliver snart logget ud' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/logger Bro dig ud om lidt/);
    const stay = within(dialog).getByRole('button', { name: 'Forbliv logget ind' });
    expect(stay).toHaveFocus();
    // The page behind is out of reach while the question stands, and Tab cannot leave the dialog.
    expect(field.closest('[inert]')).not.toBeNull();
    fireEvent.keyDown(stay, { key: 'Tab' });
    expect(stay).toHaveFocus();

    fireEvent.click(stay);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(sessionReads()).toBe(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(field).toHaveFocus();
    expect(field.closest('[inert]')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(minutes(12)));
    expect(replace).not.toHaveBeenCalled();
  });

  it('takes Escape as "stay logged in"', async () => {
    const { sessionReads } = await renderForm();
    await act(() => vi.advanceTimersByTimeAsync(minutes(13) + 5_000));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(sessionReads()).toBe(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
