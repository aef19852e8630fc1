import {
  ageThisYear,
  birthYearFromCpr,
  isPlausibleCpr,
  intakeOf,
  normalisePhone,
  ReferralFormStep,
  ReferralSafeContactInput,
  proposeService,
  whyServiceWouldNotTake,
  type AddressProtection,
  type ConsentDataCategory,
  type ConsentMethod,
  type CreateReferralRequest,
  type Gender,
  type PersonRole,
  type PersonToPlace,
  type ProgrammeOption,
  type RiskLevel,
  type ServiceOption,
  type UnderretningStatus,
  type YesNoUnknown,
} from '@bro/domain';
import type { TFunction } from 'i18next';
import { checkedBy, type FieldMessages } from '../../forms/schema';

/** The languages offered for the person's preferred language (ISO 639-1). */
export const contactLanguages = ['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa', 'pl', 'uk', 'de'] as const;
export type ContactLanguage = (typeof contactLanguages)[number];

/** Identity, contact, situation and children are shared by default; the CPR number only when ticked. */
export const defaultConsentCategories: readonly ConsentDataCategory[] = ['identity', 'contact', 'situation', 'children'];
export const allConsentCategories: readonly ConsentDataCategory[] = ['identity', 'contact', 'situation', 'children', 'cpr'];

/**
 * A consent as a form holds it: `confirmedFor` is the organisation consent was confirmed for (it counts only while
 * that is still the recipient), then what it covers, how and when it was given (`datetime-local`).
 */
export type ConsentValues = { confirmedFor: string | undefined; dataCategories: ConsentDataCategory[]; method: ConsentMethod; obtainedAt: string };

/**
 * The referral form's values: what the officer typed, under the request's own paths (`person.fullName`), so a
 * server error about `body.person.fullName` lands on that field.
 */
export type ReferralFormValues = {
  programmeId: string;
  role: PersonRole;
  /** The service the referrer picked; '' means "the proposed one". */
  serviceId: string;
  person: { fullName: string; cpr: string; gender: Gender | undefined; birthYear: string; addressProtection: AddressProtection };
  consent: ConsentValues;
  safeContact: {
    phone: string;
    isSafeToCall: YesNoUnknown;
    safeTimes: string;
    voicemailAllowed: YesNoUnknown;
    smsAllowed: YesNoUnknown;
    language: ContactLanguage;
    interpreterNeeded: boolean;
    /** The officer states the person has no phone, and says in `otherWayToReach` how to reach them. */
    hasNoPhone: boolean;
    otherWayToReach: string;
  };
  childrenInHome: YesNoUnknown | undefined;
  underretning: UnderretningStatus | undefined;
  situation: string;
  /** No default: the service's deadline depends on it, so the officer must choose. */
  riskLevel: RiskLevel | undefined;
};

/** The form's steps, in order; their ids (never personal data) are what the address shows (`?step=consent`). */
export const referralSteps = ReferralFormStep.options;
export type ReferralStep = ReferralFormStep;

/** The step a field is asked on (the check step asks nothing). */
function stepOfField(fieldKey: string): ReferralStep {
  if (fieldKey === 'programmeId' || fieldKey === 'role' || fieldKey === 'serviceId' || fieldKey === 'person.gender') return 'who';
  if (fieldKey.startsWith('consent.')) return 'consent';
  if (fieldKey.startsWith('person.')) return 'person';
  if (fieldKey.startsWith('safeContact.')) return 'contact';
  if (fieldKey === 'childrenInHome' || fieldKey === 'underretning' || fieldKey === 'situation' || fieldKey === 'riskLevel') return 'situation';
  return 'check';
}

/** `datetime-local` value, in the device's time zone. */
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

export function initialReferralForm(programmes: readonly ProgrammeOption[], role: PersonRole, now: Date): ReferralFormValues {
  return {
    // One programme is the common case (the police district's programme): choose it for the officer.
    programmeId: programmes.length === 1 ? (programmes[0]?.id ?? '') : '',
    role,
    serviceId: '',
    person: { fullName: '', cpr: '', gender: undefined, birthYear: '', addressProtection: 'unknown' },
    consent: { confirmedFor: undefined, dataCategories: [...defaultConsentCategories], method: 'oral_at_scene', obtainedAt: toDateTimeLocal(now) },
    // "Ved ikke" is the safe default: an unknown preference means the service must not assume it may call or text.
    safeContact: {
      phone: '',
      isSafeToCall: 'unknown',
      safeTimes: '',
      voicemailAllowed: 'unknown',
      smsAllowed: 'unknown',
      language: 'da',
      interpreterNeeded: false,
      hasNoPhone: false,
      otherWayToReach: '',
    },
    childrenInHome: undefined,
    underretning: undefined,
    situation: '',
    riskLevel: undefined,
  };
}

export type DerivedReferral = {
  programme: ProgrammeOption | undefined;
  /** The programme's services that take the person (role, gender, age as far as known): the only ones offered. */
  services: readonly ServiceOption[];
  proposedService: ServiceOption | undefined;
  service: ServiceOption | undefined;
  hasConsent: boolean;
  /** Consent was confirmed for another recipient before the service changed. */
  isConsentForOtherRecipient: boolean;
  isUnderretningAsked: boolean;
  /** The birth year a plausible CPR number carries: the form then does not ask for it. */
  birthYearFromCpr: number | undefined;
  /** The CPR number is shared only when the consent covers the category `cpr`. */
  isCprShared: boolean;
};

export type ReferralContext = { programmes: readonly ProgrammeOption[]; isPublicEmployee: boolean };

/** What follows from the values: the programme, the proposed and the chosen service, and whether consent counts. */
/** The person as far as the form knows them now: the birth year from a plausible CPR first, else the one typed. */
function personToPlace(form: ReferralFormValues, now: Date): PersonToPlace {
  const cpr = form.person.cpr.trim();
  const typedYear = /^\d{4}$/.test(form.person.birthYear.trim()) ? Number(form.person.birthYear.trim()) : undefined;
  const birthYear = cpr && isPlausibleCpr(cpr) ? birthYearFromCpr(cpr) : typedYear;
  return { role: form.role, gender: form.person.gender, age: ageThisYear(birthYear, now) };
}

/** Would the service take the person? The same rule the server applies (domain receiving.ts). */
function takesPerson(service: ServiceOption, person: PersonToPlace): boolean {
  return whyServiceWouldNotTake(intakeOf(service), person) === undefined;
}

export function deriveReferral(form: ReferralFormValues, { programmes, isPublicEmployee }: ReferralContext, now: Date = new Date()): DerivedReferral {
  const programme = programmes.find((candidate) => candidate.id === form.programmeId);
  // A service that would not take the person is never offered: the referral would wait unseen or be turned away.
  const person = personToPlace(form, now);
  const proposedId = programme && form.person.gender ? proposeService(programme, person) : undefined;
  const services = (programme?.services ?? []).filter((candidate) => takesPerson(candidate, person));
  const proposedService = services.find((candidate) => candidate.id === proposedId);
  const service = services.find((candidate) => candidate.id === (form.serviceId || proposedService?.id));
  const hasConsent = service !== undefined && form.consent.confirmedFor === service.organisationId;
  return {
    programme,
    services,
    proposedService,
    service,
    hasConsent,
    isConsentForOtherRecipient: form.consent.confirmedFor !== undefined && !hasConsent,
    isUnderretningAsked: isPublicEmployee && form.childrenInHome === 'yes',
    birthYearFromCpr: isPlausibleCpr(form.person.cpr) ? birthYearFromCpr(form.person.cpr) : undefined,
    isCprShared: form.consent.dataCategories.includes('cpr'),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The domain's codes for a safe contact's problems, as the form's sentence keys. */
const contactMessageKeys: Record<string, 'newReferral.errors.phone' | 'newReferral.errors.phoneRequired' | 'newReferral.errors.otherWayRequired'> = {
  phone_format: 'newReferral.errors.phone',
  phone_required: 'newReferral.errors.phoneRequired',
  other_way_required: 'newReferral.errors.otherWayRequired',
};

/** Client-side checks for what the officer can fix at once, keyed by field; the server checks everything again. */
export function validateReferralForm(form: ReferralFormValues, derived: DerivedReferral, t: TFunction, now: Date): FieldMessages {
  return { ...validateWho(form, derived, t), ...validateReferralConsent(form, derived, t, now), ...validatePerson(form, derived, t, now), ...validateContact(form, t), ...validateSituation(form, derived, t) };
}

/** Only the errors of one step: the step cannot be left with them, and the check step shows them all. */
export function errorsOfStep(errors: FieldMessages, step: ReferralStep): FieldMessages {
  if (step === 'check') return errors;
  return Object.fromEntries(Object.entries(errors).filter(([fieldKey]) => stepOfField(fieldKey) === step));
}

function validateWho(form: ReferralFormValues, derived: DerivedReferral, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  if (!derived.programme) errors.programmeId = t('newReferral.errors.programme');
  if (!form.person.gender) errors['person.gender'] = t('newReferral.errors.gender');
  if (derived.programme && form.person.gender && !derived.service) errors.serviceId = t('newReferral.errors.service');
  return errors;
}

/** A referral is sent only with consent for its recipient: the consent step refuses to go on without it. */
function validateReferralConsent(form: ReferralFormValues, derived: DerivedReferral, t: TFunction, now: Date): FieldMessages {
  const errors: FieldMessages = derived.hasConsent ? {} : { 'consent.confirmed': t('newReferral.errors.consent') };
  return { ...errors, ...validateConsent(form.consent, t, now, { isFutureRefused: true }) };
}

function validatePerson(form: ReferralFormValues, derived: DerivedReferral, t: TFunction, now: Date): FieldMessages {
  const errors: FieldMessages = {};
  const fullName = form.person.fullName.trim();
  if (!fullName) errors['person.fullName'] = t('newReferral.errors.fullName');
  else if (fullName.length > 200) errors['person.fullName'] = t('newReferral.errors.tooLong', { max: 200 });
  if (form.person.cpr.trim() && !isPlausibleCpr(form.person.cpr)) errors['person.cpr'] = t('newReferral.errors.cpr');
  if (derived.birthYearFromCpr === undefined && !isBirthYear(form.person.birthYear, now)) errors['person.birthYear'] = t('newReferral.errors.birthYear');
  return errors;
}

/** The safe contact, checked by the domain's own schema: a phone, or no phone and another way to reach the person. */
function validateContact(form: ReferralFormValues, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  const parsed = ReferralSafeContactInput.safeParse(safeContactRequest(form.safeContact));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const fieldKey = `safeContact.${issue.path.map(String).join('.')}`;
    const messageKey = contactMessageKeys[issue.message];
    errors[fieldKey] ??= messageKey ? t(messageKey) : t('newReferral.errors.tooLong', { max: fieldKey === 'safeContact.otherWayToReach' ? 500 : 200 });
  }
  return errors;
}

function validateSituation(form: ReferralFormValues, derived: DerivedReferral, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  // In the order the step asks: risk first.
  if (!form.riskLevel) errors.riskLevel = t('newReferral.errors.risk');
  if (!form.childrenInHome) errors.childrenInHome = t('newReferral.errors.children');
  if (derived.isUnderretningAsked && !form.underretning) errors.underretning = t('newReferral.errors.underretning');
  if (form.situation.length > 4000) errors.situation = t('newReferral.errors.tooLong', { max: 4000 });
  return errors;
}

/** The safe contact as the API takes it: the phone in its one written form, or none and how to reach the person. */
function safeContactRequest(contact: ReferralFormValues['safeContact']) {
  const phone = contact.hasNoPhone ? undefined : optional(contact.phone);
  return {
    ...contact,
    phone: phone === undefined ? undefined : (normalisePhone(phone) ?? phone),
    safeTimes: optional(contact.safeTimes),
    otherWayToReach: contact.hasNoPhone ? optional(contact.otherWayToReach) : undefined,
  };
}

/** Empty, or four digits from 1900 to this year. */
function isBirthYear(value: string, now: Date): boolean {
  const year = value.trim();
  return !year || (/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= now.getFullYear());
}

/**
 * The consent's categories and time, keyed as the form's fields (`consent.obtainedAt`). The referral form also refuses
 * a time in the future (a few minutes' clock skew allowed).
 */
export function validateConsent(consent: { dataCategories: readonly unknown[]; obtainedAt: string }, t: TFunction, now: Date, { isFutureRefused = false } = {}): FieldMessages {
  const errors: FieldMessages = {};
  if (consent.dataCategories.length === 0) errors['consent.dataCategories'] = t('newReferral.errors.consentCategories');
  const at = new Date(consent.obtainedAt);
  if (!consent.obtainedAt || Number.isNaN(at.getTime())) errors['consent.obtainedAt'] = t('newReferral.errors.consentAt');
  else if (isFutureRefused && at.getTime() > now.getTime() + 5 * 60_000) errors['consent.obtainedAt'] = t('newReferral.errors.consentAtFuture');
  return errors;
}


export function buildCreateReferralRequest(form: ReferralFormValues, derived: DerivedReferral, linkedReferralId: string | undefined): CreateReferralRequest {
  const service = derived.service as ServiceOption;
  const { person, safeContact } = form;
  return {
    programmeId: form.programmeId,
    serviceId: service.id,
    role: form.role,
    person: {
      fullName: person.fullName.trim(),
      cpr: optional(person.cpr),
      gender: person.gender as Gender,
      birthYear: derived.birthYearFromCpr ?? (person.birthYear.trim() ? Number(person.birthYear.trim()) : undefined),
      addressProtection: person.addressProtection,
    },
    // Without consent nothing is sent as consent; the server then refuses to send and says why (consent_required).
    consent: derived.hasConsent ? consentRequest(service.organisationId, form.consent) : undefined,
    safeContact: safeContactRequest(safeContact),
    childrenInHome: form.childrenInHome as YesNoUnknown,
    underretning: derived.isUnderretningAsked ? form.underretning : undefined,
    situation: optional(form.situation),
    riskLevel: form.riskLevel as RiskLevel,
    linkedReferralId,
    send: true,
  };
}

/** A consent as the API takes it: for one recipient, its categories in a fixed order, the time as ISO 8601. */
export function consentRequest(recipientOrganisationId: string, consent: { dataCategories: readonly ConsentDataCategory[]; method: ConsentMethod; obtainedAt: string }) {
  return {
    recipientOrganisationId,
    dataCategories: allConsentCategories.filter((category) => consent.dataCategories.includes(category)),
    purpose: 'referral_for_counselling' as const,
    method: consent.method,
    obtainedAt: new Date(consent.obtainedAt).toISOString(),
  };
}

/**
 * The form's schema on a step: the step's own checks with the officer's sentences. On the check step every check,
 * then the request (`CreateReferralRequest`), ready to send. `context` holds the programmes, their routing rules and
 * whether the referrer is a public employee.
 */
export function referralSchema(t: TFunction, context: ReferralContext, linkedReferralId: string | undefined, step: ReferralStep = 'check') {
  const check = checkedBy<ReferralFormValues>((values) => errorsOfStep(validateReferralForm(values, deriveReferral(values, context), t, new Date()), step));
  return check.transform((values) => (step === 'check' ? buildCreateReferralRequest(values, deriveReferral(values, context), linkedReferralId) : undefined));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form again from a saved draft: each group of the saved values over a fresh form, so a value missing from the
 * draft (an answer not given yet, or a field added since) has its usual start.
 */
export function restoreReferralForm(fresh: ReferralFormValues, saved: Record<string, unknown>): ReferralFormValues {
  const group = <K extends 'person' | 'consent' | 'safeContact'>(key: K): ReferralFormValues[K] => ({ ...fresh[key], ...(isRecord(saved[key]) ? saved[key] : {}) });
  return { ...fresh, ...saved, person: group('person'), consent: group('consent'), safeContact: group('safeContact') } as ReferralFormValues;
}
