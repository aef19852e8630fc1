import type { AdminService, ServiceEndPreview, ServiceEndResult } from '@bro/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ServicesPage } from './ServicesPage';

const lokkService: AdminService = {
  id: '61111111-1111-4111-8111-111111111111',
  slug: 'lokk-raadgivning-a1b2c3',
  name: 'LOKK rådgivning',
  description: '',
  serviceLine: 'victim',
  intakePhone: null,
  intakeHours: '',
  firstContactDeadlineHours: 48,
  highRiskDeadlineHours: 24,
  maxContactAttempts: 3,
  isActive: true,
  receivesRoles: ['exposed'],
  receivesGenders: ['woman'],
  minimumAge: 18,
  maximumAge: null,
  openReferralCount: 2,
  openCourseCount: 1,
};
const admin = testSession({ role: 'organisation_admin', permissions: ['services:manage'] });
const createSection = () => screen.getByRole('heading', { level: 2, name: 'Opret tilbud' }).parentElement as HTMLElement;
const summaryIn = (scope: HTMLElement) => within(scope).getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderPage(routes: { method: string; path: string; answer: Answer }[] = []) {
  const sent = mockServer([{ method: 'GET', path: '/api/admin/services', answer: { body: [lokkService] } }, ...routes]);
  return { ...renderInApp(<ServicesPage />, { session: admin }), sent };
}

describe('the services page', () => {
  it('lists each service with whom it takes, its deadlines and its open cases, and names the page', async () => {
    renderPage();
    const row = (await screen.findByRole('cell', { name: 'LOKK rådgivning' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('cell', { name: 'udsat for vold · Kvinder · 18– år' })).toBeVisible();
    expect(within(row).getByRole('cell', { name: '48 t / 24 t ved høj risiko' })).toBeVisible();
    expect(within(row).getByRole('cell', { name: '2 henvisninger, 1 forløb' })).toBeVisible();
    expect(document.title).toBe('Tilbud – Bro');
  });

  it('refuses an empty new service and a high-risk deadline longer than the standard one, with the admin’s sentences', async () => {
    const { user, sent } = renderPage();
    await screen.findByRole('cell', { name: 'LOKK rådgivning' });
    await user.click(within(createSection()).getByRole('button', { name: 'Opret tilbud' }));
    const summary = summaryIn(createSection());
    expect(within(summary).getByRole('link', { name: 'Skriv tilbuddets navn (højst 120 tegn).' })).toBeVisible();
    expect(within(summary).getByRole('link', { name: 'Vælg, hvem tilbuddet tager imod.' })).toBeVisible();

    await user.type(within(createSection()).getByLabelText('Navn'), 'Rådgivning Øst');
    await user.selectOptions(within(createSection()).getByLabelText('Linje'), 'victim');
    await user.clear(within(createSection()).getByLabelText('Frist ved høj risiko (timer)'));
    await user.type(within(createSection()).getByLabelText('Frist ved høj risiko (timer)'), '72');
    await user.click(within(createSection()).getByRole('button', { name: 'Opret tilbud' }));
    expect(within(summaryIn(createSection())).getByRole('link', { name: /højst lige så mange som fristen for første kontakt/ })).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('creates a both-lines service as a service with no line, with numbers as numbers', async () => {
    const created: AdminService = { ...lokkService, id: '62222222-2222-4222-8222-222222222222', name: 'Rådgivning for alle', serviceLine: null, receivesRoles: ['exposed', 'uses_violence', 'both'], openReferralCount: 0, openCourseCount: 0 };
    const { user, sent } = renderPage([{ method: 'POST', path: '/api/admin/services', answer: { status: 201, body: created } }]);
    const section = createSection();
    await user.type(within(section).getByLabelText('Navn'), 'Rådgivning for alle');
    await user.selectOptions(within(section).getByLabelText('Linje'), 'both');
    await user.click(within(section).getByRole('button', { name: 'Opret tilbud' }));
    expect(await screen.findByText('Tilbuddet Rådgivning for alle er oprettet.')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Rådgivning for alle',
      description: '',
      serviceLine: null,
      intakePhone: null,
      intakeHours: '',
      firstContactDeadlineHours: 48,
      highRiskDeadlineHours: 24,
      maxContactAttempts: 3,
      receivesGenders: null,
      minimumAge: null,
      maximumAge: null,
    });
  });

  it('keeps the line of a service with open cases, and shows the server’s refusal to close it', async () => {
    const { user } = renderPage([
      { method: 'PUT', path: `/api/admin/services/${lokkService.id}`, answer: problem(409, { code: 'service_in_use', detail: 'Tilbuddet har åbne henvisninger eller forløb.' }) },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Redigér: LOKK rådgivning' }));
    const edit = screen.getByRole('heading', { name: 'Redigér LOKK rådgivning' }).parentElement as HTMLElement;
    expect(within(edit).getByLabelText('Linje')).toBeDisabled();
    await user.click(within(edit).getByLabelText('Tilbuddet er åbent for nye henvisninger'));
    await user.click(within(edit).getByRole('button', { name: 'Gem tilbud' }));
    await waitFor(() => expect(within(edit).getByText(/Tilbuddet har åbne henvisninger eller forløb/)).toBeVisible());
  });

  describe('ending a service', () => {
    const preview: ServiceEndPreview = {
      openReferralCount: 2,
      openCourseCount: 1,
      waitingCourseCount: 1,
      targets: [{ id: '63333333-3333-4333-8333-333333333333', name: 'LOKK samtalegrupper', organisationName: 'LOKK' }],
    };
    const ended: ServiceEndResult = {
      service: { ...lokkService, isActive: false, openReferralCount: 0, openCourseCount: 0 },
      handedOverReferralCount: 2,
      closedReferralCount: 0,
      handedOverCourseCount: 1,
      closedCourseCount: 0,
    };
    const endPath = `/api/admin/services/${lokkService.id}/end`;
    const endSection = () => screen.getByRole('heading', { name: 'Afslut LOKK rådgivning' }).parentElement as HTMLElement;

    it('shows the open cases as counts, hands them over to a service that fits after a confirmation, and says what happened', async () => {
      const { user, sent } = renderPage([
        { method: 'GET', path: endPath, answer: { body: preview } },
        { method: 'POST', path: endPath, answer: { body: ended } },
      ]);
      await user.click(await screen.findByRole('button', { name: 'Afslut tilbud: LOKK rådgivning' }));
      expect(await within(endSection()).findByText(/Åbne henvisninger: 2. Åbne forløb: 1, heraf på venteliste til visitation: 1./)).toBeVisible();
      await user.click(within(endSection()).getByLabelText('Overdrag dem til et andet tilbud'));
      await user.selectOptions(within(endSection()).getByLabelText('Tilbud, der overtager sagerne'), 'LOKK samtalegrupper (LOKK)');
      await user.click(within(endSection()).getByRole('button', { name: 'Afslut tilbud' }));
      expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
      await user.click(within(endSection()).getByRole('button', { name: 'Ja, afslut tilbuddet' }));
      expect(await screen.findByText(/Tilbuddet LOKK rådgivning er afsluttet og lukket for nye henvisninger. Henvisninger overdraget: 2, afsluttet: 0. Forløb overdraget: 1/)).toBeVisible();
      expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ openWork: 'hand_over', targetServiceId: '63333333-3333-4333-8333-333333333333' });
    });

    it('needs an explanation for another reason, and shows the server’s refusal at the chosen service', async () => {
      const { user, sent } = renderPage([
        { method: 'GET', path: endPath, answer: { body: preview } },
        { method: 'POST', path: endPath, answer: problem(422, { code: 'open_work_not_movable', detail: 'Det valgte tilbud kan ikke overtage 1 af de åbne henvisninger.' }) },
      ]);
      await user.click(await screen.findByRole('button', { name: 'Afslut tilbud: LOKK rådgivning' }));
      await user.click(await within(endSection()).findByLabelText('Afslut dem med en begrundelse'));
      await user.click(within(endSection()).getByLabelText('Anden årsag'));
      await user.click(within(endSection()).getByRole('button', { name: 'Afslut tilbud' }));
      expect(within(summaryIn(endSection())).getByRole('link', { name: /Den skal udfyldes ved »Anden årsag«/ })).toBeVisible();
      expect(sent.filter((request) => request.method === 'POST')).toEqual([]);

      await user.click(within(endSection()).getByLabelText('Overdrag dem til et andet tilbud'));
      await user.selectOptions(within(endSection()).getByLabelText('Tilbud, der overtager sagerne'), 'LOKK samtalegrupper (LOKK)');
      await user.click(within(endSection()).getByRole('button', { name: 'Afslut tilbud' }));
      await user.click(within(endSection()).getByRole('button', { name: 'Ja, afslut tilbuddet' }));
      await waitFor(() => expect(within(endSection()).getAllByText(/kan ikke overtage 1 af de åbne henvisninger/)[0]).toBeVisible());
    });
  });
});
