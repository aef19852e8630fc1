import type { ReferralForReceiver } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { contactLanguages, type ContactLanguage } from '../referrals/referral-form';

type Contact = NonNullable<ReferralForReceiver['safeContact']>;
type Rule = { key: string; tone: BadgeTone; text: string };

/**
 * The safe-contact rules before anything else: call or not, voicemail, text messages, interpreter. An unknown
 * preference counts as "no": a call, a voicemail or a text the person did not agree to can put them in danger.
 */
function rulesOf(contact: Contact, t: TFunction, languageName: string): Rule[] {
  const rules: Rule[] = [
    contact.isSafeToCall === 'yes'
      ? { key: 'call', tone: 'success', text: t('receiver.rules.safeToCall') }
      : { key: 'call', tone: 'error', text: t(contact.isSafeToCall === 'no' ? 'receiver.warnings.notSafeToCall' : 'receiver.warnings.unknownSafeToCall') },
    contact.voicemailAllowed === 'yes' ? { key: 'voicemail', tone: 'success', text: t('receiver.rules.voicemail') } : { key: 'voicemail', tone: 'error', text: t('receiver.warnings.noVoicemail') },
    contact.smsAllowed === 'yes' ? { key: 'sms', tone: 'success', text: t('receiver.rules.sms') } : { key: 'sms', tone: 'error', text: t('receiver.warnings.noSms') },
  ];
  if (contact.interpreterNeeded) rules.push({ key: 'interpreter', tone: 'warning', text: t('receiver.warnings.interpreter', { language: languageName }) });
  else if (contact.language !== 'da') rules.push({ key: 'language', tone: 'neutral', text: t('receiver.rules.language', { language: languageName }) });
  return rules;
}

/** Phone digits for a `tel:` link: the number as typed may hold spaces or dashes. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** How to reach the person, at a glance: the rules, the safe times, and the number (a call link only if calling is safe). */
export function ContactAtAGlance({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const contact = referral.safeContact;
  if (contact === null) return <p>{t('receiver.contactNotCovered')}</p>;
  const languageName = (contactLanguages as readonly string[]).includes(contact.language) ? t(`languages.${contact.language as ContactLanguage}`) : contact.language;
  return (
    <div className="app-contact-glance">
      <ul className="app-badges app-contact-rules" aria-label={t('receiver.contactRules')}>
        {rulesOf(contact, t, languageName).map((rule) => (
          <li key={rule.key}>
            <Badge tone={rule.tone}>{rule.text}</Badge>
          </li>
        ))}
      </ul>
      {contact.safeTimes ? <p className="m-0">{t('receiver.rules.safeTimes', { times: contact.safeTimes })}</p> : null}
      {contact.phone === null ? (
        // No phone: the referrer said how the service can reach the person instead.
        <p className="m-0">
          {t('receiver.noPhone')}
          {contact.otherWayToReach ? `. ${t('receiver.otherWay', { how: contact.otherWayToReach })}` : ''}
        </p>
      ) : contact.isSafeToCall === 'yes' ? (
        <p className="m-0">
          <a className="button button-secondary app-call-link" href={telHref(contact.phone)}>
            {t('receiver.call', { phone: contact.phone })}
          </a>
        </p>
      ) : (
        // Not known to be safe: the number without a one-tap call.
        <p className="m-0">
          {t('receiver.phone')}: <span className="font-lead">{contact.phone}</span>
        </p>
      )}
    </div>
  );
}
