import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Danish public-sector conventions (DOMAIN.md §6.6): 31.12.2024 kl. 14.05, Copenhagen time, Danish collation.
const timeZone = 'Europe/Copenhagen';

export type Formatters = {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** "om 5 timer" / "for 2 dage siden", relative to now. */
  relative: (iso: string, now?: Date) => string;
  /** "i går kl. 14.05" / "i dag kl. 9.30" / "i morgen kl. …"; further away, the date: "31.12.2024 kl. 14.05". */
  dayAndTime: (iso: string, now?: Date) => string;
  number: (value: number) => string;
  compare: (a: string, b: string) => number;
};

export function useFormat(): Formatters {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'da';
  return useMemo(() => {
    const locale = language === 'en' ? 'en-GB' : 'da-DK';
    const dateFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
    const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    const relativeFormat = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
    const dayFormat = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    // The calendar day in Copenhagen, as a number of days, to count "i går" across midnight there, not in UTC.
    const dayFormatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    const dayNumber = (value: Date) => Date.parse(`${dayFormatter.format(value)}T00:00:00Z`) / 86_400_000;
    const numberFormat = new Intl.NumberFormat(locale);
    const collator = new Intl.Collator(language);
    return {
      date: (iso) => dateFormat.format(new Date(iso)),
      dateTime: (iso) => {
        const value = new Date(iso);
        return t('format.dateTime', { date: dateFormat.format(value), time: timeFormat.format(value) });
      },
      relative: (iso, now = new Date()) => {
        const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
        if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
        const hours = Math.round(minutes / 60);
        if (Math.abs(hours) < 48) return relativeFormat.format(hours, 'hour');
        return relativeFormat.format(Math.round(hours / 24), 'day');
      },
      dayAndTime: (iso, now = new Date()) => {
        const value = new Date(iso);
        const days = dayNumber(value) - dayNumber(now);
        const date = Math.abs(days) <= 1 ? dayFormat.format(days, 'day') : dateFormat.format(value);
        return t('format.dateTime', { date, time: timeFormat.format(value) });
      },
      number: (value) => numberFormat.format(value),
      compare: (a, b) => collator.compare(a, b),
    };
  }, [language, t]);
}
