import type { CreateOpenEventRequest } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubPage } from '../../ui/SubPage';
import { createEvent, eventKeys } from './events.api';
import { EventForm } from './EventForm';

/** Today on the Danish calendar, as the date field wants it. */
export function danishToday(): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** `/events/new`: a new recurring open event; the host continues on its own page. */
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <SubPage title={t('events.newHeading')} heading={t('events.newHeading')} back={{ to: '/events', label: t('events.back') }}>
      <EventForm
        today={danishToday()}
        submitLabel={t('events.create')}
        onSubmit={async (request) => {
          const created = await createEvent(request as CreateOpenEventRequest);
          void queryClient.invalidateQueries({ queryKey: eventKeys.all });
          void navigate(`/events/${created.id}`, { replace: true });
        }}
      />
    </SubPage>
  );
}
