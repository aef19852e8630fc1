import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { expectStatus, startCourseTests, type CourseFixture } from '../course.builders.ts';

/** GET /api/courses/services: where the caller may open a course (the web app's new-course page). */
describe('the services I may open courses at', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const servicesOf = async (member: CourseFixture['people']['lokkCounsellor']) => expectStatus(await member.client.get('/api/courses/services'), 200).json() as { id: string; name: string; serviceLine: string | null }[];

  it('lists only the services the caller is assigned to, with their line', async () => {
    expect(await servicesOf(fx.people.lokkCounsellor)).toEqual([{ id: fx.services.lokk.id, name: fx.services.lokk.name, serviceLine: 'victim' }]);
    expect((await servicesOf(fx.people.lokkGroupCounsellor)).map((service) => service.id)).toEqual([fx.services.lokkGroups.id]);
    expect((await servicesOf(fx.people.hotlineCoordinator)).map((service) => service.id)).toEqual([fx.services.hotline.id]);
  });

  it('never offers a service on the other side of the caller’s line, even in the same organisation', async () => {
    expect((await servicesOf(fx.people.dmvCounsellor)).map((service) => service.id)).toEqual([fx.services.dmv.id]);
    expect((await servicesOf(fx.people.dmvVictimCounsellor)).map((service) => service.id)).toEqual([fx.services.dmvVictims.id]);
  });

  it('is empty without an assignment (deny by default), and closed to roles that cannot open courses', async () => {
    expect(await servicesOf(fx.people.lokkUnassignedCounsellor)).toEqual([]);
    expectStatus(await fx.people.lokkSupervisor.client.get('/api/courses/services'), 403);
    expectStatus(await fx.people.lokkAdmin.client.get('/api/courses/services'), 403);
    expectStatus(await t.as(undefined).get('/api/courses/services'), 401);
  });
});
