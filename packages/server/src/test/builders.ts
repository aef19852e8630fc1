import { hash } from '@node-rs/argon2';
import type { OrganisationKind, Role, ServiceLine } from '@bro/domain';
import { generateSecret } from 'otplib';
import type { Db } from '../db/tables.ts';
import { startSession, SESSION_COOKIE } from '../platform/auth/session.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';

export const TEST_PASSWORD = 'korrekt-hest-batteri-klips';
let passwordHashPromise: Promise<string> | undefined;
/** One argon2id hash per test process: hashing is deliberately slow. */
function testPasswordHash(): Promise<string> {
  passwordHashPromise ??= hash(TEST_PASSWORD);
  return passwordHashPromise;
}

export type GivenUser = { id: string; email: string; membershipId: string; organisationId: string; role: Role; totpSecret: string | null };
export type GivenSession = { token: string; sessionId: string; csrfToken: string; headers: { cookie: string; 'x-csrf-token': string } };

/**
 * Test data with sensible defaults and overrides. Deterministic: names and e-mails come from a counter, so a run
 * can be reproduced. Module-specific builders (referrals, …) live beside their tests and build on these.
 */
export function createBuilders(deps: { db: Db; cipher: FieldCipher; clock: Clock }) {
  let sequence = 0;
  const context: BuilderContext = { ...deps, next: () => ++sequence };
  const organisation = (overrides: OrganisationOverrides = {}) => buildOrganisation(context, overrides);
  const user = (input: UserInput) => buildUser(context, input);
  const session = (forUser: Pick<GivenUser, 'id' | 'membershipId'>) => buildSession(context, forUser);

  /** An organisation with one user of the role, signed in. The most common starting point of a test. */
  const signedIn = async (role: Role, overrides: { kind?: OrganisationKind; organisationId?: string; serviceLine?: ServiceLine | null; unitId?: string } = {}) => {
    const organisationId = overrides.organisationId ?? (await organisation({ kind: overrides.kind ?? defaultKindFor(role) })).id;
    const signedInUser = await user({ organisationId, role, serviceLine: overrides.serviceLine ?? null, unitId: overrides.unitId ?? null });
    return { user: signedInUser, organisationId, session: await session(signedInUser) };
  };

  return {
    organisation,
    unit: (organisationId: string, name?: string) => buildUnit(context, organisationId, name),
    user,
    session,
    signedIn,
    service: (input: ServiceInput) => buildService(context, input),
    programme: (input: ProgrammeInput) => buildProgramme(context, input),
  };
}

/** What every builder needs; `next` numbers what they make, so names and e-mails are unique and reproducible. */
type BuilderContext = { db: Db; cipher: FieldCipher; clock: Clock; next: () => number };

type OrganisationOverrides = { kind?: OrganisationKind; name?: string; slug?: string; municipalityCode?: string };

async function buildOrganisation({ db, next }: BuilderContext, overrides: OrganisationOverrides) {
  const n = next();
  return db
    .insertInto('organisations')
    .values({
      slug: overrides.slug ?? `org-${n}`,
      name: overrides.name ?? `Organisation ${n}`,
      kind: overrides.kind ?? 'counselling_service',
      municipality_code: overrides.municipalityCode ?? null,
      police_district_code: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function buildUnit({ db, next }: BuilderContext, organisationId: string, name?: string) {
  return db.insertInto('units').values({ organisation_id: organisationId, name: name ?? `Enhed ${next()}` }).returningAll().executeTakeFirstOrThrow();
}

type UserInput = {
  organisationId: string;
  role: Role;
  unitId?: string | null;
  serviceLine?: ServiceLine | null;
  email?: string;
  displayName?: string;
  isTotpEnrolled?: boolean;
  hasPassword?: boolean;
};

async function buildUser({ db, cipher, clock, next }: BuilderContext, input: UserInput): Promise<GivenUser> {
  const n = next();
  const email = input.email ?? `user${n}@test.bro.dk`;
  const totpSecret = input.isTotpEnrolled === false ? null : generateSecret();
  const created = await db
    .insertInto('users')
    .values({
      email,
      display_name: input.displayName ?? `Bruger ${n}`,
      password_hash: input.hasPassword === false ? null : await testPasswordHash(),
      totp_secret_enc: totpSecret ? cipher.encrypt(totpSecret) : null,
      totp_enrolled_at: totpSecret ? clock.now() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const membership = await db
    .insertInto('memberships')
    .values({
      user_id: created.id,
      organisation_id: input.organisationId,
      unit_id: input.unitId ?? null,
      role: input.role,
      service_line: input.serviceLine ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id, email, membershipId: membership.id, organisationId: input.organisationId, role: input.role, totpSecret };
}

/** A fully authenticated session, as if the user had just logged in with password and TOTP. */
async function buildSession({ db, clock }: BuilderContext, forUser: Pick<GivenUser, 'id' | 'membershipId'>): Promise<GivenSession> {
  const started = await startSession(db, {
    userId: forUser.id,
    membershipId: forUser.membershipId,
    stage: 'authenticated',
    authMethod: 'password',
    now: clock.now(),
  });
  return {
    token: started.token,
    sessionId: started.sessionId,
    csrfToken: started.csrfToken,
    headers: { cookie: `${SESSION_COOKIE}=${started.token}`, 'x-csrf-token': started.csrfToken },
  };
}

type ServiceInput = {
  organisationId: string;
  name?: string;
  serviceLine?: ServiceLine | null;
  firstContactDeadlineHours?: number;
  highRiskDeadlineHours?: number;
  maxContactAttempts?: number;
};

async function buildService({ db, next }: BuilderContext, input: ServiceInput) {
  const n = next();
  return db
    .insertInto('services')
    .values({
      organisation_id: input.organisationId,
      slug: `service-${n}`,
      name: input.name ?? `Tilbud ${n}`,
      service_line: input.serviceLine ?? null,
      phone: null,
      first_contact_deadline_hours: input.firstContactDeadlineHours ?? 48,
      high_risk_deadline_hours: input.highRiskDeadlineHours ?? 24,
      max_contact_attempts: input.maxContactAttempts ?? 3,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type ProgrammeInput = {
  referrerOrganisationIds: string[];
  /** In routing order. `role`/`gender`: whom the programme lets the service take (default: as the service). */
  services: { serviceId: string; role?: string | null; gender?: string | null; isFallback?: boolean; isProposed?: boolean; priority?: number; firstContactDeadlineHours?: number }[];
  name?: string;
  status?: 'planned' | 'running' | 'ended';
};

async function buildProgramme({ db, next }: BuilderContext, input: ProgrammeInput) {
  const n = next();
  const created = await db
    .insertInto('programmes')
    .values({ slug: `programme-${n}`, name: input.name ?? `Program ${n}`, status: input.status ?? 'running' })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const organisationId of input.referrerOrganisationIds) {
    await db.insertInto('programme_referrers').values({ programme_id: created.id, organisation_id: organisationId }).execute();
  }
  for (const [index, entry] of input.services.entries()) {
    await db
      .insertInto('programme_services')
      .values({
        programme_id: created.id,
        service_id: entry.serviceId,
        receives_roles: entry.role ? [entry.role] : null,
        receives_genders: entry.gender ? [entry.gender] : null,
        first_contact_deadline_hours: entry.firstContactDeadlineHours ?? null,
        routing_priority: entry.priority ?? index,
        is_fallback: entry.isFallback ?? false,
        is_proposed: entry.isProposed ?? true,
      })
      .execute();
  }
  return created;
}

function defaultKindFor(role: Role): OrganisationKind {
  if (role === 'referrer') return 'police_district';
  if (role === 'platform_admin') return 'platform_operator';
  return 'counselling_service';
}
