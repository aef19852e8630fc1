import type { ComponentProps } from 'react';
import { get, useController, useFormState, type Control, type FieldPath, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { ComboboxField, MultiComboboxField } from '../ui/Combobox';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField, type Choice } from '../ui/fields';
import { useDomKey } from './form-context';

/**
 * The DKFDS fields of ui/fields.tsx bound to a react-hook-form field. `name` is the value's path; `fieldKey`, where
 * it differs, is the key the field's errors are kept under (a request path such as `schedule.noteDa`) and its DOM id
 * is made from, so the error summary, the server's field errors and the DOM agree.
 */
type Binding<V extends FieldValues, N extends FieldPath<V>> = {
  control: Control<V, unknown, unknown>;
  name: N;
  fieldKey?: string;
  /** Called after the value changed, for fields whose change resets others. */
  onValueChange?: (value: never) => void;
};

function useBinding<V extends FieldValues>(control: Control<V, unknown, unknown>, name: FieldPath<V>, fieldKey: string | undefined) {
  const { field, formState } = useController({ control, name });
  const errorKey = fieldKey ?? name;
  const message = (get(formState.errors, errorKey) as { message?: unknown } | undefined)?.message;
  return { field, domKey: useDomKey(errorKey), error: typeof message === 'string' && message ? message : undefined };
}

type Own = 'fieldKey' | 'value' | 'onChange' | 'error' | 'name';

type FormTextFieldProps<V extends FieldValues> = Omit<Binding<V, FieldPathByValue<V, string>>, 'onValueChange'> &
  Omit<ComponentProps<typeof TextField>, Own> & { transform?: (value: string) => string; onValueChange?: (value: string) => void };

export function FormTextField<V extends FieldValues>({ control, name, fieldKey, transform, onValueChange, ...input }: FormTextFieldProps<V>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  return (
    <TextField
      {...input}
      fieldKey={domKey}
      value={field.value ?? ''}
      error={error}
      onBlur={field.onBlur}
      onChange={(event) => {
        const value = transform ? transform(event.target.value) : event.target.value;
        field.onChange(value);
        onValueChange?.(value);
      }}
    />
  );
}

type FormTextAreaFieldProps<V extends FieldValues> = Omit<Binding<V, FieldPathByValue<V, string>>, 'onValueChange'> & Omit<ComponentProps<typeof TextAreaField>, Own>;

export function FormTextAreaField<V extends FieldValues>({ control, name, fieldKey, ...textarea }: FormTextAreaFieldProps<V>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  return <TextAreaField {...textarea} fieldKey={domKey} value={field.value ?? ''} error={error} onBlur={field.onBlur} onChange={(event) => field.onChange(event.target.value)} />;
}

type ChoiceBinding<V extends FieldValues, T extends string> = Omit<Binding<V, FieldPath<V>>, 'onValueChange'> & { options: readonly Choice<T>[]; onValueChange?: (value: T) => void };

type FormSelectFieldProps<V extends FieldValues, T extends string> = ChoiceBinding<V, T> & Omit<ComponentProps<typeof SelectField<T>>, Own | 'options'>;

export function FormSelectField<V extends FieldValues, T extends string = string>({ control, name, fieldKey, onValueChange, ...select }: FormSelectFieldProps<V, T>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  const change = (value: T) => {
    field.onChange(value);
    onValueChange?.(value);
  };
  return <SelectField<T> {...select} fieldKey={domKey} value={(field.value ?? '') as T | ''} error={error} onChange={change} />;
}

type FormRadioGroupProps<V extends FieldValues, T extends string> = ChoiceBinding<V, T> & Omit<ComponentProps<typeof RadioGroup<T>>, Own | 'options'>;

export function FormRadioGroup<V extends FieldValues, T extends string = string>({ control, name, fieldKey, onValueChange, ...group }: FormRadioGroupProps<V, T>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  const change = (value: T) => {
    field.onChange(value);
    onValueChange?.(value);
  };
  return <RadioGroup<T> {...group} fieldKey={domKey} value={(field.value ?? undefined) as T | undefined} error={error} onChange={change} />;
}

type FormCheckboxFieldProps<V extends FieldValues> = Omit<Binding<V, FieldPathByValue<V, boolean>>, 'onValueChange'> &
  Omit<ComponentProps<typeof CheckboxField>, Own | 'isChecked'> & { onValueChange?: (isChecked: boolean) => void };

export function FormCheckboxField<V extends FieldValues>({ control, name, fieldKey, onValueChange, ...checkbox }: FormCheckboxFieldProps<V>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  const change = (isChecked: boolean) => {
    field.onChange(isChecked);
    onValueChange?.(isChecked);
  };
  return <CheckboxField {...checkbox} fieldKey={domKey} isChecked={Boolean(field.value)} error={error} onChange={change} />;
}

type FormCheckboxGroupProps<V extends FieldValues, T extends string> = Omit<ChoiceBinding<V, T>, 'onValueChange'> & Omit<ComponentProps<typeof CheckboxGroup<T>>, Own | 'options' | 'values'>;

export function FormCheckboxGroup<V extends FieldValues, T extends string = string>({ control, name, fieldKey, ...group }: FormCheckboxGroupProps<V, T>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  return <CheckboxGroup<T> {...group} fieldKey={domKey} values={(field.value ?? []) as T[]} error={error} onChange={field.onChange} />;
}

type FormComboboxFieldProps<V extends FieldValues> = Omit<Binding<V, FieldPathByValue<V, string>>, 'onValueChange'> & Omit<ComponentProps<typeof ComboboxField>, Own | 'onBlur'>;

/** One value picked by name from a long list (a municipality): see ui/Combobox.tsx. */
export function FormComboboxField<V extends FieldValues>({ control, name, fieldKey, ...combobox }: FormComboboxFieldProps<V>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  return <ComboboxField {...combobox} fieldKey={domKey} value={(field.value ?? '') as string} error={error} onChange={field.onChange} onBlur={field.onBlur} />;
}

type FormMultiComboboxFieldProps<V extends FieldValues> = Omit<Binding<V, FieldPathByValue<V, string[]>>, 'onValueChange'> &
  Omit<ComponentProps<typeof MultiComboboxField>, Own | 'values' | 'onBlur'>;

/** Several values picked by name (municipalities, languages), shown as chips: see ui/Combobox.tsx. */
export function FormMultiComboboxField<V extends FieldValues>({ control, name, fieldKey, ...combobox }: FormMultiComboboxFieldProps<V>) {
  const { field, domKey, error } = useBinding(control, name, fieldKey);
  return <MultiComboboxField {...combobox} fieldKey={domKey} values={(field.value ?? []) as string[]} error={error} onChange={field.onChange} onBlur={field.onBlur} />;
}

/**
 * The error and DOM key of a field whose value is not one form value (a checkbox that confirms consent for the
 * chosen recipient, a select that shows the proposed service until another is chosen): for fields drawn by hand.
 */
export function useFieldError<V extends FieldValues>(control: Control<V, unknown, unknown>, fieldKey: string): { domKey: string; error: string | undefined } {
  const { errors } = useFormState({ control });
  const message = (get(errors, fieldKey) as { message?: unknown } | undefined)?.message;
  return { domKey: useDomKey(fieldKey), error: typeof message === 'string' && message ? message : undefined };
}
