import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDomId, LabelledControl, type ControlAria } from './fields';
import './combobox.css';

/**
 * A field that picks from a long list by name (ARIA 1.2 combobox with a listbox popup, list autocomplete with manual
 * selection): typing filters the list, ↓/↑ move through it, Enter picks, Escape closes it (or, closed, empties the
 * text). The single field holds one value; the multiple field shows its values as chips, each with a remove button.
 */
export type ComboboxOption = { value: string; label: string };

type Frame = { fieldKey: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; options: readonly ComboboxOption[]; inputClassName?: string };

/** Options whose name (or value, e.g. a code an admin knows by heart) contains the text; names that start with it first. */
export function filterOptions(options: readonly ComboboxOption[], text: string): ComboboxOption[] {
  const needle = text.trim().toLocaleLowerCase('da');
  if (!needle) return [...options];
  const starts: ComboboxOption[] = [];
  const contains: ComboboxOption[] = [];
  for (const option of options) {
    const name = option.label.toLocaleLowerCase('da');
    if (name.startsWith(needle)) starts.push(option);
    else if (name.includes(needle) || option.value.toLocaleLowerCase('da') === needle) contains.push(option);
  }
  return [...starts, ...contains];
}

type PopupInput = {
  domId: string;
  options: readonly ComboboxOption[];
  text: string;
  onPick: (option: ComboboxOption) => void;
  onEscapeClosed: () => void;
  /** A single value is done once picked; several stay open for the next. */
  isClosedOnPick: boolean;
};

/** The open state, the active option and the keys of the ARIA combobox pattern. */
function usePopup({ domId, options, text, onPick, onEscapeClosed, isClosedOnPick }: PopupInput) {
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = useMemo(() => filterOptions(options, text), [options, text]);
  const optionId = (index: number) => `${domId}-option-${index}`;
  const activeId = isOpen && active >= 0 && active < shown.length ? optionId(active) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);
  const move = (step: number) => {
    setIsOpen(true);
    if (shown.length > 0) setActive((current) => (!isOpen || current < 0 ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length));
  };
  const pick = (option: ComboboxOption) => {
    onPick(option);
    setActive(-1);
    if (isClosedOnPick) setIsOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const picked = activeId ? shown[active] : undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') move(event.key === 'ArrowDown' ? 1 : -1);
    else if (event.key === 'Enter' && picked) pick(picked);
    else if (event.key === 'Escape' && isOpen) setIsOpen(false);
    else if (event.key === 'Escape') onEscapeClosed();
    else return;
    event.preventDefault();
  };
  const onType = () => {
    setIsOpen(true);
    setActive(-1);
  };
  return { isOpen, close: () => setIsOpen(false), shown, active, activeId, optionId, pick, onKeyDown, onType, open: () => setIsOpen(true) };
}

type Popup = ReturnType<typeof usePopup>;

function Listbox({ domId, label, popup }: { domId: string; label: string; popup: Popup }) {
  const { t } = useTranslation();
  if (!popup.isOpen) return null;
  if (popup.shown.length === 0) return <p className="app-combobox-empty">{t('combobox.noMatch')}</p>;
  return (
    <ul className="unstyled-list app-combobox-listbox" role="listbox" id={`${domId}-listbox`} aria-label={label}>
      {popup.shown.map((option, index) => (
        <li
          key={option.value}
          id={popup.optionId(index)}
          role="option"
          aria-selected={index === popup.active}
          className={index === popup.active ? 'app-combobox-option is-active' : 'app-combobox-option'}
          // Keeps focus in the input, so the pick does not first blur (and close) the field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => popup.pick(option)}
        >
          {option.label}
        </li>
      ))}
    </ul>
  );
}

type InputProps = { aria: ControlAria; popup: Popup; text: string; className: string | undefined; onText: (text: string) => void; onBlur: () => void };

function ComboboxInput({ aria, popup, text, className, onText, onBlur }: InputProps) {
  return (
    <input
      {...aria}
      type="text"
      role="combobox"
      autoComplete="off"
      spellCheck={false}
      aria-autocomplete="list"
      aria-expanded={popup.isOpen}
      aria-controls={`${aria.id}-listbox`}
      aria-activedescendant={popup.activeId}
      className={className ? `form-input ${className}` : 'form-input'}
      value={text}
      onChange={(event) => {
        onText(event.target.value);
        popup.onType();
      }}
      onKeyDown={popup.onKeyDown}
      onClick={popup.open}
      onBlur={() => {
        popup.close();
        onBlur();
      }}
    />
  );
}

/** The accessible name of the listbox: the field's label as text (labels may be elements). */
const labelText = (label: ReactNode) => (typeof label === 'string' ? label : '');

type SingleProps = Frame & { value: string; onChange: (value: string) => void; onBlur?: () => void };

/** One value picked by name; emptying the text and leaving the field clears it. */
export function ComboboxField({ fieldKey, label, hint, error, options, inputClassName, value, onChange, onBlur }: SingleProps) {
  // undefined: show the chosen option's name; a string: what the person is typing.
  const [draft, setDraft] = useState<string>();
  const chosenLabel = options.find((option) => option.value === value)?.label ?? value;
  const domId = fieldDomId(fieldKey);
  const pick = (option: ComboboxOption) => {
    onChange(option.value);
    setDraft(undefined);
  };
  const popup = usePopup({ domId, options, text: draft ?? '', onPick: pick, onEscapeClosed: () => setDraft(''), isClosedOnPick: true });
  const leave = () => {
    if (draft === '') onChange('');
    setDraft(undefined);
    onBlur?.();
  };
  return (
    <LabelledControl fieldKey={fieldKey} label={label} hint={hint} error={error}>
      {(aria) => (
        <div className="app-combobox">
          <ComboboxInput aria={aria} popup={popup} text={draft ?? chosenLabel} className={inputClassName} onText={setDraft} onBlur={leave} />
          <Listbox domId={aria.id} label={labelText(label)} popup={popup} />
        </div>
      )}
    </LabelledControl>
  );
}

type MultipleProps = Frame & { values: readonly string[]; onChange: (values: string[]) => void; onBlur?: () => void };

/**
 * Several values picked by name, shown as chips with a remove button. The listbox picks one at a time (a picked
 * option leaves it), so it is not multi-selectable: the chips, not the listbox, hold what is chosen.
 */
export function MultiComboboxField({ fieldKey, label, hint, error, options, inputClassName, values, onChange, onBlur }: MultipleProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  const frameRef = useRef<HTMLDivElement>(null);
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  const remaining = useMemo(() => options.filter((option) => !values.includes(option.value)), [options, values]);
  const domId = fieldDomId(fieldKey);
  const add = (option: ComboboxOption) => {
    onChange([...values, option.value]);
    setText('');
    setSaid(t('combobox.added', { label: option.label }));
  };
  const popup = usePopup({ domId, options: remaining, text, onPick: add, onEscapeClosed: () => setText(''), isClosedOnPick: false });
  // Text typed but not picked is not a value: it goes, so the field shows only what is chosen.
  const leave = () => {
    setText('');
    onBlur?.();
  };
  const remove = (value: string) => {
    onChange(values.filter((other) => other !== value));
    setSaid(t('combobox.removed', { label: labelOf(value) }));
    frameRef.current?.querySelector('input')?.focus();
  };
  return (
    <LabelledControl fieldKey={fieldKey} label={label} hint={hint} error={error}>
      {(aria) => (
        <div className="app-combobox" ref={frameRef}>
          <Chips label={labelText(label)} values={values} labelOf={labelOf} onRemove={remove} />
          <ComboboxInput aria={aria} popup={popup} text={text} className={inputClassName} onText={setText} onBlur={leave} />
          <Listbox domId={aria.id} label={labelText(label)} popup={popup} />
          <span className="sr-only" aria-live="polite">
            {said}
          </span>
        </div>
      )}
    </LabelledControl>
  );
}

type ChipsProps = { label: string; values: readonly string[]; labelOf: (value: string) => string; onRemove: (value: string) => void };

function Chips({ label, values, labelOf, onRemove }: ChipsProps) {
  const { t } = useTranslation();
  if (values.length === 0) return null;
  return (
    <ul className="unstyled-list app-chips" aria-label={t('combobox.chosen', { label })}>
      {values.map((value) => (
        <li key={value} className="app-chip">
          <span>{labelOf(value)}</span>
          <button type="button" className="app-chip-remove" aria-label={t('combobox.remove', { label: labelOf(value) })} onClick={() => onRemove(value)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
