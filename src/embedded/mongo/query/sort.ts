/**
 * Sort comparators in MongoDB's order. An array field sorts by its smallest element ascending and
 * its largest descending; missing and null rank equal. Sort keys are computed once per document.
 */
import { commandError } from '../errors.js';
import { compareValues } from './compare.js';
import { toNumber } from './numeric.js';
import { getPath } from './paths.js';
import { isPlainObject, type Collation } from './types.js';

export type SortSpec = Record<string, unknown>;

interface SortKey {
  parts: string[];
  dir: 1 | -1;
}

function parseSort(spec: SortSpec): SortKey[] {
  const keys: SortKey[] = [];
  for (const [field, raw] of Object.entries(spec)) {
    if (isPlainObject(raw)) {
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

/** A comparator for `Array.prototype.sort`; ties keep the input order (the sort is stable). */
export function makeComparator(sortSpec: SortSpec, collation?: Collation): (a: unknown, b: unknown) => number {
  const keys = parseSort(sortSpec);
  const cache = new WeakMap<object, unknown[]>();
  const keysOf = (doc: unknown): unknown[] => {
    if (doc === null || typeof doc !== 'object') return keys.map((k) => sortValue(doc, k, collation));
    let v = cache.get(doc);
    if (!v) {
      v = keys.map((k) => sortValue(doc, k, collation));
      cache.set(doc, v);
    }
    return v;
  };
  return (a, b) => {
    if (keys.length === 0) return 0;
    const ka = keysOf(a);
    const kb = keysOf(b);
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(ka[i], kb[i], collation);
      if (c !== 0) return keys[i].dir * c;
    }
    return 0;
  };
}
