import { z } from 'zod';
import { name, text as checkedText } from '../common/text.ts';
import { PublicationState } from '../publishing/Publication.ts';
import { MunicipalityCode, Postcode } from '../reference-data/postcodes.ts';
import { Schedule } from './schedule.ts';
import { Channel, HelpServiceStatus, LanguageCode, TargetGroup } from './taxonomy.ts';

/**
 * A help offer in the public directory, as its organisation's admin maintains it. Modelled on HSDS 3 (service,
 * location, service_at_location, schedule, phone, language, service_area, service_capacity) and extended with
 * what HSDS lacks for this field: target groups, confidential locations, anonymous contact, free of charge.
 * Danish and English texts are required; Arabic is optional and falls back to Danish on the public pages.
 */

/** A name of the service or a place: one line, no zero-width characters. */
const nameText = (max: number) => name({ max }).min(1);
const optionalName = (max: number) => name({ max }).nullable().optional();
/** A short description: one line. */
const optionalLine = (max: number) => checkedText({ max }).nullable().optional();
/** What people read: paragraphs. */
const paragraphs = (max: number) => checkedText({ max, multiline: true }).min(1);
const optionalParagraphs = (max: number) => checkedText({ max, multiline: true }).nullable().optional();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .min(1)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'duplicate_value' });

/** Public URL segment of a service page: `/da/tilbud/<slug>`. */
export const HelpServiceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'slug_format' });
export type HelpServiceSlug = z.infer<typeof HelpServiceSlug>;

export const PhoneInput = z.strictObject({
  /** As people dial it in Denmark: digits, spaces and a leading +, e.g. `1888`, `33 33 00 47`. */
  number: z.string().trim().regex(/^\+?[0-9][0-9 ]{2,19}$/, { message: 'phone_format' }),
  descriptionDa: optionalLine(200),
  descriptionEn: optionalLine(200),
});
export type PhoneInput = z.infer<typeof PhoneInput>;

/**
 * Where the service is delivered (HSDS location + service_at_location in one). A CONFIDENTIAL location (a crisis
 * shelter at a secret address) may name its town but never carries a public street address, postcode or
 * coordinates; its address, if stored at all, goes into `confidentialAddress`, which is encrypted at rest and
 * never leaves the staff admin API.
 */
export const LocationInput = z
  .strictObject({
    nameDa: nameText(200),
    nameEn: nameText(200),
    nameAr: optionalName(200),
    locationType: z.enum(['physical', 'virtual']).default('physical'),
    isConfidential: z.boolean(),
    addressLine: optionalName(200),
    postalCode: Postcode.nullable().optional(),
    city: optionalName(100),
    municipalityCode: MunicipalityCode.nullable().optional(),
    latitude: z.number().min(54).max(58).nullable().optional(),
    longitude: z.number().min(8).max(16).nullable().optional(),
    confidentialAddress: optionalParagraphs(500),
  })
  .superRefine((location, context) => {
    if (location.isConfidential) {
      for (const field of ['addressLine', 'postalCode', 'latitude', 'longitude'] as const) {
        if (location[field] !== null && location[field] !== undefined) {
          context.addIssue({ code: 'custom', path: [field], message: 'confidential_location_public_address' });
        }
      }
    } else if (location.confidentialAddress) {
      context.addIssue({ code: 'custom', path: ['confidentialAddress'], message: 'not_confidential' });
    }
  });
export type LocationInput = z.infer<typeof LocationInput>;

/** HSDS service_capacity: e.g. 2 of 12 places free, as of `updatedAt` (set by the server when it changes). */
export const CapacityInput = z
  .strictObject({
    available: z.number().int().min(0).max(100_000),
    maximum: z.number().int().min(1).max(100_000).nullable().optional(),
    unit: checkedText({ max: 50 }).min(1),
  })
  .refine((capacity) => capacity.maximum === null || capacity.maximum === undefined || capacity.available <= capacity.maximum, {
    message: 'available_above_maximum',
    path: ['available'],
  });
export type CapacityInput = z.infer<typeof CapacityInput>;

/** Where the service takes people from: all of Denmark, or the listed municipalities. */
export const ServiceAreaInput = z
  .strictObject({
    isNational: z.boolean(),
    municipalityCodes: z.array(MunicipalityCode).max(98).default([]),
  })
  .refine((area) => area.isNational || area.municipalityCodes.length > 0, { message: 'service_area_required', path: ['municipalityCodes'] });
export type ServiceAreaInput = z.infer<typeof ServiceAreaInput>;

/**
 * The fields without cross-field rules or defaults, so the update schema can make every one optional. (Zod applies
 * a default even inside `.partial()`, which would silently reset omitted fields on update.)
 */
const helpServiceFields = {
  slug: HelpServiceSlug,
  status: HelpServiceStatus,
  /** The referral target this listing describes, if it is one; must belong to the same organisation. */
  referralServiceId: z.uuid().nullable().optional(),
  nameDa: nameText(200),
  nameEn: nameText(200),
  nameAr: optionalName(200),
  descriptionDa: paragraphs(4000),
  descriptionEn: paragraphs(4000),
  descriptionAr: optionalParagraphs(4000),
  /** How to make contact SAFELY: shown prominently on the public page. */
  howToContactDa: paragraphs(2000),
  howToContactEn: paragraphs(2000),
  howToContactAr: optionalParagraphs(2000),
  eligibilityDa: optionalParagraphs(2000),
  eligibilityEn: optionalParagraphs(2000),
  minimumAge: z.number().int().min(0).max(120).nullable().optional(),
  maximumAge: z.number().int().min(0).max(120).nullable().optional(),
  targetGroups: uniqueList(TargetGroup, TargetGroup.options.length),
  channels: uniqueList(Channel, Channel.options.length),
  languages: uniqueList(LanguageCode, 30),
  isAnonymousContactOffered: z.boolean(),
  isFreeOfCharge: z.boolean(),
  schedule: Schedule,
  serviceArea: ServiceAreaInput,
  phones: z.array(PhoneInput).max(5),
  email: z.email().max(200).nullable().optional(),
  websiteUrl: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500).nullable().optional(),
  locations: z.array(LocationInput).max(20),
  capacity: CapacityInput.nullable().optional(),
};

function checkAges(service: { minimumAge?: number | null | undefined; maximumAge?: number | null | undefined }, context: z.RefinementCtx): void {
  if (typeof service.minimumAge === 'number' && typeof service.maximumAge === 'number' && service.minimumAge > service.maximumAge) {
    context.addIssue({ code: 'custom', path: ['maximumAge'], message: 'maximum_below_minimum' });
  }
}

export const CreateHelpServiceRequest = z
  .strictObject({
    ...helpServiceFields,
    status: helpServiceFields.status.default('active'),
    phones: helpServiceFields.phones.default([]),
    locations: helpServiceFields.locations.default([]),
  })
  .superRefine(checkAges);
export type CreateHelpServiceRequest = z.infer<typeof CreateHelpServiceRequest>;
/** What a create request looks like before defaults apply (as a client sends it). */
export type CreateHelpServiceInput = z.input<typeof CreateHelpServiceRequest>;

/**
 * Only the fields given change; lists (phones, locations, languages, …) are replaced as a whole. The merged result
 * is validated again as a whole, so a partial update cannot make a service invalid.
 */
export const UpdateHelpServiceRequest = z
  .strictObject(helpServiceFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: 'empty_update' });
export type UpdateHelpServiceRequest = z.infer<typeof UpdateHelpServiceRequest>;

export const HelpServiceLocation = z.object({
  id: z.uuid(),
  nameDa: z.string(),
  nameEn: z.string(),
  nameAr: z.string().nullable(),
  locationType: z.enum(['physical', 'virtual']),
  isConfidential: z.boolean(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Staff admin API only (own organisation). Never in a public page or the HSDS API. */
  confidentialAddress: z.string().nullable(),
});
export type HelpServiceLocation = z.infer<typeof HelpServiceLocation>;

/** A help offer as its organisation's admin sees it. */
export const HelpService = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  referralServiceId: z.uuid().nullable(),
  slug: z.string(),
  status: HelpServiceStatus,
  nameDa: z.string(),
  nameEn: z.string(),
  nameAr: z.string().nullable(),
  descriptionDa: z.string(),
  descriptionEn: z.string(),
  descriptionAr: z.string().nullable(),
  howToContactDa: z.string(),
  howToContactEn: z.string(),
  howToContactAr: z.string().nullable(),
  eligibilityDa: z.string().nullable(),
  eligibilityEn: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  targetGroups: z.array(TargetGroup),
  channels: z.array(Channel),
  languages: z.array(z.string()),
  isAnonymousContactOffered: z.boolean(),
  isFreeOfCharge: z.boolean(),
  schedule: z.object({
    isOpen24Hours: z.boolean(),
    rules: z.array(z.object({ freq: z.literal('WEEKLY'), byday: z.array(z.string()), opensAt: z.string(), closesAt: z.string() })),
    noteDa: z.string().nullable(),
    noteEn: z.string().nullable(),
  }),
  serviceArea: z.object({ isNational: z.boolean(), municipalityCodes: z.array(z.string()) }),
  phones: z.array(z.object({ number: z.string(), descriptionDa: z.string().nullable(), descriptionEn: z.string().nullable() })),
  email: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  locations: z.array(HelpServiceLocation),
  capacity: z.object({ available: z.number().int(), maximum: z.number().int().nullable(), unit: z.string(), updatedAt: z.string() }).nullable(),
  /** When the organisation last confirmed that the listing is right (HSDS `assured_date`). */
  lastCheckedAt: z.string(),
  /** Not checked for six months: the reminder job has asked the organisation's admins to check it. */
  isCheckDue: z.boolean(),
  /**
   * Public, waiting for approval, or rejected. While a proposal is open (pending or rejected) the fields above are
   * the proposal, which the admin goes on working on; the public sees the last approved version, if any.
   */
  publication: PublicationState,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HelpService = z.infer<typeof HelpService>;

export const HelpServiceSummary = HelpService.pick({
  id: true,
  slug: true,
  status: true,
  nameDa: true,
  nameEn: true,
  targetGroups: true,
  channels: true,
  lastCheckedAt: true,
  isCheckDue: true,
  publication: true,
  updatedAt: true,
});
export type HelpServiceSummary = z.infer<typeof HelpServiceSummary>;

export const HelpServiceList = z.array(HelpServiceSummary);
export type HelpServiceList = z.infer<typeof HelpServiceList>;

export const HelpServiceIdParams = z.strictObject({ serviceId: z.uuid() });
export type HelpServiceIdParams = z.infer<typeof HelpServiceIdParams>;

/** A listing is due for a check six calendar months after it was last checked. */
export const CHECK_INTERVAL_MONTHS = 6;

export function checkDueAt(lastCheckedAt: Date): Date {
  const due = new Date(lastCheckedAt.getTime());
  due.setUTCMonth(due.getUTCMonth() + CHECK_INTERVAL_MONTHS);
  return due;
}

export function isCheckDue(lastCheckedAt: Date, now: Date): boolean {
  return checkDueAt(lastCheckedAt).getTime() <= now.getTime();
}

/** The latest last-checked date that is due at `now`: the inverse of {@link checkDueAt}, for queries. */
export function checkedBeforeIsDue(now: Date): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - CHECK_INTERVAL_MONTHS);
  return cutoff;
}
