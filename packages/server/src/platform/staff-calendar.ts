import type { CalendarEntry } from '@bro/domain';
import type { Db } from '../db/tables.ts';
import type { Actor } from './auth/authorization.ts';

/**
 * What a module gives the staff calendar: the entries one staff member runs within a time range (group meetings they
 * facilitate, open events their services host, community meetings they facilitate). app.ts hands the modules'
 * sources to the calendars module, so the calendar depends on none of them.
 */
export type StaffCalendarSource = (db: Db, staff: Pick<Actor, 'userId' | 'membershipId' | 'organisationId' | 'role' | 'serviceLine'>, range: { from: Date; to: Date }) => Promise<CalendarEntry[]>;
