import type { RecordShelterStayRequest, RecordUnderretningRequest, ShelterLegalBasis } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { toDateTimeLocal } from '../referrals/referral-form';
import { fromDateTimeLocal } from './course-ui';

/** The choice for a shelter that is not on Bro: its name is typed instead. */
export const OTHER_SHELTER = 'other';
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const today = (now: Date) => toDateTimeLocal(now).slice(0, 10);

/** A shelter stay: which shelter (never its address), § 109 or § 110, when. */
export type StayValues = { shelterOrganisationId: string; shelterName: string; legalBasis: ShelterLegalBasis; admittedOn: string; dischargedOn: string; onwardReferralId: string };

export const initialStay = (now: Date): StayValues => ({ shelterOrganisationId: '', shelterName: '', legalBasis: 'sel_109', admittedOn: today(now), dischargedOn: '', onwardReferralId: '' });

export function validateStay(values: StayValues, t: TFunction): FieldMessages {
  return {
    ...(values.shelterOrganisationId ? {} : { shelterOrganisationId: t('courses.stays.shelterRequired') }),
    ...(values.shelterOrganisationId === OTHER_SHELTER && !values.shelterName.trim() ? { shelterName: t('courses.stays.nameRequired') } : {}),
    ...(isDate(values.admittedOn) ? {} : { admittedOn: t('courses.stays.dateFormat') }),
    ...(values.dischargedOn && !isDate(values.dischargedOn) ? { dischargedOn: t('courses.stays.dateFormat') } : {}),
  };
}

export function toStayRequest(values: StayValues): RecordShelterStayRequest {
  const isOther = values.shelterOrganisationId === OTHER_SHELTER;
  return {
    shelterOrganisationId: isOther ? undefined : values.shelterOrganisationId,
    shelterName: isOther ? values.shelterName.trim() : undefined,
    legalBasis: values.legalBasis,
    admittedOn: values.admittedOn,
    dischargedOn: values.dischargedOn || undefined,
    onwardReferralId: values.onwardReferralId || undefined,
  };
}

/** A date the stay ended. */
export const validateDischarge = (values: { dischargedOn: string }, t: TFunction): FieldMessages => (isDate(values.dischargedOn) ? {} : { dischargedOn: t('courses.stays.dateFormat') });

/** An underretning (Barnets Lov § 133): to which municipality, when it was sent. */
export type UnderretningValues = { municipalityCode: string; sentAt: string; note: string };

export function validateUnderretning(values: UnderretningValues, t: TFunction): FieldMessages {
  return {
    ...(/^\d{3}$/.test(values.municipalityCode.trim()) ? {} : { municipalityCode: t('courses.serverMessages.municipality_code_format') }),
    ...(fromDateTimeLocal(values.sentAt) ? {} : { sentAt: t('courses.underretning.sentAtRequired') }),
  };
}

export function toUnderretningRequest(values: UnderretningValues): RecordUnderretningRequest {
  return { municipalityCode: values.municipalityCode.trim(), sentAt: fromDateTimeLocal(values.sentAt) as string, note: values.note.trim() || undefined };
}

/** When the municipality's receipt came. */
export const validateReceipt = (values: { receiptReceivedAt: string }, t: TFunction): FieldMessages =>
  fromDateTimeLocal(values.receiptReceivedAt) ? {} : { receiptReceivedAt: t('courses.underretning.sentAtRequired') };
