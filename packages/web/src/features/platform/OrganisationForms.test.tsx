import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { CreateAdmin, CreateOrganisation } from './OrganisationForms';

const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

describe('the new organisation form', () => {
  it('names each missing field', async () => {
    mockServer([]);
    const { user } = renderInApp(<CreateOrganisation onCreated={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Opret organisation' }));
    expect(within(summary()).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#field-organisation-name', '#field-organisation-slug', '#field-organisation-kind']);
  });

  it('picks a municipality by name and sends its code', async () => {
    const sent = mockServer([{ method: 'POST', path: '/api/platform/organisations', answer: { status: 201, body: {} } }]);
    const { user } = renderInApp(<CreateOrganisation onCreated={vi.fn()} />);
    await user.type(screen.getByLabelText('Navn'), 'Københavns Kommune');
    await user.type(screen.getByLabelText('Kort navn'), 'kobenhavn');
    await user.selectOptions(screen.getByLabelText('Type'), 'municipality');
    await user.type(screen.getByRole('combobox', { name: 'Kommune (valgfri)' }), 'Køb');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('combobox', { name: 'Kommune (valgfri)' })).toHaveValue('Københavns Kommune');
    await user.click(screen.getByRole('button', { name: 'Opret organisation' }));
    await waitFor(() => expect(sent[0]?.body).toEqual({ name: 'Københavns Kommune', slug: 'kobenhavn', kind: 'municipality', municipalityCode: '101' }));
  });

  it('writes the short name in lower case, and shows a taken one on its field', async () => {
    const sent = mockServer([{ method: 'POST', path: '/api/platform/organisations', answer: problem(409, { code: 'slug_taken', detail: 'Kortnavnet er taget.' }) }]);
    const { user } = renderInApp(<CreateOrganisation onCreated={vi.fn()} />);
    await user.type(screen.getByLabelText('Navn'), 'Testkommune');
    await user.type(screen.getByLabelText('Kort navn'), 'Test-Kommune');
    await user.selectOptions(screen.getByLabelText('Type'), 'municipality');
    await user.click(screen.getByRole('button', { name: 'Opret organisation' }));
    expect(await within(summary()).findByRole('link', { name: 'Kortnavnet er taget.' })).toHaveAttribute('href', '#field-organisation-slug');
    await waitFor(() => expect(sent[0]?.body).toEqual({ name: 'Testkommune', slug: 'test-kommune', kind: 'municipality' }));
  });
});

describe('the new organisation admin form', () => {
  const organisation = { id: '61111111-1111-4111-8111-111111111111', slug: 'krisecenter', name: 'Krisecentret', kind: 'shelter' as const, municipalityCode: null, isActive: true, isLocalLoginEnabled: true, userCount: 3, pendingChanges: [] };

  it('tells the platform admin when the organisation must approve the new admin first (four eyes)', async () => {
    mockServer([
      {
        method: 'POST',
        path: `/api/platform/organisations/${organisation.id}/admins`,
        answer: { status: 202, body: { status: 'pending', request: { id: '71111111-1111-4111-8111-111111111111', kind: 'organisation_admin', requestedAt: '2026-11-23T09:00:00.000Z' } } },
      },
    ]);
    const onCreated = vi.fn();
    const onRequested = vi.fn();
    const { user } = renderInApp(<CreateAdmin organisation={organisation} onClose={vi.fn()} onCreated={onCreated} onRequested={onRequested} />);
    await user.type(screen.getByLabelText('Navn'), 'Ny Leder');
    await user.type(screen.getByLabelText('E-mail'), 'ny@krisecenter.dk');
    await user.click(screen.getByRole('button', { name: 'Opret administrator' }));
    await waitFor(() => expect(onRequested).toHaveBeenCalled());
    expect(onCreated).not.toHaveBeenCalled();
  });
});
