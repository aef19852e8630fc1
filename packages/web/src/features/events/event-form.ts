import { readWeeklyRule, weeklyRule, type OpenEvent, type UpdateOpenEventRequest, type WeekdayCode } from '@bro/domain';
import type { TFunction } from 'i18next';
import { checkedBy, type FieldMessages } from '../../forms/schema';

/**
 * The event form's values: what the host types. The readable recurrence editor (weekdays, every N weeks) writes
 * the RRULE; anything else is written in the advanced field. Times are Danish wall-clock times.
 */
export type EventDraft = {
  serviceId: string;
  title: string;
  description: string;
  ruleMode: 'weekly' | 'advanced';
  weekdays: WeekdayCode[];
  intervalWeeks: string;
  advancedRule: string;
  startDate: string;
  startTime: string;
  durationMinutes: string;
  placeKind: 'in_person' | 'online';
  placeName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  link: string;
  isRegistrationRequired: boolean;
  capacity: string;
  isPublished: boolean;
};

export function emptyEventDraft(today: string): EventDraft {
  return {
    serviceId: '',
    title: '',
    description: '',
    ruleMode: 'weekly',
    weekdays: [],
    intervalWeeks: '1',
    advancedRule: '',
    startDate: today,
    startTime: '11:00',
    durationMinutes: '120',
    placeKind: 'in_person',
    placeName: '',
    addressLine: '',
    postalCode: '',
    city: '',
    link: '',
    isRegistrationRequired: false,
    capacity: '',
    isPublished: true,
  };
}

export function draftOfEvent(event: OpenEvent): EventDraft {
  const weekly = readWeeklyRule(event.recurrence.rule);
  const place = event.place;
  return {
    serviceId: event.serviceId,
    title: event.title,
    description: event.description,
    ruleMode: weekly ? 'weekly' : 'advanced',
    weekdays: weekly?.weekdays ?? [],
    intervalWeeks: String(weekly?.intervalWeeks ?? 1),
    advancedRule: weekly ? '' : event.recurrence.rule,
    startDate: event.recurrence.startDate,
    startTime: event.recurrence.startTime,
    durationMinutes: String(event.recurrence.durationMinutes),
    placeKind: place.kind,
    placeName: place.kind === 'in_person' ? place.name : '',
    addressLine: place.kind === 'in_person' ? place.addressLine : '',
    postalCode: place.kind === 'in_person' ? place.postalCode : '',
    city: place.kind === 'in_person' ? place.city : '',
    link: place.kind === 'online' ? place.link : '',
    isRegistrationRequired: event.isRegistrationRequired,
    capacity: event.capacity === null ? '' : String(event.capacity),
    isPublished: event.isPublished,
  };
}

const isWholeNumber = (value: string) => /^\d{1,4}$/.test(value.trim());

/** The form's own checks, in words; the server checks the rule again and answers with codes (errors.<code>). */
export function eventFormSchema(t: TFunction, isNew: boolean) {
  return checkedBy<EventDraft>((values) => {
    const errors: Partial<FieldMessages> = {};
    const required = (key: keyof EventDraft) => {
      if (String(values[key]).trim() === '') errors[key] = t('events.errors.required');
    };
    if (isNew) required('serviceId');
    required('title');
    required('description');
    if (values.ruleMode === 'weekly') {
      if (values.weekdays.length === 0) errors.weekdays = t('events.errors.weekdays');
      if (!isWholeNumber(values.intervalWeeks) || Number(values.intervalWeeks) < 1) errors.intervalWeeks = t('events.errors.number');
    } else required('advancedRule');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startDate)) errors.startDate = t('events.errors.date');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.startTime)) errors.startTime = t('events.errors.time');
    if (!isWholeNumber(values.durationMinutes)) errors.durationMinutes = t('events.errors.number');
    if (values.placeKind === 'in_person') {
      required('placeName');
      required('addressLine');
      required('city');
      if (!/^\d{4}$/.test(values.postalCode.trim())) errors.postalCode = t('events.errors.postcode');
    } else if (!/^https:\/\/\S+$/.test(values.link.trim())) errors.link = t('events.errors.link');
    if (values.capacity.trim() !== '' && !isWholeNumber(values.capacity)) errors.capacity = t('events.errors.number');
    return errors;
  });
}

export function toEventRequest(values: EventDraft): UpdateOpenEventRequest {
  const rule = values.ruleMode === 'weekly' ? weeklyRule({ weekdays: values.weekdays, intervalWeeks: Number(values.intervalWeeks) }) : values.advancedRule.trim();
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    recurrence: { rule, startDate: values.startDate, startTime: values.startTime, durationMinutes: Number(values.durationMinutes) },
    place:
      values.placeKind === 'online'
        ? { kind: 'online', link: values.link.trim() }
        : { kind: 'in_person', name: values.placeName.trim(), addressLine: values.addressLine.trim(), postalCode: values.postalCode.trim(), city: values.city.trim() },
    isRegistrationRequired: values.isRegistrationRequired,
    capacity: values.capacity.trim() === '' ? null : Number(values.capacity),
    isPublished: values.isPublished,
  };
}

/** Where the server's paths land in the form. */
export function eventFieldAliases(ruleMode: EventDraft['ruleMode']): Record<string, string> {
  return {
    'recurrence.rule': ruleMode === 'weekly' ? 'weekdays' : 'advancedRule',
    'recurrence.startDate': 'startDate',
    'recurrence.startTime': 'startTime',
    'recurrence.durationMinutes': 'durationMinutes',
    'place.link': 'link',
    'place.name': 'placeName',
    'place.addressLine': 'addressLine',
    'place.postalCode': 'postalCode',
    'place.city': 'city',
  };
}
