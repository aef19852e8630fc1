import { isPlausibleCpr, type AddressProtection, type CoursePersonRole, type Gender, type OpenCourseRequest } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { parseWholeNumber } from './course-ui';

/** How a person got in touch without a referral. */
export type DirectOrigin = 'walk_in' | 'phone' | 'self_referral';

/** A course for someone who came in person, called, or got in touch themselves; a pseudonym is enough. */
export type NewCourseValues = {
  serviceId: string;
  origin: DirectOrigin | undefined;
  personRole: CoursePersonRole | undefined;
  person: { label: string; isAnonymous: boolean; cpr: string; gender: Gender; birthYear: string; addressProtection: AddressProtection };
};

export function initialNewCourse(onlyServiceId: string | undefined): NewCourseValues {
  return {
    serviceId: onlyServiceId ?? '',
    origin: undefined,
    personRole: undefined,
    person: { label: '', isAnonymous: false, cpr: '', gender: 'unknown', birthYear: '', addressProtection: 'unknown' },
  };
}

export function validateNewCourse(values: NewCourseValues, t: TFunction, now: Date): FieldMessages {
  const { person } = values;
  const errors: FieldMessages = {};
  if (!values.serviceId) errors.serviceId = t('courses.newCourse.errors.service');
  if (!values.origin) errors.origin = t('courses.newCourse.errors.origin');
  if (!values.personRole) errors.personRole = t('courses.newCourse.errors.role');
  if (!person.label.trim()) errors['person.label'] = person.isAnonymous ? t('courses.newCourse.errors.pseudonym') : t('courses.newCourse.errors.name');
  if (!person.isAnonymous && person.cpr.trim() && !isPlausibleCpr(person.cpr)) errors['person.cpr'] = t('courses.newCourse.errors.cpr');
  const year = parseWholeNumber(person.birthYear);
  if (person.birthYear.trim() && (year === undefined || year < 1900 || year > now.getFullYear())) errors['person.birthYear'] = t('courses.newCourse.errors.birthYear');
  return errors;
}

/** The request of checked values: an anonymous person has no CPR number, whatever was typed before. */
export function toOpenCourseRequest(values: NewCourseValues): OpenCourseRequest {
  const { person } = values;
  return {
    origin: values.origin as DirectOrigin,
    serviceId: values.serviceId,
    personRole: values.personRole as CoursePersonRole,
    person: {
      label: person.label.trim(),
      isAnonymous: person.isAnonymous,
      cpr: !person.isAnonymous && person.cpr.trim() ? person.cpr.trim() : undefined,
      gender: person.gender,
      birthYear: person.birthYear.trim() ? parseWholeNumber(person.birthYear) : undefined,
      addressProtection: person.addressProtection,
    },
  };
}
