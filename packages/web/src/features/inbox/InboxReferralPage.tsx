import type { ConsentDataCategory, ReferralForReceiver } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList, type SummaryItem } from '../../ui/SummaryList';
import { Timeline } from '../../ui/Timeline';
import { contactLanguages, type ContactLanguage } from '../referrals/referral-form';
import { ReferralStatusBadge, RiskBadge } from '../referrals/ReferralStatusBadge';
import { useTimeline } from '../referrals/useTimeline';
import { ReceiverActions } from './ReceiverActions';
import { useInboxReferral, useNow } from './useInbox';

/** `/inbox/:id`: exactly what the consent covers, the safe-contact rules first, then the actions. */
export function InboxReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useInboxReferral(id);

  return (
    <>
      <PageHeading>{referral.data ? t('receiver.heading', { reference: referral.data.reference }) : t('referralDetail.headingLoading')}</PageHeading>
      <p>
        <Link to="/inbox">{t('receiver.back')}</Link>
      </p>
      {referral.error ? (
        <LoadFailed message={referral.error.detail ?? t('errors.network')} onRetry={() => void referral.reload()} />
      ) : !referral.data ? (
        <Loading />
      ) : (
        <ReceiverView key={referral.data.id} referral={referral.data} onChanged={referral.setData} />
      )}
    </>
  );
}

function ReceiverView({ referral, onChanged }: { referral: ReferralForReceiver; onChanged: (referral: ReferralForReceiver) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const timeline = useTimeline(referral.timeline);
  const [message, setMessage] = useState<string>();

  const overview: SummaryItem[] = [
    { key: 'status', term: t('referral.status'), value: <ReferralStatusBadge status={referral.status} /> },
    { key: 'risk', term: t('referral.riskLevel'), value: <RiskBadge level={referral.riskLevel} /> },
    { key: 'service', term: t('referral.service'), value: referral.serviceName },
    {
      key: 'from',
      term: t('inbox.referredBy'),
      // A self-referral has no referring organisation: "Selvhenvender" says it all.
      value: referral.source === 'self' ? t('referralSource.selfReferral') : `${referral.referringOrganisationName} (${t(`referralSource.${referral.source}`)})`,
    },
    { key: 'role', term: t('referral.role'), value: t(`personRole.${referral.role}`) },
  ];
  if (referral.sentAt) overview.push({ key: 'sent', term: t('receiver.sentAt'), value: format.dateTime(referral.sentAt) });
  if (referral.receivedAt) overview.push({ key: 'received', term: t('receiver.receivedAt'), value: format.dateTime(referral.receivedAt) });
  if (referral.dueAt) {
    overview.push({
      key: 'due',
      term: t('inbox.deadline'),
      value: (
        <>
          {format.relative(referral.dueAt, now)} ({format.dateTime(referral.dueAt)}){' '}
          {referral.isOverdue ? <Badge tone="error">{t('inbox.tagOverdue')}</Badge> : null}{' '}
          {referral.isEscalated ? <Badge tone="warning">{t('inbox.tagEscalated')}</Badge> : null}
        </>
      ),
    });
  }
  overview.push({
    key: 'attempts',
    term: t('inbox.contactAttempts'),
    value: t('receiver.attemptsOfMax', { count: referral.contactAttemptCount, max: referral.maxContactAttempts }),
  });
  overview.push({
    key: 'firstContact',
    term: t('referral.firstContact'),
    value: referral.firstContactAt ? format.dateTime(referral.firstContactAt) : t('receiver.noFirstContact'),
  });

  return (
    <>
      {referral.isConsentWithdrawn ? (
        <Alert variant="error" heading={t('receiver.consentWithdrawnHeading')} role="alert">
          <p>{t('receiver.consentWithdrawn')}</p>
        </Alert>
      ) : null}
      <SummaryList items={overview} />
      <SafeContact referral={referral} />
      <Person referral={referral} />

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

      <section className="app-section" aria-labelledby="receiver-consent-heading">
        <h2 id="receiver-consent-heading">{t('referralDetail.consentHeading')}</h2>
        {referral.consent ? (
          <SummaryList
            items={[
              { key: 'recipient', term: t('consent.recipient'), value: referral.consent.recipientOrganisationName },
              { key: 'categories', term: t('consent.categories'), value: referral.consent.dataCategories.map((c) => t(`consentCategory.${c}`)).join(', ') },
              { key: 'method', term: t('consent.method'), value: t(`consentMethod.${referral.consent.method}`) },
              { key: 'obtainedAt', term: t('consent.obtainedAt'), value: format.dateTime(referral.consent.obtainedAt) },
              ...(referral.consent.withdrawnAt
                ? [{ key: 'withdrawnAt', term: t('consent.withdrawnAt'), value: format.dateTime(referral.consent.withdrawnAt) }]
                : []),
            ]}
          />
        ) : (
          <p>{t('referralDetail.noConsent')}</p>
        )}
      </section>

      <section className="app-section" aria-labelledby="receiver-timeline-heading">
        <h2 id="receiver-timeline-heading">{t('referralDetail.timelineHeading')}</h2>
        {timeline.length ? <Timeline items={timeline} noteLabel={t('referral.note')} /> : <p>{t('referralDetail.timelineEmpty')}</p>}
      </section>

      <ReceiverActions
        referral={referral}
        message={message}
        onDone={(updated, doneMessage) => {
          onChanged(updated);
          setMessage(doneMessage);
        }}
      />
    </>
  );
}

/**
 * `null` from the server means "not shown to you": either the consent does not cover it, or it was withdrawn. An
 * optional field the referrer left empty is also `null`, so the consent's categories tell the two apart.
 */
function isCovered(referral: ReferralForReceiver, category: ConsentDataCategory): boolean {
  return !referral.isConsentWithdrawn && referral.consent !== null && referral.consent.withdrawnAt === null && referral.consent.dataCategories.includes(category);
}

function SafeContact({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const contact = referral.safeContact;
  const languageName = (code: string) => (isKnownLanguage(code) ? t(`languages.${code}`) : code);
  return (
    <section className="app-section" aria-labelledby="receiver-contact-heading">
      <h2 id="receiver-contact-heading">{t('newReferral.contact.heading')}</h2>
      {contact === null ? (
        <p>{t('receiver.contactNotCovered')}</p>
      ) : (
        <>
          <SafetyWarnings contact={contact} languageName={languageName(contact.language)} />
          <SummaryList
            items={[
              { key: 'phone', term: t('receiver.phone'), value: contact.phone ? <span className="font-lead">{contact.phone}</span> : t('receiver.none') },
              { key: 'safeToCall', term: t('newReferral.contact.isSafeToCall'), value: t(`yesNoUnknown.${contact.isSafeToCall}`) },
              { key: 'safeTimes', term: t('receiver.safeTimes'), value: contact.safeTimes ?? t('receiver.none') },
              { key: 'voicemail', term: t('newReferral.contact.voicemail'), value: t(`yesNoUnknown.${contact.voicemailAllowed}`) },
              { key: 'sms', term: t('newReferral.contact.sms'), value: t(`yesNoUnknown.${contact.smsAllowed}`) },
              { key: 'language', term: t('newReferral.contact.language'), value: languageName(contact.language) },
              { key: 'interpreter', term: t('receiver.interpreter'), value: contact.interpreterNeeded ? t('yesNoUnknown.yes') : t('yesNoUnknown.no') },
            ]}
          />
        </>
      )}
    </section>
  );
}

function isKnownLanguage(code: string): code is ContactLanguage {
  return (contactLanguages as readonly string[]).includes(code);
}

type Contact = NonNullable<ReferralForReceiver['safeContact']>;

/**
 * The rules for contacting the person, before the phone number. An unknown preference counts as "no": a call, a
 * voicemail or a text the person did not agree to can put them in danger.
 */
function SafetyWarnings({ contact, languageName }: { contact: Contact; languageName: string }) {
  const { t } = useTranslation();
  const warnings: string[] = [];
  if (contact.isSafeToCall === 'no') warnings.push(t('receiver.warnings.notSafeToCall'));
  if (contact.isSafeToCall === 'unknown') warnings.push(t('receiver.warnings.unknownSafeToCall'));
  if (contact.voicemailAllowed !== 'yes') warnings.push(t('receiver.warnings.noVoicemail'));
  if (contact.smsAllowed !== 'yes') warnings.push(t('receiver.warnings.noSms'));
  if (contact.interpreterNeeded) warnings.push(t('receiver.warnings.interpreter', { language: languageName }));
  if (warnings.length === 0) return null;
  return (
    <Alert variant={contact.isSafeToCall === 'no' ? 'error' : 'warning'} heading={t('receiver.warnings.heading')} headingLevel={3}>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>
            <strong>{warning}</strong>
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
