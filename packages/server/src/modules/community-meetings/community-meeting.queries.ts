import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Database, Db, NewRow, Row } from '../../db/tables.ts';

/** The only file that writes SQL for community meetings, their facilitators, sign-ups and evaluations. */

type Trx = Transaction<Database>;
export type CommunityMeetingRow = Row<'community_meetings'>;
export type MeetingValues = Pick<
  NewRow<'community_meetings'>,
  'theme' | 'city' | 'starts_at' | 'ends_at' | 'place_name' | 'address_enc' | 'is_address_public' | 'capacity' | 'description'
>;

export async function insertMeeting(trx: Trx, values: MeetingValues & { organisation_id: string; service_line: string | null; now: Date }): Promise<string> {
  const { now, ...row } = values;
  const created = await trx
    .insertInto('community_meetings')
    .values({ ...row, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function updateMeeting(trx: Trx, meetingId: string, values: MeetingValues & { now: Date }): Promise<void> {
  const { now, ...row } = values;
  await trx.updateTable('community_meetings').set({ ...row, updated_at: now }).where('id', '=', meetingId).execute();
}

export async function replaceFacilitators(trx: Trx, meetingId: string, membershipIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('community_meeting_facilitators').where('meeting_id', '=', meetingId).execute();
  if (membershipIds.length > 0) {
    await trx
      .insertInto('community_meeting_facilitators')
      .values([...new Set(membershipIds)].map((membershipId) => ({ meeting_id: meetingId, membership_id: membershipId })))
      .execute();
  }
}

/**
 * Victim-side and perpetrator-side work never cross: a meeting carries its planner's line, and staff limited to the
 * other line do not see it (a membership or meeting without a line is every line).
 */
function isOnLine(line: string | null) {
  return (eb: ExpressionBuilder<Database, 'community_meetings'>) =>
    line === null ? eb.val(true) : eb.or([eb('community_meetings.service_line', 'is', null), eb('community_meetings.service_line', '=', line)]);
}

/** One of the organisation's meetings (another organisation's is not found), locked inside a transaction if asked. */
export async function findOwnMeeting(db: Db, input: { meetingId: string; organisationId: string; serviceLine: string | null; isForUpdate?: boolean }): Promise<CommunityMeetingRow | undefined> {
  let query = db.selectFrom('community_meetings').selectAll().where('id', '=', input.meetingId).where('organisation_id', '=', input.organisationId).where(isOnLine(input.serviceLine));
  if (input.isForUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * A meeting a staff member may run: one they facilitate, or (with `isHostManager`) any of their organisation's.
 * Never another organisation's.
 */
export async function findFacilitatedMeeting(
  db: Db,
  input: { meetingId: string; organisationId: string; serviceLine: string | null; membershipId: string; isHostManager: boolean; isForUpdate?: boolean },
): Promise<CommunityMeetingRow | undefined> {
  let query = db
    .selectFrom('community_meetings')
    .selectAll()
    .where('id', '=', input.meetingId)
    .where('organisation_id', '=', input.organisationId)
    .where(isOnLine(input.serviceLine));
  if (!input.isHostManager) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('community_meeting_facilitators as f').select('f.meeting_id').whereRef('f.meeting_id', '=', 'community_meetings.id').where('f.membership_id', '=', input.membershipId)),
    );
  }
  if (input.isForUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listOwnMeetings(db: Db, input: { organisationId: string; serviceLine: string | null }): Promise<CommunityMeetingRow[]> {
  return db.selectFrom('community_meetings').selectAll().where('organisation_id', '=', input.organisationId).where(isOnLine(input.serviceLine)).orderBy('starts_at', 'desc').orderBy('id').limit(500).execute();
}

export async function listMeetingsOfFacilitator(db: Db, input: { organisationId: string; membershipId: string; from?: Date; to?: Date }): Promise<CommunityMeetingRow[]> {
  let query = db
    .selectFrom('community_meetings')
    .innerJoin('community_meeting_facilitators as f', 'f.meeting_id', 'community_meetings.id')
    .selectAll('community_meetings')
    .where('community_meetings.organisation_id', '=', input.organisationId)
    .where('f.membership_id', '=', input.membershipId);
  if (input.from) query = query.where('community_meetings.ends_at', '>', input.from);
  if (input.to) query = query.where('community_meetings.starts_at', '<', input.to);
  return query.orderBy('community_meetings.starts_at').orderBy('community_meetings.id').limit(500).execute();
}

export type FacilitatorRow = { meeting_id: string; membership_id: string; display_name: string };

export async function listFacilitatorsOf(db: Db, meetingIds: readonly string[]): Promise<FacilitatorRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('community_meeting_facilitators as f')
    .innerJoin('memberships as m', 'm.id', 'f.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['f.meeting_id', 'f.membership_id', 'u.display_name'])
    .where('f.meeting_id', 'in', meetingIds)
    .orderBy('u.display_name')
    .execute();
}

/** Active members of the organisation holding one of the given roles. */
export async function listMembersWithRoles(db: Db, input: { organisationId: string; serviceLine: string | null; roles: readonly string[] }): Promise<{ membership_id: string; display_name: string }[]> {
  if (input.roles.length === 0) return [];
  const { serviceLine } = input;
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id as membership_id', 'u.display_name'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', 'in', input.roles)
    .where('u.is_active', '=', true)
    .where((eb) => (serviceLine === null ? eb.val(true) : eb.or([eb('m.service_line', 'is', null), eb('m.service_line', '=', serviceLine)])))
    .orderBy('u.display_name')
    .orderBy('m.id')
    .execute();
}

export async function countSignUps(db: Db, meetingIds: readonly string[]): Promise<Map<string, number>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_meeting_sign_ups')
    .select(['meeting_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('meeting_id', 'in', meetingIds)
    .where('status', '=', 'registered')
    .groupBy('meeting_id')
    .execute();
  return new Map(rows.map((row) => [row.meeting_id, Number(row.count)]));
}

export async function setMeetingStatus(trx: Trx, input: { meetingId: string; status: 'cancelled' | 'held'; now: Date }): Promise<void> {
  await trx.updateTable('community_meetings').set({ status: input.status, updated_at: input.now }).where('id', '=', input.meetingId).execute();
}

export async function saveReport(
  trx: Trx,
  input: { meetingId: string; headCount: number; referralCount: number; themesRaisedEnc: string | null; noteEnc: string | null; now: Date },
): Promise<void> {
  await trx
    .updateTable('community_meetings')
    .set({
      status: 'held',
      head_count: input.headCount,
      referral_count: input.referralCount,
      themes_raised_enc: input.themesRaisedEnc,
      report_note_enc: input.noteEnc,
      reported_at: input.now,
      updated_at: input.now,
    })
    .where('id', '=', input.meetingId)
    .execute();
}

export async function saveEvaluationCode(trx: Trx, input: { meetingId: string; hash: string; codeEnc: string; expiresAt: Date; now: Date }): Promise<void> {
  await trx
    .updateTable('community_meetings')
    .set({ evaluation_code_hash: input.hash, evaluation_code_enc: input.codeEnc, evaluation_code_expires_at: input.expiresAt, updated_at: input.now })
    .where('id', '=', input.meetingId)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Public side

export type PublicMeetingRow = Pick<
  CommunityMeetingRow,
  'id' | 'theme' | 'city' | 'starts_at' | 'ends_at' | 'place_name' | 'address_enc' | 'is_address_public' | 'capacity' | 'description'
> & { organisation_name: string; sign_up_count: number };

function publicMeetings(db: Db) {
  return db
    .selectFrom('community_meetings as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.theme',
      'c.city',
      'c.starts_at',
      'c.ends_at',
      'c.place_name',
      'c.address_enc',
      'c.is_address_public',
      'c.capacity',
      'c.description',
      'o.name as organisation_name',
      sql<number>`(SELECT count(*)::int FROM community_meeting_sign_ups s WHERE s.meeting_id = c.id AND s.status = 'registered')`.as('sign_up_count'),
    ])
    .where('c.status', '=', 'planned');
}

/** Planned meetings not yet started, soonest first; `city` compares case-insensitively. */
export async function listUpcomingPublicMeetings(db: Db, input: { now: Date; city?: string | undefined; limit: number }): Promise<PublicMeetingRow[]> {
  let query = publicMeetings(db).where('c.starts_at', '>', input.now);
  if (input.city) query = query.where(sql<boolean>`lower(c.city) = lower(${input.city})`);
  return query.orderBy('c.starts_at').orderBy('c.id').limit(input.limit).execute();
}

export async function listUpcomingCities(db: Db, now: Date): Promise<string[]> {
  const rows = await db.selectFrom('community_meetings').select('city').distinct().where('status', '=', 'planned').where('starts_at', '>', now).orderBy('city').limit(200).execute();
  return rows.map((row) => row.city);
}

export async function findPublicMeeting(db: Db, input: { meetingId: string; now: Date }): Promise<PublicMeetingRow | undefined> {
  return publicMeetings(db).where('c.id', '=', input.meetingId).where('c.starts_at', '>', input.now).executeTakeFirst();
}

/** Locks the meeting row: sign-ups for one meeting queue here, so the count and the insert cannot race. */
export async function lockMeetingForSignUp(trx: Trx, meetingId: string): Promise<Pick<CommunityMeetingRow, 'id' | 'organisation_id' | 'status' | 'starts_at' | 'capacity' | 'address_enc' | 'is_address_public'> | undefined> {
  return trx
    .selectFrom('community_meetings')
    .select(['id', 'organisation_id', 'status', 'starts_at', 'capacity', 'address_enc', 'is_address_public'])
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
}

export async function countRegistered(trx: Trx, meetingId: string): Promise<number> {
  const row = await trx
    .selectFrom('community_meeting_sign_ups')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** `undefined` when the challenge or the receipt hash is already used (a replayed form, a rare code clash). */
export async function insertSignUp(trx: Trx, values: Omit<NewRow<'community_meeting_sign_ups'>, 'id' | 'status' | 'cancelled_at' | 'erased_at'>): Promise<string | undefined> {
  const row = await trx.insertInto('community_meeting_sign_ups').values(values).onConflict((conflict) => conflict.doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function findSignUpByChallenge(db: Db, challengeHash: string): Promise<{ id: string; meeting_id: string; receipt_code_hash: string } | undefined> {
  return db.selectFrom('community_meeting_sign_ups').select(['id', 'meeting_id', 'receipt_code_hash']).where('challenge_hash', '=', challengeHash).executeTakeFirst();
}

export async function isReceiptHashTaken(trx: Trx, receiptHash: string): Promise<boolean> {
  return (await trx.selectFrom('community_meeting_sign_ups').select('id').where('receipt_code_hash', '=', receiptHash).executeTakeFirst()) !== undefined;
}

/** Cancels a registered sign-up by its receipt hash; `undefined` when none is registered under it. */
export async function cancelSignUpByReceipt(trx: Trx, input: { receiptHash: string; now: Date }): Promise<{ id: string; meeting_id: string } | undefined> {
  return trx
    .updateTable('community_meeting_sign_ups')
    // The person has gone: their name and contact go with them.
    .set({ status: 'cancelled', cancelled_at: input.now, first_name_enc: null, contact_enc: null, erased_at: input.now })
    .where('receipt_code_hash', '=', input.receiptHash)
    .where('status', '=', 'registered')
    .returning(['id', 'meeting_id'])
    .executeTakeFirst();
}

export async function listRegisteredSignUps(db: Db, meetingId: string): Promise<Pick<Row<'community_meeting_sign_ups'>, 'id' | 'first_name_enc' | 'contact_enc' | 'may_message' | 'language' | 'signed_up_at'>[]> {
  return db
    .selectFrom('community_meeting_sign_ups')
    .select(['id', 'first_name_enc', 'contact_enc', 'may_message', 'language', 'signed_up_at'])
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'registered')
    .orderBy('signed_up_at')
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluations

export async function findMeetingByEvaluationCode(db: Db, codeHash: string): Promise<Pick<CommunityMeetingRow, 'id' | 'status' | 'starts_at' | 'evaluation_code_expires_at'> | undefined> {
  return db.selectFrom('community_meetings').select(['id', 'status', 'starts_at', 'evaluation_code_expires_at']).where('evaluation_code_hash', '=', codeHash).executeTakeFirst();
}

export async function insertEvaluation(db: Db, values: Omit<NewRow<'community_meeting_evaluations'>, 'id'>): Promise<void> {
  await db.insertInto('community_meeting_evaluations').values(values).execute();
}

export type EvaluationTallyRow = { meeting_id: string; responses: number; felt_safe_sum: number; learned_sum: number; yes: number; no: number; unsure: number };

export async function tallyEvaluations(db: Db, organisationId: string): Promise<EvaluationTallyRow[]> {
  return db
    .selectFrom('community_meeting_evaluations as e')
    .innerJoin('community_meetings as c', 'c.id', 'e.meeting_id')
    .select([
      'e.meeting_id',
      sql<number>`count(*)::int`.as('responses'),
      sql<number>`sum(e.felt_safe)::int`.as('felt_safe_sum'),
      sql<number>`sum(e.learned_where_to_get_help)::int`.as('learned_sum'),
      sql<number>`(count(*) FILTER (WHERE e.intends_to_seek_help = 'yes'))::int`.as('yes'),
      sql<number>`(count(*) FILTER (WHERE e.intends_to_seek_help = 'no'))::int`.as('no'),
      sql<number>`(count(*) FILTER (WHERE e.intends_to_seek_help = 'unsure'))::int`.as('unsure'),
    ])
    .where('c.organisation_id', '=', organisationId)
    .groupBy('e.meeting_id')
    .execute();
}

/** Erases the names and contacts of sign-ups to meetings that ended before `endedBefore` (cancelled ones too). */
export async function eraseSignUpsOfPastMeetings(db: Db, input: { endedBefore: Date; now: Date }): Promise<number> {
  const result = await db
    .updateTable('community_meeting_sign_ups')
    .set({ first_name_enc: null, contact_enc: null, erased_at: input.now })
    .where('erased_at', 'is', null)
    .where('meeting_id', 'in', (eb) => eb.selectFrom('community_meetings').select('id').where('ends_at', '<', input.endedBefore))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
