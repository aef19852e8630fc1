import { hash } from '@node-rs/argon2';
import { danishDateOf, OpenCourseRequest, Role, type OrganisationKind, type ServiceLine } from '@bro/domain';
import type { Db } from '../db/tables.ts';
import { openCourse } from '../modules/courses/index.ts';
import { addPeerSupporter, matchWithPeerSupporter } from '../modules/peer-support/index.ts';
import type { Actor } from '../platform/auth/authorization.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../platform/live-updates.ts';
import { DEMO_PASSWORD, peerSupportDemoAccounts } from './demo-accounts.ts';
import { insertDemoAccount } from './demo-rows.ts';

/**
 * The peer-support demo (issue 14 §4): Vores Vej Ud's peer supporter, in the service's register, matched — with
 * the person's recorded consent — with one walk-in course opened by the Vores Vej Ud counsellor. Everything after
 * the account goes through the same use cases a counsellor's clicks do. Loaded after the base and course demo.
 */

const COUNSELLOR_EMAIL = 'voresvejud@demo.bro.dk';
const SERVICE_SLUG = 'vores-vej-ud';

export async function loadPeerSupportDemoData({ db, cipher, clock }: { db: Db; cipher: FieldCipher; clock: Clock }): Promise<{ isLoaded: boolean }> {
  const [account] = peerSupportDemoAccounts;
  if (!account) return { isLoaded: false };
  if (await db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst()) return { isLoaded: false };
  const service = await db.selectFrom('services').select(['id', 'organisation_id']).where('slug', '=', SERVICE_SLUG).executeTakeFirst();
  // A base demo without Vores Vej Ud (an older demo set) gets no peer support.
  if (!service) return { isLoaded: false };
  const now = clock.now();
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction().execute((trx) => insertDemoAccount(trx, { account, organisationId: service.organisation_id, unitId: null, passwordHash, cipher, now }));
  const counsellor = await demoActor(db, COUNSELLOR_EMAIL, now);
  const peer = await db.selectFrom('users as u').innerJoin('memberships as m', 'm.user_id', 'u.id').select('m.id').where('u.email', '=', account.email).executeTakeFirstOrThrow();
  const deps = { db, cipher, clock };
  const opened = await openCourse({
    ...deps,
    liveUpdates: createInProcessLiveUpdates(),
    actor: counsellor,
    idempotencyKey: 'demo-peer-support-course',
    request: OpenCourseRequest.parse({
      origin: 'walk_in',
      serviceId: service.id,
      personRole: 'exposed',
      person: { label: 'Sara Demo Jensen', isAnonymous: false, gender: 'woman', birthYear: 1986, addressProtection: 'none' },
      safeContact: {
        phone: '+45 20 00 00 01',
        email: null,
        preferences: {
          channels: { sms: 'safe', email: 'unknown', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' },
          safeTimeWindows: [{ days: [1, 2, 3, 4, 5], from: '10:00', to: '14:00' }],
          messageContent: 'neutral',
        },
      },
    }),
  });
  const courseId = (JSON.parse(opened.body) as { id: string }).id;
  const supporter = await addPeerSupporter({
    ...deps,
    actor: counsellor,
    serviceId: service.id,
    request: { membershipId: peer.id, languages: ['da', 'ar'], areas: 'Vesterbro og Valby', availability: 'Hverdage efter kl. 16', maxPairings: 2 },
  });
  await matchWithPeerSupporter({ ...deps, actor: counsellor, courseId, request: { peerSupporterId: supporter.id, displayName: 'Sara', consentGiven: true, consentGivenOn: danishDateOf(now) } });
  return { isLoaded: true };
}

/** A demo account as the actor of a use case: its first membership, signed in now. */
async function demoActor(db: Db, email: string, now: Date): Promise<Actor> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.display_name', 'u.email', 'm.id as membership_id', 'm.organisation_id', 'm.role', 'm.service_line', 'm.unit_id', 'o.name', 'o.kind'])
    .where('u.email', '=', email)
    .orderBy('m.created_at')
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    displayName: row.display_name,
    email: row.email,
    sessionId: 'demo-loader',
    csrfToken: '',
    authMethod: 'password',
    membershipId: row.membership_id,
    organisationId: row.organisation_id,
    organisationName: row.name,
    organisationKind: row.kind as OrganisationKind,
    unitId: row.unit_id,
    role: Role.parse(row.role),
    serviceLine: row.service_line as ServiceLine | null,
    authenticatedAt: now,
  };
}
