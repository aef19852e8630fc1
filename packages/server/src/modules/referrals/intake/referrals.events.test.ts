import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessLiveUpdates, type LiveUpdates } from '../../../platform/live-updates.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { isSessionStillLive } from './intake.service.ts';
import { createReferralFixture, givenReferral, postReferral, referralRequest, type Member, type ReferralFixture } from '../referral.builders.ts';

/** A live inbox over a real socket: server-sent events, as the browser's EventSource receives them. */
describe('GET /api/inbox/events', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let baseUrl: string;
  const streams: AbortController[] = [];
  // Counts live subscriptions, to see that a stream unsubscribes when its client leaves.
  let activeSubscriptions = 0;
  const inProcess = createInProcessLiveUpdates();
  const countingLiveUpdates: LiveUpdates = {
    ...inProcess,
    subscribe: (serviceIds, listener) => {
      activeSubscriptions += 1;
      const unsubscribe = inProcess.subscribe(serviceIds, listener);
      return () => {
        activeSubscriptions -= 1;
        unsubscribe();
      };
    },
  };
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false, liveUpdates: countingLiveUpdates });
    fx = await createReferralFixture(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    // One stream is deliberately left open: closing the app must end it rather than hang.
    await t.close();
    for (const controller of streams) controller.abort();
  });

  /** Opens the stream and returns a reader that waits for text to arrive. */
  async function connect(member: Member) {
    const controller = new AbortController();
    streams.push(controller);
    const response = await fetch(`${baseUrl}/api/inbox/events`, { headers: { cookie: member.session.headers.cookie }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const waitFor = async (predicate: (text: string) => boolean, timeoutMs = 3_000): Promise<string> => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`timed out; received so far: ${JSON.stringify(received)}`);
        const chunk = await Promise.race([reader.read(), new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), remaining))]);
        if (chunk === 'timeout') continue;
        if (chunk.done) throw new Error(`stream ended; received: ${JSON.stringify(received)}`);
        received += decoder.decode(chunk.value, { stream: true });
      }
      return received;
    };
    return { response, waitFor, text: () => received, close: () => controller.abort() };
  }

  const eventsIn = (text: string) => [...text.matchAll(/event: referral_changed\ndata: (\{.*\})\n\n/g)].map((match) => JSON.parse(match[1] ?? '{}') as { referralId: string });

  it('streams with the security headers, announces itself, then sends the ids of changed referrals only', async () => {
    const stream = await connect(fx.people.lokkCoordinator);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.response.headers.get('cache-control')).toBe('no-store');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(stream.response.headers.get('strict-transport-security')).toContain('max-age=31536000');
    await stream.waitFor((text) => text.startsWith(': connected\n\n'));

    const referral = await givenReferral(t, fx);
    const text = await stream.waitFor((received) => eventsIn(received).length >= 1);
    expect(eventsIn(text)).toEqual([{ referralId: referral.id }]);
    expect(text).not.toContain(referral.request.person.fullName);

    // Opening it (received) is a change too.
    await fx.people.lokkCounsellor.client.get(`/api/inbox/${referral.id}`);
    expect(eventsIn(await stream.waitFor((received) => eventsIn(received).length >= 2))).toEqual([{ referralId: referral.id }, { referralId: referral.id }]);
    stream.close();
  });

  it('tells nobody about referrals they cannot see: other organisations, other service lines', async () => {
    // Dialog mod Vold's partner counselling: a victim-line service of the same organisation. Made before the streams
    // connect, as a stream follows the services its organisation has when it connects.
    const partnerService = await t.given.service({ organisationId: fx.organisations.dmv.id, name: 'Dialog mod Vold partnerrådgivning', serviceLine: 'victim' });
    await t.db.insertInto('programme_services').values({ programme_id: fx.programme.id, service_id: partnerService.id, routing_priority: 30 }).execute();
    const lokk = await connect(fx.people.lokkCoordinator);
    const dmvPerpetratorLine = await connect(fx.people.dmvCoordinator);
    const dmvVictimLine = await connect(fx.people.dmvVictimCounsellor);
    await Promise.all([lokk, dmvPerpetratorLine, dmvVictimLine].map((stream) => stream.waitFor((text) => text.includes(': connected'))));

    const perpetrator = await givenReferral(t, fx, { to: 'dmv' });
    // A referral about a person exposed to violence, sent to the partner counselling: the victim line's business.
    const exposedAtDmvRequest = { ...referralRequest(t, fx, { role: 'exposed', consentTo: fx.organisations.dmv.id }), serviceId: partnerService.id };
    const exposedAtDmv = (await postReferral(fx.people.policeReferrer, exposedAtDmvRequest)).json() as { id: string };
    const victim = await givenReferral(t, fx, { to: 'lokk' });

    expect(eventsIn(await dmvPerpetratorLine.waitFor((text) => eventsIn(text).length >= 1))).toEqual([{ referralId: perpetrator.id }]);
    expect(eventsIn(await dmvVictimLine.waitFor((text) => eventsIn(text).length >= 1))).toEqual([{ referralId: exposedAtDmv.id }]);
    expect(eventsIn(await lokk.waitFor((text) => eventsIn(text).length >= 1))).toEqual([{ referralId: victim.id }]);
    for (const stream of [lokk, dmvPerpetratorLine, dmvVictimLine]) stream.close();
  });

  it('unsubscribes when the client disconnects', async () => {
    const settle = async (count: number) => {
      const deadline = Date.now() + 3_000;
      while (activeSubscriptions !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return activeSubscriptions;
    };
    // The streams of the tests before have all been closed by their clients.
    expect(await settle(0)).toBe(0);
    const stream = await connect(fx.people.lokkCounsellor);
    await stream.waitFor((text) => text.includes(': connected'));
    expect(activeSubscriptions).toBe(1);
    stream.close();
    expect(await settle(0)).toBe(0);
  });

  it('refuses the stream without a session (401) and to a referrer (403)', async () => {
    expect((await fetch(`${baseUrl}/api/inbox/events`)).status).toBe(401);
    const referrer = await fetch(`${baseUrl}/api/inbox/events`, { headers: { cookie: fx.people.policeReferrer.session.headers.cookie } });
    expect(referrer.status).toBe(403);
    expect(referrer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps a stream open until the app closes', async () => {
    const stream = await connect(fx.people.hotlineCoordinator);
    await stream.waitFor((text) => text.includes(': connected'));
  });
});

describe('the stream’s session check', () => {
  it('ends the stream with the session: after 15 idle minutes, and on logout', async () => {
    const t = await createTestApp({ isRateLimitEnabled: false });
    try {
      const signedIn = await t.given.signedIn('intake_coordinator');
      const actor = { sessionId: signedIn.session.sessionId } as Parameters<typeof isSessionStillLive>[0]['actor'];
      const check = () => isSessionStillLive({ db: t.db, clock: t.clock, actor });
      expect(await check()).toBe(true);
      t.clock.advance(16 * 60_000);
      expect(await check()).toBe(false);

      const other = await t.given.signedIn('intake_coordinator');
      const otherActor = { sessionId: other.session.sessionId } as typeof actor;
      expect(await isSessionStillLive({ db: t.db, clock: t.clock, actor: otherActor })).toBe(true);
      await t.db.updateTable('sessions').set({ ended_at: t.clock.now() }).where('id', '=', other.session.sessionId).execute();
      expect(await isSessionStillLive({ db: t.db, clock: t.clock, actor: otherActor })).toBe(false);
    } finally {
      await t.close();
    }
  });
});
