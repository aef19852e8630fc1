import { AdminUser, AdminUserList, CreateUnitRequest, CreateUserRequest, CreateUserResponse, Unit, UnitList, UpdateUserRequest, UserIdParams, type UserAction } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { createUnit, createUser, deactivateUser, listUnits, listUsers, reactivateUser, resetUserTotp, unlockUser, updateUser } from './user.service.ts';

/** User administration of the admin's own organisation. Every lookup is scoped to it; others' users are 404. */
export function registerUserRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'users:manage' as const };
  // User and role changes need a recent proof of identity: a borrowed, unattended admin session must not hand out access.
  const changeConfig = { ...config, isReauthenticationRequired: true };
  const tags = ['users'];

  api.get(
    '/admin/users',
    { config, schema: { tags, summary: 'Users of the own organisation, in Danish alphabetical order', response: { 200: AdminUserList } } },
    async (request) => listUsers({ db, actor: requireActor(request) }),
  );

  api.post(
    '/admin/users',
    {
      config: changeConfig,
      schema: {
        tags,
        summary: 'Creates a user; the initial password is answered once and never again',
        body: CreateUserRequest,
        response: { 201: CreateUserResponse },
      },
    },
    async (request, reply) => {
      const created = await createUser({ db, clock, actor: requireActor(request), request: request.body });
      return reply.status(201).send(created);
    },
  );

  api.patch(
    '/admin/users/:userId',
    {
      config: changeConfig,
      schema: { tags, summary: 'Changes name, role, unit or service line; takes effect at once', params: UserIdParams, body: UpdateUserRequest, response: { 200: AdminUser } },
    },
    async (request) => updateUser({ db, clock, actor: requireActor(request), userId: request.params.userId, request: request.body }),
  );

  const actions = [
    { path: 'deactivate', summary: 'Deactivates the user and ends all their sessions at once', run: deactivateUser },
    { path: 'reactivate', summary: 'Lets a deactivated user sign in again', run: reactivateUser },
    { path: 'unlock', summary: 'Lifts the lockout after repeated failed logins', run: unlockUser },
    { path: 'reset-totp', summary: 'Forgets the second factor and ends all sessions; the next login enrols again', run: resetUserTotp },
  ] as const satisfies readonly { path: UserAction; summary: string; run: unknown }[];
  for (const action of actions) {
    api.post(
      `/admin/users/:userId/${action.path}`,
      { config: changeConfig, schema: { tags, summary: action.summary, params: UserIdParams, response: { 200: AdminUser } } },
      async (request) => action.run({ db, clock, cipher: deps.cipher, liveUpdates: deps.liveUpdates, actor: requireActor(request), userId: request.params.userId }),
    );
  }

  registerUnitRoutes(app, deps);
}

/** Units (teams, stations) of the admin's own organisation, which users can be placed in. */
function registerUnitRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'users:manage' as const };
  const tags = ['users'];

  api.get(
    '/admin/units',
    { config, schema: { tags, summary: 'Units of the own organisation', response: { 200: UnitList } } },
    async (request) => listUnits({ db, actor: requireActor(request) }),
  );

  api.post(
    '/admin/units',
    { config, schema: { tags, summary: 'Creates a unit in the own organisation', body: CreateUnitRequest, response: { 201: Unit } } },
    async (request, reply) => {
      const unit = await createUnit({ db, clock, actor: requireActor(request), name: request.body.name });
      return reply.status(201).send(unit);
    },
  );
}
