import { hash } from '@node-rs/argon2';
import { copenhagenDateAndTime, instantOfCopenhagenTime, receiptCodeFromBytes } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';
import { communityMeetingDemoAccounts, DEMO_PASSWORD } from './demo-accounts.ts';
import { insertDemoAccount } from './demo-rows.ts';

/**
 * Community meetings of Omsorg i Fællesskabet (seed 000, DOMAIN.md §4.6): LGBT+ Danmark holds them in the larger
 * cities where it already has communities — Aarhus, Aalborg and København. Three upcoming meetings (Aarhus's address
 * for signed-up participants only), one held last month in København with its report and anonymous evaluations, and
 * one held yesterday in Aarhus whose facilitator has still to write the report and hand out the evaluation code.
 * No sign-ups: every person in the demo signs up themselves, on the public site.
 */

const DAY_MS = 24 * 3_600_000;

type DemoMeeting = {
  theme: string;
  city: string;
  inDays: number;
  start: string;
  end: string;
  placeName: string;
  address: string;
  isAddressPublic: boolean;
  capacity: number;
  description: string;
  /** Facilitated by the demo facilitator (else by the project lead). */
  isRunByFacilitator: boolean;
  /** Held, with the facilitator's report and evaluations (a past meeting without it waits for its report). */
  isReported: boolean;
};

const meetings: readonly DemoMeeting[] = [
  {
    theme: 'Grænser og omsorg i LGBT+ fællesskabet',
    city: 'Aarhus',
    inDays: 9,
    start: '18:00',
    end: '20:00',
    placeName: 'LGBT+ Huset Aarhus',
    address: 'Mejlgade 71, 8000 Aarhus C',
    isAddressPublic: false,
    capacity: 25,
    description:
      'Et åbent fællesskabsmøde om grænser, jalousi og kontrol i parforhold og dates – og om, hvor man kan få hjælp, hvis noget er gået over stregen.\nMødet faciliteres af LGBT+ Danmark. Du behøver ikke sige noget, og du behøver ikke bruge dit rigtige navn.',
    isRunByFacilitator: true,
    isReported: false,
  },
  {
    theme: 'Når kærlighed gør ondt',
    city: 'Aalborg',
    inDays: 16,
    start: '17:30',
    end: '19:30',
    placeName: 'Huset i Hasserisgade',
    address: 'Hasserisgade 10, 9000 Aalborg',
    isAddressPublic: true,
    capacity: 20,
    description: 'Vi taler om partnervold og seksuelle krænkelser mellem LGBT+ personer: hvordan det kan se ud, og hvordan vi som fællesskab kan passe på hinanden.',
    isRunByFacilitator: true,
    isReported: false,
  },
  {
    theme: 'Fællesskab mod vold',
    city: 'København',
    inDays: 23,
    start: '19:00',
    end: '21:00',
    placeName: 'LGBT+ Danmark, København',
    address: 'Nygade 7, 1164 København K',
    isAddressPublic: true,
    capacity: 40,
    description: 'Et møde for alle i LGBT+ miljøet om at forebygge vold i nære relationer – med oplæg fra Lev Uden Vold og tid til samtale.',
    isRunByFacilitator: false,
    isReported: false,
  },
  {
    theme: 'Grænser i dating og parforhold',
    city: 'København',
    inDays: -20,
    start: '18:00',
    end: '20:00',
    placeName: 'LGBT+ Danmark, København',
    address: 'Nygade 7, 1164 København K',
    isAddressPublic: true,
    capacity: 30,
    description: 'Et fællesskabsmøde om grænser i dating og parforhold.',
    isRunByFacilitator: false,
    isReported: true,
  },
  {
    theme: 'Aftenmøde: tryghed i fællesskabet',
    city: 'Aarhus',
    inDays: -1,
    start: '18:00',
    end: '20:00',
    placeName: 'LGBT+ Huset Aarhus',
    address: 'Mejlgade 71, 8000 Aarhus C',
    isAddressPublic: false,
    capacity: 25,
    description: 'Et fællesskabsmøde om tryghed, grænser og hvor man kan få hjælp.',
    isRunByFacilitator: true,
    isReported: false,
  },
];

/** Anonymous answers of the held meeting: [felt safe, learned where to get help, intends to seek help]. */
const heldEvaluations: readonly [number, number, 'yes' | 'no' | 'unsure'][] = [
  [5, 5, 'yes'],
  [4, 5, 'unsure'],
  [5, 4, 'yes'],
  [4, 4, 'no'],
  [5, 5, 'unsure'],
  [3, 4, 'yes'],
];

/** Loads the accounts and meetings into the base demo's transaction (LGBT+ Danmark is one of its organisations). */
export async function loadCommunityMeetingDemoData({ db, cipher, clock }: { db: Transaction<Database>; cipher: FieldCipher; clock: Clock }): Promise<void> {
  const now = clock.now();
  const organisation = await db.selectFrom('organisations').select('id').where('slug', '=', 'lgbt-danmark').executeTakeFirstOrThrow();
  const passwordHash = await hash(DEMO_PASSWORD);
  for (const account of communityMeetingDemoAccounts) await insertDemoAccount(db, { account, organisationId: organisation.id, unitId: null, passwordHash, cipher, now });
  const memberships = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'u.email'])
    .where('u.email', 'in', communityMeetingDemoAccounts.map((account) => account.email))
    .execute();
  const membershipOf = (email: string) => memberships.find((membership) => membership.email === email)?.id ?? '';
  const [lead, facilitator] = communityMeetingDemoAccounts.map((account) => membershipOf(account.email));
  for (const meeting of meetings) await insertDemoMeeting(db, { meeting, organisationId: organisation.id, runner: (meeting.isRunByFacilitator ? facilitator : lead) ?? '', cipher, now });
  await appendAuditEntry(db, {
    occurredAt: now,
    actorUserId: null,
    actorOrganisationId: null,
    action: 'community_meeting_demo_data.load',
    objectType: 'platform',
    objectId: 'community-meeting-demo-data',
    details: { meetings: meetings.length, accounts: communityMeetingDemoAccounts.length },
  });
}

type DemoMeetingInput = { meeting: DemoMeeting; organisationId: string; runner: string; cipher: FieldCipher; now: Date };

/** One meeting, its facilitator and, once reported, its report, evaluation code and anonymous answers. */
async function insertDemoMeeting(db: Transaction<Database>, { meeting, organisationId, runner, cipher, now }: DemoMeetingInput): Promise<void> {
  const date = copenhagenDateAndTime(new Date(now.getTime() + meeting.inDays * DAY_MS)).date;
  const startsAt = instantOfCopenhagenTime(date, meeting.start);
  const endsAt = instantOfCopenhagenTime(date, meeting.end);
  const isHeld = meeting.isReported;
  const code = receiptCodeFromBytes(Buffer.from(cipher.lookupHash(`demo-evaluation:${meeting.theme}`).slice(0, 14), 'hex'));
  const created = await db
    .insertInto('community_meetings')
    .values({
      organisation_id: organisationId,
      service_line: 'victim',
      theme: meeting.theme,
      city: meeting.city,
      starts_at: startsAt,
      ends_at: endsAt,
      place_name: meeting.placeName,
      address_enc: cipher.encrypt(meeting.address),
      is_address_public: meeting.isAddressPublic,
      capacity: meeting.capacity,
      description: meeting.description,
      status: isHeld ? 'held' : 'planned',
      ...(isHeld
        ? {
            head_count: 17,
            referral_count: 3,
            themes_raised_enc: cipher.encrypt('Jalousi og kontrol over telefonen; at blive outet som trussel; hvor man kan ringe hen.'),
            report_note_enc: cipher.encrypt('God stemning. Flere spurgte til LGBT+ Danmarks rådgivning.'),
            reported_at: endsAt,
            evaluation_code_hash: cipher.lookupHash(`community-meeting-evaluation-code:${code}`),
            evaluation_code_enc: cipher.encrypt(code),
            evaluation_code_expires_at: new Date(endsAt.getTime() + 14 * DAY_MS),
          }
        : {}),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (runner) await db.insertInto('community_meeting_facilitators').values({ meeting_id: created.id, membership_id: runner }).execute();
  if (isHeld) {
    await db
      .insertInto('community_meeting_evaluations')
      .values(heldEvaluations.map(([feltSafe, learned, intends]) => ({ meeting_id: created.id, felt_safe: feltSafe, learned_where_to_get_help: learned, intends_to_seek_help: intends })))
      .execute();
  }
}
