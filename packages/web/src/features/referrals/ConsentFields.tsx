import type { ConsentDataCategory, ConsentMethod } from '@bro/domain';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxGroup, FormRadioGroup, FormTextField, useFieldError } from '../../forms/fields';
import { CheckboxField } from '../../ui/fields';
import { allConsentCategories, type ConsentValues } from './referral-form';

type ConsentPart = { consent: ConsentValues };

/** The consent part of a form's control, for ConsentFields (the form must hold a `consent`). */
export function consentControl<V extends ConsentPart>(control: Control<V, unknown, unknown>): Control<ConsentPart, unknown, unknown> {
  return control as unknown as Control<ConsentPart, unknown, unknown>;
}

type ConsentFieldsProps = {
  control: Control<ConsentPart, unknown, unknown>;
  /** The recipient the consent is for; confirming it records that organisation, so a change of recipient undoes it. */
  recipientId: string;
  statement: string;
  methodLegend: string;
  methodLabel: (method: ConsentMethod) => string;
  categoriesHint?: string;
  /**
   * Folds how and when consent was given under this summary (the usual answers are already set), open again when
   * one of them has an error. Without it both questions show.
   */
  howAndWhenSummary?: string;
};

/** The consent a referral needs, the same wherever one is made: referral, reroute, onward referral. */
export function ConsentFields({ control, recipientId, statement, methodLegend, methodLabel, categoriesHint, howAndWhenSummary }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const confirmed = useFieldError(control, 'consent.confirmed');
  const { field } = useController({ control, name: 'consent.confirmedFor' });
  const methodError = useFieldError(control, 'consent.method').error;
  const timeError = useFieldError(control, 'consent.obtainedAt').error;
  const isHowAndWhenWrong = Boolean(methodError ?? timeError);
  const howAndWhen = (
    <>
      <FormRadioGroup<ConsentPart, ConsentMethod>
        control={control}
        name="consent.method"
        legend={methodLegend}
        options={(['oral_at_scene', 'written'] as const).map((value) => ({ value, label: methodLabel(value) }))}
      />
      <FormTextField control={control} name="consent.obtainedAt" label={t('newReferral.consent.when')} type="datetime-local" inputClassName="app-short-input" />
    </>
  );
  return (
    <>
      <CheckboxField
        fieldKey={confirmed.domKey}
        label={statement}
        isChecked={field.value === recipientId}
        error={confirmed.error}
        onChange={(isChecked) => field.onChange(isChecked ? recipientId : undefined)}
      />
      <FormCheckboxGroup<ConsentPart, ConsentDataCategory>
        control={control}
        name="consent.dataCategories"
        legend={t('newReferral.consent.categories')}
        hint={categoriesHint}
        options={allConsentCategories.map((value) => ({ value, label: t(`consentCategory.${value}`) }))}
      />
      {howAndWhenSummary ? (
        <details className="details" open={isHowAndWhenWrong || undefined}>
          <summary className="details-summary">
            <span className="details-summary-text">{howAndWhenSummary}</span>
          </summary>
          <div className="details-text">{howAndWhen}</div>
        </details>
      ) : (
        howAndWhen
      )}
    </>
  );
}
