import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BroApp } from '../../../app.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { createPostgresLiveUpdates } from '../../../platform/live-updates.postgres.ts';
import { SESSION_COOKIE } from '../../../platform/auth/session.ts';
import { TEST_PASSWORD, type GivenSession } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

/**
 * Issue 12 §4: deactivating a user, resetting their second factor or signing out closes their open live inbox at
 * once on every app node — here two nodes on one database, the stream on B, the change on A — not at the stream's
 * next heartbeat (25 s).
 */
describe('live inbox streams end with their sessions, on every node', () => {
  let t: TestApp;
  let nodeA: BroApp;
  let nodeB: BroApp;
  const liveUpdates: LiveUpdates[] = [];
  let baseUrlB: string;
  let organisationId: string;
  let admin: GivenSession;
  const controllers: AbortController[] = [];

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const node = async () => {
      const updates = await createPostgresLiveUpdates(t.connectionString);
      liveUpdates.push(updates);
      const app = await buildApp({ db: t.db, clock: t.clock, cipher: t.cipher, liveUpdates: updates, config: { publicOrigin: 'http://localhost:3000', allowInsecureOidc: true, logLevel: 'silent', webDistDir: '/nonexistent', isRateLimitEnabled: false } });
      await app.ready();
      return app;
    };
    [nodeA, nodeB] = [await node(), await node()];
    await nodeB.listen({ port: 0, host: '127.0.0.1' });
    baseUrlB = `http://127.0.0.1:${(nodeB.server.address() as AddressInfo).port}`;
    const signedInAdmin = await t.given.signedIn('organisation_admin', { kind: 'counselling_service' });
    organisationId = signedInAdmin.organisationId;
    admin = signedInAdmin.session;
  });

  afterAll(async () => {
    for (const controller of controllers) controller.abort();
    await nodeA.close();
    await nodeB.close();
    for (const updates of liveUpdates) await updates.close();
    await t.close();
  });

  /** Opens the stream on node B; `closed` resolves when the server ends it, with the milliseconds that took. */
  async function openStreamOnB(session: GivenSession) {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(`${baseUrlB}/api/inbox/events`, { headers: { cookie: session.headers.cookie }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes(': connected')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('stream ended before it connected');
      received += decoder.decode(chunk.value, { stream: true });
    }
    return {
      closed: async (timeoutMs = 5_000) => {
        const startedAt = Date.now();
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
        for (;;) {
          const chunk = await Promise.race([reader.read(), timeout]);
          if (chunk === 'timeout') throw new Error(`stream still open after ${timeoutMs} ms`);
          if (chunk.done) return Date.now() - startedAt;
        }
      },
    };
  }

  const onA = (session: GivenSession, url: string) => nodeA.inject({ method: 'POST', url, headers: session.headers });

  it('closes the stream of a user deactivated on another node', async () => {
    const coordinator = await t.given.signedIn('intake_coordinator', { organisationId });
    const stream = await openStreamOnB(coordinator.session);
    expect((await onA(admin, `/api/admin/users/${coordinator.user.id}/deactivate`)).statusCode).toBe(200);
    expect(await stream.closed()).toBeLessThan(5_000);
  });

  it('closes the stream when the user’s second factor is reset (their sessions revoked)', async () => {
    const coordinator = await t.given.signedIn('intake_coordinator', { organisationId });
    const stream = await openStreamOnB(coordinator.session);
    expect((await onA(admin, `/api/admin/users/${coordinator.user.id}/reset-totp`)).statusCode).toBe(200);
    await stream.closed();
  });

  it('closes the stream when wrong codes lock the account (its sessions end)', async () => {
    const coordinator = await t.given.signedIn('intake_coordinator', { organisationId });
    const stream = await openStreamOnB(coordinator.session);
    const password = await nodeA.inject({ method: 'POST', url: '/api/auth/login', payload: { email: coordinator.user.email, password: TEST_PASSWORD } });
    expect(password.statusCode).toBe(200);
    const cookie = password.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
    const headers = { cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`, 'x-csrf-token': password.json().csrfToken as string };
    for (let attempt = 0; attempt < 5; attempt += 1) await nodeA.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { code: '000000' } });
    expect((await t.db.selectFrom('users').select('locked_at').where('id', '=', coordinator.user.id).executeTakeFirstOrThrow()).locked_at).not.toBeNull();
    await stream.closed();
  });

  it('closes the stream of a session signed out on another node, and leaves the user’s other sessions streaming', async () => {
    const coordinator = await t.given.signedIn('intake_coordinator', { organisationId });
    const otherSession = await t.given.session(coordinator.user);
    const signedOut = await openStreamOnB(coordinator.session);
    const stillOpen = await openStreamOnB(otherSession);
    expect((await onA(coordinator.session, '/api/auth/logout')).statusCode).toBe(204);
    await signedOut.closed();
    await expect(stillOpen.closed(1_000)).rejects.toThrow(/still open/);
  });
});
