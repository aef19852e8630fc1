import type { Permission } from '@bro/domain';
import fc from 'fast-check';
import type { RouteCatalogueEntry } from '../../platform/auth/authorization.ts';
import { requestSchemasOf, type JsonSchema, type RequestPart } from '../request-schemas.ts';
import { arbitraryOf } from './schema-arbitraries.ts';

/**
 * Requests for the fuzz test (issue 12 §6), generated from each operation's schemas: valid ones, and broken ones
 * of every kind the review named — wrong types, huge and deeply nested JSON, NUL and other characters no person
 * types, wrong content types, path parameters that are not ids, numbers like `1e309`.
 */

export type Operation = { method: string; url: string; permission: Permission; schemas: Partial<Record<RequestPart, JsonSchema>> };
export type FuzzRequest = { url: string; payload: string | undefined; headers: Record<string, string>; kind: string };

/** A stream that never ends cannot be answered by `inject`; its own tests cover it (intake.routes.ts). */
const NOT_FUZZED = new Set(['GET /api/inbox/events']);

/** Every operation of the OpenAPI document: HEAD is GET's twin; hidden routes (the document itself) are no operations. */
export function listOperations(catalogue: readonly RouteCatalogueEntry[]): Operation[] {
  return catalogue
    .filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.method !== 'HEAD' && route.method !== 'OPTIONS')
    .filter((route) => !NOT_FUZZED.has(`${route.method} ${route.url}`) && route.permission !== undefined && route.schema?.hide !== true)
    .map((route) => ({ method: route.method, url: route.url, permission: route.permission as Permission, schemas: requestSchemasOf(route) }));
}

const NOT_AN_ID = ['1e309', 'null', 'undefined', '-1', '0', '%00', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', 'a'.repeat(300), '%F0%9F%92%A9', '%27%20OR%201%3D1--', '00000000-0000-0000-0000-000000000000'];
const BAD_TEXT = ['\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u0085', '\u202e', '\u2066', '\ud800', '\udc00', '\u200b', '\ufeff', 'line\nbreak', 'tab\there', 'x'.repeat(20_001)];
const EXTREME_NUMBERS = ['1e309', '-1e309', '1e-400', '-0', '9007199254740993', '1E+2', '0.1e1', '123456789012345678901234567890'];
const MALFORMED_JSON = ['{', '{"a":}', '', 'null', '[]', '"text"', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}'];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/octet-stream'];

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;

/** The path with its parameters filled in: mostly valid (a known object now and then), sometimes not an id at all. */
function pathArbitrary(operation: Operation, knownIds: readonly string[]): fc.Arbitrary<string> {
  const names = [...operation.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] as string);
  if (names.length === 0) return fc.constant(operation.url);
  const segment = (name: string) => {
    const schema = operation.schemas.params?.properties?.[name] ?? { type: 'string' };
    const valid = arbitraryOf(schema).map((value) => encodeURIComponent(String(value)));
    const known = schema.format === 'uuid' && knownIds.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...knownIds) }] : [];
    return fc.oneof({ weight: 3, arbitrary: valid }, ...known, { weight: 2, arbitrary: fc.constantFrom(...NOT_AN_ID) });
  };
  return fc.tuple(...names.map(segment)).map((values) => names.reduce((url, name, index) => url.replace(`:${name}`, values[index] as string), operation.url));
}

function toQueryString(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    for (const one of Array.isArray(item) ? item : [item]) search.append(key, typeof one === 'object' ? JSON.stringify(one) : String(one));
  }
  return search.toString();
}

function queryArbitrary(operation: Operation): fc.Arbitrary<string> {
  const schema = operation.schemas.querystring;
  const keys = Object.keys(schema?.properties ?? {});
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  const broken = fc.tuple(key, fc.constantFrom('%00', '%E0%A4%A', '1e309', '9'.repeat(400), '%u202e', '')).map(([name, value]) => `${name}=${value}&${name}=1`);
  const valid = schema ? arbitraryOf(schema).map(toQueryString) : fc.constant('');
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: broken }).map((query) => (query === '' ? '' : `?${query}`));
}

/** Replaces the n-th string of a value (a leaf or a key) with bad text; adds a field when there is none. */
function withBadText(value: unknown, bad: string, pick: number): unknown {
  const strings: { set: (text: string) => void }[] = [];
  const visit = (node: unknown, set: (next: unknown) => void) => {
    if (typeof node === 'string') strings.push({ set });
    else if (Array.isArray(node)) node.forEach((item, index) => visit(item, (next) => (node[index] = next)));
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) visit(record[key], (next) => (record[key] = next));
    }
  };
  const copy = structuredClone(value);
  let root = copy;
  visit(copy, (next) => (root = next));
  if (strings.length === 0) return root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...root, [bad]: bad } : bad;
  strings[pick % strings.length]?.set(bad);
  return root;
}

type Body = { payload: string | undefined; contentType: string | undefined; kind: string };

const json = (kind: string) => (payload: string): Body => ({ payload, contentType: 'application/json', kind });

function bodyArbitrary(operation: Operation): fc.Arbitrary<Body> {
  const valid = operation.schemas.body ? arbitraryOf(operation.schemas.body) : fc.constant({});
  const hasBody = !['GET', 'DELETE'].includes(operation.method);
  const broken: fc.WeightedArbitrary<Body>[] = [
    { weight: 3, arbitrary: fc.tuple(valid, fc.constantFrom(...BAD_TEXT), fc.nat()).map(([value, bad, pick]) => json('bad text')(JSON.stringify(withBadText(value, bad, pick)))) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer()), fc.boolean()).map((value) => json('wrong type')(JSON.stringify(value))) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...EXTREME_NUMBERS)).map(([value, number]) => json('extreme number')(withExtremeNumber(JSON.stringify(value), number))) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map(json('malformed JSON')) },
    { weight: 1, arbitrary: fc.constantFrom(nested(64, '{"a":', '}'), nested(5_000, '{"a":', '}'), nested(5_000, '[', ']')).map(json('deeply nested')) },
    { weight: 1, arbitrary: fc.constantFrom(`{"x":"${'a'.repeat(70_000)}"}`, JSON.stringify({ items: Array.from({ length: 10_000 }, (_, index) => index) })).map(json('huge')) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES)).map(([value, contentType]) => ({ payload: JSON.stringify(value), contentType, kind: 'wrong content type' })) },
  ];
  if (!hasBody) return fc.oneof({ weight: 4, arbitrary: fc.constant<Body>({ payload: undefined, contentType: undefined, kind: 'valid' }) }, ...broken);
  return fc.oneof({ weight: 4, arbitrary: valid.map((value) => json('valid')(JSON.stringify(value))) }, ...broken);
}

/** The first number of a JSON text replaced (or one added), e.g. `1e309`, which JSON.parse reads as Infinity. */
function withExtremeNumber(text: string, number: string): string {
  const replaced = text.replace(/(?<=[:[,])-?\d+(\.\d+)?([eE][+-]?\d+)?/, number);
  return replaced !== text ? replaced : `{"n":${number}}`;
}

/** One request for the operation: path, query, body and headers, each valid or broken. */
export function requestArbitrary(operation: Operation, knownIds: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const idempotencyKey = fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', 'x'.repeat(300), 'not a key')), { nil: undefined });
  return fc.record({ path: pathArbitrary(operation, knownIds), query: queryArbitrary(operation), body: bodyArbitrary(operation), idempotencyKey }).map(({ path, query, body, idempotencyKey: key }) => ({
    url: `${path}${query}`,
    payload: body.payload,
    headers: { ...(body.contentType ? { 'content-type': body.contentType } : {}), ...(key === undefined ? {} : { 'idempotency-key': key }) },
    kind: body.kind,
  }));
}
