import type { Db } from '../../db/tables.ts';

function selectOrganisations(db: Db) {
  return db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      'o.municipality_code',
      'o.is_active',
      'o.is_local_login_enabled',
      eb
        .selectFrom('memberships as m')
        .select((inner) => inner.fn.count<string>('m.user_id').distinct().as('count'))
        .whereRef('m.organisation_id', '=', 'o.id')
        .as('user_count'),
    ]);
}

type SelectedOrganisation = Awaited<ReturnType<ReturnType<typeof selectOrganisations>['executeTakeFirstOrThrow']>>;

/** PostgreSQL counts in bigint, which pg hands over as text. */
function toRow(row: SelectedOrganisation) {
  return { ...row, user_count: Number(row.user_count ?? 0) };
}

export type OrganisationRow = ReturnType<typeof toRow>;

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return (await selectOrganisations(db).execute()).map(toRow);
}

export async function findOrganisation(db: Db, organisationId: string): Promise<OrganisationRow | undefined> {
  const row = await selectOrganisations(db).where('o.id', '=', organisationId).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** `undefined` when the slug is taken. */
export async function insertOrganisation(
  db: Db,
  input: { slug: string; name: string; kind: string; municipalityCode: string | null },
): Promise<string | undefined> {
  const row = await db
    .insertInto('organisations')
    .values({ slug: input.slug, name: input.name, kind: input.kind, municipality_code: input.municipalityCode, police_district_code: null })
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateOrganisation(
  db: Db,
  input: { organisationId: string; name?: string | undefined; isActive?: boolean | undefined; isLocalLoginEnabled?: boolean | undefined; now: Date },
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.isActive === undefined ? {} : { is_active: input.isActive }),
      ...(input.isLocalLoginEnabled === undefined ? {} : { is_local_login_enabled: input.isLocalLoginEnabled }),
      updated_at: input.now,
    })
    .where('id', '=', input.organisationId)
    .execute();
}

/**
 * Ends the live sessions held through memberships of the organisation (all of them, or only those signed in
 * with a local password). The session lookup would refuse them anyway while the organisation is inactive;
 * ending them means reactivating the organisation cannot bring an old session back.
 */
export async function endSessionsOfOrganisation(db: Db, input: { organisationId: string; now: Date; authMethod?: 'password' }): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ ended_at: input.now })
    .where('ended_at', 'is', null)
    .where('membership_id', 'in', (eb) => eb.selectFrom('memberships').select('id').where('organisation_id', '=', input.organisationId));
  if (input.authMethod) query = query.where('auth_method', '=', input.authMethod);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
