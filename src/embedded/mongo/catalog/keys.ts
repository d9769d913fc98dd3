/**
 * Index keys: the values a document contributes to an index, and a canonical string per value so
 * that values MongoDB calls equal (1, 1.0, NumberLong(1), Decimal128("1.0")) share one Map entry.
 */
import type { Binary, ObjectId, Timestamp } from 'bson';
import { isNumeric, toNumber } from '../query/index.js';
import { bsonTag, isPlainObject } from '../query/types.js';

type Doc = Record<string, unknown>;

export interface KeyCollation {
  locale: string;
  strength?: number;
}

/** JS number for the numeric bson types, undefined for anything else. */
export function numericValue(v: unknown): number | undefined {
  return isNumeric(v) ? toNumber(v) : undefined;
}

function foldString(s: string, collation?: KeyCollation): string {
  if (!collation || collation.locale === 'simple') return s;
  const strength = collation.strength ?? 3;
  if (strength >= 3) return s;
  const lower = s.toLocaleLowerCase(collation.locale);
  return strength === 1 ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** A string that is equal for two values exactly when MongoDB's equality says they are equal. */
export function canonicalKey(v: unknown, collation?: KeyCollation): string {
  if (v === undefined || v === null) return 'z';
  if (typeof v === 'string') return 's' + JSON.stringify(foldString(v, collation));
  if (typeof v === 'boolean') return v ? 'bt' : 'bf';
  const num = numericValue(v);
  if (num !== undefined) return 'n' + String(num);
  if (Array.isArray(v)) return '[' + v.map((e) => canonicalKey(e, collation)).join(',') + ']';
  if (v instanceof Date) return 'd' + v.getTime();
  if (v instanceof RegExp) return 'r' + JSON.stringify([v.source, v.flags]);
  if (v instanceof Uint8Array) return 'x0:' + Buffer.from(v).toString('base64');
  if (typeof v === 'object') {
    switch (bsonTag(v)) {
      case 'ObjectId':
        return 'o' + (v as ObjectId).toHexString();
      case 'Binary':
        return `x${(v as Binary).sub_type}:` + Buffer.from((v as Binary).buffer).toString('base64');
      case 'Timestamp':
        return 't' + (v as Timestamp).toString();
      case 'BSONRegExp': {
        const r = v as { pattern: string; options: string };
        return 'r' + JSON.stringify([r.pattern, r.options]);
      }
      case 'MinKey':
        return '<min>';
      case 'MaxKey':
        return '<max>';
      case undefined: {
        const parts = Object.keys(v).map((k) => JSON.stringify(k) + ':' + canonicalKey((v as Doc)[k], collation));
        return '{' + parts.join(',') + '}';
      }
      default:
        return bsonTag(v) + ':' + String(v);
    }
  }
  return typeof v + ':' + String(v);
}

/** Marker for an empty array, which MongoDB indexes as its own key (never equal to null). */
export const EMPTY_ARRAY_KEY = Symbol('emptyArray');

/**
 * Every value `path` reaches in `doc`, descending through arrays as MongoDB's multikey indexes do.
 * A path that is missing anywhere yields null, so an equality lookup on null never misses a match.
 */
export function valuesAtPath(doc: unknown, parts: string[], i = 0): unknown[] {
  if (i === parts.length) {
    if (Array.isArray(doc)) return doc.length === 0 ? [EMPTY_ARRAY_KEY] : doc;
    return [doc === undefined ? null : doc];
  }
  if (Array.isArray(doc)) {
    const out: unknown[] = [];
    const index = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1;
    if (index >= 0 && index < doc.length) out.push(...valuesAtPath(doc[index], parts, i + 1));
    for (const element of doc) {
      if (isPlainObject(element)) out.push(...valuesAtPath(element, parts, i));
    }
    return out.length ? out : [null];
  }
  if (isPlainObject(doc)) return valuesAtPath(doc[parts[i]], parts, i + 1);
  return [null];
}

/** Whether the field exists on some branch of `path` (the sparse-index test). */
export function pathExists(doc: unknown, parts: string[], i = 0): boolean {
  if (i === parts.length) return doc !== undefined;
  if (Array.isArray(doc)) return doc.some((e) => isPlainObject(e) && pathExists(e, parts, i));
  if (isPlainObject(doc)) return pathExists(doc[parts[i]], parts, i + 1);
  return false;
}

/** The `dup key: { email: "x" }` rendering mongod uses in E11000 messages. */
export function formatKeyValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  const num = numericValue(v);
  if (num !== undefined) return String(num);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return '[ ' + v.map(formatKeyValue).join(', ') + ' ]';
  if (typeof v === 'object' && bsonTag(v) === 'ObjectId') return `ObjectId('${(v as ObjectId).toHexString()}')`;
  if (isPlainObject(v)) {
    const parts = Object.keys(v).map((k) => `${k}: ${formatKeyValue(v[k])}`);
    return parts.length ? '{ ' + parts.join(', ') + ' }' : '{}';
  }
  return String(v);
}
