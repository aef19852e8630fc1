import { hasPermission, Permission, Role, type OrganisationKind, type ServiceLine } from '@bro/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/tables.ts';
import type { Clock } from '../clock.ts';
import { sendProblem } from '../errors.ts';
import { endSession, findLiveSession, touchSession } from './session.queries.ts';
import { ABSOLUTE_TIMEOUT_MS, hashSessionToken, SESSION_COOKIE } from './session.ts';

/** The authenticated caller, as every use case sees it. */
export type Actor = {
  userId: string;
  displayName: string;
  email: string;
  sessionId: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  membershipId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  unitId: string | null;
  role: Role;
  serviceLine: ServiceLine | null;
  /** When the holder last proved who they are in this session: sign-in or re-authentication. */
  authenticatedAt: Date;
};

/**
 * How recent the last proof of identity must be for a route that declares `isReauthenticationRequired`: changing a
 * person's protection flags, exports of personal data, user and role changes, identity-provider changes, and
 * break-the-glass access when it comes (declare the flag on its route: nothing else is needed).
 */
export const REAUTHENTICATION_WINDOW_MS = 5 * 60_000;

/** A caller between password and second factor. */
export type PendingLogin = { userId: string; sessionId: string; stage: 'mfa_required' | 'mfa_enrolment'; email: string; displayName: string; csrfToken: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: who may call it. Routes without one are refused (deny by default). */
    permission?: Permission;
    /**
     * The route changes something an attacker with a stolen or unattended session must not: it needs a proof of
     * identity within {@link REAUTHENTICATION_WINDOW_MS} (`reauthentication_required` otherwise).
     */
    isReauthenticationRequired?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    pendingLogin: PendingLogin | undefined;
  }
}

/** A route as registered: its permission, whether it needs a fresh sign-in, and its request schemas (what the input-bounds and fuzz tests read). */
export type RouteCatalogueEntry = {
  method: string;
  url: string;
  permission: Permission | undefined;
  isReauthenticationRequired: boolean;
  schema: RouteSchemas | undefined;
  bodyLimit: number | undefined;
};
type RouteSchemas = { body?: unknown; querystring?: unknown; params?: unknown; hide?: boolean };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `last_seen_at` is written at most once a minute (a tenth of the idle timeout when that is shorter, in e2e). */
const TOUCH_INTERVAL_MS = 60_000;

type AuthorizationDeps = { db: Db; clock: Clock; idleTimeoutMs: number };

/** A request on a session must carry its CSRF token unless its method is safe (changes nothing). The OpenAPI document says the same. */
export function isCsrfTokenRequired(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Deny by default. Every request to a known route passes here: the route's declared permission decides; a
 * route that declares none is refused. State-changing requests on a session must carry its CSRF token.
 */
export function registerAuthorization(app: FastifyInstance, deps: AuthorizationDeps): RouteCatalogueEntry[] {
  const catalogue: RouteCatalogueEntry[] = [];
  app.decorateRequest('actor', undefined);
  app.decorateRequest('pendingLogin', undefined);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read the permission lazily: a plugin's own onRoute hook (docs, static files) may declare it after ours runs.
    for (const method of methods) {
      catalogue.push({
        method,
        url: route.url,
        get permission() {
          return route.config?.permission;
        },
        get isReauthenticationRequired() {
          return route.config?.isReauthenticationRequired === true;
        },
        schema: route.schema as RouteSchemas | undefined,
        // Read lazily too: the API's own onRoute hook sets each route's limit (platform/body-limits.ts).
        get bodyLimit() {
          return route.bodyLimit;
        },
      });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission || !Permission.safeParse(permission).success) {
      request.log.error({ route: request.routeOptions.url }, 'route declares no permission: denied');
      return sendProblem(request, reply, 'forbidden');
    }
    if (permission === 'public') return;
    return authenticate(request, reply, permission, deps);
  });

  return catalogue;
}

async function authenticate(request: FastifyRequest, reply: FastifyReply, permission: Permission, deps: AuthorizationDeps) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return sendProblem(request, reply, 'unauthenticated');
  const session = await findLiveSession(deps.db, hashSessionToken(token));
  if (!session) return sendProblem(request, reply, 'unauthenticated');

  const now = deps.clock.now();
  const isIdle = now.getTime() - session.last_seen_at.getTime() > deps.idleTimeoutMs;
  const isTooOld = now.getTime() > session.expires_at.getTime() || now.getTime() - session.created_at.getTime() > ABSOLUTE_TIMEOUT_MS;
  if (isIdle || isTooOld) {
    await endSession(deps.db, session.id, now);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return sendProblem(request, reply, 'session_expired');
  }

  if (isCsrfTokenRequired(request.method) && request.headers['x-csrf-token'] !== session.csrf_token) {
    return sendProblem(request, reply, 'csrf_failed');
  }

  if (session.stage !== 'authenticated') {
    if (permission !== 'mfa_pending') return sendProblem(request, reply, 'unauthenticated');
    request.pendingLogin = {
      userId: session.user_id,
      sessionId: session.id,
      stage: session.stage as PendingLogin['stage'],
      email: session.email,
      displayName: session.display_name,
      csrfToken: session.csrf_token,
    };
    return;
  }
  if (permission === 'mfa_pending') return sendProblem(request, reply, 'forbidden');
  const actor = toActor(session);
  if (!actor || !hasPermission(actor.role, permission)) return sendProblem(request, reply, 'forbidden');
  if (request.routeOptions.config.isReauthenticationRequired && !isRecentlyAuthenticated(actor, now)) {
    return sendProblem(request, reply, 'reauthentication_required');
  }

  if (now.getTime() - session.last_seen_at.getTime() > Math.min(TOUCH_INTERVAL_MS, deps.idleTimeoutMs / 10)) await touchSession(deps.db, session.id, now);
  request.actor = actor;
}

/** Whether the session's last proof of identity is recent enough for a route that requires re-authentication. */
function isRecentlyAuthenticated(actor: Pick<Actor, 'authenticatedAt'>, now: Date): boolean {
  return now.getTime() - actor.authenticatedAt.getTime() <= REAUTHENTICATION_WINDOW_MS;
}

type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** Who a fully signed-in session acts as; `undefined` for a session without a membership. */
export function toActor(session: LiveSession): Actor | undefined {
  if (!session.membership_id || !session.role || !session.organisation_id) return undefined;
  return {
    userId: session.user_id,
    displayName: session.display_name,
    email: session.email,
    sessionId: session.id,
    csrfToken: session.csrf_token,
    authMethod: session.auth_method as Actor['authMethod'],
    membershipId: session.membership_id,
    organisationId: session.organisation_id,
    organisationName: session.organisation_name ?? '',
    organisationKind: session.organisation_kind as OrganisationKind,
    unitId: session.unit_id,
    role: Role.parse(session.role),
    serviceLine: (session.service_line as ServiceLine | null) ?? null,
    authenticatedAt: session.authenticated_at,
  };
}

/** For use in handlers of non-public routes: the hook guarantees an actor is present. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('requireActor used on a route without an authenticated permission');
  return request.actor;
}

export function requirePendingLogin(request: FastifyRequest): PendingLogin {
  if (!request.pendingLogin) throw new Error('requirePendingLogin used on a route without mfa_pending permission');
  return request.pendingLogin;
}
