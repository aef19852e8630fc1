import type { ComponentType } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18next } from '../../i18n';
import { testCourse, testSession } from '../../test/builders';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { AccessHistorySection } from './AccessHistorySection';
import { ClosingSection } from './ClosingSection';
import type { SectionProps } from './course-ui';
import { OutcomesSection } from './OutcomesSection';
import { RiskSection } from './RiskSection';
import { SafetyPlanSection } from './SafetyPlanSection';
import { SessionsSection } from './SessionsSection';

const t = i18next.getFixedT('da');
const counsellor = testSession({ role: 'counsellor', permissions: ['course:read', 'course:write', 'course:triage', 'access_history:produce'] });
const course = testCourse();
const api = `/api/courses/${course.id}`;
const summaryIn = (form: HTMLElement) => within(form).getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;
const emptySessions = { counts: { planned: 5, used: 0, remaining: 5, scheduled: 0, cancelled: 0, noShows: 0 }, sessions: [] };

function renderSection(Section: ComponentType<SectionProps>, routes: Parameters<typeof mockServer>[0] = []) {
  const sent = mockServer(routes);
  const onCourseChanged = vi.fn();
  const onMessage = vi.fn();
  const view = renderInApp(<Section course={course} onCourseChanged={onCourseChanged} onMessage={onMessage} />, { session: counsellor });
  return { ...view, sent, onCourseChanged, onMessage };
}

describe('closing a course', () => {
  it('asks for the reason and sends nothing without it', async () => {
    const { user, sent } = renderSection(ClosingSection);
    const form = screen.getByRole('form', { name: 'Afslut forløbet' });
    await user.click(within(form).getByRole('button', { name: 'Afslut forløbet' }));
    expect(within(summaryIn(form)).getByRole('link', { name: 'Vælg årsagen' })).toHaveAttribute('href', '#field-close-reason');
    expect(sent).toEqual([]);
  });

  it('puts a server field error on the summary field, and closes', async () => {
    const closed = testCourse({ status: 'closed' });
    const answers = [problem(422, { errors: [{ path: 'body.summary', message: 'For lang' }] }), { body: closed }];
    const { user, onCourseChanged, onMessage } = renderSection(ClosingSection, [{ method: 'POST', path: `${api}/close`, answer: () => answers.shift() ?? { body: closed } }]);
    const form = screen.getByRole('form', { name: 'Afslut forløbet' });
    await user.click(within(form).getAllByRole('radio')[0] as HTMLElement);
    await user.click(within(form).getByRole('button', { name: 'Afslut forløbet' }));
    expect(await within(summaryIn(form)).findByRole('link', { name: 'For lang' })).toHaveAttribute('href', '#field-close-summary');
    await user.click(within(form).getByRole('button', { name: 'Afslut forløbet' }));
    await waitFor(() => expect(onCourseChanged).toHaveBeenCalledWith(closed));
    expect(onMessage).toHaveBeenCalledWith('Forløbet er afsluttet.');
  });
});

describe('sessions', () => {
  it('asks for a time and a mode before planning, and plans', async () => {
    const { user, sent, onMessage } = renderSection(SessionsSection, [
      { method: 'GET', path: `${api}/sessions`, answer: { body: emptySessions } },
      { method: 'POST', path: `${api}/sessions`, answer: { status: 201, body: {} } },
    ]);
    const form = await screen.findByRole('form', { name: 'Planlæg en samtale' });
    await user.click(within(form).getByRole('button', { name: 'Planlæg samtalen' }));
    expect(within(summaryIn(form)).getAllByRole('link').map((link) => link.textContent)).toEqual(['Vælg dato og klokkeslæt', 'Vælg samtaleform']);
    await user.type(within(form).getByLabelText('Tidspunkt'), '2026-03-02T10:00');
    await user.click(within(form).getByLabelText('Fremmøde'));
    await user.click(within(form).getByRole('button', { name: 'Planlæg samtalen' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Samtalen er planlagt.'));
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ plannedAt: new Date('2026-03-02T10:00').toISOString(), durationMinutes: 60, mode: 'in_person' });
  });
});

describe('the person’s ratings', () => {
  it('asks for both ratings', async () => {
    const { user } = renderSection(OutcomesSection, [{ method: 'GET', path: `${api}/sessions`, answer: { body: emptySessions } }]);
    const form = screen.getByRole('form', { name: 'Ved første samtale' });
    await user.click(within(form).getByRole('button', { name: /^Gem vurderingen/ }));
    expect(within(summaryIn(form)).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#field-outcome-first-safety', '#field-outcome-first-options']);
  });
});

describe('who has seen the data', () => {
  it('wants a justification before staff names are shown', async () => {
    const { user, sent } = renderSection(AccessHistorySection);
    const form = screen.getByRole('form', { name: 'Lav udtræk' });
    await user.click(within(form).getByLabelText('Vis medarbejdernes navne'));
    await user.type(within(form).getByLabelText('Begrundelse for at vise navne'), 'kort');
    await user.click(within(form).getByRole('button', { name: 'Lav udtræk' }));
    expect(within(summaryIn(form)).getByRole('link', { name: t('courses.serverMessages.justification_required') })).toHaveAttribute('href', '#field-history-justification');
    expect(sent).toEqual([]);
  });
});

describe('risk below the referral', () => {
  const riskRoutes = [
    { method: 'GET', path: '/api/risk-instruments', answer: { body: [] } },
    { method: 'GET', path: `${api}/risk-assessments`, answer: { body: [] } },
    { method: 'GET', path: `${api}/risk-reductions`, answer: { body: [] } },
  ] as const;
  const fromReferral = { gender: 'woman' as const, birthYear: 1990, childrenInHome: 'no' as const, riskLevel: 'high' as const, safeTimes: null };

  it('says when the service’s own assessment came out below the referral’s rating', async () => {
    mockServer([...riskRoutes]);
    renderInApp(<RiskSection course={testCourse({ fromReferral, riskLevel: 'medium', riskLevelSource: 'assessment' })} onCourseChanged={vi.fn()} onMessage={vi.fn()} />, { session: counsellor });
    expect(await screen.findByRole('heading', { name: 'Henvisningen vurderede risikoen som Høj' })).toBeVisible();
  });

  it('says nothing while the level is the referral’s own, or the assessment is not lower', async () => {
    mockServer([...riskRoutes]);
    renderInApp(<RiskSection course={testCourse({ fromReferral, riskLevel: 'high', riskLevelSource: 'referral' })} onCourseChanged={vi.fn()} onMessage={vi.fn()} />, { session: counsellor });
    expect(await screen.findByText('Fra henvisningen – tilbuddet har ikke selv vurderet risikoen endnu')).toBeVisible();
    expect(screen.queryByRole('heading', { name: /Henvisningen vurderede/ })).not.toBeInTheDocument();
  });
});

describe('the safety plan', () => {
  it('offers to fetch the newer version when someone saved meanwhile', async () => {
    const { user } = renderSection(SafetyPlanSection, [
      { method: 'GET', path: `${api}/safety-plan`, answer: { body: { current: null, versions: [] } } },
      { method: 'PUT', path: `${api}/safety-plan`, answer: problem(409, { code: 'conflict', detail: 'Planen er ændret.', errors: [{ path: 'body.basedOnVersion', message: 'stale_version' }] }) },
    ]);
    const form = await screen.findByRole('form', { name: 'Ny sikkerhedsplan' });
    await user.click(within(form).getByRole('button', { name: 'Gem som ny version' }));
    expect(await within(form).findByRole('button', { name: /Hent den nyeste/ })).toBeVisible();
    expect(within(summaryIn(form)).getByText(/Planen er ændret\./)).toBeVisible();
  });

  it('says so when the plan was unchanged, and keeps the version', async () => {
    const content = { safePeople: [{ name: 'Søsteren Lise' }], safePlaces: [], warningSigns: [], emergencySteps: [], children: [], importantDocuments: [], codeWords: [] };
    const current = { version: 3, createdAt: '2026-01-01T10:00:00Z', createdBy: { userId: 'u1', displayName: 'Rådgiver' }, content };
    const plan = { current, versions: [{ version: 3, createdAt: current.createdAt, createdBy: current.createdBy }] };
    const { user, sent, onMessage, onCourseChanged } = renderSection(SafetyPlanSection, [
      { method: 'GET', path: `${api}/safety-plan`, answer: { body: plan } },
      { method: 'PUT', path: `${api}/safety-plan`, answer: { body: { ...plan, isUnchanged: true } } },
    ]);
    const form = await screen.findByRole('form', { name: /version 3/ });
    await user.click(within(form).getByRole('button', { name: 'Gem som ny version' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Planen er ikke ændret, så der er ikke gemt en ny version. Version 3 gælder stadig.'));
    expect(onCourseChanged).not.toHaveBeenCalled();
    expect(sent.find((request) => request.method === 'PUT')?.body).toMatchObject({ basedOnVersion: 3 });
  });

  it('asks for what a started record needs', async () => {
    const { user, sent } = renderSection(SafetyPlanSection, [{ method: 'GET', path: `${api}/safety-plan`, answer: { body: { current: null, versions: [] } } }]);
    const form = await screen.findByRole('form', { name: 'Ny sikkerhedsplan' });
    await user.click(within(form).getByRole('button', { name: 'Tilføj kodeord' }));
    await user.type(within(within(form).getByRole('group', { name: 'Kodeord 1' })).getByLabelText('Kodeord'), 'Blå');
    await user.click(within(form).getByRole('button', { name: 'Gem som ny version' }));
    expect(within(summaryIn(form)).getByRole('link')).toHaveAttribute('href', '#field-plan-content-codeWords-0-meaning');
    expect(sent.filter((request) => request.method === 'PUT')).toEqual([]);
  });
});
