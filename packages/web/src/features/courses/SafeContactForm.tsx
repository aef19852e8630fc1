import type { ChannelSafety, Course, MessageContentPreference, SafeContactPreferences, SafeTimeWindow } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCourseSafeContact } from '../../api';
import { Alert } from '../../ui/Alert';
import { CheckboxGroup, RadioGroup, TextField } from '../../ui/fields';
import { ActionForm, SubmitButton, useCourseAction } from './course-ui';

type Channel = keyof SafeContactPreferences['channels'];
const channels: readonly Channel[] = ['phoneCall', 'voicemail', 'sms', 'email', 'letter'];
const safeties: readonly ChannelSafety[] = ['safe', 'unsafe', 'unknown'];
const contents: readonly MessageContentPreference[] = ['neutral', 'may_name_service', 'unknown'];
const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
type Weekday = (typeof weekdays)[number];

/**
 * The rules for contacting the person, before any number: an unknown preference counts as "no", because a call,
 * a voicemail or a text the person did not agree to can put them in danger.
 */
export function SafeContactWarnings({ preferences }: { preferences: SafeContactPreferences }) {
  const { t } = useTranslation();
  const warnings: string[] = [];
  for (const channel of channels) {
    const safety = preferences.channels[channel];
    if (safety !== 'safe') warnings.push(t(`courses.safeContact.warning.${safety === 'unsafe' ? 'unsafe' : 'unknown'}`, { channel: t(`courses.safeContact.channel.${channel}`) }));
  }
  if (preferences.safeTimeWindows === null) warnings.push(t('courses.safeContact.warning.timesUnknown'));
  else if (preferences.safeTimeWindows.length === 0) warnings.push(t('courses.safeContact.warning.noSafeTime'));
  if (preferences.messageContent !== 'may_name_service') warnings.push(t('courses.safeContact.warning.neutralText'));
  if (warnings.length === 0) return null;
  const isUnsafe = Object.values(preferences.channels).some((safety) => safety === 'unsafe');
  return (
    <Alert variant={isUnsafe ? 'error' : 'warning'} heading={t('courses.safeContact.warningHeading')} headingLevel={3}>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>
            <strong>{warning}</strong>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

type WindowDraft = { days: Weekday[]; from: string; to: string };

const fields = ['phone', 'email', 'preferences'];

/** Edits the person's safe-contact details and preferences. Reminders follow them; unknown means nothing is sent. */
export function SafeContactForm({ course, onSaved }: { course: Course; onSaved: (course: Course) => void }) {
  const { t } = useTranslation();
  const current = course.safeContact;
  const [phone, setPhone] = useState(current.phone ?? '');
  const [email, setEmail] = useState(current.email ?? '');
  const [safety, setSafety] = useState<Record<Channel, ChannelSafety>>({ ...current.preferences.channels });
  const [areTimesKnown, setAreTimesKnown] = useState(current.preferences.safeTimeWindows !== null);
  const [windows, setWindows] = useState<WindowDraft[]>(() =>
    (current.preferences.safeTimeWindows ?? []).map((window) => ({ days: window.days.map((day) => String(day) as Weekday), from: window.from, to: window.to })),
  );
  const [content, setContent] = useState<MessageContentPreference>(current.preferences.messageContent);
  const [language, setLanguage] = useState<'da' | 'en'>(current.preferences.language);
  const action = useCourseAction('safeContact', fields);

  const setWindow = (index: number, change: Partial<WindowDraft>) => setWindows((list) => list.map((window, at) => (at === index ? { ...window, ...change } : window)));

  const submit = () => {
    const found: Record<string, string> = {};
    if (phone.trim() && !/^\+?[0-9 ]{3,20}$/.test(phone.trim())) found['safeContact.phone'] = t('courses.serverMessages.phone_format');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found['safeContact.email'] = t('courses.safeContact.emailFormat');
    windows.forEach((window, index) => {
      const key = `safeContact.preferences.safeTimeWindows.${index}`;
      if (window.days.length === 0) found[`${key}.days`] = t('courses.safeContact.daysRequired');
      if (!/^\d\d:\d\d$/.test(window.from) || !/^\d\d:\d\d$/.test(window.to) || window.from >= window.to) found[`${key}.to`] = t('courses.safeContact.windowOrder');
    });
    if (Object.keys(found).length > 0) return action.fail(found);
    const safeTimeWindows: SafeTimeWindow[] | null = areTimesKnown ? windows.map((window) => ({ days: window.days.map(Number), from: window.from, to: window.to })) : null;
    void action.run(async () => {
      const updated = await updateCourseSafeContact(course.id, {
        phone: phone.trim() || null,
        email: email.trim() || null,
        preferences: { channels: safety, safeTimeWindows, messageContent: content, language },
      });
      onSaved(updated);
    });
  };

  return (
    <ActionForm id="safe-contact" heading={t('courses.safeContact.editHeading')} action={action} onSubmit={submit}>
      <TextField
        fieldKey="safeContact.phone"
        label={t('courses.safeContact.phone')}
        type="tel"
        autoComplete="off"
        inputClassName="app-short-input"
        value={phone}
        error={action.errors['safeContact.phone']}
        onChange={(event) => setPhone(event.target.value)}
      />
      <TextField
        fieldKey="safeContact.email"
        label={t('courses.safeContact.email')}
        type="email"
        autoComplete="off"
        value={email}
        error={action.errors['safeContact.email']}
        onChange={(event) => setEmail(event.target.value)}
      />
      {channels.map((channel) => (
        <RadioGroup
          key={channel}
          fieldKey={`safeContact.preferences.channels.${channel}`}
          legend={t('courses.safeContact.isChannelSafe', { channel: t(`courses.safeContact.channel.${channel}`) })}
          options={safeties.map((value) => ({ value, label: t(`courses.safeContact.safety.${value}`) }))}
          value={safety[channel]}
          isInline
          onChange={(value) => setSafety((all) => ({ ...all, [channel]: value }))}
        />
      ))}
      <RadioGroup
        fieldKey="safeContact.timesKnown"
        legend={t('courses.safeContact.times')}
        hint={t('courses.safeContact.timesHint')}
        options={[
          { value: 'unknown', label: t('courses.safeContact.timesUnknown') },
          { value: 'known', label: t('courses.safeContact.timesKnown') },
        ]}
        value={areTimesKnown ? 'known' : 'unknown'}
        onChange={(value) => setAreTimesKnown(value === 'known')}
      />
      {areTimesKnown ? (
        <>
          {windows.map((window, index) => (
            <fieldset className="app-course-item" key={index}>
              <legend className="form-label">{t('courses.safeContact.window', { number: index + 1 })}</legend>
              <CheckboxGroup<Weekday>
                fieldKey={`safeContact.preferences.safeTimeWindows.${index}.days`}
                legend={t('courses.safeContact.days')}
                options={weekdays.map((value) => ({ value, label: t(`courses.weekday.${value}`) }))}
                values={window.days}
                error={action.errors[`safeContact.preferences.safeTimeWindows.${index}.days`]}
                onChange={(days) => setWindow(index, { days })}
              />
              <TextField fieldKey={`safeContact.preferences.safeTimeWindows.${index}.from`} label={t('courses.safeContact.from')} type="time" inputClassName="app-short-input" value={window.from} onChange={(event) => setWindow(index, { from: event.target.value })} />
              <TextField
                fieldKey={`safeContact.preferences.safeTimeWindows.${index}.to`}
                label={t('courses.safeContact.to')}
                type="time"
                inputClassName="app-short-input"
                value={window.to}
                error={action.errors[`safeContact.preferences.safeTimeWindows.${index}.to`]}
                onChange={(event) => setWindow(index, { to: event.target.value })}
              />
              <button type="button" className="button button-tertiary" onClick={() => setWindows((list) => list.filter((_, at) => at !== index))}>
                {t('courses.safeContact.removeWindow', { number: index + 1 })}
              </button>
            </fieldset>
          ))}
          {windows.length === 0 ? <p className="form-hint">{t('courses.safeContact.noWindows')}</p> : null}
          <p>
            <button type="button" className="button button-secondary" onClick={() => setWindows((list) => [...list, { days: ['1', '2', '3', '4', '5'], from: '09:00', to: '15:00' }])}>
              {t('courses.safeContact.addWindow')}
            </button>
          </p>
        </>
      ) : null}
      <RadioGroup
        fieldKey="safeContact.preferences.messageContent"
        legend={t('courses.safeContact.content')}
        options={contents.map((value) => ({ value, label: t(`courses.safeContact.contentOption.${value}`) }))}
        value={content}
        onChange={setContent}
      />
      <RadioGroup
        fieldKey="safeContact.preferences.language"
        legend={t('courses.safeContact.language')}
        options={(['da', 'en'] as const).map((value) => ({ value, label: t(`languages.${value}`) }))}
        value={language}
        isInline
        onChange={setLanguage}
      />
      <SubmitButton isBusy={action.isBusy}>{t('courses.safeContact.save')}</SubmitButton>
    </ActionForm>
  );
}
