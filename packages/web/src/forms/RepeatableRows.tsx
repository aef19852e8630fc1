import type { ReactNode } from 'react';
import { useFieldArray, type ArrayPath, type Control, type FieldArray, type FieldValues } from 'react-hook-form';
import { AddButton, ItemFrame, useFocusAfterRender } from '../ui/repeatable-list';
import { useFieldError } from './fields';

type RepeatableRowsProps<V extends FieldValues, N extends ArrayPath<V>> = {
  control: Control<V, unknown, unknown>;
  /** The list's path in the values (`phones`, `rules`). */
  name: N;
  /** The list's key for errors and DOM ids when it differs from `name` (`schedule.rules`). */
  fieldKey?: string;
  legend: (number: number) => string;
  removeLabel: (number: number) => string;
  addLabel: string;
  newRow: () => FieldArray<V, N>;
  /** The field of a row that takes focus when the row is added (`number` for a phone). */
  firstField: string;
  /** The fields of row `index`. */
  children: (index: number) => ReactNode;
};

/**
 * A repeatable list in a long form (phones, opening hours, places, testimonials, videos): each row a framed fieldset
 * with its own remove button, then the add button, which carries the list's own error. Focus moves to the new row's
 * first field after adding, and to the add button after removing (the row's own button is gone).
 */
export function RepeatableRows<V extends FieldValues, N extends ArrayPath<V>>({ control, name, fieldKey = name, legend, removeLabel, addLabel, newRow, firstField, children }: RepeatableRowsProps<V, N>) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const focusLater = useFocusAfterRender();
  const listError = useFieldError(control, fieldKey);
  return (
    <>
      {fields.map((field, index) => (
        <ItemFrame
          key={field.id}
          legend={legend(index + 1)}
          removeLabel={removeLabel(index + 1)}
          onRemove={() => {
            remove(index);
            focusLater(listError.domKey);
          }}
        >
          {children(index)}
        </ItemFrame>
      ))}
      <AddButton
        fieldKey={listError.domKey}
        label={addLabel}
        error={listError.error}
        onAdd={() => {
          append(newRow(), { shouldFocus: false });
          focusLater(`${listError.domKey}.${fields.length}.${firstField}`);
        }}
      />
    </>
  );
}
