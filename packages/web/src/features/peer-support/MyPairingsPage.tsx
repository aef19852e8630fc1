import { danishDateOf, type MyPairing, type SafeContactPreferences } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { FormRadioGroup, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat } from '../../i18n/format';
import { CardList } from '../../ui/CardList';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList } from '../../ui/SummaryList';
import { usePageTitle } from '../../ui/usePageTitle';
import { logContact, myPairingsQuery, peerSupportKeys } from './peer-support.api';
import { ContactSchema, contactForms, emptyContact, fieldMessages, serverMessage, toContactRequest, type ContactDraft } from './peer-support-forms';

/**
 * `/my-pairings`: the peer supporter's own page, and the only one they have. Each woman they support with the first
 * name or pseudonym and how and when contact is safe — nothing else; the contacts they logged, and a form to log one.
 */
export function MyPairingsPage() {
  const { t } = useTranslation();
  const pairings = useQuery(myPairingsQuery);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('peerSupport.my.heading'));
  return (
    <>
      <PageHeading>{t('peerSupport.my.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('peerSupport.my.intro')}</p>
      <LiveMessage message={message} isVisible />
      <Loaded query={pairings}>
        {(data) => (
          <CardList items={data.pairings} empty={t('peerSupport.my.none')}>
            {(pairing) => <MyPairingCard key={pairing.id} pairing={pairing} onMessage={setMessage} />}
          </CardList>
        )}
      </Loaded>
    </>
  );
}

function MyPairingCard({ pairing, onMessage }: { pairing: MyPairing; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="app-card">
      <h2>
        <bdi>{pairing.displayName}</bdi>
      </h2>
      <p>{t('peerSupport.my.since', { date: format.date(pairing.startedAt) })}</p>
      <h3>{t('peerSupport.my.safeContact')}</h3>
      <SafeContact preferences={pairing.safeContact} />
      <h3>{t('peerSupport.my.contactsHeading')}</h3>
      <CardList items={pairing.contacts} empty={t('peerSupport.my.contactsNone')}>
        {(contact) => (
          <li key={contact.id}>
            {format.date(contact.contactedOn)}, {t(`peerSupport.my.forms.${contact.form}`)}
            {contact.hasNote ? `, ${t('peerSupport.my.withNote')}` : ''}
          </li>
        )}
      </CardList>
      <LogContactForm pairing={pairing} onMessage={onMessage} />
    </li>
  );
}

/** ISO weekday 1 (Monday) … 7 (Sunday) → its text key. */
const dayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const channelKeys = ['sms', 'phoneCall', 'voicemail', 'email', 'letter'] as const;

/** Only what the person said is SAFE counts: unsafe and unknown both mean no (as for every message Bro sends). */
function SafeContact({ preferences }: { preferences: SafeContactPreferences }) {
  const { t } = useTranslation();
  const safe = channelKeys.filter((channel) => preferences.channels[channel] === 'safe').map((channel) => t(`peerSupport.my.channels.${channel}`));
  const windows = preferences.safeTimeWindows;
  const times =
    windows === null || windows.length === 0
      ? t('peerSupport.my.noSafeTimes')
      : windows.map((window) => t('peerSupport.my.window', { days: window.days.map((day) => t(`peerSupport.my.days.${dayKeys[day - 1] ?? 'mon'}`)).join(', '), from: window.from, to: window.to })).join('; ');
  return (
    <SummaryList
      items={[
        { key: 'channels', term: t('peerSupport.my.safeChannels'), value: safe.length > 0 ? safe.join(', ') : t('peerSupport.my.noSafeChannels') },
        { key: 'times', term: t('peerSupport.my.safeTimes'), value: times },
        { key: 'messages', term: t('peerSupport.my.mayLeaveMessages'), value: preferences.channels.voicemail === 'safe' ? t('peerSupport.my.yes') : t('peerSupport.my.no') },
      ]}
    />
  );
}

function LogContactForm({ pairing, onMessage }: { pairing: MyPairing; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useRequestSchema(ContactSchema, toContactRequest, fieldMessages);
  const idPrefix = `contact-${pairing.id}`;
  const form = useAppForm({
    schema,
    defaultValues: emptyContact(danishDateOf(new Date())),
    idPrefix,
    messageOf: serverMessage(t),
    onSubmit: async (request) => {
      await logContact(pairing.id, request);
      form.reset(emptyContact(danishDateOf(new Date())));
      void queryClient.invalidateQueries({ queryKey: peerSupportKeys.mine() });
      onMessage(t('peerSupport.my.logged'));
    },
  });
  return (
    <FormPanel id={idPrefix} heading={t('peerSupport.my.logHeading')} form={form}>
      <FormTextField control={form.control} name="contactedOn" label={t('peerSupport.my.contactedOn')} type="date" inputClassName="app-short-input" />
      <FormRadioGroup<ContactDraft> control={form.control} name="form" legend={t('peerSupport.my.form')} options={contactForms.map((value) => ({ value, label: t(`peerSupport.my.forms.${value}`) }))} />
      <FormTextAreaField control={form.control} name="note" label={t('peerSupport.my.note')} hint={t('peerSupport.my.noteHint')} rows={3} />
      <SubmitRow isBusy={form.isBusy}>{t('peerSupport.my.submit')}</SubmitRow>
    </FormPanel>
  );
}
