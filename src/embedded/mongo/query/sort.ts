/**
 * Sort comparators in MongoDB's order. An array field sorts by its smallest element ascending and
 * its largest descending; missing and null rank equal. Sort keys are computed once per document.
 */
import { commandError } from '../errors.js';
import { compareValues } from './compare.js';
import { numKind, toNumber } from './numeric.js';
import { getPath } from './paths.js';
import { textScoreOf } from './text.js';
import { isPlainObject, type Collation } from './types.js';

export type SortSpec = Record<string, unknown>;

interface SortKey {
  parts: string[];
  dir: 1 | -1;
  /** Sort by the `$text` score (highest first) instead of a field. */
  textScore?: boolean;
}

function parseSort(spec: SortSpec): SortKey[] {
  const keys: SortKey[] = [];
  for (const [field, raw] of Object.entries(spec)) {
    if (isPlainObject(raw)) {
      if (raw.$meta === 'textScore') {
        keys.push({ parts: [], dir: -1, textScore: true });
        continue;
      }
      if ('$meta' in raw) throw commandError('BadValue', `$meta sort by '${String(raw.$meta)}' is not supported by the embedded MongoDB engine`);
      throw commandError('BadValue', `Illegal key in $sort specification: ${field}: ${JSON.stringify(raw)}`);
    }
    if (field === '$natural') continue;
    const n = typeof raw === 'boolean' ? NaN : toNumber(raw);
    if (n !== 1 && n !== -1) throw commandError('BadValue', '$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    if (field === '') throw commandError('BadValue', 'FieldPath cannot be constructed with empty string');
    keys.push({ parts: field.split('.'), dir: n });
  }
  return keys;
}

/** The value a document sorts by for one key: the min/max element of arrays reached by the path. */
function sortValue(doc: unknown, key: SortKey, collation?: Collation): unknown {
  if (key.textScore) return textScoreOf(doc) ?? 0;
  const cands = getPath(doc, key.parts);
  let best: unknown;
  let found = false;
  const consider = (v: unknown) => {
    if (!found || key.dir * compareValues(v, best, collation) < 0) {
      best = v;
      found = true;
    }
  };
  for (const c of cands) {
    if (Array.isArray(c)) {
      // An empty array sorts as if missing.
      if (c.length === 0) consider(undefined);
      else for (const el of c) consider(el);
    } else consider(c);
  }
  return best;
}

/** Int32/Double (and safe Longs) as JS numbers so the comparator can compare them directly. */
function plainNumber(v: unknown): unknown {
  const kind = numKind(v);
  if (kind === 'int' || kind === 'double') return toNumber(v);
  if (kind === 'long' && Number.isSafeInteger(toNumber(v))) return toNumber(v);
  return v;
}

/** Compares two precomputed key lists. */
function compareKeys(keys: SortKey[], ka: unknown[], kb: unknown[], collation?: Collation): number {
  for (let i = 0; i < keys.length; i++) {
    const x = ka[i];
    const y = kb[i];
    let c: number;
    // Fast paths for the common key types; everything else in full BSON order.
    if (typeof x === 'number' && typeof y === 'number' && !Number.isNaN(x) && !Number.isNaN(y)) c = x < y ? -1 : x > y ? 1 : 0;
    else if (typeof x === 'string' && typeof y === 'string' && !collation) c = x < y ? -1 : x > y ? 1 : 0;
    else c = compareValues(x, y, collation);
    if (c !== 0) return keys[i].dir * c;
  }
  return 0;
}

function keysFor(doc: unknown, keys: SortKey[], collation?: Collation): unknown[] {
  return keys.map((k) => plainNumber(sortValue(doc, k, collation)));
}

/** A comparator for `Array.prototype.sort`; ties keep the input order (the sort is stable). */
export function makeComparator(sortSpec: SortSpec, collation?: Collation): (a: unknown, b: unknown) => number {
  const keys = parseSort(sortSpec);
  const cache = new WeakMap<object, unknown[]>();
  const keysOf = (doc: unknown): unknown[] => {
    if (doc === null || typeof doc !== 'object') return keysFor(doc, keys, collation);
    let v = cache.get(doc);
    if (!v) {
      v = keysFor(doc, keys, collation);
      cache.set(doc, v);
    }
    return v;
  };
  return (a, b) => (keys.length === 0 ? 0 : compareKeys(keys, keysOf(a), keysOf(b), collation));
}

/** Sorts a copy of `docs`, computing each document's sort key once (faster than a comparator for large sets). */
export function sortDocuments<T>(docs: readonly T[], sortSpec: SortSpec, collation?: Collation): T[] {
  const keys = parseSort(sortSpec);
  if (keys.length === 0) return [...docs];
  const decorated = docs.map((doc, i) => ({ doc, i, k: keysFor(doc, keys, collation) }));
  decorated.sort((a, b) => compareKeys(keys, a.k, b.k, collation) || a.i - b.i);
  return decorated.map((d) => d.doc);
}
