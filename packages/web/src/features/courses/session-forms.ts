import type { Attendance, PlanSessionRequest, SessionMode } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { fromDateTimeLocal, parseWholeNumber } from './course-ui';

export type PlanValues = { plannedAt: string; durationMinutes: string; mode: SessionMode | undefined; location: string };

/** An hour by default; the mode is chosen for the counsellor when the course allows only one. */
export const initialPlan = (modes: readonly SessionMode[]): PlanValues => ({ plannedAt: '', durationMinutes: '60', mode: modes.length === 1 ? modes[0] : undefined, location: '' });

export function validatePlan(values: PlanValues, t: TFunction): FieldMessages {
  const minutes = parseWholeNumber(values.durationMinutes);
  return {
    ...(fromDateTimeLocal(values.plannedAt) ? {} : { plannedAt: t('courses.sessions.whenRequired') }),
    ...(minutes === undefined || minutes < 15 || minutes > 480 ? { durationMinutes: t('courses.sessions.durationRange') } : {}),
    ...(values.mode ? {} : { mode: t('courses.sessions.modeRequired') }),
  };
}

export function toPlanRequest(values: PlanValues): PlanSessionRequest {
  return {
    plannedAt: fromDateTimeLocal(values.plannedAt) as string,
    durationMinutes: parseWholeNumber(values.durationMinutes) as number,
    mode: values.mode as SessionMode,
    location: values.location.trim() || undefined,
  };
}

export type RecordableAttendance = Exclude<Attendance, 'planned'>;
const recordable: readonly RecordableAttendance[] = ['attended', 'cancelled_by_person', 'cancelled_by_service', 'no_show'];

/** Attended and no-show only once the session's time has come; a cancellation can be recorded before. */
export function attendanceChoices(plannedAt: string, now: Date): readonly RecordableAttendance[] {
  const hasBegun = new Date(plannedAt).getTime() <= now.getTime();
  return recordable.filter((value) => hasBegun || (value !== 'attended' && value !== 'no_show'));
}
