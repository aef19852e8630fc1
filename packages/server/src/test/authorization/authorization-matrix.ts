import { Role } from '@bro/domain';
import type { Expected, OperationPolicy } from './authorization-policy.ts';

/**
 * Expands the reviewed policy (authorization-policy.ts) over the operations of the OpenAPI document into the
 * authorization matrix: every operation × every role (and no session) × own organisation, another organisation
 * or (for staff limited to a service line) the other line of the own organisation × the victim and the
 * perpetrator side × the object states the policy names. Pure: the generator writes the result as CSV, the
 * matrix test reads it back and checks it is still what the policy and the live document give.
 */

export type Operation = { operationId: string; method: string; path: string };
type Actor = Role | 'anonymous';
export type Relation = 'own' | 'other_org' | 'other_line' | 'none';
export type Side = 'victim' | 'perpetrator';
export type MatrixCase = { operationId: string; method: string; path: string; role: Actor; relation: Relation; side: Side; state: string; expected: Expected };

const sides: readonly Side[] = ['victim', 'perpetrator'];
/** Staff whose membership may be limited to one service line: for them the other line is a third relation. */
const lineRoles: readonly Role[] = ['intake_coordinator', 'counsellor', 'supervisor'];
const CSV_HEADER = 'operationId,method,path,role,relation,side,state,expected';

export function listOperations(document: { paths?: Record<string, Record<string, { operationId?: string }>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation.operationId) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has no operationId`);
      operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path });
    }
  }
  return operations;
}

/** Fails, naming them, when an operation has no policy or a policy names no operation: nothing goes untested. */
export function expandMatrix(operations: readonly Operation[], policy: Readonly<Record<string, OperationPolicy>>): MatrixCase[] {
  const unknown = operations.filter((operation) => !policy[operation.operationId]).map((operation) => `${operation.method} ${operation.path} (${operation.operationId})`);
  if (unknown.length > 0) throw new Error(`authorization policy: no decision for ${unknown.join(', ')}; add it to authorization-policy.ts`);
  const documented = new Set(operations.map((operation) => operation.operationId));
  const stale = Object.keys(policy).filter((operationId) => !documented.has(operationId));
  if (stale.length > 0) throw new Error(`authorization policy: ${stale.join(', ')} is no operation of the OpenAPI document`);
  return operations.flatMap((operation) => expandOperation(operation, policy[operation.operationId] as OperationPolicy));
}

function expandOperation(operation: Operation, policy: OperationPolicy): MatrixCase[] {
  const cases: MatrixCase[] = [];
  const states = Object.keys(policy.states ?? { default: 'allowed' });
  for (const role of ['anonymous', ...Role.options] as const) {
    for (const relation of listRelations(role)) {
      for (const side of sides) {
        for (const state of states) cases.push({ ...operation, role, relation, side, state, expected: expectedAnswer(policy, role, relation, state) });
      }
    }
  }
  return cases;
}

function listRelations(role: Actor): Relation[] {
  if (role === 'anonymous') return ['none'];
  return lineRoles.includes(role) ? ['own', 'other_org', 'other_line'] : ['own', 'other_org'];
}

/** The expected answer of one case, from the policy alone. */
function expectedAnswer(policy: OperationPolicy, role: Actor, relation: Relation, state: string): Expected {
  const inState = policy.states?.[state] ?? 'allowed';
  if (policy.who === 'public') return inState;
  if (role === 'anonymous') return 'unauthenticated';
  // A fully signed-in session is past the second-factor steps: they are not its to call.
  if (policy.who === 'pending') return 'forbidden';
  const isPermitted = policy.who === 'signed_in' || policy.who.includes(role);
  if (!isPermitted) return 'forbidden';
  if (policy.grant) return holdsGrant(policy.grant, role, relation) ? inState : policy.grant.withoutGrant;
  if (!policy.object || policy.scope !== 'own') return inState;
  return relation === 'own' ? inState : 'not_found';
}

/** In the matrix's world each side's programme is managed by that side's own organisation admin. */
function holdsGrant(grant: NonNullable<OperationPolicy['grant']>, role: Actor, relation: Relation): boolean {
  return (role === 'organisation_admin' && relation === 'own') || (grant.platformAdmin === true && role === 'platform_admin');
}

export function toCsv(cases: readonly MatrixCase[]): string {
  const rows = cases.map((c) => [c.operationId, c.method, c.path, c.role, c.relation, c.side, c.state, c.expected].join(','));
  return `${[CSV_HEADER, ...rows].join('\n')}\n`;
}

export function fromCsv(text: string): MatrixCase[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  if (header !== CSV_HEADER) throw new Error('authorization matrix: unexpected header');
  return rows.map((row) => {
    const [operationId = '', method = '', path = '', role, relation, side, state = '', expected] = row.split(',');
    return { operationId, method, path, role: role as Actor, relation: relation as Relation, side: side as Side, state, expected: expected as Expected };
  });
}
