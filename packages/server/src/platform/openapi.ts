import { listRolesWithPermission, Problem, type Permission } from '@bro/domain';
import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCsrfTokenRequired } from './auth/authorization.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SESSION_COOKIE } from './auth/session.ts';

/**
 * The OpenAPI 3.1 document, built centrally from what every route already declares (its zod schemas, its
 * `config.permission`, its rate limit): a stable operationId, its security, and the problem responses it can give.
 * So the document is good enough to generate clients from without each route restating any of it; a route may
 * still say better where it knows better (`schema.operationId`, its own response for a status).
 */

const SESSION_SCHEME = 'sessionCookie';
const CSRF_SCHEME = 'csrfHeader';
const PROBLEM_SCHEMA_REF = '#/components/schemas/ProblemDocument';

/** Every tag a route uses, described; `http.test.ts` fails on a tag missing here. */
export const tagDescriptions: Record<string, string> = {
  platform: 'Health of the service itself.',
  auth: "Sign-in (password and TOTP, or the organisation's OIDC identity provider), the session and sign-out.",
  organisations: 'Organisations on the platform and their identity providers (platform administration).',
  messages: 'The outbox of outgoing e-mail and SMS: dead messages and their retry (platform administration; never a recipient or a text).',
  users: "An organisation's staff accounts and units (organisation administration).",
  programmes: 'Programmes: started by the platform admin, set up by their managers (referrers, services, whom each takes, routing order, deadlines); counts and escalations by reference only.',
  services: "An organisation's own services (tilbud): whom each takes, its deadlines and contact attempts (organisation administration).",
  referrals: 'Referrals by front-line staff, with the person’s consent: create, send, withdraw, follow.',
  notifications: 'Notifications for the signed-in user.',
  inbox: "A receiving service's intake of referrals: accept, decline, reroute, first contact, hand-over; live updates.",
  courses: 'Counselling courses (forløb): caseload, supervision, opening, triage, counsellor, safe contact, closing.',
  'risk assessment': 'Risk instruments and the assessments made with them in a course.',
  sessions: 'The sessions (samtaler) of a course: attendance and notes.',
  'safety plan': "A course's safety plan, its earlier versions and its print.",
  outcomes: "A course's outcome measurements, by phase.",
  bridging: 'Onward referrals, crisis shelter stays and underretninger (reports of concern) from a course.',
  'access history': 'A person’s extract of who has looked at their data (GDPR Art. 15).',
  'course configuration': "A service's course template, eligibility rules and staff.",
  directory: "An organisation's own listings in the public help directory.",
  approvals: 'Four-eyes approval of public content (directory listings): what waits, approve, reject with a reason.',
  hsds: 'The public help directory as an Open Referral HSDS 3.0 API: no session, no personal data.',
  campaigns: 'Awareness campaigns and their publication.',
  statistics: 'Aggregate statistics (how people heard about a service).',
  'group offers': "A service's conversation-group offers: target group, eligibility rules, capacity, meetings and rhythm, facilitators.",
  'group waiting lists': "An offer's waiting list: places in order, preferences, waiting times, declining, reconfirmation.",
  'conversation groups': 'Conversation groups and their meetings: participants picked from the list, attendance, notes, before/after ratings, closing.',
  events: "A service's recurring open events (drop-in, lunch): recurrence, cancelled dates, dates ahead, anonymous head counts.",
  calendar: "A staff member's own calendar: the week view and a private, revocable iCalendar feed address (no participant names).",
  'peer-support': 'Peer support: the register of peer supporters, consented pairings, the contact log, and a supporter’s own pairings.',
  'community meetings': 'Community meetings across Denmark: planning, facilitation (sign-ups by first name, report, evaluation code) and anonymous evaluations.',
};

/**
 * Names whose derivation reads badly (verbs hidden in nouns, Danish plurals), keyed by `METHOD path`. Prefer
 * `schema.operationId` on a route; these live here while the route files move, and a test checks each still names
 * a route.
 */
export const operationIdOverrides: Record<string, string> = {
  'POST /api/auth/login': 'logIn',
  'POST /api/auth/logout': 'logOut',
  'POST /api/auth/totp': 'verifyTotp',
  'GET /api/auth/oidc/{organisationSlug}/start': 'startOidcSignIn',
  'GET /api/auth/oidc/callback': 'completeOidcSignIn',
  'GET /api/referrals/options': 'listReferralOptions',
  'POST /api/notifications/{notificationId}/read': 'markNotificationRead',
  'GET /api/inbox/events': 'streamInboxEvents',
  'POST /api/inbox/{referralId}/hand-over': 'handOverInboxReferral',
  'GET /api/courses/services': 'listCourseServices',
  'POST /api/courses/{courseId}/sessions/{sessionId}/attendance': 'recordCourseSessionAttendance',
  'POST /api/courses/{courseId}/underretninger': 'createCourseUnderretning',
  'POST /api/courses/{courseId}/underretninger/{underretningId}/receipt': 'recordCourseUnderretningReceipt',
  'POST /api/courses/{courseId}/access-history': 'createCourseAccessHistoryExtract',
  'GET /api/hsds': 'getHsdsMetadata',
};

/** The swagger plugin's options: document-wide parts here, per-operation parts in {@link documentOperation}. */
export function createSwaggerOptions(input: { publicOrigin: string }): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bro API',
        version: '0.1.0',
        description: 'Consented referrals between front-line staff and specialist services for violence in close relationships.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: input.publicOrigin.replace(/\/+$/, ''), description: 'This installation' }],
      tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: `The session, set by sign-in (HttpOnly, Secure, SameSite=Strict). Ends after ${IDLE_TIMEOUT_MS / 60_000} idle minutes, and after ${ABSOLUTE_TIMEOUT_MS / 3_600_000} hours at the latest.`,
          },
          [CSRF_SCHEME]: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: "The session's CSRF token (`csrfToken` of the sign-in answer and of GET /api/session), required with the cookie on every request that is not GET, HEAD or OPTIONS.",
          },
        },
        schemas: { ProblemDocument: createProblemDocumentSchema() },
      },
    },
    transform: documentOperation,
  };
}

/** RFC 9457 problem document, exactly the fields `sendProblem` (platform/errors.ts) sends. */
function createProblemDocumentSchema(): Record<string, unknown> {
  const sent = Problem.omit({ instance: true }).extend({
    type: Problem.shape.type.describe('URI identifying the kind of problem, e.g. https://bro.dk/problems/not-found'),
    title: Problem.shape.title.describe('Short summary in the language of Accept-Language (Danish or English)'),
    status: Problem.shape.status.describe('The HTTP status code'),
    detail: Problem.shape.detail.describe('What happened and what to do, for people (Danish or English)'),
    code: Problem.shape.code.describe('Machine-readable reason; decide on this, not on the texts'),
    errors: Problem.shape.errors.describe('With `validation_failed`: each invalid field (`body.email`, `params.id`…) and why'),
  });
  const { $schema: _dialect, ...schema } = z.toJSONSchema(sent, { target: 'draft-2020-12', io: 'output' });
  return { ...schema, description: 'An error, as RFC 9457 problem details (`application/problem+json`).' };
}

type JsonSchema = { properties?: Record<string, unknown> };
type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: { $ref: string } } } };

/**
 * The transform for every route: zod → JSON Schema (`jsonSchemaTransform`), then its operationId, security,
 * permission and problem responses. Hidden routes (pages, the docs themselves) stay hidden.
 */
const documentOperation: SwaggerTransform = (document) => {
  const { schema, url } = jsonSchemaTransform(document);
  const { route } = document;
  if (schema.hide) return { schema, url };
  // One operation per route: its operationId and security depend on the method.
  if (typeof route.method !== 'string') throw new Error(`OpenAPI: ${url} has several methods; register one route per method`);
  const method = route.method.toUpperCase();
  const path = toOpenApiPath(url);
  const permission = route.config?.permission;
  const isPublic = permission === 'public';
  const declared = schema as FastifySchema & { operationId?: string; description?: string; response?: Record<string, unknown> };
  const problems = listProblemResponses({
    method,
    hasPathParameters: path.includes('{'),
    hasInputSchema: Boolean(schema.body ?? schema.params ?? schema.querystring ?? schema.headers),
    hasBody: Boolean(schema.body),
    isPublic,
    isRateLimited: Boolean(route.config?.rateLimit),
    isIdempotent: Boolean((schema.headers as JsonSchema | undefined)?.properties?.['idempotency-key']),
  });
  return {
    url,
    schema: {
      ...schema,
      operationId: declared.operationId ?? operationIdOverrides[`${method} ${path}`] ?? deriveOperationId(method, path),
      description: [declared.description, describePermission(permission)].filter(Boolean).join('\n\n'),
      security: listSecurityRequirements(method, isPublic),
      'x-permission': permission,
      // What the route declares itself wins over the generic wording.
      response: { ...problems, ...declared.response },
    },
  };
};

const itemVerbs: Record<string, string> = { GET: 'get', PUT: 'set', PATCH: 'update', DELETE: 'delete', POST: 'post' };
const collectionVerbs: Record<string, string> = { GET: 'list', POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete' };

/**
 * A readable operationId from method and path, the same on every build: a verb, then the path's nouns (without
 * `/api`), where a collection followed by an id is named in the singular. `GET /api/referrals` → `listReferrals`,
 * `POST /api/referrals` → `createReferral`, `GET /api/referrals/{referralId}` → `getReferral`, and a final
 * segment that is not a plural noun is the verb of a POST: `POST /api/inbox/{referralId}/accept` →
 * `acceptInboxReferral`, `POST /api/admin/users/{userId}/reset-totp` → `resetAdminUserTotp`.
 */
export function deriveOperationId(method: string, path: string): string {
  const segments = path.replace(/^\/api(?=\/|$)/, '').split('/').filter(Boolean);
  const nouns: string[] = [];
  for (const segment of segments) {
    const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
    nouns.push(parameter === undefined ? segment : nameItem(nouns.pop() ?? '', parameter));
  }
  const isItem = /^\{.+\}$/.test(segments.at(-1) ?? '');
  const last = nouns.at(-1) ?? '';
  let words: string[];
  if (isItem) words = [itemVerbs[method] ?? method.toLowerCase(), ...nouns];
  else if (method === 'POST' && !isPlural(last) && nouns.length > 1) {
    // An action: `reset-totp` is the verb `reset` and its object `totp`, which follows the resource.
    const [verb = '', ...object] = last.split('-');
    words = [verb, ...nouns.slice(0, -1), ...object];
  } else if (method === 'GET') words = [isPlural(last) ? 'list' : 'get', ...nouns];
  else words = [collectionVerbs[method] ?? method.toLowerCase(), ...nouns.slice(0, -1), method === 'POST' ? singular(last) : last];
  return toCamelCase(words.flatMap((word) => word.split('-')));
}

/** `referrals` + `referralId` → `referral`; `inbox` + `referralId` → `inbox-referral`; `underretninger` + `underretningId` → `underretning`. */
function nameItem(collection: string, parameter: string): string {
  if (isPlural(collection)) return singular(collection);
  const noun = parameter === 'id' ? '' : parameter.replace(/(Id|Slug)$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  if (!noun) return collection;
  return collection.replaceAll('-', '').startsWith(noun.replaceAll('-', '')) ? noun : `${collection}-${noun}`;
}

function isPlural(noun: string): boolean {
  return /[^s]s$/.test(noun);
}

function singular(noun: string): string {
  return noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, '');
}

function toCamelCase(words: string[]): string {
  return words
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word.toLowerCase() : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join('');
}

/** Mirrors the authorization hook: public routes need nothing; a session's unsafe requests need its CSRF token too. */
function listSecurityRequirements(method: string, isPublic: boolean): Record<string, string[]>[] {
  if (isPublic) return [];
  // One requirement with both schemes: the cookie AND the header.
  return [isCsrfTokenRequired(method) ? { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] } : { [SESSION_SCHEME]: [] }];
}

function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function describePermission(permission: Permission | undefined): string {
  if (permission === 'public') return 'Public: no session.';
  if (permission === 'session') return 'Permission `session`: any signed-in user.';
  if (permission === 'mfa_pending') return 'Permission `mfa_pending`: a sign-in between the password and the second factor.';
  if (!permission) return 'Declares no permission: always refused.';
  const roles = listRolesWithPermission(permission);
  return `Permission \`${permission}\` (roles: ${roles.join(', ')}).`;
}

type RouteFacts = {
  method: string;
  hasPathParameters: boolean;
  hasInputSchema: boolean;
  hasBody: boolean;
  isPublic: boolean;
  isRateLimited: boolean;
  isIdempotent: boolean;
};

/**
 * The problem responses a route can give whatever its use case does: from the error handler (422, 413), the
 * authorization hook (401, 403), ids in the path (404), idempotency keys (400, 409) and rate limits (429), plus
 * `default` for 500/503. Use-case outcomes such as 409 `transition_not_allowed` are the route's to declare.
 */
export function listProblemResponses(facts: RouteFacts): Record<string, ProblemResponse> {
  const responses: Record<string, ProblemResponse> = {};
  const add = (status: string, description: string) => {
    responses[status] = { description, content: { 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA_REF } } } };
  };
  if (facts.isIdempotent) add('400', 'The `Idempotency-Key` header is missing or malformed (`idempotency_key_invalid`).');
  if (!facts.isPublic) add('401', 'No live session: none, or it expired or was idle too long (`unauthenticated`, `session_expired`).');
  if (!facts.isPublic) {
    const csrf = isCsrfTokenRequired(facts.method) ? ', or its CSRF token is missing or wrong (`csrf_failed`)' : '';
    add('403', `This session may not do this (\`forbidden\`)${csrf}.`);
  }
  if (facts.hasPathParameters) add('404', "No such object, or none the caller may see: another organisation's object is not found either (`not_found`).");
  if (facts.isIdempotent) add('409', 'A request with the same `Idempotency-Key` is still running (`idempotency_in_flight`).');
  if (facts.hasBody) add('413', 'The request body is larger than the server accepts (`payload_too_large`).');
  if (facts.hasInputSchema) {
    const mismatch = facts.isIdempotent ? '; or the `Idempotency-Key` was used before with another body (`idempotency_mismatch`)' : '';
    add('422', `The request does not match its schema (\`validation_failed\`, with \`errors\` per field)${mismatch}.`);
  }
  if (facts.isRateLimited) add('429', 'Too many requests from this client; retry after `Retry-After` seconds (`rate_limited`).');
  add('default', 'An unexpected error (500 `internal_error`), or the database cannot be reached (503 `service_unavailable`).');
  return responses;
}
