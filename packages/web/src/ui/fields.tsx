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

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputClassName?: string };

export function TextField({ fieldKey, label, hint, error, inputClassName, ...input }: TextFieldProps) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={domId}>
        {label}
      </label>
      <Hint domId={domId} hint={hint} />
      <ErrorMessage domId={domId} error={error} />
      <input
        {...input}
        id={domId}
        className={inputClassName ? `form-input ${inputClassName}` : 'form-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(domId, hint, error)}
      />
    </div>
  );
}

type TextAreaFieldProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ fieldKey, label, hint, error, ...textarea }: TextAreaFieldProps) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={domId}>
        {label}
      </label>
      <Hint domId={domId} hint={hint} />
      <ErrorMessage domId={domId} error={error} />
      <textarea
        rows={4}
        {...textarea}
        id={domId}
        className="form-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(domId, hint, error)}
      />
    </div>
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
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={domId}>
        {label}
      </label>
      <Hint domId={domId} hint={hint} />
      <ErrorMessage domId={domId} error={error} />
      <select
        {...select}
        id={domId}
        className="form-select"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(domId, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type RadioGroupProps<T extends string> = {
  fieldKey: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** Show the options side by side on wider screens (short labels such as Ja / Nej / Ved ikke). */
  isInline?: boolean;
};

/** A radio group is a fieldset with a legend; the first option carries the field's id for the error summary. */
export function RadioGroup<T extends string>({ fieldKey, legend, hint, error, options, value, onChange, isInline = false }: RadioGroupProps<T>) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(domId, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <Hint domId={domId} hint={hint} />
        <ErrorMessage domId={domId} error={error} />
        <div className={isInline ? 'app-inline-choices' : undefined}>
          {options.map((option, index) => {
            const optionId = index === 0 ? domId : `${domId}-${option.value}`;
            return (
              <div className="form-group-radio" key={option.value}>
                <input
                  type="radio"
                  className="form-radio"
                  id={optionId}
                  name={domId}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <span className="form-hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
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
    <div className={error ? 'form-group form-error' : 'form-group'}>
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

type CheckboxGroupProps<T extends string> = {
  fieldKey: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly Choice<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
};

export function CheckboxGroup<T extends string>({ fieldKey, legend, hint, error, options, values, onChange }: CheckboxGroupProps<T>) {
  const domId = fieldDomId(fieldKey);
  const toggle = (value: T, isChecked: boolean) =>
    onChange(isChecked ? options.map((option) => option.value).filter((v) => v === value || values.includes(v)) : values.filter((v) => v !== value));
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(domId, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <Hint domId={domId} hint={hint} />
        <ErrorMessage domId={domId} error={error} />
        {options.map((option, index) => {
          const optionId = index === 0 ? domId : `${domId}-${option.value}`;
          return (
            <div className="form-group-checkbox" key={option.value}>
              <input
                type="checkbox"
                className="form-checkbox"
                id={optionId}
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
