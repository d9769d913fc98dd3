/** `$jsonSchema` (the draft-4 subset mongod supports, plus `bsonType`) compiled to a document predicate. */
import { commandError } from '../errors.js';
import { bsonTypeName, valuesEqual } from './compare.js';
import { isNumeric, toNumber } from './numeric.js';
import { isPlainObject, type Document } from './types.js';

type Check = (v: unknown) => boolean;

const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => isPlainObject(v),
  array: Array.isArray,
  number: isNumeric,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const IGNORED = new Set(['title', 'description', '$schema', 'id', '$id', 'definitions', 'default', 'examples']);

function typeCheck(spec: unknown, bson: boolean): Check {
  const names = Array.isArray(spec) ? spec : [spec];
  const tests = names.map((n) => {
    if (typeof n !== 'string') throw commandError('TypeMismatch', `$jsonSchema keyword '${bson ? 'bsonType' : 'type'}' must be a string or an array of strings`);
    if (!bson) {
      if (n === 'integer') throw commandError('BadValue', "$jsonSchema type 'integer' is not currently supported.");
      const t = JSON_TYPES[n];
      if (!t) throw commandError('BadValue', `Unknown type name alias: ${n}`);
      return t;
    }
    if (n === 'number') return isNumeric;
    return (v: unknown) => bsonTypeName(v) === n;
  });
  return (v) => tests.some((t) => t(v));
}

/** Applies a type-specific keyword only to values of that type (other values pass), as JSON Schema does. */
const when = (is: (v: unknown) => boolean, test: Check): Check => (v) => !is(v) || test(v);
const isStr = (v: unknown) => typeof v === 'string';
const len = (s: string) => Array.from(s).length;

function objectKeywords(schema: Document, checks: Check[]): void {
  const props = isPlainObject(schema.properties) ? Object.entries(schema.properties).map(([k, s]) => [k, compileSchema(s)] as const) : [];
  const patterns = isPlainObject(schema.patternProperties) ? Object.entries(schema.patternProperties).map(([p, s]) => [new RegExp(p), compileSchema(s)] as const) : [];
  if (props.length) checks.push(when(isPlainObject, (v) => props.every(([k, c]) => !Object.hasOwn(v as Document, k) || c((v as Document)[k]))));
  if (patterns.length) checks.push(when(isPlainObject, (v) => Object.entries(v as Document).every(([k, x]) => patterns.every(([re, c]) => !re.test(k) || c(x)))));
  if (schema.additionalProperties !== undefined) {
    const known = new Set(props.map(([k]) => k));
    const extra = schema.additionalProperties === false ? () => false : schema.additionalProperties === true ? () => true : compileSchema(schema.additionalProperties);
    checks.push(when(isPlainObject, (v) => Object.entries(v as Document).every(([k, x]) => known.has(k) || patterns.some(([re]) => re.test(k)) || extra(x))));
  }
  if (Array.isArray(schema.required)) {
    const req = schema.required as string[];
    checks.push(when(isPlainObject, (v) => req.every((k) => Object.hasOwn(v as Document, k))));
  }
  if (schema.minProperties !== undefined) checks.push(when(isPlainObject, (v) => Object.keys(v as Document).length >= toNumber(schema.minProperties)));
  if (schema.maxProperties !== undefined) checks.push(when(isPlainObject, (v) => Object.keys(v as Document).length <= toNumber(schema.maxProperties)));
  if (isPlainObject(schema.dependencies)) {
    for (const [k, dep] of Object.entries(schema.dependencies)) {
      const c = Array.isArray(dep) ? (v: unknown) => (dep as string[]).every((d) => Object.hasOwn(v as Document, d)) : compileSchema(dep);
      checks.push(when(isPlainObject, (v) => !Object.hasOwn(v as Document, k) || c(v)));
    }
  }
}

function arrayKeywords(schema: Document, checks: Check[]): void {
  const isArr = Array.isArray as (v: unknown) => boolean;
  if (Array.isArray(schema.items)) {
    const tuple = schema.items.map(compileSchema);
    const extra = schema.additionalItems === false ? () => false : isPlainObject(schema.additionalItems) ? compileSchema(schema.additionalItems) : () => true;
    checks.push(when(isArr, (v) => (v as unknown[]).every((x, i) => (i < tuple.length ? tuple[i](x) : extra(x)))));
  } else if (schema.items !== undefined) {
    const c = compileSchema(schema.items);
    checks.push(when(isArr, (v) => (v as unknown[]).every(c)));
  }
  if (schema.minItems !== undefined) checks.push(when(isArr, (v) => (v as unknown[]).length >= toNumber(schema.minItems)));
  if (schema.maxItems !== undefined) checks.push(when(isArr, (v) => (v as unknown[]).length <= toNumber(schema.maxItems)));
  if (schema.uniqueItems === true) checks.push(when(isArr, (v) => (v as unknown[]).every((x, i, a) => a.findIndex((y) => valuesEqual(x, y)) === i)));
}

function scalarKeywords(schema: Document, checks: Check[]): void {
  const n = (v: unknown) => toNumber(v);
  if (schema.minimum !== undefined) checks.push(when(isNumeric, (v) => (schema.exclusiveMinimum === true ? n(v) > n(schema.minimum) : n(v) >= n(schema.minimum))));
  if (schema.maximum !== undefined) checks.push(when(isNumeric, (v) => (schema.exclusiveMaximum === true ? n(v) < n(schema.maximum) : n(v) <= n(schema.maximum))));
  if (schema.multipleOf !== undefined) checks.push(when(isNumeric, (v) => n(v) % n(schema.multipleOf) === 0));
  if (schema.minLength !== undefined) checks.push(when(isStr, (v) => len(v as string) >= n(schema.minLength)));
  if (schema.maxLength !== undefined) checks.push(when(isStr, (v) => len(v as string) <= n(schema.maxLength)));
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern);
    checks.push(when(isStr, (v) => re.test(v as string)));
  }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum;
    checks.push((v) => values.some((e) => valuesEqual(e, v) && bsonTypeName(e) !== 'missing'));
  }
}

const KNOWN = new Set([
  'type', 'bsonType', 'properties', 'patternProperties', 'additionalProperties', 'required', 'minProperties', 'maxProperties',
  'dependencies', 'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'enum', 'allOf', 'anyOf', 'oneOf', 'not', 'encrypt',
]);

export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw commandError('TypeMismatch', '$jsonSchema must be an object');
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k) && !IGNORED.has(k)) throw commandError('FailedToParse', `Unknown $jsonSchema keyword: ${k}`);
  }
  if ('type' in schema && 'bsonType' in schema) throw commandError('FailedToParse', 'Cannot specify both $jsonSchema keywords \'type\' and \'bsonType\'');
  const checks: Check[] = [];
  if (schema.type !== undefined) checks.push(typeCheck(schema.type, false));
  if (schema.bsonType !== undefined) checks.push(typeCheck(schema.bsonType, true));
  objectKeywords(schema, checks);
  arrayKeywords(schema, checks);
  scalarKeywords(schema, checks);
  const sub = (k: string) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]).map(compileSchema) : undefined);
  const allOf = sub('allOf');
  const anyOf = sub('anyOf');
  const oneOf = sub('oneOf');
  if (allOf) checks.push((v) => allOf.every((c) => c(v)));
  if (anyOf) checks.push((v) => anyOf.some((c) => c(v)));
  if (oneOf) checks.push((v) => oneOf.filter((c) => c(v)).length === 1);
  if (schema.not !== undefined) {
    const not = compileSchema(schema.not);
    checks.push((v) => !not(v));
  }
  return (v) => checks.every((c) => c(v));
}
