import type { PeerSupporter } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { ActionFailed } from '../../ui/ActionFailed';
import { Badge } from '../../ui/Badge';
import { CardList } from '../../ui/CardList';
import { SummaryList } from '../../ui/SummaryList';
import { addSupporter, candidatesQuery, changeSupporter, peerSupportKeys, supportersQuery } from './peer-support.api';
import { AddSupporterSchema, emptyAddSupporter, fieldMessages, serverMessage, toAddSupporterRequest, type AddSupporterDraft } from './peer-support-forms';

type Props = { serviceId: string; onMessage: (message: string) => void };

/** The service's register of peer supporters: who, languages, areas, when, capacity, status, the coordinator's note. */
export function RegisterSection({ serviceId, onMessage }: Props) {
  const { t } = useTranslation();
  const supporters = useQuery(supportersQuery(serviceId));
  return (
    <section className="app-section" aria-labelledby="peer-register-heading">
      <h2 id="peer-register-heading">{t('peerSupport.register.heading')}</h2>
      <Loaded query={supporters}>
        {(data) => (
          <CardList items={data.supporters} empty={t('peerSupport.register.none')}>
            {(supporter) => <SupporterCard key={supporter.id} serviceId={serviceId} supporter={supporter} onMessage={onMessage} />}
          </CardList>
        )}
      </Loaded>
      <AddSupporterForm serviceId={serviceId} onMessage={onMessage} />
    </section>
  );
}

function SupporterCard({ serviceId, supporter, onMessage }: Props & { supporter: PeerSupporter }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isPaused = supporter.status === 'paused';
  const toggle = useAction(() => changeSupporter(supporter.id, { status: isPaused ? 'active' : 'paused' }), {
    onSuccess: (changed) => {
      void queryClient.invalidateQueries({ queryKey: peerSupportKeys.service(serviceId) });
      onMessage(t(changed.status === 'paused' ? 'peerSupport.register.paused' : 'peerSupport.register.resumed', { name: changed.displayName }));
    },
  });
  return (
    <li className="app-card">
      <h3>
        <bdi>{supporter.displayName}</bdi> <Badge tone={isPaused ? 'neutral' : 'success'}>{t(`peerSupport.register.statuses.${supporter.status}`)}</Badge>
      </h3>
      <SummaryList
        items={[
          { key: 'languages', term: t('peerSupport.register.languages'), value: supporter.languages.join(', ') || '–' },
          { key: 'areas', term: t('peerSupport.register.areas'), value: <bdi>{supporter.areas ?? '–'}</bdi> },
          { key: 'availability', term: t('peerSupport.register.availability'), value: <bdi>{supporter.availability ?? '–'}</bdi> },
          { key: 'capacity', term: t('peerSupport.register.capacity'), value: t('peerSupport.register.capacityValue', { active: supporter.activePairings, max: supporter.maxPairings }) },
          { key: 'note', term: t('peerSupport.register.note'), value: <bdi className="app-preserve-lines">{supporter.note ?? '–'}</bdi> },
        ]}
      />
      <button type="button" className="button button-secondary" aria-disabled={toggle.isBusy || undefined} onClick={() => void toggle.run(undefined)}>
        {isPaused ? t('peerSupport.register.resume') : t('peerSupport.register.pause')}
      </button>
      <ActionFailed message={toggle.error} />
    </li>
  );
}

function AddSupporterForm({ serviceId, onMessage }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useQuery(candidatesQuery(serviceId));
  const schema = useRequestSchema(AddSupporterSchema, toAddSupporterRequest, fieldMessages);
  const form = useAppForm({
    schema,
    defaultValues: emptyAddSupporter,
    idPrefix: 'peer-add',
    messageOf: serverMessage(t),
    onSubmit: async (request) => {
      const added = await addSupporter(serviceId, request);
      form.reset(emptyAddSupporter);
      void queryClient.invalidateQueries({ queryKey: peerSupportKeys.service(serviceId) });
      onMessage(t('peerSupport.register.added', { name: added.displayName }));
    },
  });
  const options = (candidates.data?.candidates ?? []).map((candidate) => ({ value: candidate.membershipId, label: candidate.displayName }));
  return (
    <FormPanel id="peer-add" heading={t('peerSupport.register.addHeading')} form={form}>
      <p>{t('peerSupport.register.addHint')}</p>
      {candidates.isSuccess && options.length === 0 ? <p>{t('peerSupport.register.noCandidates')}</p> : null}
      <FormSelectField<AddSupporterDraft>
        control={form.control}
        name="membershipId"
        label={t('peerSupport.register.person')}
        options={options}
        emptyLabel={t('peerSupport.register.choosePerson')}
      />
      <FormTextField control={form.control} name="languages" label={t('peerSupport.register.languagesField')} autoComplete="off" />
      <FormTextField control={form.control} name="areas" label={t('peerSupport.register.areas')} autoComplete="off" />
      <FormTextField control={form.control} name="availability" label={t('peerSupport.register.availability')} autoComplete="off" />
      <FormTextField control={form.control} name="maxPairings" label={t('peerSupport.register.maxPairings')} inputMode="numeric" inputClassName="app-short-input" />
      <FormTextAreaField control={form.control} name="note" label={t('peerSupport.register.note')} rows={3} />
      <SubmitRow isBusy={form.isBusy}>{t('peerSupport.register.add')}</SubmitRow>
    </FormPanel>
  );
}
