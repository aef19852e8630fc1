import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ComboboxField, filterOptions, MultiComboboxField, type ComboboxOption } from './Combobox';

const options: ComboboxOption[] = [
  { value: '101', label: 'Københavns Kommune' },
  { value: '259', label: 'Køge Kommune' },
  { value: '147', label: 'Frederiksberg Kommune' },
  { value: '250', label: 'Frederikssund Kommune' },
];

function Single({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <ComboboxField fieldKey="municipality" label="Kommune" hint="Skriv for at søge" options={options} value={value} onChange={setValue} />
      <output>{value || 'ingen'}</output>
    </>
  );
}

function Multiple() {
  const [values, setValues] = useState<string[]>(['147']);
  return (
    <>
      <MultiComboboxField fieldKey="municipalities" label="Kommuner" options={options} values={values} onChange={setValues} />
      <output>{values.join(',')}</output>
    </>
  );
}

describe('filterOptions', () => {
  it('finds names that start with the text first, then names that contain it, and a code typed in full', () => {
    expect(filterOptions(options, 'frederiks').map((option) => option.value)).toEqual(['147', '250']);
    expect(filterOptions(options, 'KOMMUNE').map((option) => option.value)).toEqual(['101', '259', '147', '250']);
    expect(filterOptions(options, 'sund').map((option) => option.value)).toEqual(['250']);
    expect(filterOptions(options, '101').map((option) => option.value)).toEqual(['101']);
  });
});

describe('the combobox', () => {
  it('is a combobox named by its label and hint, with its list closed', () => {
    render(<Single />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    expect(input).toHaveAccessibleDescription('Skriv for at søge');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('filters as one types, moves with the arrows, picks with Enter and shows the name', async () => {
    const user = userEvent.setup();
    render(<Single />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    await user.type(input, 'kø');
    const listbox = screen.getByRole('listbox', { name: 'Kommune' });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual(['Københavns Kommune', 'Køge Kommune']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', within(listbox).getByRole('option', { name: 'Køge Kommune' }).id);
    expect(within(listbox).getByRole('option', { name: 'Køge Kommune' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(within(listbox).getByRole('option', { name: 'Københavns Kommune', selected: true })).toBeVisible();
    await user.keyboard('{Enter}');
    expect(screen.getByText('101', { selector: 'output' })).toBeVisible();
    expect(input).toHaveValue('Københavns Kommune');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
  });

  it('closes with Escape and, closed, empties the text; leaving the field empty clears the value', async () => {
    const user = userEvent.setup();
    render(<Single initial="147" />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    expect(input).toHaveValue('Frederiksberg Kommune');
    await user.click(input);
    expect(screen.getByRole('listbox')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    await user.tab();
    expect(screen.getByText('ingen', { selector: 'output' })).toBeVisible();
  });

  it('says when nothing matches, and keeps the value when the typed text is left', async () => {
    const user = userEvent.setup();
    render(<Single initial="147" />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    await user.clear(input);
    await user.type(input, 'Paris');
    expect(screen.getByText('Ingen passer til det, du har skrevet.')).toBeVisible();
    await user.tab();
    expect(input).toHaveValue('Frederiksberg Kommune');
    expect(screen.getByText('147', { selector: 'output' })).toBeVisible();
  });
});

describe('the combobox with several values', () => {
  it('shows the chosen values as chips, adds with the keyboard, and says so', async () => {
    const user = userEvent.setup();
    render(<Multiple />);
    const chosen = screen.getByRole('list', { name: 'Valgt under Kommuner' });
    expect(within(chosen).getByText('Frederiksberg Kommune')).toBeVisible();
    const input = screen.getByRole('combobox', { name: 'Kommuner' });
    await user.type(input, 'frederik');
    // A chosen value leaves the list.
    expect(within(screen.getByRole('listbox', { name: 'Kommuner' })).getAllByRole('option').map((option) => option.textContent)).toEqual(['Frederikssund Kommune']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByText('147,250', { selector: 'output' })).toBeVisible();
    expect(input).toHaveValue('');
    expect(screen.getByText('Frederikssund Kommune er valgt.')).toBeInTheDocument();
  });

  it('removes a value with its chip’s button, named by the value, and returns focus to the field', async () => {
    const user = userEvent.setup();
    render(<Multiple />);
    await user.click(screen.getByRole('button', { name: 'Fjern Frederiksberg Kommune' }));
    expect(screen.queryByRole('list', { name: 'Valgt under Kommuner' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Kommuner' })).toHaveFocus();
    expect(screen.getByText('Frederiksberg Kommune er fjernet.')).toBeInTheDocument();
  });

  it('does not send the form when Enter picks an option', async () => {
    const user = userEvent.setup();
    let submits = 0;
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submits += 1;
        }}
      >
        <Multiple />
      </form>,
    );
    await user.type(screen.getByRole('combobox', { name: 'Kommuner' }), 'køge');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(submits).toBe(0);
    expect(screen.getByText('147,259', { selector: 'output' })).toBeVisible();
  });
});
