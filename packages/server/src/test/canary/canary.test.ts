import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { courseJobs, courseMessageChecks } from '../../modules/courses/index.ts';
import type { Member } from '../../modules/referrals/testing.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { canaries, findCanaries, plantCanaries, withdrawnCanary, type Planted } from './canary-plant.ts';

/**
 * The canary test (issue 12 §6): victim-side secrets are planted (canary-plant.ts), then every GET of the route
 * catalogue — API and public pages, with the case's real ids filled in — is read as every other person on the
 * platform and without a session: the referring police (who see the closed loop, never notes), the perpetrator
 * side of the same call-out, the same organisation's other services and admin, other organisations, the platform
 * operator (outbox, statistics). Then the outbox's texts, the audit trail and every log line the app wrote. Not one
 * canary may appear. The staff who work the case must see them, or the test could not fail.
 */
type Reader = { name: string; member: Member | undefined };
/** Straight to the output: the test replaces the console to capture what the app prints. */
const report = (line: string) => void process.stdout.write(`${line}\n`);
type Leak = { reader: string; url: string; found: string[] };

/**
 * The receiving organisation's intake is shared by its staff on the service line (referral-access.ts: organisation
 * and line, not service): LOKK's other victim-line counsellors may read the intake notes of a referral in the inbox.
 * Never the course's notes, plan, contact details or protected person, which only the course's service reaches.
 */
const intakeColleagues = new Set(['lokkGroupCounsellor', 'lokkUnassignedCounsellor']);
const intakeNotes: readonly string[] = [canaries.acceptNote, canaries.contactNote];

/** Streams never end by themselves and carry ids only; the staff app's shell is static files. */
const unreadable = [/^\/api\/inbox\/events$/, /^\/medarbejder/, /\*/];

describe('canaries: victim-side secrets reach no one else', () => {
  const logged: string[] = [];
  let t: TestApp;
  let planted: Planted;
  let urls: string[];
  const seenByCaseStaff = new Set<string>();
  const leaks: Leak[] = [];
  const statuses = new Map<string, number>();
  let readerCount = 0;
  let elapsedMs = 0;
  let seededMs = 0;

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
    }
    const started = Date.now();
    t = await createTestApp({ isRateLimitEnabled: false, config: { logLevel: 'trace', logStream: { write: (line) => void logged.push(line) } } });
    planted = await plantCanaries(t);
    seededMs = Date.now() - started;
    urls = listReadableUrls(t, planted);
    const { lokkCounsellor, lokkCoordinator, lokkSupervisor, ...others } = planted.fx.people;
    for (const member of [lokkCounsellor, lokkCoordinator, lokkSupervisor]) {
      for (const url of urls) {
        const body = (await read(t, member, url)).body;
        for (const canary of findCanaries(body)) seenByCaseStaff.add(canary);
        if (findCanaries(body, [withdrawnCanary]).length > 0) leaks.push({ reader: 'case staff after consent withdrawal', url, found: [withdrawnCanary] });
      }
    }
    const readers: Reader[] = [{ name: 'anonymous', member: undefined }, ...Object.entries(others).map(([name, member]) => ({ name, member }))];
    readerCount = readers.length + 3;
    await readAll(t, readers, urls, { leaks, statuses });
    elapsedMs = Date.now() - started;
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it('the staff who work the case see every canary: the test can fail', () => {
    report(`canary test: planted in ${(seededMs / 1000).toFixed(1)} s; ${urls.length} addresses read by ${readerCount} readers, ${(elapsedMs / 1000).toFixed(1)} s in all`);
    expect(urls.length).toBeGreaterThan(60);
    expect([...seenByCaseStaff].sort()).toEqual(Object.values(canaries).sort());
  });

  it('no other role, organisation, side or the public reads a canary in any API answer or page', () => {
    // The reads were real: the police follow their referral, the perpetrator side works its linked course, the
    // operator reads the outbox, LOKK's admin its statistics, the public the start page.
    const { victim, perpetrator } = planted;
    expect(statuses.get(`policeReferrer /api/referrals/${victim.referralId}`)).toBe(200);
    expect(statuses.get(`dmvCounsellor /api/courses/${perpetrator.courseId}`)).toBe(200);
    expect(statuses.get(`dmvCoordinator /api/inbox/${perpetrator.referralId}`)).toBe(200);
    expect(statuses.get('platformAdmin /api/platform/messages/dead')).toBe(200);
    expect(statuses.get('lokkAdmin /api/statistics/heard-about')).toBe(200);
    expect(statuses.get('anonymous /')).toBe(200);
    // The peer supporter reads her own pairing with the course's person: a first name and preferences, nothing more.
    expect(statuses.get('lokkPeerSupporter /api/peer-support/my-pairings')).toBe(200);
    expect(leaks).toEqual([]);
  });

  it('no canary is in an outgoing message, even after the session reminder goes out', async () => {
    const sendSessionReminders = courseJobs.find((job) => job.name === 'send-session-reminders')?.handler;
    expect(await sendSessionReminders?.({ ...t.jobContext(), sendTimeChecks: courseMessageChecks } as Parameters<NonNullable<typeof sendSessionReminders>>[0])).toBe('done');
    const messages = await t.db.selectFrom('outbox_messages').select(['template', 'recipient_enc', 'subject_enc', 'body_enc']).execute();
    expect(messages.some((message) => message.template.includes('reminder'))).toBe(true);
    for (const message of messages) {
      const text = [message.subject_enc, message.body_enc].map((field) => (field ? t.cipher.decrypt(field) : '')).join('\n');
      expect(findCanaries(text), message.template).toEqual([]);
      // The reminder goes to the person's own safe number: that is where it belongs, and nowhere else.
      const recipient = message.recipient_enc ? t.cipher.decrypt(message.recipient_enc) : '';
      expect(findCanaries(recipient).filter((canary) => canary !== canaries.safePhone && canary !== canaries.safeEmail)).toEqual([]);
    }
  });

  it('after consent is withdrawn the receiver sees the referral but not the person', () => {
    expect(statuses.get(`lokkGroupCounsellor /api/inbox/${planted.withdrawnReferralId}`)).toBe(200);
    expect(leaks.filter((leak) => leak.found.includes(withdrawnCanary))).toEqual([]);
  });

  it('no canary is in the audit trail, the access log or any log line', async () => {
    const audit = await t.db.selectFrom('audit_log').selectAll().execute();
    const access = await t.db.selectFrom('access_log').selectAll().execute();
    const every = [...Object.values(canaries), withdrawnCanary];
    expect(findCanaries(JSON.stringify(audit), every)).toEqual([]);
    expect(findCanaries(JSON.stringify(access), every)).toEqual([]);
    expect(logged.length).toBeGreaterThan(100);
    expect(logged.filter((line) => findCanaries(line, every).length > 0)).toEqual([]);
  });
});

/** Every GET of the route catalogue, its path parameters filled with the victim's, the protected person's and the perpetrator side's ids. */
function listReadableUrls(t: TestApp, planted: Planted): string[] {
  const { fx, victim, perpetrator } = planted;
  const shared = {
    version: '1',
    phase: 'first',
    userId: fx.people.lokkCounsellor.user.id,
    serviceId: fx.services.lokk.id,
    organisationId: fx.organisations.lokk.id,
    organisationSlug: fx.organisations.lokk.slug,
    programmeId: fx.programme.id,
    id: fx.organisations.lokk.id,
  };
  const idSets: Record<string, string>[] = [
    { ...shared, ...victim },
    { ...shared, ...victim, courseId: planted.protectedCourseId },
    { ...shared, ...victim, referralId: planted.withdrawnReferralId },
    { ...shared, ...perpetrator, userId: fx.people.dmvCounsellor.user.id, serviceId: fx.services.dmv.id, organisationId: fx.organisations.dmv.id },
  ];
  const routes = t.app.routeCatalogue.filter((route) => route.method === 'GET' && !unreadable.some((pattern) => pattern.test(route.url)));
  const urls = routes.flatMap((route) => idSets.map((ids) => route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(ids[name] ?? 'ukendt'))));
  return [...new Set(urls)];
}

function read(t: TestApp, member: Member | undefined, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { ...(member?.session.headers ?? {}), 'accept-language': 'da' } });
}

async function readAll(t: TestApp, readers: readonly Reader[], urls: readonly string[], into: { leaks: Leak[]; statuses: Map<string, number> }): Promise<void> {
  const jobs = readers.flatMap((reader) => urls.map((url) => ({ reader, url })));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { reader, url } = jobs[next++] as (typeof jobs)[number];
      const response = await read(t, reader.member, url);
      // The referring police wrote the withdrawn person's details themselves: theirs to keep seeing.
      const among = reader.name.startsWith('police') ? Object.values(canaries) : [...Object.values(canaries), withdrawnCanary];
      const found = findCanaries(`${JSON.stringify(response.headers)}\n${response.body}`, among).filter(
        (canary) => !(intakeColleagues.has(reader.name) && url.startsWith('/api/inbox/') && intakeNotes.includes(canary)),
      );
      into.statuses.set(`${reader.name} ${url}`, response.statusCode);
      if (found.length > 0) into.leaks.push({ reader: reader.name, url, found });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
