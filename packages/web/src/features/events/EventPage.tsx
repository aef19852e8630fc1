import type { OpenEvent } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { ActionFailed } from '../../ui/ActionFailed';
import { SubPage } from '../../ui/SubPage';
import { SummaryList } from '../../ui/SummaryList';
import { TextField } from '../../ui/fields';
import { eventKeys, eventQuery, cancelDate, restoreDate, updateEvent } from './events.api';
import { EventForm } from './EventForm';
import { danishToday } from './NewEventPage';
import { OccurrencesSection } from './OccurrencesSection';

/** `/events/:id`: an open event — its details (and, for staff, its online link), cancelled dates, dates with head counts. */
export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useQuery(eventQuery(id));
  return (
    <SubPage title={t('events.pageTitle')} heading={event.data?.title ?? t('events.pageTitle')} back={{ to: '/events', label: t('events.back') }}>
      <Loaded query={event}>
        {(data) => (
          <>
            <DetailsSection event={data} />
            <ExceptionsSection event={data} />
            <OccurrencesSection eventId={data.id} />
          </>
        )}
      </Loaded>
    </SubPage>
  );
}

function DetailsSection({ event }: { event: OpenEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const place = event.place.kind === 'online' ? t('events.online') : `${event.place.name}, ${event.place.addressLine}, ${event.place.postalCode} ${event.place.city}`;
  if (isEditing) {
    return (
      <section aria-labelledby="event-edit-heading">
        <h2 id="event-edit-heading">{t('events.editHeading')}</h2>
        <EventForm
          event={event}
          today={danishToday()}
          submitLabel={t('events.save')}
          onSubmit={async (request) => {
            const saved = await updateEvent(event.id, request);
            queryClient.setQueryData(eventKeys.one(event.id), saved);
            void queryClient.invalidateQueries({ queryKey: eventKeys.all });
            setEditing(false);
          }}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="event-details-heading">
      <h2 id="event-details-heading">{t('events.details.heading')}</h2>
      <SummaryList
        items={[
          { key: 'service', term: t('events.fields.serviceId'), value: event.serviceName },
          { key: 'rule', term: t('events.details.rule'), value: <code>{event.recurrence.rule}</code> },
          { key: 'time', term: t('events.details.time'), value: `${event.recurrence.startDate}, ${event.recurrence.startTime} (${event.recurrence.durationMinutes} min)` },
          { key: 'place', term: t('events.details.place'), value: place },
          ...(event.place.kind === 'online' ? [{ key: 'link', term: t('events.details.link'), value: <span className="app-break-anywhere">{event.place.link}</span> }] : []),
          { key: 'registration', term: t('events.details.registration'), value: event.isRegistrationRequired ? t('events.details.registrationYes') : t('events.details.registrationNo') },
          { key: 'capacity', term: t('events.details.capacity'), value: event.capacity ?? t('events.none') },
        ]}
      />
      <p>{event.isPublished ? <a href={`/hvad-sker-der/${event.id}`}>{t('events.details.publicPage')}</a> : t('events.draft')}</p>
      <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
        {t('events.details.edit')}
      </button>
    </section>
  );
}

function ExceptionsSection({ event }: { event: OpenEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const refresh = (saved: OpenEvent) => {
    queryClient.setQueryData(eventKeys.one(event.id), saved);
    void queryClient.invalidateQueries({ queryKey: eventKeys.occurrences(event.id) });
  };
  const cancel = useAction((input: { date: string; note: string }) => cancelDate(event.id, input), {
    onSuccess: (saved) => {
      refresh(saved);
      setDate('');
      setNote('');
    },
  });
  const restore = useAction((day: string) => restoreDate(event.id, day), { onSuccess: refresh });
  return (
    <section aria-labelledby="event-exceptions-heading">
      <h2 id="event-exceptions-heading">{t('events.exceptions.heading')}</h2>
      {event.exceptions.length === 0 ? (
        <p>{t('events.exceptions.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {event.exceptions.map((exception) => (
            <li key={exception.date}>
              {exception.date}: {exception.note}{' '}
              <button type="button" className="button button-tertiary" disabled={restore.isBusy} onClick={() => void restore.run(exception.date)}>
                {t('events.exceptions.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(submitted) => {
          submitted.preventDefault();
          void cancel.run({ date, note });
        }}
      >
        <TextField fieldKey="exception-date" label={t('events.exceptions.date')} type="date" value={date} onChange={(changed) => setDate(changed.target.value)} inputClassName="input-width-s" />
        <TextField fieldKey="exception-note" label={t('events.exceptions.note')} value={note} maxLength={200} onChange={(changed) => setNote(changed.target.value)} />
        <ActionFailed message={cancel.error ?? restore.error} />
        <button type="submit" className="button button-secondary" disabled={cancel.isBusy}>
          {t('events.exceptions.cancel')}
        </button>
      </form>
    </section>
  );
}
