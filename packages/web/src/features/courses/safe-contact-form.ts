import type { ChannelSafety, Course, CourseSafeContactInput, MessageContentPreference, SafeContactPreferences } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';

export type ContactChannel = keyof SafeContactPreferences['channels'];
export const contactChannels: readonly ContactChannel[] = ['phoneCall', 'voicemail', 'sms', 'email', 'letter'];
/** ISO weekdays as the checkboxes hold them: '1' = Monday … '7' = Sunday. */
export const isoWeekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type IsoWeekday = (typeof isoWeekdays)[number];

export type WindowDraft = { days: IsoWeekday[]; from: string; to: string };

/** The safe-contact form's values, under the request's paths (`preferences.safeTimeWindows.0.to`). */
export type SafeContactValues = {
  phone: string;
  email: string;
  /** Unknown times mean nothing is sent; known times may still be none at all. */
  areTimesKnown: 'known' | 'unknown';
  preferences: {
    channels: Record<ContactChannel, ChannelSafety>;
    safeTimeWindows: WindowDraft[];
    messageContent: MessageContentPreference;
    language: 'da' | 'en';
  };
};

/** A new window is office hours on weekdays, the most common answer. */
export const newWindow = (): WindowDraft => ({ days: ['1', '2', '3', '4', '5'], from: '09:00', to: '15:00' });

export function initialSafeContact(contact: Course['safeContact']): SafeContactValues {
  const { preferences } = contact;
  return {
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    areTimesKnown: preferences.safeTimeWindows === null ? 'unknown' : 'known',
    preferences: {
      channels: { ...preferences.channels },
      safeTimeWindows: (preferences.safeTimeWindows ?? []).map((window) => ({ days: window.days.map((day) => String(day) as IsoWeekday), from: window.from, to: window.to })),
      messageContent: preferences.messageContent,
      language: preferences.language,
    },
  };
}

const isTime = (value: string) => /^\d\d:\d\d$/.test(value);

export function validateSafeContact(values: SafeContactValues, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  if (values.phone.trim() && !/^\+?[0-9 ]{3,20}$/.test(values.phone.trim())) errors.phone = t('courses.serverMessages.phone_format');
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = t('courses.safeContact.emailFormat');
  if (values.areTimesKnown === 'unknown') return errors;
  values.preferences.safeTimeWindows.forEach((window, index) => {
    const key = `preferences.safeTimeWindows.${index}`;
    if (window.days.length === 0) errors[`${key}.days`] = t('courses.safeContact.daysRequired');
    if (!isTime(window.from) || !isTime(window.to) || window.from >= window.to) errors[`${key}.to`] = t('courses.safeContact.windowOrder');
  });
  return errors;
}

export function toSafeContactRequest(values: SafeContactValues): CourseSafeContactInput {
  const { preferences } = values;
  const windows = preferences.safeTimeWindows.map((window) => ({ days: window.days.map(Number), from: window.from, to: window.to }));
  return {
    phone: values.phone.trim() || null,
    email: values.email.trim() || null,
    preferences: { ...preferences, safeTimeWindows: values.areTimesKnown === 'known' ? windows : null },
  };
}
