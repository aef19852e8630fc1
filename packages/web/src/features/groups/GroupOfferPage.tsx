import type { GroupOfferView, WaitingEntryView } from '@bro/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList } from '../../ui/SummaryList';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorText, Saved } from './group-ui';
import { addToWaitingList, declinePlace, groupKeys, groupOfferQuery, groupsOfOfferQuery, reconfirmEntry, serviceCoursesQuery, startGroup, waitingListQuery } from './groups.api';
import { Select, Text, weekdays } from './NewGroupOfferPage';
import './groups.css';

/** `/groups/offers/:id`: an offer, its waiting list in order (with waiting times), adding people, starting a group. */
export function GroupOfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const offer = useQuery(groupOfferQuery(id));
  usePageTitle(offer.data?.name ?? t('groups.heading'));
  return (
    <>
      <p>
        <Link to="/groups" className="back-link">
          {t('groups.back')}
        </Link>
      </p>
      <Loaded query={offer}>
        {(data) => (
          <>
            <PageHeading>{data.name}</PageHeading>
            <OfferDetails offer={data} />
            <p>
              <Link to={`/groups/offers/${data.id}/edit`}>{t('groups.offer.edit')}</Link>
            </p>
            <WaitingList offer={data} />
            <AddToList offer={data} />
            <GroupsOfOffer offer={data} />
          </>
        )}
      </Loaded>
    </>
  );
}

function OfferDetails({ offer }: { offer: GroupOfferView }) {
  const { t, i18n } = useTranslation();
  const rhythm = t('groups.rhythmValue', {
    count: offer.meetingCount,
    weekday: t(`groups.weekday.${weekdays[offer.rhythm.weekday - 1] ?? 'd1'}`),
    // Danish writes the time of day with a full stop (kl. 17.00).
    time: i18n.language === 'da' ? offer.rhythm.startTime.replace(':', '.') : offer.rhythm.startTime,
    interval: t(offer.rhythm.intervalWeeks === 2 ? 'groups.interval.biweekly' : 'groups.interval.weekly'),
    duration: offer.rhythm.durationMinutes,
  });
  return (
    <section aria-labelledby="offer-details">
      <h2 id="offer-details">{t('groups.offer.details')}</h2>
      <SummaryList
        items={[
          { key: 'service', term: t('groups.service'), value: offer.serviceName },
          { key: 'target', term: t('groups.targetGroup'), value: offer.targetGroup },
          { key: 'capacity', term: t('groups.capacity'), value: t('groups.capacityValue', { min: offer.minParticipants, max: offer.maxParticipants }) },
          { key: 'meetings', term: t('groups.meetings'), value: rhythm },
          { key: 'place', term: t('groups.place'), value: offer.mode === 'online' ? t('groups.mode.online') : (offer.place ?? '') },
          { key: 'facilitators', term: t('groups.facilitators'), value: offer.facilitators.map((facilitator) => facilitator.displayName).join(', ') },
          { key: 'reconfirm', term: t('groups.reconfirm'), value: String(offer.reconfirmAfterDays) },
        ]}
      />
    </section>
  );
}

function useRefreshOffer(offerId: string) {
  const queryClient = useQueryClient();
  return async () => {
    for (const key of [groupKeys.waiting(offerId), groupKeys.offer(offerId), groupKeys.groupsOf(offerId), groupKeys.offers()]) await queryClient.invalidateQueries({ queryKey: key });
  };
}

function WaitingList({ offer }: { offer: GroupOfferView }) {
  const { t } = useTranslation();
  const list = useQuery(waitingListQuery(offer.id));
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('groups.offer.waitingHeading')}</h2>
      <Loaded query={list}>{(entries) => (entries.length === 0 ? <p>{t('groups.offer.waitingEmpty')}</p> : <WaitingTable offer={offer} entries={entries} />)}</Loaded>
      {list.data && list.data.length > 0 ? <StartGroupForm offer={offer} entries={list.data} /> : null}
    </section>
  );
}

function WaitingTable({ offer, entries }: { offer: GroupOfferView; entries: readonly WaitingEntryView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshOffer(offer.id);
  const act = useMutation({ mutationFn: (input: { entryId: string; action: 'keep' | 'leave' | 'reconfirm' }) => (input.action === 'reconfirm' ? reconfirmEntry(input.entryId) : declinePlace(input.entryId, input.action === 'keep')), onSuccess: refresh });
  const preferencesOf = (entry: WaitingEntryView) =>
    [...entry.preferences.dayTimes.map((dayTime) => t(`groups.offer.dayTime.${dayTime}`)), t(`groups.offer.modePreference.${entry.preferences.mode}`), entry.preferences.language].join(', ');
  return (
    <>
      <ErrorText error={act.error} />
      <TableFrame caption={t('groups.offer.waitingCaption')} columns={[t('groups.offer.position'), t('groups.offer.person'), t('groups.offer.waited'), t('groups.offer.preferences'), t('groups.offer.status'), t('groups.offer.actions')]}>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td data-title={t('groups.offer.position')}>{entry.position}</td>
            <td data-title={t('groups.offer.person')}>
              <Link to={`/courses/${entry.courseId}`}>{entry.clientLabel}</Link> <span className="form-hint">{entry.courseReference}</span>
            </td>
            <td data-title={t('groups.offer.waited')}>
              {t('groups.offer.waitedDays', { count: entry.waitingDays })} <span className="form-hint">{format.date(entry.addedAt)}</span>
            </td>
            <td data-title={t('groups.offer.preferences')}>{preferencesOf(entry)}</td>
            <td data-title={t('groups.offer.status')}>{t(`groups.offer.statusLabel.${entry.status}`, { date: entry.reconfirmBy ? format.date(entry.reconfirmBy) : '' })}</td>
            <td data-title={t('groups.offer.actions')}>
              <div className="app-group-actions">
                <button type="button" className="button button-secondary button-small" disabled={act.isPending} onClick={() => act.mutate({ entryId: entry.id, action: 'keep' })}>
                  {t('groups.offer.declineKeep')}
                </button>
                <button type="button" className="button button-secondary button-small" disabled={act.isPending} onClick={() => act.mutate({ entryId: entry.id, action: 'leave' })}>
                  {t('groups.offer.declineLeave')}
                </button>
                {entry.status === 'reconfirmation_requested' ? (
                  <button type="button" className="button button-secondary button-small" disabled={act.isPending} onClick={() => act.mutate({ entryId: entry.id, action: 'reconfirm' })}>
                    {t('groups.offer.reconfirmed')}
                  </button>
                ) : null}
              </div>
            </td>
          </tr>
        ))}
      </TableFrame>
    </>
  );
}

function StartGroupForm({ offer, entries }: { offer: GroupOfferView; entries: readonly WaitingEntryView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshOffer(offer.id);
  // Until the coordinator changes the picks, the top of the list (as it grows) is picked.
  const [choice, setPicked] = useState<string[] | null>(null);
  const picked = choice ?? entries.slice(0, offer.maxParticipants).map((entry) => entry.id);
  const [firstDate, setFirstDate] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const start = useMutation({
    mutationFn: () => startGroup(offer.id, { firstDate, entryIds: picked, ...(overrideReason.trim() ? { overrideReason } : {}) }),
    onSuccess: async (group) => {
      await refresh();
      await navigate(`/groups/${group.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-heading" className="app-narrow">
      <h3 id="start-heading">{t('groups.offer.startHeading')}</h3>
      <p>{t('groups.offer.startIntro')}</p>
      <ErrorText error={start.error} />
      <fieldset className="form-group">
        <legend className="form-label">{t('groups.offer.picked', { count: picked.length, min: offer.minParticipants, max: offer.maxParticipants })}</legend>
        <ul className="nobullet-list">
          {entries.map((entry) => (
            <li key={entry.id} className="form-group-checkbox">
              <input
                type="checkbox"
                className="form-checkbox"
                id={`pick-${entry.id}`}
                checked={picked.includes(entry.id)}
                onChange={(event) => setPicked(event.target.checked ? [...picked, entry.id] : picked.filter((id) => id !== entry.id))}
              />
              <label htmlFor={`pick-${entry.id}`}>
                {entry.position}. {entry.clientLabel}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Text id="start-date" type="date" label={t('groups.offer.firstDate')} value={firstDate} onChange={setFirstDate} />
      <div className="form-group">
        <label className="form-label" htmlFor="start-reason">
          {t('groups.offer.overrideReason')}
        </label>
        <textarea id="start-reason" className="form-input" rows={2} value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={start.isPending}>
        {t('groups.offer.startSubmit')}
      </button>
    </form>
  );
}

function AddToList({ offer }: { offer: GroupOfferView }) {
  const { t } = useTranslation();
  const courses = useQuery(serviceCoursesQuery(offer.serviceId));
  const refresh = useRefreshOffer(offer.id);
  const [courseId, setCourseId] = useState('');
  const [language, setLanguage] = useState('da');
  const [dayTime, setDayTime] = useState<'morning' | 'afternoon' | 'evening'>('evening');
  const [mode, setMode] = useState<'in_person' | 'online' | 'either'>('either');
  const [message, setMessage] = useState<string>();
  const add = useMutation({
    mutationFn: () => addToWaitingList(offer.id, { courseId, preferences: { dayTimes: [dayTime], language, mode } }),
    onMutate: () => setMessage(undefined),
    onSuccess: async () => {
      setCourseId('');
      setMessage(t('groups.offer.addedMessage'));
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">{t('groups.offer.addHeading')}</h2>
      <Saved text={message} />
      <Loaded query={courses}>
        {(open) =>
          open.length === 0 ? (
            <p>{t('groups.offer.noCourses')}</p>
          ) : (
            <form onSubmit={submit} noValidate className="app-narrow">
              <ErrorText error={add.error} />
              <Select id="add-course" label={t('groups.offer.addCourse')} value={courseId} onChange={setCourseId} options={[{ value: '', label: t('groups.offer.chooseCourse') }, ...open.map((course) => ({ value: course.id, label: `${course.clientLabel} (${course.reference})` }))]} />
              <div className="app-group-fields">
                <Select id="add-daytime" label={t('groups.offer.dayTimes')} value={dayTime} onChange={(value) => setDayTime(value === 'morning' || value === 'afternoon' ? value : 'evening')} options={(['morning', 'afternoon', 'evening'] as const).map((value) => ({ value, label: t(`groups.offer.dayTime.${value}`) }))} />
                <Select id="add-mode" label={t('groups.offer.modeWish')} value={mode} onChange={(value) => setMode(value === 'in_person' || value === 'online' ? value : 'either')} options={(['either', 'in_person', 'online'] as const).map((value) => ({ value, label: t(`groups.offer.modePreference.${value}`) }))} />
                <Text id="add-language" label={t('groups.offer.language')} value={language} onChange={setLanguage} />
              </div>
              <button type="submit" className="button button-primary" disabled={add.isPending}>
                {t('groups.offer.addSubmit')}
              </button>
            </form>
          )
        }
      </Loaded>
    </section>
  );
}

function GroupsOfOffer({ offer }: { offer: GroupOfferView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useQuery(groupsOfOfferQuery(offer.id));
  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('groups.offer.groupsHeading')}</h2>
      <Loaded query={groups}>
        {(data) =>
          data.length === 0 ? (
            <p>{t('groups.offer.groupsEmpty')}</p>
          ) : (
            <TableFrame caption={t('groups.offer.groupsCaption')} columns={[t('groups.offer.started'), t('groups.offer.status'), t('groups.offer.participants'), t('groups.offer.firstMeeting'), t('groups.offer.lastMeeting')]}>
              {data.map((group) => (
                <tr key={group.id}>
                  <td data-title={t('groups.offer.started')}>
                    <Link to={`/groups/${group.id}`}>{format.date(group.startedAt)}</Link>
                  </td>
                  <td data-title={t('groups.offer.status')}>{t(`groups.group.status.${group.status}`)}</td>
                  <td data-title={t('groups.offer.participants')}>{group.participantCount}</td>
                  <td data-title={t('groups.offer.firstMeeting')}>{group.firstMeetingAt ? format.dateTime(group.firstMeetingAt) : '–'}</td>
                  <td data-title={t('groups.offer.lastMeeting')}>{group.lastMeetingAt ? format.dateTime(group.lastMeetingAt) : '–'}</td>
                </tr>
              ))}
            </TableFrame>
          )
        }
      </Loaded>
    </section>
  );
}
