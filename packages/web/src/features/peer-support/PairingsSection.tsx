import { danishDateOf, type Pairing, type PeerSupporter } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { FormCheckboxField, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { CardList } from '../../ui/CardList';
import { SummaryList } from '../../ui/SummaryList';
import { courseListQuery } from '../courses/courses.api';
import { endPairing, matchWithPeerSupporter, pairingQuery, pairingsQuery, peerSupportKeys, supportersQuery } from './peer-support.api';
import { EndSchema, MatchSchema, emptyEnd, emptyMatch, endReasons, fieldMessages, serverMessage, toEndRequest, toMatchRequest, type EndDraft, type MatchDraft } from './peer-support-forms';

type Props = { serviceId: string; onMessage: (message: string) => void };

/** The service's active pairings, for supervision: who, since when, the consent, the contact log; end one. */
export function PairingsSection({ serviceId, onMessage }: Props) {
  const { t } = useTranslation();
  const pairings = useQuery(pairingsQuery(serviceId));
  return (
    <section className="app-section" aria-labelledby="peer-pairings-heading">
      <h2 id="peer-pairings-heading">{t('peerSupport.pairings.heading')}</h2>
      <Loaded query={pairings}>
        {(data) => (
          <CardList items={data.pairings} empty={t('peerSupport.pairings.none')}>
            {(pairing) => <PairingCard key={pairing.id} serviceId={serviceId} pairing={pairing} onMessage={onMessage} />}
          </CardList>
        )}
      </Loaded>
      <MatchForm serviceId={serviceId} onMessage={onMessage} />
    </section>
  );
}

function PairingCard({ serviceId, pairing, onMessage }: Props & { pairing: Pairing }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isLogOpen, setLogOpen] = useState(false);
  const contacts = pairing.lastContactOn ? t('peerSupport.pairings.contactsValue', { count: pairing.contactCount, date: format.date(pairing.lastContactOn) }) : t('peerSupport.pairings.contactsNone');
  return (
    <li className="app-card">
      <h3>
        <bdi>{pairing.displayName}</bdi> – <bdi>{pairing.peerSupporterName}</bdi>
      </h3>
      <SummaryList
        items={[
          { key: 'course', term: t('peerSupport.pairings.course'), value: pairing.courseReference },
          { key: 'consent', term: t('peerSupport.pairings.consent'), value: t('peerSupport.pairings.consentValue', { date: format.date(pairing.consent.givenOn), by: pairing.consent.recordedBy }) },
          { key: 'started', term: t('peerSupport.pairings.started'), value: format.date(pairing.startedAt) },
          { key: 'contacts', term: t('peerSupport.pairings.contacts'), value: contacts },
        ]}
      />
      <button type="button" className="button button-secondary" aria-expanded={isLogOpen} onClick={() => setLogOpen(!isLogOpen)}>
        {isLogOpen ? t('peerSupport.pairings.hideLog') : t('peerSupport.pairings.showLog')}
      </button>
      {isLogOpen ? <PairingLog pairingId={pairing.id} /> : null}
      <EndPairingForm serviceId={serviceId} pairing={pairing} onMessage={onMessage} />
    </li>
  );
}

/** The contact log with the supporter's notes: read (and access-logged) only when the counsellor opens it. */
function PairingLog({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useQuery(pairingQuery(pairingId));
  return (
    <div>
      <h4>{t('peerSupport.pairings.logHeading')}</h4>
      <Loaded query={detail}>
        {(data) => (
          <CardList items={data.contacts} empty={t('peerSupport.pairings.logNone')}>
            {(contact) => (
              <li key={contact.id} className="app-card">
                <p>
                  <strong>{format.date(contact.contactedOn)}</strong>, {t(`peerSupport.my.forms.${contact.form}`)}
                </p>
                <p className="app-preserve-lines">
                  <bdi>{contact.note ?? t('peerSupport.pairings.noNote')}</bdi>
                </p>
              </li>
            )}
          </CardList>
        )}
      </Loaded>
    </div>
  );
}

function EndPairingForm({ serviceId, pairing, onMessage }: Props & { pairing: Pairing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useRequestSchema(EndSchema, toEndRequest, fieldMessages);
  const form = useAppForm({
    schema,
    defaultValues: emptyEnd,
    idPrefix: `peer-end-${pairing.id}`,
    messageOf: serverMessage(t),
    onSubmit: async (request) => {
      await endPairing(pairing.id, request);
      void queryClient.invalidateQueries({ queryKey: peerSupportKeys.service(serviceId) });
      onMessage(t('peerSupport.pairings.ended'));
    },
  });
  return (
    <details className="details">
      <summary className="details-summary">
        <span className="details-summary-text">{t('peerSupport.pairings.end')}</span>
      </summary>
      <div className="details-text">
      <FormPanel id={`peer-end-${pairing.id}`} heading={t('peerSupport.pairings.endHeading')} headingLevel={4} form={form}>
        <FormRadioGroup<EndDraft>
          control={form.control}
          name="reason"
          legend={t('peerSupport.pairings.reason')}
          options={endReasons.map((value) => ({ value, label: t(`peerSupport.pairings.reasons.${value}`) }))}
        />
        <FormTextAreaField control={form.control} name="note" label={t('peerSupport.pairings.endNote')} rows={2} />
        <SubmitRow isBusy={form.isBusy}>{t('peerSupport.pairings.end')}</SubmitRow>
      </FormPanel>
      </div>
    </details>
  );
}

/** Matching needs the person's consent: the form says what is shared, and the consent and its date are recorded. */
function MatchForm({ serviceId, onMessage }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const courses = useQuery({ ...courseListQuery('open'), select: (list) => list.filter((course) => course.serviceId === serviceId) });
  const supporters = useQuery(supportersQuery(serviceId));
  const schema = useRequestSchema(MatchSchema, toMatchRequest, fieldMessages);
  const form = useAppForm({
    schema,
    defaultValues: emptyMatch(danishDateOf(new Date())),
    idPrefix: 'peer-match',
    messageOf: serverMessage(t),
    onSubmit: async ({ courseId, ...request }) => {
      const pairing = await matchWithPeerSupporter(courseId, request);
      form.reset(emptyMatch(danishDateOf(new Date())));
      void queryClient.invalidateQueries({ queryKey: peerSupportKeys.service(serviceId) });
      onMessage(t('peerSupport.match.matched', { name: pairing.peerSupporterName }));
    },
  });
  const available = (supporters.data?.supporters ?? []).filter((supporter: PeerSupporter) => supporter.status === 'active' && supporter.activePairings < supporter.maxPairings);
  return (
    <FormPanel id="peer-match" heading={t('peerSupport.match.heading')} form={form}>
      <p>{t('peerSupport.match.intro')}</p>
      {courses.isSuccess && courses.data.length === 0 ? <p>{t('peerSupport.match.noCourses')}</p> : null}
      <FormSelectField<MatchDraft>
        control={form.control}
        name="courseId"
        label={t('peerSupport.match.course')}
        options={(courses.data ?? []).map((course) => ({ value: course.id, label: `${course.reference} – ${course.clientLabel}` }))}
        emptyLabel={t('peerSupport.match.chooseCourse')}
      />
      <FormSelectField<MatchDraft>
        control={form.control}
        name="peerSupporterId"
        label={t('peerSupport.match.supporter')}
        options={available.map((supporter) => ({ value: supporter.id, label: supporter.displayName }))}
        emptyLabel={t('peerSupport.match.chooseSupporter')}
      />
      <FormTextField control={form.control} name="displayName" label={t('peerSupport.match.displayName')} autoComplete="off" />
      <FormCheckboxField control={form.control} name="consentGiven" label={t('peerSupport.match.consentGiven')} />
      <FormTextField control={form.control} name="consentGivenOn" label={t('peerSupport.match.consentGivenOn')} type="date" inputClassName="app-short-input" />
      <SubmitRow isBusy={form.isBusy}>{t('peerSupport.match.submit')}</SubmitRow>
    </FormPanel>
  );
}
