import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { eventsQuery } from './events.api';

/** `/events`: the open events of the services the host works at, with the next date of each. */
export function EventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useQuery(eventsQuery);
  usePageTitle(t('events.heading'));
  return (
    <>
      <PageHeading>{t('events.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('events.intro')}</p>
      <p>
        <Link to="/events/new" className="button button-primary">
          {t('events.add')}
        </Link>
      </p>
      <Loaded query={events}>
        {(data) =>
          data.events.length === 0 ? (
            <p>{t('events.empty')}</p>
          ) : (
            <TableFrame caption={t('events.caption')} columns={[t('events.columns.title'), t('events.columns.service'), t('events.columns.place'), t('events.columns.next')]}>
              {data.events.map((event) => (
                <tr key={event.id}>
                  <td data-title={t('events.columns.title')}>
                    <Link to={`/events/${event.id}`}>{event.title}</Link>
                    {event.isPublished ? null : <span className="form-hint"> ({t('events.draft')})</span>}
                  </td>
                  <td data-title={t('events.columns.service')}>{event.serviceName}</td>
                  <td data-title={t('events.columns.place')}>{event.isOnline ? t('events.online') : (event.city ?? t('events.none'))}</td>
                  <td data-title={t('events.columns.next')}>{event.nextStartsAt ? format.dateTime(event.nextStartsAt) : t('events.none')}</td>
                </tr>
              ))}
            </TableFrame>
          )
        }
      </Loaded>
    </>
  );
}
