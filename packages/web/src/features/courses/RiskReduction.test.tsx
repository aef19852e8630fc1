import type { RiskReductionView } from '@bro/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testCourse, testSession } from '../../test/builders';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { PendingRiskReductions, RiskReductionPanel } from './RiskReduction';

const counsellor = testSession({ role: 'counsellor', permissions: ['course:read', 'course:write', 'course:triage'] });
const supervisor = testSession({ role: 'supervisor', permissions: ['course:read', 'course:supervise'] });
const course = testCourse({ riskLevel: 'high', riskLevelSource: 'assessment' });
const api = `/api/courses/${course.id}`;

const reduction = (overrides: Partial<RiskReductionView> = {}): RiskReductionView => ({
  id: '0f5d7c1e-8a1b-4c3d-9e2f-123456789abc',
  courseId: course.id,
  fromLevel: 'high',
  toLevel: 'standard',
  reason: 'Flyttet til søsteren; ingen kontakt i tre måneder',
  status: 'pending',
  requestedAt: '2026-11-23T09:00:00.000Z',
  requestedBy: { userId: 'u1', displayName: 'Rikke Rådgiver' },
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  ...overrides,
});

describe('lowering the risk level on the course', () => {
  it('asks for a lower level with a reason, and says the level waits for a supervisor', async () => {
    const sent = mockServer([
      { method: 'GET', path: `${api}/risk-reductions`, answer: { body: [] } },
      { method: 'POST', path: `${api}/risk-reductions`, answer: { status: 201, body: reduction() } },
    ]);
    const onMessage = vi.fn();
    const { user } = renderInApp(<RiskReductionPanel course={course} onCourseChanged={vi.fn()} onMessage={onMessage} />, { session: counsellor });
    const form = (await screen.findByRole('heading', { name: 'Sænk risikoniveauet' })).closest('section, form, div') as HTMLElement;
    // Only levels below the current one are offered.
    expect(within(form).queryByRole('radio', { name: 'Høj' })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: 'Standard' }));
    await user.type(within(form).getByLabelText('Begrundelse'), 'Flyttet til søsteren; ingen kontakt i tre måneder');
    await user.click(screen.getByRole('button', { name: 'Send til faglig leder' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Sænkningen til Standard er sendt til faglig leder. Niveauet er uændret, indtil den er bekræftet.'));
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ toLevel: 'standard', reason: 'Flyttet til søsteren; ingen kontakt i tre måneder' });
  });

  it('shows a pending reduction instead of the form', async () => {
    mockServer([{ method: 'GET', path: `${api}/risk-reductions`, answer: { body: [reduction()] } }]);
    renderInApp(<RiskReductionPanel course={course} onCourseChanged={vi.fn()} onMessage={vi.fn()} />, { session: counsellor });
    expect(await screen.findByRole('heading', { name: 'Venter på faglig leder' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send til faglig leder' })).not.toBeInTheDocument();
  });

  it('offers no form to a supervisor (who confirms, never asks)', async () => {
    mockServer([{ method: 'GET', path: `${api}/risk-reductions`, answer: { body: [] } }]);
    renderInApp(<RiskReductionPanel course={course} onCourseChanged={vi.fn()} onMessage={vi.fn()} />, { session: supervisor });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Sænk risikoniveauet' })).not.toBeInTheDocument());
  });
});

describe('the supervisor’s confirmation', () => {
  it('confirms a pending reduction and says what the level is now', async () => {
    const sent = mockServer([
      { method: 'GET', path: '/api/risk-reductions/pending', answer: { body: [reduction()] } },
      { method: 'POST', path: `${api}/risk-reductions/${reduction().id}/decision`, answer: { body: reduction({ status: 'confirmed' }) } },
    ]);
    const { user } = renderInApp(<PendingRiskReductions />, { session: supervisor });
    expect(await screen.findByText('Flyttet til søsteren; ingen kontakt i tre måneder')).toBeVisible();
    await user.type(screen.getByLabelText('Bemærkning til rådgiveren (valgfri)'), 'Drøftet i dag');
    await user.click(screen.getByRole('button', { name: 'Bekræft sænkningen' }));
    expect(await screen.findByText('Sænkningen er bekræftet: forløbets niveau er nu Standard.')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ decision: 'confirm', note: 'Drøftet i dag' });
  });

  it('says why a confirmation was refused', async () => {
    mockServer([
      { method: 'GET', path: '/api/risk-reductions/pending', answer: { body: [reduction()] } },
      { method: 'POST', path: `${api}/risk-reductions/${reduction().id}/decision`, answer: problem(409, { code: 'conflict', errors: [{ path: 'course.riskLevel', message: 'risk_level_changed' }] }) },
    ]);
    const { user } = renderInApp(<PendingRiskReductions />, { session: supervisor });
    await user.click(await screen.findByRole('button', { name: 'Bekræft sænkningen' }));
    expect(await screen.findByRole('heading', { name: /Risikoniveauet er ændret siden anmodningen/ })).toBeVisible();
  });

  it('says when nothing waits', async () => {
    mockServer([{ method: 'GET', path: '/api/risk-reductions/pending', answer: { body: [] } }]);
    renderInApp(<PendingRiskReductions />, { session: supervisor });
    expect(await screen.findByText('Ingen sænkninger venter på dig.')).toBeVisible();
  });
});
