import { UpdateProgrammeRequest, type Gender, type PersonRole, type Programme, type ProgrammeStatus } from '@bro/domain';
import type { TFunction } from 'i18next';
import { requestSchema } from '../../forms/schema';

/** One participating service as the manager edits it: numbers as text, empty meaning "as the service". */
export type ServiceDraft = {
  serviceId: string;
  /** None ticked: everyone the service's line sees. */
  receivesRoles: PersonRole[];
  /** None ticked: all genders. */
  receivesGenders: Gender[];
  minimumAge: string;
  maximumAge: string;
  isProposed: boolean;
  isFallback: boolean;
  firstContactDeadlineHours: string;
  highRiskDeadlineHours: string;
  maxContactAttempts: string;
};

export type ProgrammeDraft = {
  name: string;
  description: string;
  funder: string;
  periodStart: string;
  periodEnd: string;
  status: ProgrammeStatus;
  referrerOrganisationIds: string[];
  /** In routing order. */
  services: ServiceDraft[];
};

export const roleChoices: readonly PersonRole[] = ['exposed', 'uses_violence', 'both'];
export const genderChoices: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];
export const statusChoices: readonly ProgrammeStatus[] = ['planned', 'running', 'ended'];

export const newServiceDraft = (): ServiceDraft => ({
  serviceId: '',
  receivesRoles: [],
  receivesGenders: [],
  minimumAge: '',
  maximumAge: '',
  isProposed: true,
  isFallback: false,
  firstContactDeadlineHours: '',
  highRiskDeadlineHours: '',
  maxContactAttempts: '',
});

const textOf = (value: number | null) => (value === null ? '' : String(value));

export function draftOfProgramme(programme: Programme): ProgrammeDraft {
  return {
    name: programme.name,
    description: programme.description,
    funder: programme.funder,
    periodStart: programme.periodStart ?? '',
    periodEnd: programme.periodEnd ?? '',
    status: programme.status,
    referrerOrganisationIds: programme.referrers.map((referrer) => referrer.organisationId),
    services: programme.services.map((service) => ({
      serviceId: service.serviceId,
      receivesRoles: [...(service.receivesRoles ?? [])],
      receivesGenders: [...(service.receivesGenders ?? [])],
      minimumAge: textOf(service.minimumAge),
      maximumAge: textOf(service.maximumAge),
      isProposed: service.isProposed,
      isFallback: service.isFallback,
      firstContactDeadlineHours: textOf(service.firstContactDeadlineHours),
      highRiskDeadlineHours: textOf(service.highRiskDeadlineHours),
      maxContactAttempts: textOf(service.maxContactAttempts),
    })),
  };
}

/** Empty text is "as the service" (null); anything else must be a number the schema then checks. */
const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

function toUpdateRequest(version: number, draft: ProgrammeDraft) {
  return {
    version,
    name: draft.name,
    description: draft.description,
    funder: draft.funder,
    periodStart: draft.periodStart.trim() || null,
    periodEnd: draft.periodEnd.trim() || null,
    status: draft.status,
    referrerOrganisationIds: draft.referrerOrganisationIds,
    services: draft.services.map((service) => ({
      serviceId: service.serviceId,
      receivesRoles: service.receivesRoles.length === 0 ? null : service.receivesRoles,
      receivesGenders: service.receivesGenders.length === 0 ? null : service.receivesGenders,
      minimumAge: optionalNumber(service.minimumAge),
      maximumAge: optionalNumber(service.maximumAge),
      isProposed: service.isProposed || service.isFallback,
      isFallback: service.isFallback,
      firstContactDeadlineHours: optionalNumber(service.firstContactDeadlineHours),
      highRiskDeadlineHours: optionalNumber(service.highRiskDeadlineHours),
      maxContactAttempts: optionalNumber(service.maxContactAttempts),
    })),
  };
}

/** The sentence for a field, by its last key (`services.2.minimumAge` → the age sentence). */
function messageOfField(t: TFunction, fieldKey: string, isOrderIssue: boolean): string {
  const field = fieldKey.split('.').at(-1) ?? '';
  const byField: Record<string, string> = {
    name: t('programmes.errors.name'),
    description: t('programmes.errors.description'),
    funder: t('programmes.errors.funder'),
    periodStart: t('programmes.errors.period'),
    periodEnd: isOrderIssue ? t('programmes.errors.periodEnd') : t('programmes.errors.period'),
    status: t('programmes.errors.status'),
    referrerOrganisationIds: t('programmes.errors.referrers'),
    services: t('programmes.errors.services'),
    serviceId: t('programmes.errors.serviceId'),
    firstContactDeadlineHours: t('programmes.errors.hours'),
    highRiskDeadlineHours: t('programmes.errors.hours'),
    maxContactAttempts: t('programmes.errors.attempts'),
    minimumAge: t('programmes.errors.age'),
    maximumAge: t('programmes.errors.age'),
  };
  return byField[field] ?? t('errors.unexpected');
}

/** A changed programme, checked with the server's own UpdateProgrammeRequest. */
export const programmeSchema = (t: TFunction, version: number) =>
  requestSchema({ schema: UpdateProgrammeRequest, toRequest: (draft: ProgrammeDraft) => toUpdateRequest(version, draft), messageOf: (issue, fieldKey) => messageOfField(t, fieldKey, issue.code === 'custom') });
