import { z } from 'zod';

/**
 * Safe-contact preferences and the one decision every outgoing message to a person passes through
 * (QUALITY.md #34, R24). Phones and mailboxes are often shared or read by the person who uses violence, so:
 *
 * - a channel is used only when the person said it is SAFE; unsafe and unknown both mean no;
 * - a message goes out only inside a time window the person said is safe; unknown windows mean never;
 * - the text never says what the service is about unless the person chose that.
 *
 * Pure: the same preferences, message and time always give the same decision.
 */

export const ChannelSafety = z.enum(['safe', 'unsafe', 'unknown']);
export type ChannelSafety = z.infer<typeof ChannelSafety>;

/** The channels a written reminder can use. Phone calls and voicemail are for people, not for jobs. */
export const ReminderChannel = z.enum(['sms', 'email']);
export type ReminderChannel = z.infer<typeof ReminderChannel>;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
const IsoWeekday = z.number().int().min(1).max(7);

const ClockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'time_format' });

/** A window on some weekdays, in Danish local time (Europe/Copenhagen), from inclusive to exclusive. */
export const SafeTimeWindow = z
  .strictObject({ days: z.array(IsoWeekday).min(1).max(7), from: ClockTime, to: ClockTime })
  .refine((window) => window.from < window.to, { message: 'window_ends_before_it_starts', path: ['to'] });
export type SafeTimeWindow = z.infer<typeof SafeTimeWindow>;

/** What the message may say: nothing about the service (neutral), or the service's name. */
export const MessageContentPreference = z.enum(['neutral', 'may_name_service', 'unknown']);
export type MessageContentPreference = z.infer<typeof MessageContentPreference>;

export const SafeContactPreferences = z.strictObject({
  channels: z.strictObject({
    sms: ChannelSafety,
    email: ChannelSafety,
    phoneCall: ChannelSafety,
    voicemail: ChannelSafety,
    letter: ChannelSafety,
  }),
  /** null: not known — and then nothing is sent. An empty list: no time is safe. */
  safeTimeWindows: z.array(SafeTimeWindow).max(21).nullable(),
  messageContent: MessageContentPreference,
  language: z.enum(['da', 'en']).default('da'),
});
export type SafeContactPreferences = z.infer<typeof SafeContactPreferences>;

/** Nothing known yet: the default for every new course. Sends nothing. */
export const unknownSafeContactPreferences: SafeContactPreferences = {
  channels: { sms: 'unknown', email: 'unknown', phoneCall: 'unknown', voicemail: 'unknown', letter: 'unknown' },
  safeTimeWindows: null,
  messageContent: 'unknown',
  language: 'da',
};

export const ReminderMessageType = z.enum(['session_reminder', 'session_rescheduled', 'session_cancelled']);
export type ReminderMessageType = z.infer<typeof ReminderMessageType>;

export type ReminderMessage = {
  type: ReminderMessageType;
  sessionStartsAt: Date;
  serviceName: string;
  /** Channels there is an address for (a phone number for SMS, an e-mail address for e-mail). */
  availableChannels: readonly ReminderChannel[];
};

export const ReminderSkipReason = z.enum(['preferences_unknown', 'no_contact_address', 'no_safe_channel', 'outside_safe_time', 'session_in_past']);
export type ReminderSkipReason = z.infer<typeof ReminderSkipReason>;

export type ReminderDecision = { send: true; channel: ReminderChannel; subject: string; text: string } | { send: false; reason: ReminderSkipReason };

/** SMS first: it is the channel people in the demo services mostly choose; e-mail when SMS is not safe. */
const channelOrder: readonly ReminderChannel[] = ['sms', 'email'];
const TIME_ZONE = 'Europe/Copenhagen';

const weekdayNumber: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const localClock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Weekday (1–7) and "HH:MM" of an instant in Danish local time. */
export function danishLocalTime(instant: Date): { weekday: number; time: string } {
  const parts = Object.fromEntries(localClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return { weekday: weekdayNumber[parts.weekday ?? ''] ?? 0, time: `${parts.hour}:${parts.minute}` };
}

export function isWithinSafeWindow(windows: readonly SafeTimeWindow[], instant: Date): boolean {
  const { weekday, time } = danishLocalTime(instant);
  return windows.some((window) => window.days.includes(weekday) && window.from <= time && time < window.to);
}

export function decideReminder(preferences: SafeContactPreferences | null, message: ReminderMessage, now: Date): ReminderDecision {
  if (preferences === null || preferences.safeTimeWindows === null) return { send: false, reason: 'preferences_unknown' };
  if (message.sessionStartsAt.getTime() <= now.getTime()) return { send: false, reason: 'session_in_past' };
  const withAddress = channelOrder.filter((channel) => message.availableChannels.includes(channel));
  if (withAddress.length === 0) return { send: false, reason: 'no_contact_address' };
  const channel = withAddress.find((candidate) => preferences.channels[candidate] === 'safe');
  if (!channel) return { send: false, reason: withAddress.every((candidate) => preferences.channels[candidate] === 'unknown') ? 'preferences_unknown' : 'no_safe_channel' };
  if (!isWithinSafeWindow(preferences.safeTimeWindows, now)) return { send: false, reason: 'outside_safe_time' };
  // Only an explicit choice lets the text name the service; "unknown" reads as neutral.
  const serviceName = preferences.messageContent === 'may_name_service' ? message.serviceName : null;
  return { send: true, channel, ...composeReminderText({ type: message.type, sessionStartsAt: message.sessionStartsAt, serviceName, language: preferences.language }) };
}

const whenFormat = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
};

/**
 * The words of a reminder. Neutral texts say "an appointment" and nothing else: no service, no subject, nothing a
 * person reading over the shoulder could learn from. With `serviceName` (only when the person chose it) the
 * service is named — still without saying what it is about.
 */
export function composeReminderText(input: { type: ReminderMessageType; sessionStartsAt: Date; serviceName: string | null; language: 'da' | 'en' }): { subject: string; text: string } {
  const when = whenFormat[input.language].format(input.sessionStartsAt);
  const name = input.serviceName;
  if (input.language === 'en') {
    const what = name ? `your appointment with ${name}` : 'your appointment';
    const subject = name ? `Reminder from ${name}` : 'Reminder';
    switch (input.type) {
      case 'session_reminder':
        return { subject, text: `Reminder: ${what} is on ${when}.` };
      case 'session_rescheduled':
        return { subject, text: `${capitalise(what)} has been moved to ${when}.` };
      case 'session_cancelled':
        return { subject, text: `${capitalise(what)} on ${when} has been cancelled.` };
    }
  }
  const what = name ? `din aftale hos ${name}` : 'din aftale';
  const subject = name ? `Påmindelse fra ${name}` : 'Påmindelse';
  switch (input.type) {
    case 'session_reminder':
      return { subject, text: `Påmindelse: ${what} er ${when}.` };
    case 'session_rescheduled':
      return { subject, text: `${capitalise(what)} er flyttet til ${when}.` };
    case 'session_cancelled':
      return { subject, text: `${capitalise(what)} ${when} er aflyst.` };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
