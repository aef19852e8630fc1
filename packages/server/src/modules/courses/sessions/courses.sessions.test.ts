import type { Course, SessionList, SessionView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { expectStatus, givenWalkInCourse, startCourseTests, type CourseFixture } from '../course.builders.ts';

const hoursFrom = (base: Date, hours: number) => new Date(base.getTime() + hours * 3_600_000).toISOString();

describe('sessions', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const client = () => fx.people.lokkCounsellor.client;
  const plan = async (courseId: string, hours: number, extra: Record<string, unknown> = {}) =>
    expectStatus(await client().post(`/api/courses/${courseId}/sessions`, { plannedAt: hoursFrom(t.clock.now(), hours), mode: 'in_person', location: 'Rådgivningen, mødelokale 2', ...extra }), 201).json() as SessionView;

  it('plans a session with its place, stored encrypted', async () => {
    const course = await givenWalkInCourse(fx);
    const session = await plan(course.id, 24, { durationMinutes: 90, mode: 'video', location: 'https://video.example.test/rum-42' });
    expect(session).toMatchObject({ mode: 'video', durationMinutes: 90, location: 'https://video.example.test/rum-42', attendance: 'planned', note: null, reminder: { sentAt: null } });
    const row = await t.db.selectFrom('course_sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('rum-42');
    expect(((await client().get(`/api/courses/${course.id}`)).json() as Course).nextSessionAt).toBe(session.plannedAt);
  });

  it('refuses a mode the course does not offer', async () => {
    expectStatus(await fx.people.lokkAdmin.client.put(`/api/course-config/services/${fx.services.lokkGroups.id}/template`, { plannedSessions: 8, sessionModes: ['in_person'], focus: ['counselling'] }), 200);
    const course = await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id });
    const response = await fx.people.lokkGroupCounsellor.client.post(`/api/courses/${course.id}/sessions`, { plannedAt: hoursFrom(t.clock.now(), 24), mode: 'video' });
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.mode', message: 'mode_not_offered_by_the_course' }] });
  });

  it('records attendance and counts sessions used (attended) and remaining', async () => {
    const course = await givenWalkInCourse(fx);
    const held = [await plan(course.id, -72), await plan(course.id, -48), await plan(course.id, -24)];
    const future = await plan(course.id, 48);
    const record = (id: string, attendance: string) => client().post(`/api/courses/${course.id}/sessions/${id}/attendance`, { attendance });
    expectStatus(await record(held[0]!.id, 'attended'), 200);
    expectStatus(await record(held[1]!.id, 'no_show'), 200);
    expectStatus(await record(held[2]!.id, 'attended'), 200);
    const list = (await client().get(`/api/courses/${course.id}/sessions`)).json() as SessionList;
    expect(list.counts).toEqual({ planned: 5, used: 2, remaining: 3, scheduled: 1, cancelled: 0, noShows: 1 });
    expect(list.sessions.map((session) => session.attendance)).toEqual(['attended', 'no_show', 'attended', 'planned']);
    // A session in the future can be cancelled, not attended.
    expect((await record(future.id, 'attended')).json()).toMatchObject({ errors: [{ path: 'body.attendance', message: 'session_not_yet_held' }] });
    expectStatus(await record(future.id, 'cancelled_by_service'), 200);
    const reread = (await client().get(`/api/courses/${course.id}`)).json() as Course;
    // Sessions recorded after the fact, before the course was opened here: the opening is the last contact.
    expect(reread).toMatchObject({ sessionsUsed: 2, sessions: { used: 2, remaining: 3, cancelled: 1 }, lastContactAt: course.openedAt });
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.record_attendance').orderBy('id').execute();
    expect(audit.map((entry) => entry.details)).toContainEqual(expect.objectContaining({ sessionId: future.id, from: 'planned', to: 'cancelled_by_service' }));
  });

  it('keeps notes encrypted, shows them to the course\u2019s staff and logs the reads', async () => {
    const course = await givenWalkInCourse(fx);
    const session = await plan(course.id, -2);
    const noted = expectStatus(await client().put(`/api/courses/${course.id}/sessions/${session.id}/note`, { note: 'Fortalte om kontrol af økonomien. Kanarie-7731.' }), 200).json() as SessionView;
    expect(noted.note).toBe('Fortalte om kontrol af økonomien. Kanarie-7731.');
    const row = await t.db.selectFrom('course_sessions').select('note_enc').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(row.note_enc).not.toContain('Kanarie');
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'course.write_session_note').where('object_id', '=', course.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain('Kanarie');
    const supervisorView = (await fx.people.lokkSupervisor.client.get(`/api/courses/${course.id}/sessions`)).json() as SessionList;
    expect(supervisorView.sessions[0]?.note).toContain('Kanarie-7731');
    const reads = await t.db.selectFrom('access_log').select(['purpose', 'user_id']).where('object_id', '=', session.id).execute();
    expect(reads).toContainEqual({ purpose: 'course_supervision', user_id: fx.people.lokkSupervisor.user.id });
  });

  it('moves a planned session and re-arms its reminder; a held session cannot move', async () => {
    const course = await givenWalkInCourse(fx);
    const session = await plan(course.id, 30);
    await t.db.updateTable('course_sessions').set({ reminder_sent_at: t.clock.now(), reminder_channel: 'sms' }).where('id', '=', session.id).execute();
    const moved = expectStatus(await client().patch(`/api/courses/${course.id}/sessions/${session.id}`, { plannedAt: hoursFrom(t.clock.now(), 54), mode: 'phone', location: null }), 200).json() as SessionView;
    expect(moved).toMatchObject({ mode: 'phone', location: null, reminder: { sentAt: null, channel: null } });
    const past = await plan(course.id, -5);
    expectStatus(await client().post(`/api/courses/${course.id}/sessions/${past.id}/attendance`, { attendance: 'attended' }), 200);
    const refused = await client().patch(`/api/courses/${course.id}/sessions/${past.id}`, { mode: 'phone' });
    expect(refused.statusCode).toBe(409);
  });

  it('answers 404 for a session of another course', async () => {
    const [one, other] = [await givenWalkInCourse(fx), await givenWalkInCourse(fx)];
    const session = await plan(one.id, 10);
    expect((await client().put(`/api/courses/${other.id}/sessions/${session.id}/note`, { note: 'x' })).statusCode).toBe(404);
  });

  it('answers 409 course_closed for every session change on a closed course', async () => {
    const course = await givenWalkInCourse(fx);
    const session = await plan(course.id, -3);
    expectStatus(await client().post(`/api/courses/${course.id}/close`, { reason: 'dropped_out' }), 200);
    for (const response of [
      await client().post(`/api/courses/${course.id}/sessions`, { plannedAt: hoursFrom(t.clock.now(), 5), mode: 'phone' }),
      await client().patch(`/api/courses/${course.id}/sessions/${session.id}`, { mode: 'phone' }),
      await client().post(`/api/courses/${course.id}/sessions/${session.id}/attendance`, { attendance: 'attended' }),
      await client().put(`/api/courses/${course.id}/sessions/${session.id}/note`, { note: 'For sent' }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'transition_not_allowed', errors: [{ path: 'course.status', message: 'course_closed' }] });
    }
    // Still readable: a closed course is history.
    expect((await client().get(`/api/courses/${course.id}/sessions`)).statusCode).toBe(200);
  });
});
