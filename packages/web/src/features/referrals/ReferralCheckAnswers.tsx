import { normalisePhone } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import type { DerivedReferral, ReferralFormValues, ReferralStep } from './referral-form';
import { checkForDuplicates, type DuplicateCheckRequest } from './referrals.api';

type Props = { values: ReferralFormValues; derived: DerivedReferral; onGoTo: (step: ReferralStep) => void };

type Row = { key: string; term: string; value: ReactNode };

/** The DKFDS "tjek dine svar" pattern: each step's answers, with "Ret" back to that step. */
export function ReferralCheckAnswers({ values, derived, onGoTo }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('newReferral.steps.checkIntro')}</p>
      <PossibleDuplicates values={values} derived={derived} />
      {checkGroups(values, derived, t).map((group) => (
        <CheckGroup key={group.step} step={group.step} rows={group.rows} onGoTo={onGoTo} />
      ))}
    </>
  );
}

/** The answers of each step, as the officer gave them. */
function checkGroups(values: ReferralFormValues, derived: DerivedReferral, t: TFunction): { step: ReferralStep; rows: Row[] }[] {
  const none = t('newReferral.steps.none');
  const yesNo = (value: string | undefined) => (value ? t(`yesNoUnknown.${value as 'yes'}`) : none);
  const { person, safeContact: contact } = values;
  return [
    {
      step: 'who',
      rows: [
        { key: 'programme', term: t('newReferral.programme.heading'), value: derived.programme?.name ?? none },
        { key: 'role', term: t('newReferral.who.role'), value: t(`personRole.${values.role}`) },
        { key: 'gender', term: t('newReferral.who.gender'), value: person.gender ? t(`gender.${person.gender}`) : none },
        { key: 'service', term: t('newReferral.who.service'), value: derived.service ? `${derived.service.name} – ${derived.service.organisationName}` : none },
      ],
    },
    {
      step: 'consent',
      rows: [
        { key: 'recipient', term: t('consent.recipient'), value: derived.hasConsent ? (derived.service?.organisationName ?? none) : none },
        { key: 'categories', term: t('consent.categories'), value: values.consent.dataCategories.map((category) => t(`consentCategory.${category}`)).join(', ') },
        { key: 'method', term: t('consent.method'), value: t(`consentMethod.${values.consent.method}`) },
      ],
    },
    {
      step: 'person',
      rows: [
        { key: 'name', term: t('newReferral.person.fullName'), value: person.fullName.trim() || none },
        { key: 'cpr', term: t('consentCategory.cpr'), value: person.cpr.trim() || none },
        { key: 'birthYear', term: t('newReferral.person.birthYear'), value: derived.birthYearFromCpr ?? (person.birthYear.trim() || none) },
        { key: 'addressProtection', term: t('newReferral.person.addressProtection'), value: t(`addressProtection.${person.addressProtection}`) },
      ],
    },
    {
      step: 'contact',
      rows: contact.hasNoPhone
        ? [{ key: 'otherWay', term: t('newReferral.contact.otherWayToReach'), value: contact.otherWayToReach.trim() || none }]
        : [
            { key: 'phone', term: t('newReferral.contact.phone'), value: contact.phone.trim() ? (normalisePhone(contact.phone) ?? contact.phone) : none },
            { key: 'safeToCall', term: t('newReferral.contact.isSafeToCall'), value: yesNo(contact.isSafeToCall) },
            { key: 'voicemail', term: t('newReferral.contact.voicemail'), value: yesNo(contact.voicemailAllowed) },
            { key: 'sms', term: t('newReferral.contact.sms'), value: yesNo(contact.smsAllowed) },
          ],
    },
    {
      step: 'situation',
      rows: [
        { key: 'risk', term: t('newReferral.situation.risk'), value: values.riskLevel ? t(`riskLevel.${values.riskLevel}`) : t('newReferral.steps.riskNotChosen') },
        { key: 'children', term: t('newReferral.children.label'), value: yesNo(values.childrenInHome) },
        { key: 'situation', term: t('newReferral.situation.heading'), value: values.situation.trim() || none },
      ],
    },
  ];
}

function CheckGroup({ step, rows, onGoTo }: { step: ReferralStep; rows: Row[]; onGoTo: (step: ReferralStep) => void }) {
  const { t } = useTranslation();
  const title = t(`newReferral.steps.${step}`);
  return (
    <section className="app-form-section" aria-labelledby={`check-${step}`}>
      <div className="app-check-heading">
        <h3 id={`check-${step}`}>{title}</h3>
        <a
          className="function-link"
          href={`?step=${step}`}
          onClick={(event) => {
            event.preventDefault();
            onGoTo(step);
          }}
        >
          {t('newReferral.steps.change')}{' '}
          <span className="sr-only">{title}</span>
        </a>
      </div>
      <dl className="app-summary-list">
        {rows.map((row) => (
          <div className="app-summary-row" key={row.key}>
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Referrals of the same person lately, from the same organisation to the same programme: a warning, never a gate. */
function PossibleDuplicates({ values, derived }: Omit<Props, 'onGoTo'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const cpr = values.person.cpr.trim();
  const typedYear = values.person.birthYear.trim();
  const body: DuplicateCheckRequest = {
    programmeId: values.programmeId,
    fullName: values.person.fullName.trim(),
    ...(cpr ? { cpr } : {}),
    ...(derived.birthYearFromCpr ? { birthYear: derived.birthYearFromCpr } : /^\d{4}$/.test(typedYear) ? { birthYear: Number(typedYear) } : {}),
  };
  // No personal data in the query key; nothing kept after the page: asked afresh each time the check step shows.
  const duplicates = useQuery({ queryKey: ['referrals', 'duplicate-check'], queryFn: ({ signal }) => checkForDuplicates(body, signal), gcTime: 0, retry: false });
  const found = duplicates.data ?? [];
  if (found.length === 0) return null;
  return (
    <Alert variant="warning" heading={t('newReferral.duplicates.heading')} headingLevel={3} role="status">
      <p>{t('newReferral.duplicates.text')}</p>
      <ul>
        {found.map((duplicate) => (
          <li key={duplicate.reference}>{t('newReferral.duplicates.item', { reference: duplicate.reference, service: duplicate.serviceName, date: format.date(duplicate.createdAt) })}</li>
        ))}
      </ul>
      <p>{t('newReferral.duplicates.advice')}</p>
    </Alert>
  );
}
