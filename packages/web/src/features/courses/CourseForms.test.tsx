import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lokk, testCourse, testReceiverReferral, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { CourseConfigPage } from './CourseConfigPage';
import { NewCoursePage } from './NewCoursePage';
import { OpenCoursePanel } from './OpenCoursePanel';
import { TriageSection } from './TriageSection';

const counsellor = testSession({ role: 'counsellor', permissions: ['course:read', 'course:write', 'course:triage'] });
const summaryIn = (scope: HTMLElement) => within(scope).getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;
const course = testCourse();

describe('opening a course for a walk-in', () => {
  function renderPage(openAnswer: Answer = { status: 201, body: course }) {
    const sent = mockServer([
      { method: 'GET', path: '/api/courses/services', answer: { body: [{ id: lokk.id, name: 'Vores Vej Ud', serviceLine: 'victim' }] } },
      { method: 'POST', path: '/api/courses', answer: openAnswer },
    ]);
    return { ...renderInApp(<NewCoursePage />, { session: counsellor, path: '/courses/new', routePath: '/courses/new' }), sent };
  }

  async function fill(user: ReturnType<typeof renderPage>['user']) {
    const form = await screen.findByRole('form', { name: 'Henvendelsen' });
    await user.click(within(form).getByLabelText('Personligt fremmøde'));
    await user.click(within(form).getByLabelText('Udsat for vold'));
    await user.click(within(form).getByLabelText('Borgeren ønsker at være anonym'));
    await user.type(within(form).getByLabelText('Pseudonym'), 'Solsikke');
    return form;
  }

  it('chooses the only service and asks for the rest', async () => {
    const { user, sent } = renderPage();
    const form = await screen.findByRole('form', { name: 'Henvendelsen' });
    expect(within(form).getByLabelText('Tilbud')).toHaveValue(lokk.id);
    await user.click(within(form).getByRole('button', { name: 'Åbn forløb' }));
    expect(within(summaryIn(form)).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#field-open-origin', '#field-open-personRole', '#field-open-person-label']);
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows the server’s refusal of the name on the name field', async () => {
    const { user } = renderPage(problem(422, { errors: [{ path: 'body.person', message: 'Navnet mangler' }] }));
    const form = await fill(user);
    await user.click(within(form).getByRole('button', { name: 'Åbn forløb' }));
    expect(await within(summaryIn(form)).findByRole('link', { name: 'Navnet mangler' })).toHaveAttribute('href', '#field-open-person-label');
  });

  it('opens the course once, however often it is sent, and goes to its triage', async () => {
    const { user, sent } = renderPage();
    const form = await fill(user);
    await user.click(within(form).getByRole('button', { name: 'Åbn forløb' }));
    expect(await screen.findByText('Somewhere else')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')).toMatchObject({ body: { origin: 'walk_in', person: { label: 'Solsikke', isAnonymous: true } }, headers: { 'idempotency-key': expect.any(String) } });
  });
});

describe('opening a course from a referral', () => {
  it('asks for a label when the consent does not cover the name', async () => {
    mockServer([]);
    const { user } = renderInApp(<OpenCoursePanel referral={testReceiverReferral({ person: null })} />, { session: counsellor });
    const form = screen.getByRole('form', { name: 'Åbn forløb' });
    await user.click(within(form).getByRole('button', { name: 'Åbn forløb' }));
    expect(within(summaryIn(form)).getByRole('link')).toHaveAttribute('href', '#field-openCourse-clientLabel');
  });
});

describe('triage', () => {
  const evaluation = { ruleSetVersion: 3, evaluation: { outcome: 'eligible', proposal: 'accept', rules: [], matchedTargetGroupIds: [], appliedExclusionId: null, onward: null, missingFacts: [] } };

  function renderTriage(shown = course) {
    const sent = mockServer([
      { method: 'GET', path: `/api/courses/${course.id}/triage`, answer: { body: [] } },
      { method: 'GET', path: `/api/courses/${course.id}/onward-options`, answer: { body: [] } },
      { method: 'POST', path: `/api/courses/${course.id}/triage/evaluate`, answer: { body: evaluation } },
      { method: 'POST', path: `/api/courses/${course.id}/triage`, answer: { status: 201, body: {} } },
    ]);
    const onMessage = vi.fn();
    return { ...renderInApp(<TriageSection course={shown} onCourseChanged={vi.fn()} onMessage={onMessage} />, { session: counsellor }), sent, onMessage };
  }

  it('starts from what the referral said, each answer marked "fra henvisningen", and sends it as the facts', async () => {
    const fromReferral = { gender: 'woman' as const, birthYear: 1990, childrenInHome: 'yes' as const, riskLevel: 'medium' as const, safeTimes: null };
    const { user, sent } = renderTriage(testCourse({ status: 'triage', origin: 'referral', fromReferral, riskLevel: 'medium', riskLevelSource: 'referral' }));
    const facts = screen.getByRole('form', { name: 'Det ved vi om borgeren' });
    const gender = within(facts).getByRole('group', { name: 'Køn' });
    expect(within(gender).getByLabelText('Kvinde')).toBeChecked();
    expect(gender).toHaveAccessibleDescription('Fra henvisningen: Kvinde');
    expect(within(facts).getByLabelText('Alder (år)')).toHaveValue(String(new Date().getFullYear() - 1990));
    expect(within(facts).getByLabelText('Alder (år)')).toHaveAccessibleDescription('Fra henvisningen: født 1990');
    expect(within(within(facts).getByRole('group', { name: 'Er der børn i hjemmet?' })).getByLabelText('Ja')).toBeChecked();
    expect(within(within(facts).getByRole('group', { name: /Trusselsniveau/ })).getByLabelText('Middel')).toBeChecked();
    await user.click(within(facts).getByRole('button', { name: 'Vurder reglerne' }));
    await screen.findByRole('form', { name: 'Din beslutning' });
    expect(sent.find((request) => request.path.endsWith('/evaluate'))?.body).toMatchObject({ facts: { gender: 'woman', childrenInHome: 'yes', threatLevel: 'medium' } });
  });

  it('refuses an impossible age before evaluating', async () => {
    const { user, sent } = renderTriage();
    const facts = screen.getByRole('form', { name: 'Det ved vi om borgeren' });
    await user.type(within(facts).getByLabelText('Alder (år)'), '130');
    await user.click(within(facts).getByRole('button', { name: 'Vurder reglerne' }));
    expect(within(summaryIn(facts)).getByRole('link')).toHaveAttribute('href', '#field-facts-age');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('evaluates, drops the result when a fact changes, and records the decision', async () => {
    const { user, sent, onMessage } = renderTriage();
    const facts = screen.getByRole('form', { name: 'Det ved vi om borgeren' });
    await user.type(within(facts).getByLabelText('Alder (år)'), '34');
    await user.click(within(facts).getByRole('button', { name: 'Vurder reglerne' }));
    const decision = await screen.findByRole('form', { name: 'Din beslutning' });
    expect(within(decision).getByLabelText('Optag i forløbet')).toBeChecked();
    await user.click(within(within(facts).getByRole('group', { name: 'Køn' })).getByLabelText('Kvinde'));
    expect(screen.queryByRole('form', { name: 'Din beslutning' })).not.toBeInTheDocument();
    await user.click(within(facts).getByRole('button', { name: 'Vurder reglerne' }));
    await user.click(within(await screen.findByRole('form', { name: 'Din beslutning' })).getByRole('button', { name: 'Registrer beslutningen' }));
    await waitFor(() => expect(onMessage).toHaveBeenCalled());
    expect(sent.find((request) => request.method === 'POST' && request.path.endsWith('/triage'))?.body).toMatchObject({ decision: 'accept', facts: { age: 34, gender: 'woman' } });
  });
});

describe('course configuration', () => {
  const config = {
    serviceId: lokk.id,
    serviceName: 'Rådgivning',
    serviceLine: 'victim',
    template: { plannedSessions: 5, sessionModes: ['in_person'], focus: ['counselling'], contactIntervalDays: 14, highRiskContactIntervalDays: 3, offersCaseConference: false, isDefault: true },
    eligibility: null,
    staff: [],
    assignableStaff: [],
  };

  function renderConfig(rulesAnswer: Answer) {
    const sent = mockServer([
      { method: 'GET', path: '/api/course-config/services', answer: { body: [config] } },
      { method: 'POST', path: `/api/course-config/services/${lokk.id}/eligibility-rules`, answer: rulesAnswer },
    ]);
    return { ...renderInApp(<CourseConfigPage />, { session: testSession({ role: 'organisation_admin', permissions: ['course:configure'] }) }), sent };
  }

  it('keeps the template’s numbers within their ranges', async () => {
    const { user } = renderConfig({ status: 500 });
    const form = await screen.findByRole('form', { name: 'Skabelon for forløb: Rådgivning' });
    await user.clear(within(form).getByLabelText('Antal samtaler i et forløb'));
    await user.type(within(form).getByLabelText('Antal samtaler i et forløb'), '60');
    await user.click(within(form).getByRole('button', { name: 'Gem skabelonen' }));
    expect(within(summaryIn(form)).getByRole('link')).toHaveAttribute('href', `#field-template-${lokk.id}-plannedSessions`);
  });

  it('lists each problem the server finds in the rules, at its place', async () => {
    const { user } = renderConfig(problem(422, { detail: 'Reglerne kan ikke bruges.', errors: [{ path: 'body.exclusions.0', message: 'rule_invalid:min_greater_than_max' }] }));
    await user.click(await screen.findByRole('button', { name: 'Gem som ny version' }));
    const alert = await screen.findByRole('heading', { name: 'Reglerne blev ikke gemt' });
    expect(alert.parentElement).toHaveTextContent('Reglerne kan ikke bruges.');
    expect(alert.parentElement).toHaveTextContent('exclusions.0');
  });

  it('says when the rules are not JSON, before sending', async () => {
    const { user, sent } = renderConfig({ status: 500 });
    const rules = await screen.findByLabelText(/^Regler som JSON/);
    await user.clear(rules);
    await user.type(rules, 'not json');
    await user.click(screen.getByRole('button', { name: 'Gem som ny version' }));
    expect(await screen.findByText(/JSON/, { selector: 'p' })).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
