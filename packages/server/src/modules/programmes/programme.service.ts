import {
  Gender,
  OrganisationKind,
  PersonRole,
  ProgrammeStatus,
  rolesReceivedBy,
  ServiceLine,
  type CreateProgrammeRequest,
  type EndProgrammeRequest,
  type Programme,
  type ProgrammeChoices,
  type ProgrammeManager,
  type ProgrammeOverview,
  type ProgrammeServiceSettings,
  type ProgrammeSummary,
  type UpdateProgrammeRequest,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { closeReferralIntake } from '../../platform/referral-intake-locks.queries.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import type { LiveUpdates } from '../../platform/live-updates.ts';
import { slugFor } from '../../platform/slug.ts';
import { publishReferralChanges } from '../referrals/index.ts';
import { handOverOpenReferrals } from '../services/index.ts';
import {
  countActiveOrganisations,
  countOpenReferrals,
  countReferralsByService,
  deleteManager,
  findActiveUserByEmail,
  findProgramme,
  insertManager,
  insertProgramme,
  insertVersion,
  isProgrammeManager,
  listActiveServicesById,
  listChoosableOrganisations,
  listChoosableServices,
  listEscalations,
  listManagers,
  listProgrammes,
  listProgrammeServices,
  listReferrers,
  listVersions,
  lockProgramme,
  managesAnyProgramme,
  replaceProgrammeServices,
  replaceReferrers,
  updateProgrammeRow,
  type ProgrammeServiceRow,
} from './programme.queries.ts';

/**
 * Use cases of programme administration. A platform admin starts a programme and appoints its manager; a manager
 * (a grant on one programme) configures it. Neither reads a referral: counts and references only. Programme and
 * service names are not personal data; audit entries carry ids, codes and the version.
 */

/** Who acts: a signed-in user, or the demo loader acting as the demo's platform admin and programme manager. */
export type ProgrammeActor = Pick<Actor, 'userId' | 'organisationId' | 'role'>;
type Deps = { db: Db; clock: Clock; actor: ProgrammeActor };

// ---------------------------------------------------------------------------------------------------------------
// Platform admin: start a programme, appoint managers

export async function createProgramme(input: Deps & { request: CreateProgrammeRequest }): Promise<ProgrammeSummary> {
  const { actor, request } = input;
  return inTransaction(input.db, async (trx) => {
    const manager = await findActiveUserByEmail(trx, request.managerEmail);
    if (!manager) throw new AppError('manager_not_found', [{ path: 'managerEmail', message: 'manager_not_found' }]);
    const now = input.clock.now();
    const programmeId = await insertProgramme(trx, { slug: slugFor(request.name, 'program'), name: request.name, status: 'planned', created_at: now, updated_at: now });
    await insertManager(trx, { programme_id: programmeId, user_id: manager.id, appointed_by_user_id: actor.userId, appointed_at: now });
    await insertVersion(trx, { programme_id: programmeId, version: 1, configuration: { name: request.name, status: 'planned' }, changed_by_user_id: actor.userId, changed_at: now });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'programme.create', objectType: 'programme', objectId: programmeId, details: { managerUserId: manager.id } });
    return getSummary(trx, programmeId);
  });
}

export async function listAllProgrammes(input: { db: Db }): Promise<ProgrammeSummary[]> {
  return toSummaries(input.db, await listProgrammes(input.db, {}));
}

/** A platform admin appoints any programme's manager; a manager appoints a co-manager of their own programme. */
export async function appointManager(input: Deps & { programmeId: string; email: string }): Promise<ProgrammeSummary> {
  const { actor, programmeId } = input;
  return inTransaction(input.db, async (trx) => {
    await assertMayAppoint(trx, actor, programmeId);
    const user = await findActiveUserByEmail(trx, input.email);
    if (!user) throw new AppError('manager_not_found', [{ path: 'email', message: 'manager_not_found' }]);
    const now = input.clock.now();
    const isNew = await insertManager(trx, { programme_id: programmeId, user_id: user.id, appointed_by_user_id: actor.userId, appointed_at: now });
    if (isNew) await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'programme.appoint_manager', objectType: 'programme', objectId: programmeId, details: { managerUserId: user.id } });
    return getSummary(trx, programmeId);
  });
}

/** A programme keeps at least one manager: someone must hear of its escalations. */
export async function removeManager(input: Deps & { programmeId: string; userId: string }): Promise<ProgrammeSummary> {
  const { actor, programmeId } = input;
  return inTransaction(input.db, async (trx) => {
    await assertMayAppoint(trx, actor, programmeId);
    await lockProgramme(trx, programmeId);
    const managers = await listManagers(trx, [programmeId]);
    if (!managers.some((manager) => manager.user_id === input.userId)) throw new AppError('not_found');
    if (managers.length === 1) throw new AppError('conflict');
    await deleteManager(trx, { programmeId, userId: input.userId });
    await appendAuditEntryBy(trx, actor, { occurredAt: input.clock.now(), action: 'programme.remove_manager', objectType: 'programme', objectId: programmeId, details: { managerUserId: input.userId } });
    return getSummary(trx, programmeId);
  });
}

async function assertMayAppoint(db: Db, actor: ProgrammeActor, programmeId: string): Promise<void> {
  if (!(await findProgramme(db, programmeId))) throw new AppError('not_found');
  if (actor.role === 'platform_admin') return;
  if (!(await isProgrammeManager(db, { programmeId, userId: actor.userId }))) throw new AppError('not_found');
}

// ---------------------------------------------------------------------------------------------------------------
// Programme manager: read and change the own programmes

export async function listManagedProgrammes(input: { db: Db; actor: ProgrammeActor }): Promise<ProgrammeSummary[]> {
  return toSummaries(input.db, await listProgrammes(input.db, { managedByUserId: input.actor.userId }));
}

/** Another programme is not found, exactly like one that does not exist. */
async function assertManages(db: Db, actor: ProgrammeActor, programmeId: string): Promise<void> {
  if (!(await isProgrammeManager(db, { programmeId, userId: actor.userId }))) throw new AppError('not_found');
}

export async function getProgramme(input: { db: Db; actor: ProgrammeActor; programmeId: string }): Promise<Programme> {
  await assertManages(input.db, input.actor, input.programmeId);
  return readProgramme(input.db, input.programmeId);
}

export async function getProgrammeChoices(input: { db: Db; actor: ProgrammeActor }): Promise<ProgrammeChoices> {
  if (!(await managesAnyProgramme(input.db, input.actor.userId))) throw new AppError('forbidden');
  const [organisations, services] = await Promise.all([listChoosableOrganisations(input.db), listChoosableServices(input.db)]);
  return {
    organisations: organisations.map((row) => ({ id: row.id, name: row.name, kind: OrganisationKind.parse(row.kind) })),
    services: services.map((row) => {
      const serviceLine = ServiceLine.nullable().parse(row.service_line);
      return {
        id: row.id,
        name: row.name,
        organisationName: row.organisation_name,
        serviceLine,
        receivesRoles: [...rolesReceivedBy(serviceLine)],
        firstContactDeadlineHours: row.first_contact_deadline_hours,
        highRiskDeadlineHours: row.high_risk_deadline_hours,
        maxContactAttempts: row.max_contact_attempts,
      };
    }),
  };
}

export async function getProgrammeOverview(input: { db: Db; actor: ProgrammeActor; programmeId: string }): Promise<ProgrammeOverview> {
  await assertManages(input.db, input.actor, input.programmeId);
  const [counts, escalations, versions] = await Promise.all([
    countReferralsByService(input.db, input.programmeId),
    listEscalations(input.db, input.programmeId),
    listVersions(input.db, input.programmeId),
  ]);
  return {
    countsByService: counts.map((row) => ({ serviceId: row.service_id, serviceName: row.service_name, open: Number(row.open), accepted: Number(row.accepted), closed: Number(row.closed) })),
    escalations: escalations.map((row) => ({ reference: row.reference, serviceName: row.service_name, status: row.status, escalatedAt: (row.escalated_at ?? new Date(0)).toISOString() })),
    versions: versions.map((row) => ({ version: row.version, changedAt: row.changed_at.toISOString(), changedBy: row.display_name })),
  };
}

/**
 * Changes a programme: everything in one go, from the version the manager saw (an older one answers 409). Raises
 * the version and keeps a snapshot; referrals already sent keep the deadlines they were sent under.
 */
export async function updateProgramme(input: Deps & { programmeId: string; request: UpdateProgrammeRequest }): Promise<Programme> {
  const { actor, programmeId, request } = input;
  return inTransaction(input.db, async (trx) => {
    await assertManages(trx, actor, programmeId);
    const before = await lockProgramme(trx, programmeId);
    if (!before) throw new AppError('not_found');
    if (before.version !== request.version) throw new AppError('programme_changed');
    await assertStatusChange(trx, programmeId, ProgrammeStatus.parse(before.status), request.status);
    await assertConfigurationWorks(trx, request);
    const now = input.clock.now();
    const version = before.version + 1;
    await writeConfiguration(trx, programmeId, { request, version, now });
    await insertVersion(trx, { programme_id: programmeId, version, configuration: configurationSnapshot(request), changed_by_user_id: actor.userId, changed_at: now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'programme.update',
      objectType: 'programme',
      objectId: programmeId,
      details: { version, status: request.status, referrers: request.referrerOrganisationIds.length, services: request.services.length },
    });
    return readProgramme(trx, programmeId);
  });
}

const allowedStatusChanges: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  planned: ['planned', 'running', 'ended'],
  running: ['running', 'ended'],
  ended: ['ended'],
};

async function assertStatusChange(db: Db, programmeId: string, from: ProgrammeStatus, to: ProgrammeStatus): Promise<void> {
  if (!allowedStatusChanges[from].includes(to)) throw new AppError('conflict', [{ path: 'status', message: `${from} → ${to}` }]);
  if (to === 'ended' && from !== 'ended' && (await countOpenReferrals(db, programmeId)) > 0) throw new AppError('programme_has_open_referrals');
}

/**
 * A programme must route only where someone can see a referral: every service active, and taking only roles its
 * line sees. A running programme needs at least one referrer and one service.
 */
async function assertConfigurationWorks(db: Db, request: UpdateProgrammeRequest): Promise<void> {
  if ((await countActiveOrganisations(db, request.referrerOrganisationIds)) !== new Set(request.referrerOrganisationIds).size) {
    throw new AppError('validation_failed', [{ path: 'referrerOrganisationIds', message: 'unknown_or_inactive_organisation' }]);
  }
  const services = await listActiveServicesById(db, request.services.map((service) => service.serviceId));
  const lineById = new Map(services.map((service) => [service.id, ServiceLine.nullable().parse(service.service_line)]));
  const missing = request.services.findIndex((service) => !lineById.has(service.serviceId));
  if (missing >= 0) throw new AppError('validation_failed', [{ path: `services.${missing}.serviceId`, message: 'unknown_or_inactive_service' }]);
  const unseen = request.services.filter((service) => (service.receivesRoles ?? []).some((role) => !rolesReceivedBy(lineById.get(service.serviceId) ?? null).includes(role)));
  if (unseen.length > 0) {
    const names = unseen.map((service) => services.find((row) => row.id === service.serviceId)?.name ?? '').join(', ');
    throw new AppError('programme_role_not_seen', undefined, { services: names });
  }
  if (request.status === 'running' && (request.referrerOrganisationIds.length === 0 || request.services.length === 0)) {
    throw new AppError('validation_failed', [{ path: request.services.length === 0 ? 'services' : 'referrerOrganisationIds', message: 'running_programme_needs_referrers_and_services' }]);
  }
}

async function writeConfiguration(trx: Transaction<Database>, programmeId: string, input: { request: UpdateProgrammeRequest; version: number; now: Date }): Promise<void> {
  const { request, version, now } = input;
  await updateProgrammeRow(trx, programmeId, {
    name: request.name,
    description: request.description,
    funder: request.funder,
    period_start: request.periodStart,
    period_end: request.periodEnd,
    status: request.status,
    version,
    updated_at: now,
  });
  await replaceReferrers(trx, programmeId, [...new Set(request.referrerOrganisationIds)]);
  await replaceProgrammeServices(trx, programmeId, request.services.map((service, index) => toProgrammeServiceColumns(programmeId, service, index)));
}

/** Routing order as priorities 10, 20, …: room to insert by hand, and the order is the array's. */
function toProgrammeServiceColumns(programmeId: string, service: ProgrammeServiceSettings, index: number) {
  return {
    programme_id: programmeId,
    service_id: service.serviceId,
    routing_priority: (index + 1) * 10,
    is_proposed: service.isProposed || service.isFallback,
    is_fallback: service.isFallback,
    receives_roles: service.receivesRoles,
    receives_genders: service.receivesGenders,
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    first_contact_deadline_hours: service.firstContactDeadlineHours,
    high_risk_deadline_hours: service.highRiskDeadlineHours,
    max_contact_attempts: service.maxContactAttempts,
  };
}

/** What a version was: the request without the version it was made from. Ids, codes and names only. */
function configurationSnapshot(request: UpdateProgrammeRequest) {
  const { version: _from, ...configuration } = request;
  return configuration;
}

/**
 * Ends a programme that has open referrals: in one transaction they are handed over to another service (which must
 * take every one, with the person's consent for its organisation) or closed with the reason "programme ended";
 * then the programme is ended as a new version. Live updates go out after the commit.
 */
export async function endProgramme(input: Deps & { cipher: FieldCipher; liveUpdates: LiveUpdates; programmeId: string; request: EndProgrammeRequest }): Promise<Programme> {
  const { actor, programmeId, request } = input;
  const outcome = await inTransaction(input.db, async (trx) => {
    await assertManages(trx, actor, programmeId);
    // Creations in the programme in flight commit first, later ones find it ended (before the row lock: see the helper).
    await closeReferralIntake(trx, { programmeId });
    const before = await lockProgramme(trx, programmeId);
    if (!before) throw new AppError('not_found');
    if (before.version !== request.version) throw new AppError('programme_changed');
    if (before.status === 'ended') throw new AppError('conflict', [{ path: 'status', message: 'ended' }]);
    const target = request.openReferrals.kind === 'hand_over'
      ? ({ kind: 'hand_over', serviceId: request.openReferrals.serviceId } as const)
      : ({ kind: 'close', reason: 'programme_ended', explanation: request.openReferrals.explanation } as const);
    const ended = await handOverOpenReferrals(trx, { deps: { clock: input.clock, cipher: input.cipher }, actor, referralFilter: { programmeId }, target });
    const now = input.clock.now();
    const version = before.version + 1;
    await updateProgrammeRow(trx, programmeId, { status: 'ended', version, updated_at: now });
    await insertVersion(trx, { programme_id: programmeId, version, configuration: { status: 'ended', openReferrals: request.openReferrals.kind }, changed_by_user_id: actor.userId, changed_at: now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'programme.end',
      objectType: 'programme',
      objectId: programmeId,
      details: { version, openReferrals: request.openReferrals.kind, handedOver: ended.handedOverCount, closed: ended.closedCount },
    });
    return { programme: await readProgramme(trx, programmeId), changes: ended.changes };
  });
  await publishReferralChanges(input.liveUpdates, outcome.changes);
  return outcome.programme;
}

// ---------------------------------------------------------------------------------------------------------------
// Views

async function readProgramme(db: Db, programmeId: string): Promise<Programme> {
  const row = await findProgramme(db, programmeId);
  if (!row) throw new AppError('not_found');
  const [referrers, services, managers] = await Promise.all([listReferrers(db, programmeId), listProgrammeServices(db, programmeId), listManagers(db, [programmeId])]);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    funder: row.funder,
    periodStart: row.period_start_day,
    periodEnd: row.period_end_day,
    status: ProgrammeStatus.parse(row.status),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    referrers: referrers.map((referrer) => ({ organisationId: referrer.id, name: referrer.name, kind: OrganisationKind.parse(referrer.kind) })),
    services: services.map(toServiceView),
    managers: managers.map(toManager),
  };
}

function toServiceView(row: ProgrammeServiceRow): Programme['services'][number] {
  return {
    serviceId: row.service_id,
    receivesRoles: row.receives_roles === null ? null : row.receives_roles.map((role) => PersonRole.parse(role)),
    receivesGenders: row.receives_genders === null ? null : row.receives_genders.map((gender) => Gender.parse(gender)),
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    isProposed: row.is_proposed,
    isFallback: row.is_fallback,
    firstContactDeadlineHours: row.first_contact_deadline_hours,
    highRiskDeadlineHours: row.high_risk_deadline_hours,
    maxContactAttempts: row.max_contact_attempts,
    serviceName: row.service_name,
    organisationName: row.organisation_name,
    serviceLine: ServiceLine.nullable().parse(row.service_line),
    isServiceActive: row.is_service_active,
    serviceFirstContactDeadlineHours: row.service_first_contact_deadline_hours,
    serviceHighRiskDeadlineHours: row.service_high_risk_deadline_hours,
    serviceMaxContactAttempts: row.service_max_contact_attempts,
  };
}

function toManager(row: Awaited<ReturnType<typeof listManagers>>[number]): ProgrammeManager {
  return { userId: row.user_id, displayName: row.display_name, email: row.email, organisationName: row.organisation_name };
}

async function toSummaries(db: Db, rows: Awaited<ReturnType<typeof listProgrammes>>): Promise<ProgrammeSummary[]> {
  const managers = await listManagers(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: ProgrammeStatus.parse(row.status),
    version: row.version,
    periodStart: row.period_start_day,
    periodEnd: row.period_end_day,
    referrerCount: Number(row.referrer_count ?? 0),
    serviceCount: Number(row.service_count ?? 0),
    managers: managers.filter((manager) => manager.programme_id === row.id).map(toManager),
  }));
}

async function getSummary(db: Db, programmeId: string): Promise<ProgrammeSummary> {
  const summary = (await toSummaries(db, await listProgrammes(db, {}))).find((programme) => programme.id === programmeId);
  if (!summary) throw new AppError('not_found');
  return summary;
}
