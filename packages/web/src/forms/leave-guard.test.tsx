import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, Outlet, RouterProvider, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppForm } from './AppForm';
import { FormTextField } from './fields';
import { LeaveGuardProvider, releaseLeaveGuards } from './leave-guard';
import { useAppForm } from './useAppForm';

/** A form as every form of the app is built (the toolkit), whose successful submit navigates away. */
function NoteForm() {
  const navigate = useNavigate();
  const form = useAppForm({ schema: z.object({ note: z.string() }), defaultValues: { note: '' }, onSubmit: () => navigate('/saved') });
  return (
    <AppForm form={form}>
      <FormTextField control={form.control} name="note" label="Notat" />
      <button type="submit">Gem</button>
      <Link to="/elsewhere">Andetsteds</Link>
    </AppForm>
  );
}

function renderApp() {
  const router = createMemoryRouter([
    {
      element: (
        <LeaveGuardProvider>
          <Outlet />
        </LeaveGuardProvider>
      ),
      children: [
        { path: '/', element: <NoteForm /> },
        { path: '/elsewhere', element: <p>En anden side</p> },
        { path: '/saved', element: <p>Gemt</p> },
      ],
    },
  ]);
  render(<RouterProvider router={router} />);
  return { user: userEvent.setup(), router };
}

/** Whether the browser would ask before the tab is closed or reloaded. */
function isUnloadHeld(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('asking before a form with unsaved input is left', () => {
  it('lets a clean form go without a question', async () => {
    const { user } = renderApp();
    expect(isUnloadHeld()).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Andetsteds' }));
    expect(await screen.findByText('En anden side')).toBeVisible();
  });

  it('asks in a dialog before a changed form is left: staying keeps the input, leaving goes', async () => {
    const { user } = renderApp();
    await user.type(screen.getByLabelText('Notat'), 'Hun ringede kl. 14');
    expect(isUnloadHeld()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Andetsteds' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Vil du forlade siden?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const stay = within(dialog).getByRole('button', { name: 'Bliv på siden' });
    expect(stay).toHaveFocus();
    await user.click(stay);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText('Notat')).toHaveValue('Hun ringede kl. 14');

    await user.click(screen.getByRole('link', { name: 'Andetsteds' }));
    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('Notat')).toHaveValue('Hun ringede kl. 14');

    await user.click(screen.getByRole('link', { name: 'Andetsteds' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Forlad siden' }));
    expect(await screen.findByText('En anden side')).toBeVisible();
  });

  it('does not ask when a successful submit navigates away, nor once the input was sent', async () => {
    const { user } = renderApp();
    await user.type(screen.getByLabelText('Notat'), 'Sendt');
    await user.click(screen.getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Gemt')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(isUnloadHeld()).toBe(false);
  });

  it('never holds up the app leaving to the login page (sign-out, idle timeout)', async () => {
    const { user } = renderApp();
    await user.type(screen.getByLabelText('Notat'), 'Halvt');
    expect(isUnloadHeld()).toBe(true);
    releaseLeaveGuards();
    expect(isUnloadHeld()).toBe(false);
  });
});
