import type { Transaction } from 'kysely';
import type { Database, NewRow } from '../../db/tables.ts';

/** The only file that writes SQL for persons and their consents. */

export async function insertPerson(trx: Transaction<Database>, values: NewRow<'persons'>): Promise<string> {
  const row = await insertPersonQuery(trx, values).executeTakeFirstOrThrow();
  return row.id;
}

/** The insert, not yet run: a caller that writes several rows at once runs it inside its own statement. */
export function insertPersonQuery(trx: Transaction<Database>, values: NewRow<'persons'>) {
  return trx.insertInto('persons').values(values).returning('id');
}

export async function insertConsent(trx: Transaction<Database>, values: NewRow<'consents'>): Promise<string> {
  const row = await insertConsentQuery(trx, values).executeTakeFirstOrThrow();
  return row.id;
}

/** The insert, not yet run (see {@link insertPersonQuery}). */
export function insertConsentQuery(trx: Transaction<Database>, values: NewRow<'consents'>) {
  return trx.insertInto('consents').values(values).returning('id');
}

/** Marks every active consent of the person withdrawn; returns the ids it changed. */
export async function withdrawActiveConsentsOfPerson(
  trx: Transaction<Database>,
  input: { personId: string; withdrawnAt: Date; withdrawnByUserId: string },
): Promise<string[]> {
  const rows = await trx
    .updateTable('consents')
    .set({ withdrawn_at: input.withdrawnAt, withdrawn_by_user_id: input.withdrawnByUserId })
    .where('person_id', '=', input.personId)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
