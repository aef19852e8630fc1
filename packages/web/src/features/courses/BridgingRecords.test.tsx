import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testCourse, testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { Underretninger } from './BridgingRecords';

const counsellor = testSession({ role: 'counsellor', permissions: ['course:read', 'course:write'] });

describe('an underretning to a municipality', () => {
  it('is addressed by the municipality’s name, never by a code to look up, and sent with its code', async () => {
    const course = testCourse();
    const sent = mockServer([{ method: 'POST', path: `/api/courses/${course.id}/underretninger`, answer: { status: 201, body: {} } }]);
    const onChanged = vi.fn();
    const { user } = renderInApp(<Underretninger course={course} underretninger={[]} onChanged={onChanged} />, { session: counsellor });
    const form = screen.getByRole('form', { name: 'Registrer en underretning' });
    const municipality = within(form).getByRole('combobox', { name: 'Kommune' });
    await user.type(municipality, 'frederiksb');
    await user.click(within(screen.getByRole('listbox', { name: 'Kommune' })).getByRole('option', { name: 'Frederiksberg Kommune' }));
    expect(municipality).toHaveValue('Frederiksberg Kommune');
    await user.click(within(form).getByRole('button', { name: 'Registrer underretningen' }));
    await waitFor(() => expect(sent.find((request) => request.method === 'POST')?.body).toMatchObject({ municipalityCode: '147' }));
    expect(onChanged).toHaveBeenCalledWith('Underretningen er registreret.');
  });

  it('names the municipality in the list of those sent', () => {
    mockServer([]);
    const sentOne = { id: 'u1', municipalityCode: '101', municipalityName: 'København', sentAt: '2026-12-01T10:00:00Z', sentBy: { displayName: 'Maria Berg' }, receiptReceivedAt: null, note: null };
    renderInApp(<Underretninger course={testCourse()} underretninger={[sentOne] as never} onChanged={vi.fn()} />, { session: counsellor });
    expect(screen.getByRole('heading', { level: 4, name: 'Til København' })).toBeVisible();
    expect(screen.queryByText(/101/)).toBeNull();
  });
});
