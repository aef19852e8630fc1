import { z } from 'zod';
import type { RouteCatalogueEntry } from '../platform/auth/authorization.ts';

/** A JSON Schema as `z.toJSONSchema` writes it: only the keywords the tests read. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  $ref?: string;
  'x-bro-text'?: string;
  $defs?: Record<string, JsonSchema>;
};

export type RequestPart = 'body' | 'querystring' | 'params';
const REQUEST_PARTS: readonly RequestPart[] = ['body', 'querystring', 'params'];

/** The request schemas of a route as JSON Schema (what a client may send), one per part that has one. */
export function requestSchemasOf(route: RouteCatalogueEntry): Partial<Record<RequestPart, JsonSchema>> {
  const schemas: Partial<Record<RequestPart, JsonSchema>> = {};
  for (const part of REQUEST_PARTS) {
    const schema = route.schema?.[part];
    if (schema instanceof z.ZodType) schemas[part] = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as JsonSchema;
  }
  return schemas;
}

/** Formats whose strings are short by construction. */
const boundedFormats = new Set(['uuid', 'date', 'date-time', 'time', 'duration']);
/** An anchored pattern with no open-ended repetition (`*`, `+`, `{n,}`) matches strings of bounded length. */
const isBoundedPattern = (pattern: string) => pattern.startsWith('^') && pattern.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(pattern);

/** Every string node of a schema with its path (`body.notes`, `body.phones[].number`). */
function listStrings(schema: JsonSchema, path: string): { path: string; node: JsonSchema }[] {
  const found: { path: string; node: JsonSchema }[] = [];
  const visit = (node: JsonSchema | boolean | undefined, at: string) => {
    if (node === undefined || typeof node === 'boolean') return;
    for (const alternatives of [node.anyOf, node.oneOf, node.allOf]) alternatives?.forEach((alternative) => visit(alternative, at));
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
    if (types.includes('string')) found.push({ path: at, node });
    visit(node.items, `${at}[]`);
    node.prefixItems?.forEach((item, index) => visit(item, `${at}.${index}`));
    for (const [key, property] of Object.entries(node.properties ?? {})) visit(property, `${at}.${key}`);
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${at}.*`);
  };
  visit(schema, path);
  return found;
}

/** A string a person cannot type freely: a choice, a uuid, a date, or an anchored pattern of bounded length. */
function isFixedFormat(node: JsonSchema): boolean {
  // An e-mail address or a URL of bounded length is checked by its format (ASCII, no spaces or control characters).
  if ((node.format === 'email' || node.format === 'uri') && node.maxLength !== undefined) return true;
  return node.enum !== undefined || node.const !== undefined || boundedFormats.has(node.format ?? '') || (node.pattern !== undefined && isBoundedPattern(node.pattern));
}

/** Paths of strings that are neither a fixed format nor built with the shared text helpers (`text`, `name`, `identifier`). */
export function findUncheckedText(schema: JsonSchema, path: string): string[] {
  return listStrings(schema, path)
    .filter(({ node }) => !isFixedFormat(node) && node['x-bro-text'] === undefined)
    .map(({ path: at }) => at);
}

/** Paths (`body.notes`, `querystring.ids`) of every string without a maximum length and every array without a maximum size. */
export function findUnboundedInputs(schema: JsonSchema, path: string): string[] {
  const found: string[] = [];
  const visit = (node: JsonSchema | boolean | undefined, at: string) => {
    if (node === undefined || typeof node === 'boolean') return;
    for (const alternatives of [node.anyOf, node.oneOf, node.allOf]) alternatives?.forEach((alternative) => visit(alternative, at));
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
    const isFixed = node.enum !== undefined || node.const !== undefined;
    if (types.includes('string') && !isFixed && node.maxLength === undefined && !boundedFormats.has(node.format ?? '') && !(node.pattern && isBoundedPattern(node.pattern))) found.push(at);
    if (types.includes('array')) {
      if (node.maxItems === undefined && node.prefixItems === undefined) found.push(at);
      visit(node.items, `${at}[]`);
      node.prefixItems?.forEach((item, index) => visit(item, `${at}.${index}`));
    }
    for (const [key, property] of Object.entries(node.properties ?? {})) visit(property, `${at}.${key}`);
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${at}.*`);
  };
  visit(schema, path);
  return found;
}
