import type { ChannelSafety, Course, MessageContentPreference, SafeContactPreferences } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxGroup, FormRadioGroup, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { WarningsAlert } from '../../ui/WarningsAlert';
import { useCourseForm } from './course-ui';
import { updateCourseSafeContact } from './courses.api';
import { contactChannels, initialSafeContact, isoWeekdays, newWindow, toSafeContactRequest, validateSafeContact, type IsoWeekday, type SafeContactValues } from './safe-contact-form';

const safeties: readonly ChannelSafety[] = ['safe', 'unsafe', 'unknown'];
const contents: readonly MessageContentPreference[] = ['neutral', 'may_name_service', 'unknown'];

/** The warnings the preferences call for, in the order they matter. */
function safeContactWarnings(preferences: SafeContactPreferences, t: TFunction): string[] {
  const warnings: string[] = [];
  for (const channel of contactChannels) {
    const safety = preferences.channels[channel];
    const channelName: string = t(`courses.safeContact.channel.${channel}`);
    if (safety !== 'safe') warnings.push(t(`courses.safeContact.warning.${safety === 'unsafe' ? 'unsafe' : 'unknown'}`, { channel: channelName }));
  }
  if (preferences.safeTimeWindows === null) warnings.push(t('courses.safeContact.warning.timesUnknown'));
  else if (preferences.safeTimeWindows.length === 0) warnings.push(t('courses.safeContact.warning.noSafeTime'));
  if (preferences.messageContent !== 'may_name_service') warnings.push(t('courses.safeContact.warning.neutralText'));
  return warnings;
}

/**
 * The rules for contacting the person, before any number: an unknown preference counts as "no", because a call,
 * a voicemail or a text the person did not agree to can put them in danger.
 */
export function SafeContactWarnings({ preferences }: { preferences: SafeContactPreferences }) {
  const { t } = useTranslation();
  const isUnsafe = Object.values(preferences.channels).some((safety) => safety === 'unsafe');
  return <WarningsAlert heading={t('courses.safeContact.warningHeading')} warnings={safeContactWarnings(preferences, t)} isSevere={isUnsafe} />;
}

type ContactControl = { control: Control<SafeContactValues, unknown, unknown> };

/** Edits the person's safe-contact details and preferences. Reminders follow them; unknown means nothing is sent. */
export function SafeContactForm({ course, onSaved }: { course: Course; onSaved: (course: Course) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => checkedBy<SafeContactValues>((values) => validateSafeContact(values, t)).transform(toSafeContactRequest), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialSafeContact(course.safeContact),
    idPrefix: 'safeContact',
    onSubmit: async (request) => onSaved(await updateCourseSafeContact(course.id, request)),
  });
  return (
    <FormPanel id="safe-contact" heading={t('courses.safeContact.editHeading')} form={form}>
      <FormTextField control={form.control} name="phone" label={t('courses.safeContact.phone')} type="tel" autoComplete="off" inputClassName="app-short-input" />
      <FormTextField control={form.control} name="email" label={t('courses.safeContact.email')} type="email" autoComplete="off" />
      {contactChannels.map((channel) => (
        <FormRadioGroup
          key={channel}
          control={form.control}
          name={`preferences.channels.${channel}`}
          legend={t('courses.safeContact.isChannelSafe', { channel: t(`courses.safeContact.channel.${channel}`) })}
          options={safeties.map((value) => ({ value, label: t(`courses.safeContact.safety.${value}`) }))}
          isInline
        />
      ))}
      <SafeTimes control={form.control} />
      <FormRadioGroup
        control={form.control}
        name="preferences.messageContent"
        legend={t('courses.safeContact.content')}
        options={contents.map((value) => ({ value, label: t(`courses.safeContact.contentOption.${value}`) }))}
      />
      <FormRadioGroup control={form.control} name="preferences.language" legend={t('courses.safeContact.language')} options={(['da', 'en'] as const).map((value) => ({ value, label: t(`languages.${value}`) }))} isInline />
      <SubmitButton isBusy={form.isBusy}>{t('courses.safeContact.save')}</SubmitButton>
    </FormPanel>
  );
}

function SafeTimes({ control }: ContactControl) {
  const { t } = useTranslation();
  const areTimesKnown = useWatch({ control, name: 'areTimesKnown' });
  const { fields, append, remove } = useFieldArray({ control, name: 'preferences.safeTimeWindows' });
  return (
    <>
      <FormRadioGroup
        control={control}
        name="areTimesKnown"
        fieldKey="timesKnown"
        legend={t('courses.safeContact.times')}
        hint={t('courses.safeContact.timesHint')}
        options={[
          { value: 'unknown', label: t('courses.safeContact.timesUnknown') },
          { value: 'known', label: t('courses.safeContact.timesKnown') },
        ]}
      />
      {areTimesKnown === 'known' ? (
        <>
          {fields.map((field, index) => (
            <fieldset className="app-course-item" key={field.id}>
              <legend className="form-label">{t('courses.safeContact.window', { number: index + 1 })}</legend>
              <FormCheckboxGroup<SafeContactValues, IsoWeekday>
                control={control}
                name={`preferences.safeTimeWindows.${index}.days`}
                legend={t('courses.safeContact.days')}
                options={isoWeekdays.map((value) => ({ value, label: t(`courses.weekday.${value}`) }))}
              />
              <FormTextField control={control} name={`preferences.safeTimeWindows.${index}.from`} label={t('courses.safeContact.from')} type="time" inputClassName="app-short-input" />
              <FormTextField control={control} name={`preferences.safeTimeWindows.${index}.to`} label={t('courses.safeContact.to')} type="time" inputClassName="app-short-input" />
              <button type="button" className="button button-tertiary" onClick={() => remove(index)}>
                {t('courses.safeContact.removeWindow', { number: index + 1 })}
              </button>
            </fieldset>
          ))}
          {fields.length === 0 ? <p className="form-hint">{t('courses.safeContact.noWindows')}</p> : null}
          <p>
            <button type="button" className="button button-secondary" onClick={() => append(newWindow(), { shouldFocus: false })}>
              {t('courses.safeContact.addWindow')}
            </button>
          </p>
        </>
      ) : null}
    </>
  );
}
