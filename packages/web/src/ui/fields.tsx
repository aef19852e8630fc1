import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Form fields in DKFDS markup. Each field has a key (`person.fullName`, the same path the server reports in
 * problem+json `errors[].path`) from which its DOM id is derived, so the error summary can link to it.
 */
export function fieldDomId(key: string): string {
  return `field-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

type FieldFrame = { fieldKey: string; label: ReactNode; hint?: ReactNode; error?: string | undefined };

function describedBy(domId: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${domId}-hint` : '', error ? `${domId}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ domId, hint }: { domId: string; hint: ReactNode }) {
  return hint ? (
    <span className="form-hint" id={`${domId}-hint`}>
      {hint}
    </span>
  ) : null;
}

function ErrorMessage({ domId, error }: { domId: string; error: string | undefined }) {
  const { t } = useTranslation();
  return error ? (
    <span className="form-error-message" id={`${domId}-error`}>
      <span className="sr-only">{t('common.errorPrefix')} </span>
      {error}
    </span>
  ) : null;
}

/** The group around one labelled control: label, hint and error above it, with the control's ARIA wiring. */
export function LabelledControl({ fieldKey, label, hint, error, children }: FieldFrame & { children: (aria: ControlAria) => ReactNode }) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={groupClass(error)}>
      <label className="form-label" htmlFor={domId}>
        {label}
      </label>
      <Hint domId={domId} hint={hint} />
      <ErrorMessage domId={domId} error={error} />
      {children({ id: domId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(domId, hint, error) })}
    </div>
  );
}

export type ControlAria = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

const groupClass = (error: string | undefined) => (error ? 'form-group form-error' : 'form-group');

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputClassName?: string };

export function TextField({ fieldKey, label, hint, error, inputClassName, ...input }: TextFieldProps) {
  return (
    <LabelledControl fieldKey={fieldKey} label={label} hint={hint} error={error}>
      {(aria) => <input {...input} {...aria} className={inputClassName ? `form-input ${inputClassName}` : 'form-input'} />}
    </LabelledControl>
  );
}

type TextAreaFieldProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ fieldKey, label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledControl fieldKey={fieldKey} label={label} hint={hint} error={error}>
      {(aria) => <textarea rows={4} {...textarea} {...aria} className="form-input" />}
    </LabelledControl>
  );
}

export type Choice<T extends string> = { value: T; label: ReactNode; hint?: ReactNode };

type SelectFieldProps<T extends string> = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'onChange' | 'value'> & {
    options: readonly Choice<T>[];
    value: T | '';
    onChange: (value: T) => void;
    /** Shown as the first, empty option when the field may be left unset. */
    emptyLabel?: string;
  };

export function SelectField<T extends string>({ fieldKey, label, hint, error, options, value, onChange, emptyLabel, ...select }: SelectFieldProps<T>) {
  return (
    <LabelledControl fieldKey={fieldKey} label={label} hint={hint} error={error}>
      {(aria) => (
        <select {...select} {...aria} className="form-select" value={value} onChange={(event) => onChange(event.target.value as T)}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
}

type GroupFrame = { fieldKey: string; legend: ReactNode; hint?: ReactNode; error?: string | undefined };

/**
 * A group of choices is a fieldset with a legend; the first option carries the field's id (`optionId(…, 0)`), so the
 * error summary can link to the group.
 */
function ChoiceFieldset({ fieldKey, legend, hint, error, children }: GroupFrame & { children: (domId: string) => ReactNode }) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={groupClass(error)}>
      <fieldset aria-describedby={describedBy(domId, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <Hint domId={domId} hint={hint} />
        <ErrorMessage domId={domId} error={error} />
        {children(domId)}
      </fieldset>
    </div>
  );
}

const optionId = (domId: string, value: string, index: number) => (index === 0 ? domId : `${domId}-${value}`);

type RadioGroupProps<T extends string> = GroupFrame & {
  options: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** Show the options side by side on wider screens (short labels such as Ja / Nej / Ved ikke). */
  isInline?: boolean;
};

export function RadioGroup<T extends string>({ options, value, onChange, isInline = false, ...frame }: RadioGroupProps<T>) {
  return (
    <ChoiceFieldset {...frame}>
      {(domId) => (
        <div className={isInline ? 'app-inline-choices' : undefined}>
          {options.map((option, index) => (
            <RadioOption key={option.value} id={optionId(domId, option.value, index)} name={domId} option={option} isChecked={value === option.value} onChange={() => onChange(option.value)} />
          ))}
        </div>
      )}
    </ChoiceFieldset>
  );
}

function RadioOption<T extends string>({ id, name, option, isChecked, onChange }: { id: string; name: string; option: Choice<T>; isChecked: boolean; onChange: () => void }) {
  return (
    <div className="form-group-radio">
      <input type="radio" className="form-radio" id={id} name={name} value={option.value} checked={isChecked} onChange={onChange} aria-describedby={option.hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{option.label}</label>
      {option.hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {option.hint}
        </span>
      ) : null}
    </div>
  );
}

type CheckboxFieldProps = {
  fieldKey: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
};

/** One yes/no checkbox (e.g. "an interpreter is needed"). */
export function CheckboxField({ fieldKey, label, hint, error, isChecked, onChange }: CheckboxFieldProps) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={groupClass(error)}>
      <ErrorMessage domId={domId} error={error} />
      <div className="form-group-checkbox">
        <input
          type="checkbox"
          className="form-checkbox"
          id={domId}
          checked={isChecked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(domId, hint, error)}
        />
        <label htmlFor={domId}>{label}</label>
        <Hint domId={domId} hint={hint} />
      </div>
    </div>
  );
}

type CheckboxGroupProps<T extends string> = GroupFrame & {
  options: readonly Choice<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
};

/** Several checkboxes; the values keep the options' order, whatever order they were ticked in. */
export function CheckboxGroup<T extends string>({ options, values, onChange, ...frame }: CheckboxGroupProps<T>) {
  const toggle = (value: T, isChecked: boolean) =>
    onChange(isChecked ? options.map((option) => option.value).filter((v) => v === value || values.includes(v)) : values.filter((v) => v !== value));
  return (
    <ChoiceFieldset {...frame}>
      {(domId) =>
        options.map((option, index) => {
          const id = optionId(domId, option.value, index);
          return (
            <div className="form-group-checkbox" key={option.value}>
              <input type="checkbox" className="form-checkbox" id={id} checked={values.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })
      }
    </ChoiceFieldset>
  );
}
