import type { ConsentDataCategory, ReferralForReceiver } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat, type Formatters } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { SubPage } from '../../ui/SubPage';
import { SummaryList, type SummaryItem } from '../../ui/SummaryList';
import { Timeline } from '../../ui/Timeline';
import { ConsentSummary } from '../referrals/ConsentSummary';
import { contactLanguages, type ContactLanguage } from '../referrals/referral-form';
import { useTimeline } from '../referrals/useTimeline';
import { ReceiverActions } from './ReceiverActions';
import { inboxKeys, inboxReferralQuery } from './inbox.api';

/** `/inbox/:id`: "Næste skridt" first (where it stands, how to reach the person safely, the main action), then exactly what the consent covers. */
export function InboxReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useQuery(inboxReferralQuery(id));
  const heading = referral.data ? t('receiver.heading', { reference: referral.data.reference }) : t('referralDetail.headingLoading');
  return (
    <SubPage title={t('referralDetail.headingLoading')} heading={heading} back={{ to: '/inbox', label: t('receiver.back') }}>
      <Loaded query={referral}>{(data) => <ReceiverView key={data.id} referral={data} />}</Loaded>
    </SubPage>
  );
}

/** The referral's facts for the receiver (status, risk and deadline are in "Næste skridt" above): where it came from and when. */
export function overviewItems(referral: ReferralForReceiver, t: TFunction, format: Formatters): SummaryItem[] {
  const source = referral.source === 'self' ? t('referralSource.selfReferral') : `${referral.referringOrganisationName} (${t(`referralSource.${referral.source}`)})`;
  const items: (SummaryItem | false)[] = [
    { key: 'service', term: t('referral.service'), value: referral.serviceName },
    // A self-referral has no referring organisation: "Selvhenvender" says it all.
    { key: 'from', term: t('inbox.referredBy'), value: source },
    { key: 'role', term: t('referral.role'), value: t(`personRole.${referral.role}`) },
    referral.sentAt !== null && { key: 'sent', term: t('receiver.sentAt'), value: format.dateTime(referral.sentAt) },
    referral.receivedAt !== null && { key: 'received', term: t('receiver.receivedAt'), value: format.dateTime(referral.receivedAt) },
    { key: 'attempts', term: t('inbox.contactAttempts'), value: t('receiver.attemptsOfMax', { count: referral.contactAttemptCount, max: referral.maxContactAttempts }) },
  ];
  return items.filter((item): item is SummaryItem => item !== false);
}

function ReceiverView({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  return (
    <>
      {referral.isConsentWithdrawn ? (
        <Alert variant="error" heading={t('receiver.consentWithdrawnHeading')} role="alert">
          <p>{t('receiver.consentWithdrawn')}</p>
        </Alert>
      ) : null}
      <ReceiverActions
        referral={referral}
        message={message}
        onDone={(updated, doneMessage) => {
          queryClient.setQueryData(inboxReferralQuery(referral.id).queryKey, updated);
          void queryClient.invalidateQueries({ queryKey: inboxKeys.list() });
          setMessage(doneMessage);
        }}
      />
      <PossibleDuplicates referral={referral} />
      <section className="app-section" aria-labelledby="receiver-overview-heading">
        <h2 id="receiver-overview-heading">{t('receiver.overviewHeading')}</h2>
        <SummaryList items={overviewItems(referral, t, format)} />
      </section>
      <ContactDetails referral={referral} />
      <Person referral={referral} />
      <Situation referral={referral} />
      <ReceiverConsent referral={referral} />
      <ReceiverTimeline referral={referral} />
    </>
  );
}

function Situation({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby="receiver-situation-heading">
      <h2 id="receiver-situation-heading">{t('receiver.situationHeading')}</h2>
      <h3>{t('newReferral.situation.heading')}</h3>
      {referral.situation ? (
        <p className="app-preserve-lines">{referral.situation}</p>
      ) : (
        <p>{isCovered(referral, 'situation') ? t('receiver.none') : t('receiver.notCovered')}</p>
      )}
      <h3>{t('newReferral.children.heading')}</h3>
      <p>{referral.childrenInHome === null ? t('receiver.notCovered') : t(`yesNoUnknown.${referral.childrenInHome}`)}</p>
    </section>
  );
}

function ReceiverConsent({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby="receiver-consent-heading">
      <h2 id="receiver-consent-heading">{t('referralDetail.consentHeading')}</h2>
      {referral.consent ? <ConsentSummary consent={referral.consent} isWithdrawalShown /> : <p>{t('referralDetail.noConsent')}</p>}
    </section>
  );
}

function ReceiverTimeline({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const timeline = useTimeline(referral.timeline);
  return (
    <section className="app-section" aria-labelledby="receiver-timeline-heading">
      <h2 id="receiver-timeline-heading">{t('referralDetail.timelineHeading')}</h2>
      {timeline.length ? <Timeline items={timeline} noteLabel={t('referral.note')} /> : <p>{t('referralDetail.timelineEmpty')}</p>}
    </section>
  );
}

/**
 * `null` from the server means "not shown to you": either the consent does not cover it, or it was withdrawn. An
 * optional field the referrer left empty is also `null`, so the consent's categories tell the two apart.
 */
function isCovered(referral: ReferralForReceiver, category: ConsentDataCategory): boolean {
  return !referral.isConsentWithdrawn && referral.consent !== null && referral.consent.withdrawnAt === null && referral.consent.dataCategories.includes(category);
}

/** The rest of the safe-contact answers (the rules and the number are in "Næste skridt" at the top). */
function ContactDetails({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const contact = referral.safeContact;
  if (contact === null) return null;
  const languageName = isKnownLanguage(contact.language) ? t(`languages.${contact.language}`) : contact.language;
  return (
    <section className="app-section" aria-labelledby="receiver-contact-heading">
      <h2 id="receiver-contact-heading">{t('newReferral.contact.heading')}</h2>
      <SummaryList
        items={[
          { key: 'phone', term: t('receiver.phone'), value: contact.phone ?? t('receiver.none') },
          ...(contact.otherWayToReach ? [{ key: 'otherWay', term: t('newReferral.contact.otherWayToReach'), value: contact.otherWayToReach }] : []),
          { key: 'safeToCall', term: t('newReferral.contact.isSafeToCall'), value: t(`yesNoUnknown.${contact.isSafeToCall}`) },
          { key: 'safeTimes', term: t('receiver.safeTimes'), value: contact.safeTimes ?? t('receiver.none') },
          { key: 'voicemail', term: t('newReferral.contact.voicemail'), value: t(`yesNoUnknown.${contact.voicemailAllowed}`) },
          { key: 'sms', term: t('newReferral.contact.sms'), value: t(`yesNoUnknown.${contact.smsAllowed}`) },
          { key: 'language', term: t('newReferral.contact.language'), value: languageName },
          { key: 'interpreter', term: t('receiver.interpreter'), value: contact.interpreterNeeded ? t('yesNoUnknown.yes') : t('yesNoUnknown.no') },
        ]}
      />
    </section>
  );
}

function isKnownLanguage(code: string): code is ContactLanguage {
  return (contactLanguages as readonly string[]).includes(code);
}

/** "Mulig dublet": the other referrals this service holds that may be about the same person (the server's rule). */
function PossibleDuplicates({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  if (referral.possibleDuplicates.length === 0) return null;
  return (
    <Alert variant="warning" heading={t('receiver.duplicates.heading')} headingLevel={2}>
      <p>{t('receiver.duplicates.text')}</p>
      <ul>
        {referral.possibleDuplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/inbox/${encodeURIComponent(duplicate.id)}`}>{t('inbox.cardTitle', { reference: duplicate.reference })}</Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Person({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const person = referral.person;
  return (
    <section className="app-section" aria-labelledby="receiver-person-heading">
      <h2 id="receiver-person-heading">{t('newReferral.person.heading')}</h2>
      {person === null ? (
        <p>{t('receiver.personNotCovered')}</p>
      ) : (
        <>
          {person.addressProtection !== 'none' && person.addressProtection !== 'unknown' ? (
            <Alert variant="warning" heading={t(`addressProtection.${person.addressProtection}`)} headingLevel={3}>
              <p>{t('receiver.addressProtectionWarning')}</p>
            </Alert>
          ) : null}
          <SummaryList
            items={[
              { key: 'name', term: t('newReferral.person.fullName'), value: person.fullName ?? t('receiver.notCoveredShort') },
              { key: 'cpr', term: t('receiver.cpr'), value: person.cpr ?? t('receiver.notCoveredShort') },
              { key: 'gender', term: t('newReferral.who.gender'), value: t(`gender.${person.gender}`) },
              { key: 'birthYear', term: t('receiver.birthYear'), value: person.birthYear ?? t('receiver.none') },
              { key: 'protection', term: t('newReferral.person.addressProtection'), value: t(`addressProtection.${person.addressProtection}`) },
            ]}
          />
        </>
      )}
    </section>
  );
}
