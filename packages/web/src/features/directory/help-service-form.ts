import type { Control } from 'react-hook-form';
import {
  CreateHelpServiceRequest,
  Weekday,
  type Channel,
  type CreateHelpServiceInput,
  type HelpService,
  type HelpServiceStatus,
  type TargetGroup,
} from '@bro/domain';
import { isOneOf, type DraftError, type IssueDetails } from '../../forms/draft-errors';
import { requestSchema } from '../../forms/schema';

/** The form control a group of the editor's fields is bound to. */
export type DraftControl = { control: Control<HelpServiceDraft, unknown, unknown> };

/**
 * The directory form's state and its one conversion to an API request. Inputs hold strings (what the admin typed);
 * the request is checked with the SAME zod schema the server validates with (`CreateHelpServiceRequest`), so the
 * form cannot accept what the server would refuse, nor refuse what it would accept.
 */

export type RuleDraft = { byday: Weekday[]; opensAt: string; closesAt: string };
export type PhoneDraft = { number: string; descriptionDa: string; descriptionEn: string };
export type LocationDraft = {
  nameDa: string;
  nameEn: string;
  nameAr: string;
  locationType: 'physical' | 'virtual';
  isConfidential: boolean;
  addressLine: string;
  postalCode: string;
  city: string;
  municipalityCode: string;
  confidentialAddress: string;
  /** Not edited here (no map yet), but kept so that saving does not drop coordinates set through the API. */
  latitude: number | null;
  longitude: number | null;
};

export type HelpServiceDraft = {
  slug: string;
  status: HelpServiceStatus;
  /** The organisation's own service (Tilbud) the listing describes, or '' for none. */
  referralServiceId: string;
  nameDa: string;
  nameEn: string;
  nameAr: string;
  descriptionDa: string;
  descriptionEn: string;
  descriptionAr: string;
  howToContactDa: string;
  howToContactEn: string;
  howToContactAr: string;
  eligibilityDa: string;
  eligibilityEn: string;
  minimumAge: string;
  maximumAge: string;
  targetGroups: TargetGroup[];
  channels: Channel[];
  /** ISO 639-1 codes, picked by name: `['da', 'en', 'ar']`. */
  languages: string[];
  isAnonymousContactOffered: boolean;
  isFreeOfCharge: boolean;
  isOpen24Hours: boolean;
  rules: RuleDraft[];
  scheduleNoteDa: string;
  scheduleNoteEn: string;
  isNational: boolean;
  /** Three-digit municipality codes, picked by name: `['101', '147']`. */
  municipalityCodes: string[];
  phones: PhoneDraft[];
  email: string;
  websiteUrl: string;
  locations: LocationDraft[];
  hasCapacity: boolean;
  capacityAvailable: string;
  capacityMaximum: string;
  capacityUnit: string;
};

/** What the edit page last did, kept as a kind (not as text) so its message follows a change of language. */
export type HelpServiceOutcome = { kind: 'created' } | { kind: 'saved' } | { kind: 'checked'; checkedAt: string };

export const emptyRule = (): RuleDraft => ({ byday: [], opensAt: '', closesAt: '' });
export const emptyPhone = (): PhoneDraft => ({ number: '', descriptionDa: '', descriptionEn: '' });
export const emptyLocation = (): LocationDraft => ({
  nameDa: '',
  nameEn: '',
  nameAr: '',
  locationType: 'physical',
  isConfidential: false,
  addressLine: '',
  postalCode: '',
  city: '',
  municipalityCode: '',
  confidentialAddress: '',
  latitude: null,
  longitude: null,
});

export function emptyDraft(): HelpServiceDraft {
  return {
    slug: '',
    status: 'active',
    referralServiceId: '',
    nameDa: '',
    nameEn: '',
    nameAr: '',
    descriptionDa: '',
    descriptionEn: '',
    descriptionAr: '',
    howToContactDa: '',
    howToContactEn: '',
    howToContactAr: '',
    eligibilityDa: '',
    eligibilityEn: '',
    minimumAge: '',
    maximumAge: '',
    targetGroups: [],
    channels: [],
    languages: ['da'],
    isAnonymousContactOffered: false,
    isFreeOfCharge: false,
    isOpen24Hours: false,
    rules: [],
    scheduleNoteDa: '',
    scheduleNoteEn: '',
    isNational: true,
    municipalityCodes: [],
    phones: [],
    email: '',
    websiteUrl: '',
    locations: [],
    hasCapacity: false,
    capacityAvailable: '',
    capacityMaximum: '',
    capacityUnit: '',
  };
}

export function draftFromService(service: HelpService): HelpServiceDraft {
  const text = (value: string | null) => value ?? '';
  const number = (value: number | null) => (value === null ? '' : String(value));
  return {
    slug: service.slug,
    status: service.status,
    referralServiceId: service.referralServiceId ?? '',
    nameDa: service.nameDa,
    nameEn: service.nameEn,
    nameAr: text(service.nameAr),
    descriptionDa: service.descriptionDa,
    descriptionEn: service.descriptionEn,
    descriptionAr: text(service.descriptionAr),
    howToContactDa: service.howToContactDa,
    howToContactEn: service.howToContactEn,
    howToContactAr: text(service.howToContactAr),
    eligibilityDa: text(service.eligibilityDa),
    eligibilityEn: text(service.eligibilityEn),
    minimumAge: number(service.minimumAge),
    maximumAge: number(service.maximumAge),
    targetGroups: [...service.targetGroups],
    channels: [...service.channels],
    languages: [...service.languages],
    isAnonymousContactOffered: service.isAnonymousContactOffered,
    isFreeOfCharge: service.isFreeOfCharge,
    isOpen24Hours: service.schedule.isOpen24Hours,
    rules: service.schedule.rules.map((rule) => ({
      byday: rule.byday.filter((day): day is Weekday => Weekday.safeParse(day).success),
      opensAt: rule.opensAt,
      closesAt: rule.closesAt,
    })),
    scheduleNoteDa: text(service.schedule.noteDa),
    scheduleNoteEn: text(service.schedule.noteEn),
    isNational: service.serviceArea.isNational,
    municipalityCodes: [...service.serviceArea.municipalityCodes],
    phones: service.phones.map((phone) => ({ number: phone.number, descriptionDa: text(phone.descriptionDa), descriptionEn: text(phone.descriptionEn) })),
    email: text(service.email),
    websiteUrl: text(service.websiteUrl),
    locations: service.locations.map((location) => ({
      nameDa: location.nameDa,
      nameEn: location.nameEn,
      nameAr: text(location.nameAr),
      locationType: location.locationType,
      isConfidential: location.isConfidential,
      addressLine: text(location.addressLine),
      postalCode: text(location.postalCode),
      city: text(location.city),
      municipalityCode: text(location.municipalityCode),
      confidentialAddress: text(location.confidentialAddress),
      latitude: location.latitude,
      longitude: location.longitude,
    })),
    hasCapacity: service.capacity !== null,
    capacityAvailable: service.capacity ? String(service.capacity.available) : '',
    capacityMaximum: service.capacity?.maximum === null || service.capacity?.maximum === undefined ? '' : String(service.capacity.maximum),
    capacityUnit: service.capacity?.unit ?? '',
  };
}

const optionalText = (value: string) => (value.trim() === '' ? null : value);
/** Empty → null; anything else → a number (NaN for text, which the schema then refuses as "not a whole number"). */
const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value.trim()));
const requiredNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim()));

/**
 * The request the draft stands for. What the form hides is left out on purpose: the rules of a service open 24
 * hours, the municipalities of a national one, and the public address of a CONFIDENTIAL location (a shelter's
 * address must never reach the public listing, even if it was typed before the box was ticked).
 */
export function toRequestInput(draft: HelpServiceDraft): CreateHelpServiceInput {
  return {
    slug: draft.slug,
    status: draft.status,
    referralServiceId: draft.referralServiceId || null,
    nameDa: draft.nameDa,
    nameEn: draft.nameEn,
    nameAr: optionalText(draft.nameAr),
    descriptionDa: draft.descriptionDa,
    descriptionEn: draft.descriptionEn,
    descriptionAr: optionalText(draft.descriptionAr),
    howToContactDa: draft.howToContactDa,
    howToContactEn: draft.howToContactEn,
    howToContactAr: optionalText(draft.howToContactAr),
    eligibilityDa: optionalText(draft.eligibilityDa),
    eligibilityEn: optionalText(draft.eligibilityEn),
    minimumAge: optionalNumber(draft.minimumAge),
    maximumAge: optionalNumber(draft.maximumAge),
    targetGroups: draft.targetGroups,
    channels: draft.channels,
    languages: draft.languages,
    isAnonymousContactOffered: draft.isAnonymousContactOffered,
    isFreeOfCharge: draft.isFreeOfCharge,
    schedule: {
      isOpen24Hours: draft.isOpen24Hours,
      rules: draft.isOpen24Hours
        ? []
        : draft.rules.map((rule) => ({ freq: 'WEEKLY' as const, byday: Weekday.options.filter((day) => rule.byday.includes(day)), opensAt: rule.opensAt, closesAt: rule.closesAt })),
      noteDa: optionalText(draft.scheduleNoteDa),
      noteEn: optionalText(draft.scheduleNoteEn),
    },
    serviceArea: { isNational: draft.isNational, municipalityCodes: draft.isNational ? [] : draft.municipalityCodes },
    phones: draft.phones.map((phone) => ({ number: phone.number, descriptionDa: optionalText(phone.descriptionDa), descriptionEn: optionalText(phone.descriptionEn) })),
    email: optionalText(draft.email),
    websiteUrl: optionalText(draft.websiteUrl),
    locations: draft.locations.map((location) => ({
      nameDa: location.nameDa,
      nameEn: location.nameEn,
      nameAr: optionalText(location.nameAr),
      locationType: location.locationType,
      isConfidential: location.isConfidential,
      addressLine: location.isConfidential ? null : optionalText(location.addressLine),
      postalCode: location.isConfidential ? null : optionalText(location.postalCode),
      city: optionalText(location.city),
      municipalityCode: optionalText(location.municipalityCode),
      latitude: location.isConfidential ? null : location.latitude,
      longitude: location.isConfidential ? null : location.longitude,
      confidentialAddress: location.isConfidential ? optionalText(location.confidentialAddress) : null,
    })),
    capacity: draft.hasCapacity
      ? { available: requiredNumber(draft.capacityAvailable), maximum: optionalNumber(draft.capacityMaximum), unit: draft.capacityUnit }
      : null,
  };
}

/** Why a field was refused, as a code the form turns into a sentence (directory.errors.*). */
export type DraftErrorCode =
  | 'required'
  | 'too_long'
  | 'choose_one'
  | 'invalid_number'
  | 'out_of_range'
  | 'email_format'
  | 'url_format'
  | 'invalid'
  | 'too_many'
  | DomainMessage;

/** The messages the domain schema and the server use for their own rules (HelpService.ts, schedule.ts, service). */
const domainMessages = [
  'slug_format',
  'slug_taken',
  'phone_format',
  'postcode_format',
  'municipality_code_format',
  'time_format',
  'empty_opening',
  'duplicate_day',
  'duplicate_value',
  'language_format',
  'confidential_location_public_address',
  'not_confidential',
  'available_above_maximum',
  'service_area_required',
  'maximum_below_minimum',
  'open_24_hours_with_rules',
  'unknown_service',
  'already_listed',
] as const;
type DomainMessage = (typeof domainMessages)[number];

/** The code of a message the server sent for a field: its own rule's code, or "not valid". */
export const codeOfServerMessage = (message: string): DraftErrorCode => (isOneOf(domainMessages, message) ? message : 'invalid');

/**
 * The form field an error path belongs to. Field keys are the request's own paths (`phones.0.number`), so a
 * server error (`body.phones.0.number`) lands on the same field; list members collapse onto the list's field.
 */
export function fieldKeyOfPath(path: string): string {
  const key = path.replace(/^\//, '').replace(/\//g, '.').replace(/^body\./, '');
  const collapsed: [RegExp, (match: RegExpExecArray) => string][] = [
    [/^(languages|targetGroups|channels)(\.|$)/, (match) => match[1] ?? key],
    [/^serviceArea\.municipalityCodes(\.|$)/, () => 'serviceArea.municipalityCodes'],
    [/^(schedule\.rules\.\d+\.byday)(\.|$)/, (match) => match[1] ?? key],
    [/^schedule\.rules$/, () => 'schedule.isOpen24Hours'],
  ];
  for (const [pattern, toKey] of collapsed) {
    const match = pattern.exec(key);
    if (match) return toKey(match);
  }
  return key;
}

/** What a schema issue means for the admin, as a code (the sentence then names the field). */
function errorOfIssue(issue: IssueDetails, fieldKey: string): DraftError {
  if (isOneOf(domainMessages, issue.message)) return { fieldKey, code: issue.message };
  switch (issue.code) {
    case 'too_small':
      return { fieldKey, code: issue.origin === 'string' ? 'required' : issue.origin === 'array' ? 'choose_one' : 'out_of_range' };
    case 'too_big':
      if (issue.origin === 'string') return { fieldKey, code: 'too_long', maximum: Number(issue.maximum) };
      return { fieldKey, code: issue.origin === 'array' ? 'too_many' : 'out_of_range' };
    case 'invalid_type':
      return { fieldKey, code: issue.expected === 'number' || issue.expected === 'int' ? 'invalid_number' : 'invalid' };
    case 'invalid_format':
      return { fieldKey, code: issue.format === 'email' ? 'email_format' : issue.format === 'url' ? 'url_format' : 'invalid' };
    default:
      return { fieldKey, code: 'invalid' };
  }
}

/**
 * The listing form's schema: the draft becomes the request, which `CreateHelpServiceRequest` checks; each issue is
 * said by `describe` on its field (list members collapse onto the list's field), and the output is the request.
 */
export const helpServiceSchema = (describe: (error: DraftError) => string) =>
  requestSchema({
    schema: CreateHelpServiceRequest,
    toRequest: toRequestInput,
    fieldKeyOf: fieldKeyOfPath,
    messageOf: (issue, fieldKey) => describe(errorOfIssue(issue, fieldKey)),
  });

/** Shown on another field than their own when the server names them. */
export const problemAliases = { 'schedule.rules': 'schedule.isOpen24Hours' } as const;

/** Has the admin changed anything that would be saved? (What the form hides does not count.) */
export function isSameRequest(a: HelpServiceDraft, b: HelpServiceDraft): boolean {
  return JSON.stringify(toRequestInput(a)) === JSON.stringify(toRequestInput(b));
}
