import type { Occurrence } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { AppForm } from '../../forms/AppForm';
import { FormTextAreaField, FormTextField } from '../../forms/fields';
import { SubmitOrCancel } from '../../forms/FormPanel';
import { checkedBy, type FieldMessages } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { TableFrame } from '../../ui/TableFrame';
import { eventKeys, occurrencesQuery, recordHeadCount } from './events.api';

/** The event's dates (4 weeks back, 12 ahead): cancelled ones with their note, held ones with their anonymous head count. */
export function OccurrencesSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const occurrences = useQuery(occurrencesQuery(eventId));
  const [editing, setEditing] = useState<Occurrence | undefined>();
  const [savedCount, setSavedCount] = useState(0);
  const now = Date.now();
  return (
    <section aria-labelledby="event-occurrences-heading">
      <h2 id="event-occurrences-heading">{t('events.occurrences.heading')}</h2>
      <p className="app-narrow">{t('events.occurrences.intro')}</p>
      {savedCount > 0 ? (
        <Alert variant="success" role="status" headingLevel={3} heading={t('events.occurrences.saved')} />
      ) : null}
      {editing ? (
        <HeadCountForm
          eventId={eventId}
          occurrence={editing}
          onDone={(isSaved) => {
            setEditing(undefined);
            if (isSaved) setSavedCount((count) => count + 1);
          }}
        />
      ) : null}
      <Loaded query={occurrences}>
        {(data) => (
          <TableFrame caption={t('events.occurrences.caption')} columns={[t('events.occurrences.date'), t('events.occurrences.status'), '']}>
            {data.occurrences.map((occurrence) => {
              const hasBegun = new Date(occurrence.startsAt).getTime() <= now;
              return (
                <tr key={occurrence.id}>
                  <td data-title={t('events.occurrences.date')}>{format.dateTime(occurrence.startsAt)}</td>
                  <td data-title={t('events.occurrences.status')}>
                    {occurrence.isCancelled
                      ? `${t('events.occurrences.cancelled')}${occurrence.cancelNote ? `: ${occurrence.cancelNote}` : ''}`
                      : occurrence.headCount
                        ? t('events.occurrences.recorded', { total: occurrence.headCount.total, firstTime: occurrence.headCount.firstTime })
                        : hasBegun
                          ? t('events.occurrences.notRecorded')
                          : t('events.occurrences.notYet')}
                  </td>
                  <td>
                    {!occurrence.isCancelled && hasBegun ? (
                      <button type="button" className="button button-tertiary" onClick={() => setEditing(occurrence)}>
                        {occurrence.headCount ? t('events.occurrences.correct') : t('events.occurrences.record')}
                        <span className="sr-only"> {format.dateTime(occurrence.startsAt)}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </TableFrame>
        )}
      </Loaded>
    </section>
  );
}

type HeadCountDraft = { total: string; firstTime: string; withChildren: string; note: string };

const serverCodes = ['more_than_total', 'more_than_capacity', 'occurrence_not_yet_held', 'note_contains_cpr_number', 'note_contains_phone_number', 'note_contains_email_address'] as const;

function HeadCountForm({ eventId, occurrence, onDone }: { eventId: string; occurrence: Occurrence; onDone: (isSaved: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const schema = useMemo(
    () =>
      checkedBy<HeadCountDraft>((values) => {
        const errors: Partial<FieldMessages> = {};
        const whole = (value: string) => /^\d{1,4}$/.test(value.trim());
        if (!whole(values.total)) errors.total = t('events.errors.number');
        if (!whole(values.firstTime)) errors.firstTime = t('events.errors.number');
        if (values.withChildren.trim() !== '' && !whole(values.withChildren)) errors.withChildren = t('events.errors.number');
        return errors;
      }),
    [t],
  );
  const headCount = occurrence.headCount;
  const form = useAppForm({
    schema,
    defaultValues: { total: String(headCount?.total ?? ''), firstTime: String(headCount?.firstTime ?? '0'), withChildren: headCount?.withChildren === null || headCount === null ? '' : String(headCount.withChildren), note: headCount?.note ?? '' },
    messageOf: (message) => ((serverCodes as readonly string[]).includes(message) ? t(`events.errors.${message as (typeof serverCodes)[number]}`) : message),
    onSubmit: async (values) => {
      await recordHeadCount(eventId, occurrence.id, {
        total: Number(values.total),
        firstTime: Number(values.firstTime),
        withChildren: values.withChildren.trim() === '' ? null : Number(values.withChildren),
        note: values.note.trim() === '' ? null : values.note.trim(),
      });
      void queryClient.invalidateQueries({ queryKey: eventKeys.occurrences(eventId) });
      onDone(true);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="head-count-heading">
      <h3 id="head-count-heading">{t('events.occurrences.formHeading', { date: format.dateTime(occurrence.startsAt) })}</h3>
      <AppForm form={form}>
        <FormTextField control={form.control} name="total" label={t('events.occurrences.total')} inputMode="numeric" inputClassName="input-width-xs" />
        <FormTextField control={form.control} name="firstTime" label={t('events.occurrences.firstTime')} inputMode="numeric" inputClassName="input-width-xs" />
        <FormTextField control={form.control} name="withChildren" label={t('events.occurrences.withChildren')} inputMode="numeric" inputClassName="input-width-xs" />
        <FormTextAreaField control={form.control} name="note" label={t('events.occurrences.note')} rows={2} maxLength={500} />
        <SubmitOrCancel submitLabel={t('events.occurrences.save')} onCancel={() => onDone(false)} />
      </AppForm>
    </section>
  );
}
