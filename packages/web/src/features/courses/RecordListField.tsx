import type { ReactNode } from 'react';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import type { Choice } from '../../ui/fields';
import { emptyRecord, type PlanList, type PlanValues } from './safety-plan-form';

export type RecordFieldSpec = {
  key: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select';
  options?: readonly Choice<string>[];
  maxLength?: number;
  hint?: ReactNode;
};

type RecordListFieldProps = {
  control: Control<PlanValues, unknown, unknown>;
  /** The list in the plan; each input is `content.<list>.<index>.<field>`. */
  list: PlanList;
  legend: string;
  hint?: ReactNode;
  itemLegend: (number: number) => string;
  addLabel: string;
  removeLabel: (number: number) => string;
  fields: readonly RecordFieldSpec[];
  max: number;
};

/** A list of small records (safe people, code words …), one fieldset per record. */
export function RecordListField({ control, list, legend, hint, itemLegend, addLabel, removeLabel, fields, max }: RecordListFieldProps) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control, name: `content.${list}` });
  const firstChoice = fields.find((field) => field.kind === 'select')?.options?.[0]?.value ?? '';
  return (
    <fieldset className="app-course-list">
      <legend className="h3">{legend}</legend>
      {hint ? <p className="form-hint">{hint}</p> : null}
      {rows.fields.length === 0 ? <p>{t('courses.safetyPlan.emptyList')}</p> : null}
      {rows.fields.map((row, index) => (
        <fieldset className="app-course-item" key={row.id}>
          <legend className="form-label">{itemLegend(index + 1)}</legend>
          {fields.map((field) => (
            <RecordInput key={field.key} control={control} name={`content.${list}.${index}.${field.key}`} field={field} />
          ))}
          <button type="button" className="button button-tertiary" onClick={() => rows.remove(index)}>
            {removeLabel(index + 1)}
          </button>
        </fieldset>
      ))}
      {rows.fields.length < max ? (
        <button type="button" className="button button-secondary" onClick={() => rows.append(emptyRecord(list, firstChoice), { shouldFocus: false })}>
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

function RecordInput({ control, name, field }: { control: Control<PlanValues, unknown, unknown>; name: `content.${PlanList}.${number}.${string}`; field: RecordFieldSpec }) {
  const common = { control, name, label: field.label, hint: field.hint };
  if (field.kind === 'select') return <FormSelectField {...common} options={field.options ?? []} />;
  if (field.kind === 'textarea') return <FormTextAreaField {...common} rows={3} maxLength={field.maxLength} />;
  return <FormTextField {...common} autoComplete="off" maxLength={field.maxLength} />;
}
