import { CreateServiceRequest, UpdateServiceRequest, type AdminService, type Gender, type ServiceLine } from '@bro/domain';
import type { TFunction } from 'i18next';
import { byField, requestSchema } from '../../forms/schema';

/** "both" stands for no line (null): a service like the hotline that takes everyone. */
export type LineChoice = ServiceLine | 'both';
export const lineChoices: readonly LineChoice[] = ['victim', 'perpetrator', 'both'];

/** What the admin types: numbers as text until the schema checks them. */
export type ServiceDraft = {
  name: string;
  description: string;
  serviceLine: LineChoice | '';
  intakePhone: string;
  intakeHours: string;
  firstContactDeadlineHours: string;
  highRiskDeadlineHours: string;
  maxContactAttempts: string;
  /** None ticked: all genders. */
  receivesGenders: Gender[];
  minimumAge: string;
  maximumAge: string;
  isActive: boolean;
};

export const genderChoices: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];

export const emptyServiceDraft: ServiceDraft = {
  name: '',
  description: '',
  serviceLine: '',
  intakePhone: '',
  intakeHours: '',
  firstContactDeadlineHours: '48',
  highRiskDeadlineHours: '24',
  maxContactAttempts: '3',
  receivesGenders: [],
  minimumAge: '',
  maximumAge: '',
  isActive: true,
};

export function draftOfService(service: AdminService): ServiceDraft {
  return {
    name: service.name,
    description: service.description,
    serviceLine: service.serviceLine ?? 'both',
    intakePhone: service.intakePhone ?? '',
    intakeHours: service.intakeHours,
    firstContactDeadlineHours: String(service.firstContactDeadlineHours),
    highRiskDeadlineHours: String(service.highRiskDeadlineHours),
    maxContactAttempts: String(service.maxContactAttempts),
    receivesGenders: [...(service.receivesGenders ?? [])],
    minimumAge: service.minimumAge === null ? '' : String(service.minimumAge),
    maximumAge: service.maximumAge === null ? '' : String(service.maximumAge),
    isActive: service.isActive,
  };
}

/** Empty text is no number at all (the schema then asks for one), never 0. */
const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

function toCreateRequest(draft: ServiceDraft) {
  return {
    name: draft.name,
    description: draft.description,
    serviceLine: draft.serviceLine === '' ? undefined : draft.serviceLine === 'both' ? null : draft.serviceLine,
    intakePhone: draft.intakePhone.trim() === '' ? null : draft.intakePhone,
    intakeHours: draft.intakeHours,
    firstContactDeadlineHours: numberOf(draft.firstContactDeadlineHours),
    highRiskDeadlineHours: numberOf(draft.highRiskDeadlineHours),
    maxContactAttempts: numberOf(draft.maxContactAttempts),
    receivesGenders: draft.receivesGenders.length === 0 ? null : draft.receivesGenders,
    // An empty age is no limit (null), not a missing answer.
    minimumAge: numberOf(draft.minimumAge) ?? null,
    maximumAge: numberOf(draft.maximumAge) ?? null,
  };
}

const messages = (t: TFunction) =>
  byField(
    {
      name: t('services.errors.name'),
      description: t('services.errors.description'),
      serviceLine: t('services.errors.serviceLine'),
      intakePhone: t('services.errors.intakePhone'),
      intakeHours: t('services.errors.intakeHours'),
      firstContactDeadlineHours: t('services.errors.hours'),
      highRiskDeadlineHours: t('services.errors.highRisk'),
      maxContactAttempts: t('services.errors.attempts'),
      minimumAge: t('services.errors.age'),
      maximumAge: t('services.errors.maximumAge'),
    },
    t('errors.unexpected'),
  );

/** A new service, checked with the server's own CreateServiceRequest. */
export const createServiceSchema = (t: TFunction) => requestSchema({ schema: CreateServiceRequest, toRequest: toCreateRequest, messageOf: messages(t) });

/** A changed service: the same fields, and whether it is open. */
export const updateServiceSchema = (t: TFunction) =>
  requestSchema({ schema: UpdateServiceRequest, toRequest: (draft: ServiceDraft) => ({ ...toCreateRequest(draft), isActive: draft.isActive }), messageOf: messages(t) });
