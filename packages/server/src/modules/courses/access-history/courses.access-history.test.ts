import type { AccessHistoryExtract } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { makeAuthenticationStale } from '../../auth/testing.ts';
import { expectStatus, givenCourseFromReferral, startCourseTests, type CourseFixture } from '../course.builders.ts';

/** "Who looked at my data" (issue §9, QUALITY.md #44, R13). */
describe('access history extract', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const produce = (courseId: string, body: Record<string, unknown> = {}) => fx.people.lokkCounsellor.client.post(`/api/courses/${courseId}/access-history`, body);

  it('lists every read of the person\u2019s data — dates, organisations, purposes — with staff names hidden', async () => {
    const { course, referralId } = await givenCourseFromReferral(t, fx);
    // The police follow the referral; the supervisor reads the course.
    expectStatus(await fx.people.policeReferrer.client.get(`/api/referrals/${referralId}`), 200);
    expectStatus(await fx.people.lokkSupervisor.client.get(`/api/courses/${course.id}`), 200);

    const extract = expectStatus(await produce(course.id), 201).json() as AccessHistoryExtract;
    expect(extract).toMatchObject({ personLabel: course.clientLabel, includesStaffNames: false, isTruncated: false, producedBy: { userId: fx.people.lokkCounsellor.user.id }, producedByOrganisationName: 'LOKK' });
    const expected = await t.db.selectFrom('access_log').select(['purpose', 'organisation_id']).where('person_id', '=', course.personId).where('purpose', '<>', 'access_history_extract').execute();
    // Complete: one entry per logged read (the production itself is logged after the extract is taken).
    expect(extract.entries).toHaveLength(expected.length);
    const purposes = new Set(extract.entries.map((entry) => `${entry.organisationName}: ${entry.purpose}`));
    expect(purposes).toEqual(new Set(['Københavns Politi: referral_creation', 'Københavns Politi: referral_tracking', 'LOKK: referral_intake', 'LOKK: course_work', 'LOKK: course_supervision']));
    expect(extract.entries.every((entry) => entry.staffName === null)).toBe(true);
    // Staff names are gone from every entry and the summary (the producer, shown to themselves, is not an entry).
    expect(JSON.stringify([extract.entries, extract.summary])).not.toContain('Bruger ');
    expect(extract.summary.find((group) => group.purpose === 'course_supervision')).toMatchObject({ organisationName: 'LOKK', count: 1 });
  });

  it('shows staff names only on a justified request, and records the justification encrypted', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const unjustified = await produce(course.id, { includeStaffNames: true });
    expect(unjustified.statusCode).toBe(422);
    expect(unjustified.json()).toMatchObject({ errors: [{ path: 'body.justification' }] });
    const extract = expectStatus(await produce(course.id, { includeStaffNames: true, justification: 'Borgeren mistænker en bestemt medarbejder. Kanarie-3120.' }), 201).json() as AccessHistoryExtract;
    expect(extract.includesStaffNames).toBe(true);
    expect(extract.entries.some((entry) => entry.staffName !== null)).toBe(true);
    const record = await t.db.selectFrom('access_history_extracts').selectAll().where('id', '=', extract.id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ includes_staff_names: true, person_id: course.personId, produced_by_user_id: fx.people.lokkCounsellor.user.id });
    expect(record.justification_enc).not.toContain('Kanarie');
  });

  it('is itself audited and logged, and so appears in the next extract', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const first = expectStatus(await produce(course.id), 201).json() as AccessHistoryExtract;
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.produce_access_history').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ extractId: first.id, includesStaffNames: false, personId: course.personId });
    t.clock.advance(1_000);
    const second = expectStatus(await produce(course.id), 201).json() as AccessHistoryExtract;
    expect(second.entries[0]).toMatchObject({ organisationName: 'LOKK', purpose: 'access_history_extract', action: 'export' });
    expect(second.entries).toHaveLength(first.entries.length + 1);
  });

  it('prints as a document whose only script is its print button, with the same entries, logged as a print', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const extract = expectStatus(await produce(course.id), 201).json() as AccessHistoryExtract;
    const page = await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}/access-history/${extract.id}/print`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(page.body).toContain('Hvem har set dine oplysninger');
    expect(page.body).toContain('<td>LOKK</td>');
    expect(page.body).toContain('Modtagelse af en henvisning');
    expect(page.body).toContain(course.clientLabel);
    expect(page.body).toContain('Medarbejdernes navne er ikke vist.');
    expect(page.body.match(/<script/g)).toHaveLength(1);
    expect(page.body).toContain('<button type="button" id="print-button" class="print-button">Udskriv</button>');
    const english = await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}/access-history/${extract.id}/print?lang=en`);
    expect(english.body).toContain('Who has seen your information');
    const prints = await t.db.selectFrom('access_log').select('action').where('object_id', '=', extract.id).orderBy('id').execute();
    expect(prints.map((entry) => entry.action)).toEqual(['export', 'print', 'print']);
  });

  it('answers 404 for an extract of another course, and 403 to an organisation admin', async () => {
    const [{ course: one }, { course: other }] = [await givenCourseFromReferral(t, fx), await givenCourseFromReferral(t, fx)];
    const extract = expectStatus(await produce(one.id), 201).json() as AccessHistoryExtract;
    expect((await fx.people.lokkCounsellor.client.get(`/api/courses/${other.id}/access-history/${extract.id}/print`)).statusCode).toBe(404);
    expect((await fx.people.lokkAdmin.client.post(`/api/courses/${one.id}/access-history`, {})).statusCode).toBe(403);
  });

  it('asks for re-authentication before an export or a change of protection flags when the last sign-in is older than 5 minutes', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const stale = await t.given.session(fx.people.lokkCounsellor.user);
    await makeAuthenticationStale(t, stale);
    const extract = await t.as(stale).post(`/api/courses/${course.id}/access-history`, {});
    expect(extract.statusCode).toBe(403);
    expect(extract.json()).toMatchObject({ code: 'reauthentication_required' });
    const protection = await t.as(stale).put(`/api/courses/${course.id}/address-protection`, { addressProtection: 'shelter' });
    expect(protection.json()).toMatchObject({ code: 'reauthentication_required' });
    expect(await t.db.selectFrom('access_history_extracts').select('id').where('course_id', '=', course.id).execute()).toEqual([]);
    // Reading the course is not slowed down by it.
    expectStatus(await t.as(stale).get(`/api/courses/${course.id}`), 200);
  });
});
