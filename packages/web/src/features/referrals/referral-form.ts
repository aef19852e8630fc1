import {
  isPlausibleCpr,
  proposeService,
  type AddressProtection,
  type ConsentDataCategory,
  type ConsentMethod,
  type CreateReferralRequest,
  type Gender,
  type PersonRole,
  type ProgrammeOption,
  type RiskLevel,
  type ServiceOption,
  type UnderretningStatus,
  type YesNoUnknown,
} from '@bro/domain';
import type { TFunction } from 'i18next';

/** The languages offered for the person's preferred language (ISO 639-1). */
export const contactLanguages = ['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa', 'pl', 'uk', 'de'] as const;
export type ContactLanguage = (typeof contactLanguages)[number];

/** Identity, contact, situation and children are shared by default; the CPR number only when ticked. */
export const defaultConsentCategories: readonly ConsentDataCategory[] = ['identity', 'contact', 'situation', 'children'];
export const allConsentCategories: readonly ConsentDataCategory[] = ['identity', 'contact', 'situation', 'children', 'cpr'];

export type ReferralFormState = {
  programmeId: string;
  role: PersonRole;
  gender: Gender | undefined;
  /** The service the referrer picked; `undefined` means "the proposed one". */
  chosenServiceId: string | undefined;
  fullName: string;
  cpr: string;
  birthYear: string;
  addressProtection: AddressProtection;
  /** The organisation the referrer confirmed consent for; consent counts only while it is still the recipient. */
  consentConfirmedFor: string | undefined;
  consentCategories: ConsentDataCategory[];
  consentMethod: ConsentMethod;
  /** `datetime-local` value, in the device's time zone. */
  consentAt: string;
  phone: string;
  isSafeToCall: YesNoUnknown;
  safeTimes: string;
  voicemailAllowed: YesNoUnknown;
  smsAllowed: YesNoUnknown;
  language: ContactLanguage;
  interpreterNeeded: boolean;
  childrenInHome: YesNoUnknown | undefined;
  underretning: UnderretningStatus | undefined;
  situation: string;
  riskLevel: RiskLevel;
};

export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** For the other party of the same call-out: the opposite role is the likely one. */
export function oppositeRole(role: PersonRole): PersonRole {
  if (role === 'exposed') return 'uses_violence';
  if (role === 'uses_violence') return 'exposed';
  return 'both';
}

export function initialReferralForm(programmes: readonly ProgrammeOption[], role: PersonRole, now: Date): ReferralFormState {
  return {
    // One programme is the common case (the police district's programme): choose it for the officer.
    programmeId: programmes.length === 1 ? (programmes[0]?.id ?? '') : '',
    role,
    gender: undefined,
    chosenServiceId: undefined,
    fullName: '',
    cpr: '',
    birthYear: '',
    addressProtection: 'unknown',
    consentConfirmedFor: undefined,
    consentCategories: [...defaultConsentCategories],
    consentMethod: 'oral_at_scene',
    consentAt: toDateTimeLocal(now),
    // "Ved ikke" is the safe default: an unknown preference means the service must not assume it may call or text.
    phone: '',
    isSafeToCall: 'unknown',
    safeTimes: '',
    voicemailAllowed: 'unknown',
    smsAllowed: 'unknown',
    language: 'da',
    interpreterNeeded: false,
    childrenInHome: undefined,
    underretning: undefined,
    situation: '',
    riskLevel: 'standard',
  };
}

export type DerivedReferral = {
  programme: ProgrammeOption | undefined;
  proposedService: ServiceOption | undefined;
  service: ServiceOption | undefined;
  hasConsent: boolean;
  /** Consent was confirmed for another recipient before the service changed. */
  isConsentForOtherRecipient: boolean;
  isUnderretningAsked: boolean;
};

export function deriveReferral(form: ReferralFormState, programmes: readonly ProgrammeOption[], isPublicEmployee: boolean): DerivedReferral {
  const programme = programmes.find((candidate) => candidate.id === form.programmeId);
  const proposedId = programme && form.gender ? proposeService(programme.routingRules, { role: form.role, gender: form.gender }) : undefined;
  const proposedService = programme?.services.find((service) => service.id === proposedId);
  const service = programme?.services.find((candidate) => candidate.id === (form.chosenServiceId ?? proposedId));
  const hasConsent = service !== undefined && form.consentConfirmedFor === service.organisationId;
  return {
    programme,
    proposedService,
    service,
    hasConsent,
    isConsentForOtherRecipient: form.consentConfirmedFor !== undefined && !hasConsent,
    isUnderretningAsked: isPublicEmployee && form.childrenInHome === 'yes',
  };
}

const phonePattern = /^\+?[0-9 ]{3,20}$/;

/** Client-side checks for what the officer can fix at once; the server checks everything again. */
export function validateReferralForm(form: ReferralFormState, derived: DerivedReferral, t: TFunction, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!derived.programme) errors.programmeId = t('newReferral.errors.programme');
  if (!form.gender) errors['person.gender'] = t('newReferral.errors.gender');
  if (derived.programme && form.gender && !derived.service) errors.serviceId = t('newReferral.errors.service');
  if (!form.fullName.trim()) errors['person.fullName'] = t('newReferral.errors.fullName');
  else if (form.fullName.trim().length > 200) errors['person.fullName'] = t('newReferral.errors.tooLong', { max: 200 });
  if (form.cpr.trim() && !isPlausibleCpr(form.cpr)) errors['person.cpr'] = t('newReferral.errors.cpr');
  if (form.birthYear.trim()) {
    const year = Number(form.birthYear.trim());
    if (!/^\d{4}$/.test(form.birthYear.trim()) || year < 1900 || year > now.getFullYear()) errors['person.birthYear'] = t('newReferral.errors.birthYear');
  }
  if (derived.hasConsent) {
    if (form.consentCategories.length === 0) errors['consent.dataCategories'] = t('newReferral.errors.consentCategories');
    const at = new Date(form.consentAt);
    if (!form.consentAt || Number.isNaN(at.getTime())) errors['consent.obtainedAt'] = t('newReferral.errors.consentAt');
    else if (at.getTime() > now.getTime() + 5 * 60_000) errors['consent.obtainedAt'] = t('newReferral.errors.consentAtFuture');
  }
  if (form.phone.trim() && !phonePattern.test(form.phone.trim())) errors['safeContact.phone'] = t('newReferral.errors.phone');
  if (form.safeTimes.trim().length > 200) errors['safeContact.safeTimes'] = t('newReferral.errors.tooLong', { max: 200 });
  if (!form.childrenInHome) errors.childrenInHome = t('newReferral.errors.children');
  if (derived.isUnderretningAsked && !form.underretning) errors.underretning = t('newReferral.errors.underretning');
  if (form.situation.length > 4000) errors.situation = t('newReferral.errors.tooLong', { max: 4000 });
  return errors;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function buildCreateReferralRequest(form: ReferralFormState, derived: DerivedReferral, linkedReferralId: string | undefined): CreateReferralRequest {
  const service = derived.service as ServiceOption;
  return {
    programmeId: form.programmeId,
    serviceId: service.id,
    role: form.role,
    person: {
      fullName: form.fullName.trim(),
      cpr: optional(form.cpr),
      gender: form.gender as Gender,
      birthYear: form.birthYear.trim() ? Number(form.birthYear.trim()) : undefined,
      addressProtection: form.addressProtection,
    },
    // Without consent nothing is sent as consent; the server then refuses to send and says why (consent_required).
    consent: derived.hasConsent
      ? {
          recipientOrganisationId: service.organisationId,
          dataCategories: allConsentCategories.filter((category) => form.consentCategories.includes(category)),
          purpose: 'referral_for_counselling',
          method: form.consentMethod,
          obtainedAt: new Date(form.consentAt).toISOString(),
        }
      : undefined,
    safeContact: {
      phone: optional(form.phone),
      isSafeToCall: form.isSafeToCall,
      safeTimes: optional(form.safeTimes),
      voicemailAllowed: form.voicemailAllowed,
      smsAllowed: form.smsAllowed,
      language: form.language,
      interpreterNeeded: form.interpreterNeeded,
    },
    childrenInHome: form.childrenInHome as YesNoUnknown,
    underretning: derived.isUnderretningAsked ? form.underretning : undefined,
    situation: optional(form.situation),
    riskLevel: form.riskLevel,
    linkedReferralId,
    send: true,
  };
}

/** The field keys the form shows, matching the server's error paths (`body.person.fullName` → `person.fullName`). */
export const referralFormFields = [
  'programmeId',
  'serviceId',
  'role',
  'person.fullName',
  'person.cpr',
  'person.gender',
  'person.birthYear',
  'person.addressProtection',
  'consent.dataCategories',
  'consent.method',
  'consent.obtainedAt',
  'consent.confirmed',
  'safeContact.phone',
  'safeContact.isSafeToCall',
  'safeContact.safeTimes',
  'safeContact.voicemailAllowed',
  'safeContact.smsAllowed',
  'safeContact.language',
  'safeContact.interpreterNeeded',
  'childrenInHome',
  'underretning',
  'situation',
  'riskLevel',
] as const;
