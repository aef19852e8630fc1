import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField, type Choice } from '../../ui/fields';

/** Drafts of a list of small records (safe people, code words …) as strings, one fieldset per record. */
export type RecordDraft = Record<string, string>;

export type RecordFieldSpec = {
  key: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select';
  options?: readonly Choice<string>[];
  maxLength?: number;
  hint?: ReactNode;
};

type RecordListFieldProps = {
  /** The field key of the list, e.g. `plan.content.safePeople`; each input is `<listKey>.<index>.<field>`. */
  listKey: string;
  legend: string;
  hint?: ReactNode;
  itemLegend: (number: number) => string;
  addLabel: string;
  removeLabel: (number: number) => string;
  fields: readonly RecordFieldSpec[];
  items: readonly RecordDraft[];
  max: number;
  errors: Record<string, string>;
  onChange: (items: RecordDraft[]) => void;
};

export function RecordListField({ listKey, legend, hint, itemLegend, addLabel, removeLabel, fields, items, max, errors, onChange }: RecordListFieldProps) {
  const { t } = useTranslation();
  const update = (index: number, key: string, value: string) => onChange(items.map((item, at) => (at === index ? { ...item, [key]: value } : item)));
  const empty = () => Object.fromEntries(fields.map((field) => [field.key, field.kind === 'select' ? (field.options?.[0]?.value ?? '') : '']));
  return (
    <fieldset className="app-course-list">
      <legend className="h3">{legend}</legend>
      {hint ? <p className="form-hint">{hint}</p> : null}
      {items.length === 0 ? <p>{t('courses.safetyPlan.emptyList')}</p> : null}
      {items.map((item, index) => (
        <fieldset className="app-course-item" key={index}>
          <legend className="form-label">{itemLegend(index + 1)}</legend>
          {fields.map((field) => {
            const fieldKey = `${listKey}.${index}.${field.key}`;
            const common = { fieldKey, label: field.label, hint: field.hint, error: errors[fieldKey] };
            if (field.kind === 'select') {
              return <SelectField key={field.key} {...common} options={field.options ?? []} value={item[field.key] ?? ''} onChange={(value) => update(index, field.key, value)} />;
            }
            if (field.kind === 'textarea') {
              return <TextAreaField key={field.key} {...common} rows={3} maxLength={field.maxLength} value={item[field.key] ?? ''} onChange={(event) => update(index, field.key, event.target.value)} />;
            }
            return <TextField key={field.key} {...common} autoComplete="off" maxLength={field.maxLength} value={item[field.key] ?? ''} onChange={(event) => update(index, field.key, event.target.value)} />;
          })}
          <button type="button" className="button button-tertiary" onClick={() => onChange(items.filter((_, at) => at !== index))}>
            {removeLabel(index + 1)}
          </button>
        </fieldset>
      ))}
      {items.length < max ? (
        <button type="button" className="button button-secondary" onClick={() => onChange([...items, empty()])}>
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
