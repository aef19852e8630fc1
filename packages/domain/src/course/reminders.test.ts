import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeReminderText,
  decideReminder,
  isWithinSafeWindow,
  ReminderMessageType,
  SafeContactPreferences,
  unknownSafeContactPreferences,
  type ReminderChannel,
  type ReminderMessage,
  type SafeTimeWindow,
} from './reminders.ts';

/** Tuesday 24 November 2026, 10:00 in Copenhagen (CET, UTC+1). */
const tuesdayTen = new Date('2026-11-24T09:00:00.000Z');
const inTwoDays = new Date('2026-11-26T13:00:00.000Z');
const weekdaysNineToFour: SafeTimeWindow[] = [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }];

const safeSms = SafeContactPreferences.parse({
  channels: { sms: 'safe', email: 'unknown', phoneCall: 'unknown', voicemail: 'unsafe', letter: 'unsafe' },
  safeTimeWindows: weekdaysNineToFour,
  messageContent: 'neutral',
});

const reminder = (overrides: Partial<ReminderMessage> = {}): ReminderMessage => ({
  type: 'session_reminder',
  sessionStartsAt: inTwoDays,
  serviceName: 'Ambulant rådgivning for voldsudsatte kvinder',
  availableChannels: ['sms', 'email'],
  ...overrides,
});

describe('decideReminder', () => {
  it('sends a neutral SMS on a safe channel inside a safe window', () => {
    const decision = decideReminder(safeSms, reminder(), tuesdayTen);
    expect(decision).toEqual({ send: true, channel: 'sms', subject: 'Påmindelse', text: 'Påmindelse: din aftale er torsdag 26. november kl. 14.00.' });
  });

  it('sends nothing when preferences are unknown, in whole or in part', () => {
    expect(decideReminder(null, reminder(), tuesdayTen)).toEqual({ send: false, reason: 'preferences_unknown' });
    expect(decideReminder(unknownSafeContactPreferences, reminder(), tuesdayTen)).toEqual({ send: false, reason: 'preferences_unknown' });
    expect(decideReminder({ ...safeSms, safeTimeWindows: null }, reminder(), tuesdayTen)).toEqual({ send: false, reason: 'preferences_unknown' });
    expect(decideReminder({ ...safeSms, channels: { ...safeSms.channels, sms: 'unknown' } }, reminder(), tuesdayTen)).toEqual({ send: false, reason: 'preferences_unknown' });
  });

  it('never uses an unsafe channel, and falls back only to another safe one', () => {
    const smsUnsafe = { ...safeSms, channels: { ...safeSms.channels, sms: 'unsafe' as const } };
    expect(decideReminder(smsUnsafe, reminder(), tuesdayTen)).toEqual({ send: false, reason: 'no_safe_channel' });
    const emailSafe = { ...smsUnsafe, channels: { ...smsUnsafe.channels, email: 'safe' as const } };
    expect(decideReminder(emailSafe, reminder(), tuesdayTen)).toMatchObject({ send: true, channel: 'email' });
  });

  it('needs an address on the safe channel', () => {
    expect(decideReminder(safeSms, reminder({ availableChannels: ['email'] }), tuesdayTen)).toEqual({ send: false, reason: 'preferences_unknown' });
    expect(decideReminder(safeSms, reminder({ availableChannels: [] }), tuesdayTen)).toEqual({ send: false, reason: 'no_contact_address' });
  });

  it('waits outside the safe window: evenings, weekends and in Danish local time', () => {
    expect(decideReminder(safeSms, reminder(), new Date('2026-11-24T16:30:00.000Z'))).toEqual({ send: false, reason: 'outside_safe_time' });
    expect(decideReminder(safeSms, reminder(), new Date('2026-11-21T10:00:00.000Z'))).toEqual({ send: false, reason: 'outside_safe_time' });
    // 07:30 UTC is 08:30 in Copenhagen in winter (outside) but 09:30 in summer (inside).
    expect(isWithinSafeWindow(weekdaysNineToFour, new Date('2026-11-24T07:30:00.000Z'))).toBe(false);
    expect(isWithinSafeWindow(weekdaysNineToFour, new Date('2026-06-23T07:30:00.000Z'))).toBe(true);
    // The end of a window is exclusive.
    expect(isWithinSafeWindow(weekdaysNineToFour, new Date('2026-11-24T15:00:00.000Z'))).toBe(false);
  });

  it('sends nothing about a session that has begun', () => {
    expect(decideReminder(safeSms, reminder({ sessionStartsAt: tuesdayTen }), tuesdayTen)).toEqual({ send: false, reason: 'session_in_past' });
  });

  it('names the service only when the person chose that', () => {
    expect(decideReminder({ ...safeSms, messageContent: 'may_name_service' }, reminder(), tuesdayTen)).toMatchObject({
      send: true,
      subject: 'Påmindelse fra Ambulant rådgivning for voldsudsatte kvinder',
    });
    expect(decideReminder({ ...safeSms, messageContent: 'unknown' }, reminder(), tuesdayTen)).toMatchObject({ send: true, subject: 'Påmindelse' });
  });

  it('writes English when the person prefers it', () => {
    expect(decideReminder({ ...safeSms, language: 'en' }, reminder({ type: 'session_cancelled' }), tuesdayTen)).toMatchObject({
      send: true,
      text: 'Your appointment on Thursday 26 November at 14:00 has been cancelled.',
    });
  });
});

/** Words that would tell a reader what the service is about. Neutral texts must contain none. */
const revealingWords = ['vold', 'krise', 'rådgiv', 'samtale', 'violence', 'shelter', 'counsel', 'abuse'];

const safety = fc.constantFrom('safe', 'unsafe', 'unknown') as fc.Arbitrary<'safe' | 'unsafe' | 'unknown'>;
const clockTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const windowArbitrary = fc
  .record({ days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), a: clockTime, b: clockTime })
  .filter(({ a, b }) => a !== b)
  .map(({ days, a, b }) => ({ days, from: a < b ? a : b, to: a < b ? b : a }));
const preferencesArbitrary = fc.option(
  fc.record({
    channels: fc.record({ sms: safety, email: safety, phoneCall: safety, voicemail: safety, letter: safety }),
    safeTimeWindows: fc.option(fc.array(windowArbitrary, { maxLength: 4 }), { nil: null }),
    messageContent: fc.constantFrom('neutral', 'may_name_service', 'unknown') as fc.Arbitrary<'neutral' | 'may_name_service' | 'unknown'>,
    language: fc.constantFrom('da', 'en') as fc.Arbitrary<'da' | 'en'>,
  }),
  { nil: null },
);
// A year around two DST changes, to the minute.
const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
const serviceName = fc.constantFrom('Ambulant rådgivning for voldsudsatte kvinder', 'Krisecenterophold (§ 109)', 'Behandling for voldsudøvere', 'Vores Vej Ud');

/** An independent reading of Danish local time (offset arithmetic, not the implementation's formatter). */
function copenhagenWeekdayAndMinutes(date: Date): { weekday: number; minutes: number } {
  const year = date.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const isSummer = date.getTime() >= lastSunday(2) && date.getTime() < lastSunday(9);
  const local = new Date(date.getTime() + (isSummer ? 2 : 1) * 3_600_000);
  return { weekday: ((local.getUTCDay() + 6) % 7) + 1, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('decideReminder, property: never an unsafe channel, time or text (QUALITY.md R24)', () => {
  it('holds for 10,000 generated (preference × message type × channel × time) cases', () => {
    fc.assert(
      fc.property(
        preferencesArbitrary,
        fc.constantFrom(...ReminderMessageType.options),
        fc.subarray(['sms', 'email'] as ReminderChannel[]),
        instant,
        fc.integer({ min: -48 * 60, max: 72 * 60 }),
        serviceName,
        (preferences, type, availableChannels, now, startsInMinutes, name) => {
          const message = { type, sessionStartsAt: new Date(now.getTime() + startsInMinutes * 60_000), serviceName: name, availableChannels };
          const decision = decideReminder(preferences, message, now);
          if (!decision.send) return;
          // Something was sent: every one of these must hold.
          expect(preferences).not.toBeNull();
          if (!preferences || !preferences.safeTimeWindows) throw new Error('sent without known preferences');
          expect(preferences.channels[decision.channel]).toBe('safe');
          expect(availableChannels).toContain(decision.channel);
          expect(startsInMinutes).toBeGreaterThan(0);
          const local = copenhagenWeekdayAndMinutes(now);
          const isInWindow = preferences.safeTimeWindows.some(
            (window) => window.days.includes(local.weekday) && minutesOf(window.from) <= local.minutes && local.minutes < minutesOf(window.to),
          );
          expect(isInWindow).toBe(true);
          const words = `${decision.subject} ${decision.text}`.toLowerCase();
          if (preferences.messageContent !== 'may_name_service') {
            expect(words).not.toContain(name.toLowerCase());
            for (const word of revealingWords) expect(words).not.toContain(word);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('never sends when anything about the preferences is unknown', () => {
    fc.assert(
      fc.property(preferencesArbitrary, fc.constantFrom(...ReminderMessageType.options), instant, (preferences, type, now) => {
        const message = { type, sessionStartsAt: new Date(now.getTime() + 86_400_000), serviceName: 'Vores Vej Ud', availableChannels: ['sms', 'email'] as ReminderChannel[] };
        const isUnknown = preferences === null || preferences.safeTimeWindows === null || (preferences.channels.sms !== 'safe' && preferences.channels.email !== 'safe');
        if (isUnknown) expect(decideReminder(preferences, message, now).send).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('composeReminderText', () => {
  it('has a neutral and a named form in both languages for every message type', () => {
    for (const type of ReminderMessageType.options) {
      for (const language of ['da', 'en'] as const) {
        const neutral = composeReminderText({ type, sessionStartsAt: inTwoDays, serviceName: null, language });
        const named = composeReminderText({ type, sessionStartsAt: inTwoDays, serviceName: 'Vores Vej Ud', language });
        expect(neutral.text).not.toContain('Vores Vej Ud');
        expect(named.text).toContain('Vores Vej Ud');
      }
    }
  });
});
