import type { ChecklistInstrument } from '@bro/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ChecklistForm } from './ChecklistForm';

const counsellor = testSession({ role: 'counsellor', permissions: ['course:read', 'course:write'] });
const courseId = '91111111-1111-4111-8111-111111111111';
const flag = (da: string) => ({ atLeast: 'medium' as const, label: { da, en: da } });

/** 24 questions like the demo's; the first three are red flags. */
const instrument: ChecklistInstrument = {
  kind: 'checklist',
  key: 'bro-tjekliste',
  version: 2,
  title: { da: 'Tjekliste', en: 'Checklist' },
  items: Array.from({ length: 24 }, (_, index) => ({
    id: `q${index + 1}`,
    text: { da: `Spørgsmål om emne ${index + 1}`, en: `Question ${index + 1}` },
    ...(index === 0 ? { redFlag: flag('kvælningsforsøg') } : index === 1 ? { redFlag: flag('trusler om drab') } : index === 2 ? { redFlag: flag('våben') } : {}),
  })),
  bands: [
    { level: 'standard', minYes: 0 },
    { level: 'medium', minYes: 10 },
    { level: 'high', minYes: 14 },
  ],
};

function renderChecklist() {
  const sent = mockServer([{ method: 'POST', path: `/api/courses/${courseId}/risk-assessments`, answer: { status: 201, body: {} } }]);
  const view = renderInApp(<ChecklistForm courseId={courseId} instrument={instrument} onRecorded={vi.fn()} />, { session: counsellor });
  const form = screen.getByRole('form', { name: 'Tjekliste' });
  const answer = (number: number, label: 'Ja' | 'Nej' | 'Ved ikke') => view.user.click(within(within(form).getByRole('group', { name: new RegExp(`^${number}\\. Spørgsmål om emne ${number}\\b`) })).getByLabelText(label));
  return { ...view, sent, form, answer };
}

describe('the risk checklist', () => {
  it('says in one line how many questions are unanswered, and clears each error as it is answered', async () => {
    const { user, sent, form, answer } = renderChecklist();
    for (let number = 1; number <= 16; number++) await answer(number, 'Nej');
    await user.click(within(form).getByRole('button', { name: 'Gem vurderingen' }));
    const summary = within(form).getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['8 spørgsmål mangler svar']);
    expect(within(summary).getByRole('link', { name: '8 spørgsmål mangler svar' })).toHaveAttribute('href', '#field-checklist-answers-q17');
    expect(within(form).getByText('Svar på spørgsmål 17')).toBeInTheDocument();

    await answer(17, 'Ja');
    await waitFor(() => expect(within(summary).getByRole('link')).toHaveTextContent('7 spørgsmål mangler svar'));
    expect(within(form).queryByText('Svar på spørgsmål 17')).not.toBeInTheDocument();
    expect(within(form).getByText('Svar på spørgsmål 18')).toBeInTheDocument();
    for (let number = 18; number <= 24; number++) await answer(number, 'Nej');
    await waitFor(() => expect(within(form).queryByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' })).not.toBeInTheDocument());
    expect(sent).toEqual([]);
  });

  it('explains the level as the answers come in: a red flag sets at least Middel, else the count decides', async () => {
    const { form, answer } = renderChecklist();
    const live = within(form).getByRole('status');
    expect(live).toHaveTextContent('Standard: 0 af 24 svar er ja');
    await answer(1, 'Ja');
    await answer(2, 'Ja');
    await answer(3, 'Ja');
    expect(live).toHaveTextContent('Niveau efter tjeklisten: Middel');
    expect(live).toHaveTextContent('Middel: kvælningsforsøg, trusler om drab og våben er røde flag');
    expect(within(form).getByRole('group', { name: /^1\. Spørgsmål om emne 1\b/ })).toHaveAccessibleDescription('Rødt flag: et ja giver mindst niveauet Middel');
  });
});
