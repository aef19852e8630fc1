import type { ConsentView } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { SummaryList } from '../../ui/SummaryList';

/** A referral's consent: for whom, what it covers, how and when it was given; the receiver also sees its withdrawal. */
export function ConsentSummary({ consent, isWithdrawalShown = false }: { consent: ConsentView; isWithdrawalShown?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const withdrawal = isWithdrawalShown && consent.withdrawnAt ? [{ key: 'withdrawnAt', term: t('consent.withdrawnAt'), value: format.dateTime(consent.withdrawnAt) }] : [];
  return (
    <SummaryList
      items={[
        { key: 'recipient', term: t('consent.recipient'), value: consent.recipientOrganisationName },
        { key: 'categories', term: t('consent.categories'), value: consent.dataCategories.map((category) => t(`consentCategory.${category}`)).join(', ') },
        { key: 'method', term: t('consent.method'), value: t(`consentMethod.${consent.method}`) },
        { key: 'obtainedAt', term: t('consent.obtainedAt'), value: format.dateTime(consent.obtainedAt) },
        ...withdrawal,
      ]}
    />
  );
}
