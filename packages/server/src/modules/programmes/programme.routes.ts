import {
  AppointManagerRequest,
  CreateProgrammeRequest,
  EndProgrammeRequest,
  Programme,
  ProgrammeChoices,
  ProgrammeOverview,
  ProgrammeSummary,
  ProgrammeSummaryList,
  UpdateProgrammeRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import {
  appointManager,
  createProgramme,
  endProgramme,
  getProgramme,
  getProgrammeChoices,
  getProgrammeOverview,
  listAllProgrammes,
  listManagedProgrammes,
  removeManager,
  updateProgramme,
} from './programme.service.ts';

const ProgrammeIdParams = z.strictObject({ programmeId: z.uuid() });
const ManagerParams = z.strictObject({ programmeId: z.uuid(), userId: z.uuid() });
const tags = ['programmes'];

/**
 * Programme administration. The platform admin's routes need `programmes:manage`. A programme manager holds a grant
 * on a programme, not a role: their routes need a signed-in session, and the use case answers 404 for a programme
 * they do not manage. Nothing here reads a referral: counts and references only.
 */
export function registerProgrammeRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerPlatformRoutes(app, deps);
  registerManagerReadRoutes(app, deps);
  registerManagerChangeRoutes(app, deps);
}

function registerPlatformRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'programmes:manage' as const };

  api.get('/platform/programmes', { config, schema: { tags, summary: 'All programmes with their managers', response: { 200: ProgrammeSummaryList } } }, async () =>
    listAllProgrammes({ db }),
  );

  api.post(
    '/platform/programmes',
    {
      config,
      schema: { tags, summary: 'Starts a programme (planned) and appoints its manager', body: CreateProgrammeRequest, response: { 201: ProgrammeSummary } },
    },
    async (request, reply) => reply.status(201).send(await createProgramme({ db, clock, actor: requireActor(request), request: request.body })),
  );

  api.post(
    '/platform/programmes/:programmeId/managers',
    { config, schema: { tags, summary: 'Appoints a manager of the programme', params: ProgrammeIdParams, body: AppointManagerRequest, response: { 200: ProgrammeSummary } } },
    async (request) => appointManager({ db, clock, actor: requireActor(request), programmeId: request.params.programmeId, email: request.body.email }),
  );
}

// A grant on a programme, checked on the object by every use case below (another programme answers 404).
const managerConfig = { permission: 'session' as const };

function registerManagerReadRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const config = managerConfig;

  api.get('/programmes', { config, schema: { tags, summary: 'The programmes the user manages', response: { 200: ProgrammeSummaryList } } }, async (request) =>
    listManagedProgrammes({ db, actor: requireActor(request) }),
  );

  api.get(
    '/programmes/choices',
    { config, schema: { tags, summary: 'Organisations and services a programme manager can choose from (names only)', response: { 200: ProgrammeChoices } } },
    async (request) => getProgrammeChoices({ db, actor: requireActor(request) }),
  );

  api.get(
    '/programmes/:programmeId',
    { config, schema: { tags, summary: 'A managed programme’s configuration', params: ProgrammeIdParams, response: { 200: Programme } } },
    async (request) => getProgramme({ db, actor: requireActor(request), programmeId: request.params.programmeId }),
  );

  api.get(
    '/programmes/:programmeId/overview',
    { config, schema: { tags, summary: 'Referral counts per service, escalations by reference and the version history', params: ProgrammeIdParams, response: { 200: ProgrammeOverview } } },
    async (request) => getProgrammeOverview({ db, actor: requireActor(request), programmeId: request.params.programmeId }),
  );
}

function registerManagerChangeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher, liveUpdates } = deps;
  const config = managerConfig;

  api.put(
    '/programmes/:programmeId',
    {
      config,
      schema: {
        tags,
        summary: 'Changes a managed programme; the change applies to new referrals only',
        description: 'Made from `version`; a change from an older version answers 409 `programme_changed`. Ending a programme with open referrals answers 409 `programme_has_open_referrals`.',
        params: ProgrammeIdParams,
        body: UpdateProgrammeRequest,
        response: { 200: Programme },
      },
    },
    async (request) => updateProgramme({ db, clock, actor: requireActor(request), programmeId: request.params.programmeId, request: request.body }),
  );

  api.post(
    '/programmes/:programmeId/end',
    {
      config,
      schema: {
        tags,
        summary: 'Ends a managed programme, handing its open referrals over to another service or closing them',
        description:
          'In one transaction. A service that cannot take every open referral (role, gender, age, or no consent for its organisation) answers 422 `open_work_not_movable` and nothing changes.',
        params: ProgrammeIdParams,
        body: EndProgrammeRequest,
        response: { 200: Programme },
      },
    },
    async (request) => endProgramme({ db, clock, cipher, liveUpdates, actor: requireActor(request), programmeId: request.params.programmeId, request: request.body }),
  );

  api.post(
    '/programmes/:programmeId/managers',
    { config, schema: { tags, summary: 'Appoints a co-manager of a managed programme', params: ProgrammeIdParams, body: AppointManagerRequest, response: { 200: ProgrammeSummary } } },
    async (request) => appointManager({ db, clock, actor: requireActor(request), programmeId: request.params.programmeId, email: request.body.email }),
  );

  api.delete(
    '/programmes/:programmeId/managers/:userId',
    { config, schema: { tags, summary: 'Removes a manager (never the last one)', params: ManagerParams, response: { 200: ProgrammeSummary } } },
    async (request) => removeManager({ db, clock, actor: requireActor(request), programmeId: request.params.programmeId, userId: request.params.userId }),
  );
}
