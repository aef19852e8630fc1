import type { ConsentMethod, CreateOnwardReferralRequest, OnwardServiceOption, YesNoUnknown } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { consentRequest, defaultConsentCategories, toDateTimeLocal, validateConsent, type ConsentValues } from '../referrals/referral-form';

/** An onward referral from a course: another service, a new consent for it, and what it should know. */
export type OnwardValues = { serviceId: string; consent: ConsentValues; childrenInHome: YesNoUnknown | undefined; situation: string; note: string };

/** Written consent by default: the person sits with the counsellor. The triage's proposal is preselected. */
export function initialOnward(proposedServiceId: string | undefined, now: Date): OnwardValues {
  const method: ConsentMethod = 'written';
  return {
    serviceId: proposedServiceId ?? '',
    consent: { confirmedFor: undefined, dataCategories: [...defaultConsentCategories], method, obtainedAt: toDateTimeLocal(now) },
    childrenInHome: undefined,
    situation: '',
    note: '',
  };
}

export function validateOnward(values: OnwardValues, target: OnwardServiceOption | undefined, t: TFunction, now: Date): FieldMessages {
  const errors: FieldMessages = {};
  if (!target) errors.serviceId = t('courses.bridging.serviceRequired');
  else if (values.consent.confirmedFor !== target.organisationId) errors['consent.confirmed'] = t('courses.bridging.consentRequired');
  if (!values.childrenInHome) errors.childrenInHome = t('courses.bridging.childrenRequired');
  return { ...errors, ...validateConsent(values.consent, t, now) };
}

export function toOnwardRequest(values: OnwardValues, target: OnwardServiceOption): CreateOnwardReferralRequest {
  return {
    serviceId: target.id,
    consent: consentRequest(target.organisationId, values.consent),
    childrenInHome: values.childrenInHome as YesNoUnknown,
    situation: values.situation.trim() || undefined,
    note: values.note.trim() || undefined,
  };
}
