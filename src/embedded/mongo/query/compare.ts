/**
 * MongoDB's BSON comparison order: MinKey < null/missing < numbers < strings < objects < arrays
 * < BinData < ObjectId < booleans < Dates < Timestamps < RegExps < MaxKey.
 */
import type { Binary, DBRef, Long, ObjectId, Timestamp } from 'bson';
import { compareDec, toDec } from './decimal.js';
import { numKind, toNumber } from './numeric.js';
import { bsonTag, type Collation } from './types.js';

/** Canonical type rank used for ordering and for type bracketing in queries. */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    default:
  }
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof RegExp) return 12;
  if (v instanceof Uint8Array) return 7;
  switch (bsonTag(v)) {
    case undefined:
      return 5;
    case 'MinKey':
      return 1;
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'DBRef':
      return 5;
    case 'Binary':
      return 7;
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'Code':
      return 13;
    case 'MaxKey':
      return 14;
    default:
      return 5;
  }
}

const collators = new Map<string, Intl.Collator>();

function collatorFor(c: Collation): Intl.Collator | undefined {
  if (!c.locale || c.locale === 'simple') return undefined;
  const key = `${c.locale}|${c.strength ?? 3}|${c.numericOrdering ? 1 : 0}`;
  let col = collators.get(key);
  if (!col) {
    const strength = c.strength ?? 3;
    const sensitivity = strength <= 1 ? 'base' : strength === 2 ? 'accent' : 'variant';
    const locale = c.locale.replace(/_/g, '-').replace(/@.*$/, '');
    try {
      col = new Intl.Collator(locale, { sensitivity, numeric: !!c.numericOrdering });
    } catch {
      col = new Intl.Collator('en', { sensitivity, numeric: !!c.numericOrdering });
    }
    collators.set(key, col);
  }
  return col;
}

function cmpPrimitive(a: number | string | bigint, b: number | string | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: unknown, b: unknown): number {
  const ta = bsonTag(a);
  const tb = bsonTag(b);
  if (ta === 'Long' && tb === 'Long') return cmpPrimitive((a as Long).toBigInt(), (b as Long).toBigInt());
  if (ta === 'Decimal128' || tb === 'Decimal128' || ta === 'Long' || tb === 'Long') {
    // Exact comparison where doubles would round (long decimals, longs beyond 2^53).
    const da = toDec(a);
    const db = toDec(b);
    if (da && db) return compareDec(da, db);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  // NaN sorts below every other number and equals itself, as in MongoDB.
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return cmpPrimitive(x, y);
}

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : String((v as { value: unknown }).value ?? v);
}

function bytesOf(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : (v as Binary).buffer;
}

function compareBinary(a: unknown, b: unknown): number {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.length !== y.length) return x.length - y.length;
  const sx = a instanceof Uint8Array ? 0 : (a as Binary).sub_type;
  const sy = b instanceof Uint8Array ? 0 : (b as Binary).sub_type;
  if (sx !== sy) return sx - sy;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

function objectOf(v: unknown): Record<string, unknown> {
  if (bsonTag(v) === 'DBRef') return (v as DBRef).toJSON() as unknown as Record<string, unknown>;
  return v as Record<string, unknown>;
}

function compareObjects(a: unknown, b: unknown, c: Collation | undefined): number {
  const x = objectOf(a);
  const y = objectOf(b);
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  const n = Math.min(kx.length, ky.length);
  for (let i = 0; i < n; i++) {
    const vx = x[kx[i]];
    const vy = y[ky[i]];
    const tr = typeRank(vx) - typeRank(vy);
    if (tr !== 0) return tr;
    const kc = cmpPrimitive(kx[i], ky[i]);
    if (kc !== 0) return kc;
    const vc = compareValues(vx, vy, c);
    if (vc !== 0) return vc;
  }
  return kx.length - ky.length;
}

function compareArrays(a: unknown[], b: unknown[], c: Collation | undefined): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const r = compareValues(a[i], b[i], c);
    if (r !== 0) return r;
  }
  return a.length - b.length;
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in MongoDB's BSON order. */
export function compareValues(a: unknown, b: unknown, collation?: Collation): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 3:
      return compareNumbers(a, b);
    case 4: {
      const col = collation && collatorFor(collation);
      const x = stringOf(a);
      const y = stringOf(b);
      return col ? col.compare(x, y) : cmpPrimitive(x, y);
    }
    case 5:
      return compareObjects(a, b, collation);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], collation);
    case 7:
      return compareBinary(a, b);
    case 8:
      return cmpPrimitive((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 9:
      return a === b ? 0 : a ? 1 : -1;
    case 10:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 11: {
      const x = a as Timestamp;
      const y = b as Timestamp;
      return x.t !== y.t ? cmpPrimitive(x.t, y.t) : cmpPrimitive(x.i, y.i);
    }
    case 12: {
      const [pa, fa] = regexParts(a);
      const [pb, fb] = regexParts(b);
      return pa !== pb ? cmpPrimitive(pa, pb) : cmpPrimitive(fa, fb);
    }
    case 13:
      return cmpPrimitive(String((a as { code: unknown }).code), String((b as { code: unknown }).code));
    default:
      return 0;
  }
}

export function valuesEqual(a: unknown, b: unknown, collation?: Collation): boolean {
  return compareValues(a, b, collation) === 0;
}

const TYPE_NUMBERS: Record<string, number> = {
  double: 1, string: 2, object: 3, array: 4, binData: 5, undefined: 6, objectId: 7, bool: 8, date: 9,
  null: 10, regex: 11, dbPointer: 12, javascript: 13, symbol: 14, javascriptWithScope: 15, int: 16,
  timestamp: 17, long: 18, decimal: 19, minKey: -1, maxKey: 127,
};

/** `$type` names by number, and the number for each name. */
export const BSON_TYPE_NUMBERS: Readonly<Record<string, number>> = TYPE_NUMBERS;

/** The `$type` name of a value; a missing value is 'missing'. */
export function bsonTypeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  // JS numbers and the four numeric bson classes: the same kinds the arithmetic uses.
  const numeric = numKind(v);
  if (numeric !== undefined) return numeric;
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    default:
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  if (v instanceof Uint8Array) return 'binData';
  switch (bsonTag(v)) {
    case undefined:
    case 'DBRef':
      return 'object';
    case 'Binary':
      return 'binData';
    case 'ObjectId':
      return 'objectId';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'BSONSymbol':
      return 'symbol';
    case 'Code':
      return (v as { scope?: unknown }).scope ? 'javascriptWithScope' : 'javascript';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    default:
      return 'object';
  }
}

export function bsonTypeNumber(v: unknown): number | undefined {
  return TYPE_NUMBERS[bsonTypeName(v)];
}
