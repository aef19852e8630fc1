import { isoWeekNumber, type CalendarDay, type CalendarEntry, type CalendarWeek } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { Badge } from '../../ui/Badge';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { calendarWeekQuery } from './calendar.api';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import './calendar.css';

/** A date in the address is a plain `YYYY-MM-DD` (never anything about a person); anything else means this week. */
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/calendar`: my own week, Monday to Sunday in Danish time, with the previous and next week and this week; below
 * it the private feed address for a calendar program. Seven columns on a wide screen, a day-by-day list on a phone.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('start');
  const start = requested && datePattern.test(requested) ? requested : undefined;
  const week = useQuery(calendarWeekQuery(start));
  usePageTitle(t('calendar.heading'));

  return (
    <>
      <PageHeading>{t('calendar.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('calendar.intro')}</p>
      <Loaded query={week}>{(data) => <WeekView week={data} />}</Loaded>
      <CalendarFeedPanel />
    </>
  );
}

function WeekView({ week }: { week: CalendarWeek }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK';
  const shortDate = useMemo(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }), [locale]);
  const format = (date: string) => shortDate.format(new Date(`${date}T00:00:00Z`));
  const isEmpty = week.days.every((day) => day.entries.length === 0);
  return (
    <section aria-labelledby="calendar-week-heading" className="app-calendar">
      <h2 id="calendar-week-heading">{t('calendar.weekHeading', { week: isoWeekNumber(week.start), from: format(week.start), to: format(week.end) })}</h2>
      <nav aria-label={t('calendar.weekNavigation')} className="app-button-row app-calendar-navigation">
        <Link className="button button-secondary" to={`?start=${week.previousStart}`}>
          {t('calendar.previous')}
        </Link>
        <Link className="button button-tertiary" to="?">
          {t('calendar.today')}
        </Link>
        <Link className="button button-secondary" to={`?start=${week.nextStart}`}>
          {t('calendar.next')}
        </Link>
      </nav>
      {isEmpty ? <p>{t('calendar.emptyWeek')}</p> : null}
      <ol className="app-calendar-days">
        {week.days.map((day) => (
          <DayColumn key={day.date} day={day} />
        ))}
      </ol>
    </section>
  );
}

function DayColumn({ day }: { day: CalendarDay }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK';
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day.date}T00:00:00Z`));
  const headingId = `calendar-day-${day.date}`;
  return (
    <li className="app-calendar-day" aria-labelledby={headingId}>
      <h3 id={headingId} className="app-calendar-day-heading">
        {dayName}
      </h3>
      {day.entries.length === 0 ? (
        <p className="app-calendar-empty">{t('calendar.empty')}</p>
      ) : (
        <ul className="app-calendar-entries">
          {day.entries.map((entry) => (
            <EntryItem key={entry.uid} entry={entry} />
          ))}
        </ul>
      )}
    </li>
  );
}

function EntryItem({ entry }: { entry: CalendarEntry }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK';
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Copenhagen' });
  const title = <bdi>{entry.title}</bdi>;
  return (
    <li className={entry.isCancelled ? 'app-calendar-entry app-calendar-entry--cancelled' : 'app-calendar-entry'}>
      <p className="app-calendar-time">{t('calendar.time', { from: time.format(new Date(entry.startsAt)), to: time.format(new Date(entry.endsAt)) })}</p>
      <p className="app-calendar-title">{entry.appPath ? <Link to={entry.appPath}>{title}</Link> : title}</p>
      <p className="app-calendar-meta">
        <span>{t(`calendar.kind.${entry.kind}`)}</span>
        {' · '}
        <span>{entry.isOnline ? t('calendar.online') : <bdi>{entry.location ?? ''}</bdi>}</span>
      </p>
      {entry.isCancelled ? <Badge tone="warning">{t('calendar.cancelled')}</Badge> : null}
    </li>
  );
}
