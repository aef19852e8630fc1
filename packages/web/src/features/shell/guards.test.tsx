import type { Permission } from '@bro/domain';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../test/builders';
import { renderInApp } from '../../test/render';
import { RequirePermission, StartRedirect } from './guards';

const withPermissions = (permissions: Permission[]) => testSession({ role: 'organisation_admin', permissions });

function renderAdminArea(path: string, permissions: Permission[]) {
  return renderInApp(
    <Routes>
      <Route index element={<StartRedirect />} />
      <Route path="admin/users" element={<p>Brugere</p>} />
      <Route path="admin/directory" element={<RequirePermission permission="directory:manage"><p>Tilbudsoversigt</p></RequirePermission>} />
      <Route path="admin/campaigns" element={<RequirePermission permission="campaigns:manage"><p>Kampagner</p></RequirePermission>} />
    </Routes>,
    { path, session: withPermissions(permissions) },
  );
}

describe('the admin areas in the staff app', () => {
  it.each(['/admin/directory', '/admin/campaigns'])('does not let users:manage open %s', (path) => {
    renderAdminArea(path, ['users:manage']);
    expect(screen.queryByText(/Tilbudsoversigt|Kampagner/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Du har ikke adgang til denne side');
  });

  it('opens each area with its own permission', () => {
    renderAdminArea('/admin/campaigns', ['campaigns:manage']);
    expect(screen.getByText('Kampagner')).toBeInTheDocument();
  });

  it('starts someone who keeps only the directory listings on the directory, not on a page they may not use', () => {
    renderAdminArea('/', ['directory:manage']);
    expect(screen.getByText('Tilbudsoversigt')).toBeInTheDocument();
  });

  it('still starts the organisation admin on the users page', () => {
    renderAdminArea('/', ['users:manage', 'directory:manage', 'campaigns:manage', 'statistics:read', 'course:configure']);
    expect(screen.getByText('Brugere')).toBeInTheDocument();
  });
});

describe('the start page', () => {
  function renderStart(role: 'counsellor' | 'intake_coordinator', permissions: Permission[]) {
    return renderInApp(
      <Routes>
        <Route index element={<StartRedirect />} />
        <Route path="caseload" element={<p>Mine forløb</p>} />
        <Route path="inbox" element={<p>Indbakke</p>} />
      </Routes>,
      { path: '/', session: testSession({ role, permissions }) },
    );
  }

  it('starts a counsellor on their caseload, not the inbox', () => {
    renderStart('counsellor', ['referral:intake', 'referral:contact', 'course:read', 'course:triage', 'course:write', 'access_history:produce']);
    expect(screen.getByText('Mine forløb')).toBeInTheDocument();
  });

  it('still starts an intake coordinator on the inbox', () => {
    renderStart('intake_coordinator', ['referral:intake', 'referral:decide', 'referral:contact', 'course:read', 'course:triage', 'access_history:produce']);
    expect(screen.getByText('Indbakke')).toBeInTheDocument();
  });
});
