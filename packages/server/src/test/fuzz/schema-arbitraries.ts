import fc from 'fast-check';
import type { JsonSchema } from '../request-schemas.ts';

/**
 * fast-check arbitraries for values that satisfy a JSON Schema as `z.toJSONSchema` writes it for a request:
 * the "valid" half of the fuzz test. Lengths and sizes are kept small (the schema's own limits are tested by the
 * broken half), so a run stays fast.
 */

const MAX_GENERATED_LENGTH = 40;
const MAX_GENERATED_ITEMS = 3;
const MAX_DEPTH = 6;

type Definitions = Record<string, JsonSchema>;

export function arbitraryOf(schema: JsonSchema, definitions: Definitions = schema.$defs ?? {}, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref) {
    const target = definitions[schema.$ref.replace('#/$defs/', '')];
    return target ? arbitraryOf(target, definitions, depth + 1) : fc.jsonValue();
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, definitions, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return arbitraryOf(schema.allOf[0] as JsonSchema, definitions, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectArbitrary(schema, definitions, depth);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, definitions, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS)) });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(lowerBound(schema) ?? -1_000), max: Math.floor(upperBound(schema) ?? 1_000) });
    case 'number':
      return fc.double({ min: lowerBound(schema) ?? -1_000, max: upperBound(schema) ?? 1_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function lowerBound(schema: JsonSchema): number | undefined {
  return schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
}

function upperBound(schema: JsonSchema): number | undefined {
  return schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - 1);
}

function objectArbitrary(schema: JsonSchema, definitions: Definitions, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryOf(property, definitions, depth + 1)]));
  if (Object.keys(shape).length === 0 && typeof schema.additionalProperties === 'object') {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), arbitraryOf(schema.additionalProperties, definitions, depth + 1), { maxKeys: 2 });
  }
  return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const isoDate = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return isoDate.map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return isoDate.map((date) => date.toISOString());
    // fast-check's own e-mail and URL arbitraries are slow to build (seconds per operation): simple shapes do here.
    case 'email':
      return fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.dk`);
    case 'uri':
      return fc.tuple(word, word).map(([host, path]) => `https://${host}.example.dk/${path}`);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length <= (schema.maxLength ?? Infinity));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_GENERATED_LENGTH, MAX_GENERATED_LENGTH));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
}
