/** What a filter says about single fields: index bounds for the planner, and an upsert's seed document. */
import { commandError } from '../errors.js';
import { compareValues } from './compare.js';
import { setPath } from './paths.js';
import { isRegexValue } from './regex.js';
import { cloneDeep, isOperatorObject, isPlainObject, type Document } from './types.js';

export interface Bound {
  value: unknown;
  inclusive: boolean;
}

/**
 * One indexable condition of the filter's top-level AND. `eq`/`in` values and range bounds never
 * include null, arrays or regexes. An index scan over these bounds returns a superset of the matches
 * for single-valued fields; for a multikey (array) index use only one side of a two-sided range,
 * since different elements may satisfy `min` and `max`.
 */
export interface IndexableCondition {
  path: string;
  kind: 'eq' | 'in' | 'range';
  values?: unknown[];
  min?: Bound;
  max?: Bound;
}

function indexableValue(v: unknown): boolean {
  return v !== null && v !== undefined && !Array.isArray(v) && !isRegexValue(v) && !isOperatorObject(v);
}

/** The top-level AND's field conditions, flattening `$and` (and a one-branch `$or`). */
function conjuncts(filter: Document, out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' || (k === '$or' && Array.isArray(v) && v.length === 1)) {
      if (Array.isArray(v)) for (const f of v) if (isPlainObject(f)) conjuncts(f, out);
    } else if (!k.startsWith('$')) out.push([k, v]);
  }
  return out;
}

function analyzeCondition(path: string, cond: unknown): IndexableCondition | undefined {
  if (!isOperatorObject(cond)) return indexableValue(cond) ? { path, kind: 'eq', values: [cond] } : undefined;
  if ('$eq' in cond && indexableValue(cond.$eq)) return { path, kind: 'eq', values: [cond.$eq] };
  // An empty $in is kept: it matches nothing, which the planner answers without reading anything.
  if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.every(indexableValue)) {
    return { path, kind: 'in', values: [...cond.$in] };
  }
  let min: Bound | undefined;
  let max: Bound | undefined;
  for (const [op, v] of Object.entries(cond)) {
    if (!indexableValue(v)) continue;
    if (op === '$gt' || op === '$gte') {
      const b = { value: v, inclusive: op === '$gte' };
      if (!min || compareValues(v, min.value) > 0 || (compareValues(v, min.value) === 0 && !b.inclusive)) min = b;
    } else if (op === '$lt' || op === '$lte') {
      const b = { value: v, inclusive: op === '$lte' };
      if (!max || compareValues(v, max.value) < 0 || (compareValues(v, max.value) === 0 && !b.inclusive)) max = b;
    }
  }
  if (!min && !max) return undefined;
  return { path, kind: 'range', ...(min && { min }), ...(max && { max }) };
}

export function analyzeFilter(filter: Document | null | undefined): IndexableCondition[] {
  if (!isPlainObject(filter)) return [];
  const out: IndexableCondition[] = [];
  for (const [path, cond] of conjuncts(filter)) {
    const c = analyzeCondition(path, cond);
    if (c) out.push(c);
  }
  return out;
}

/** The equality value a condition pins its field to, if any. */
function seedValue(cond: unknown): { value: unknown } | undefined {
  if (isRegexValue(cond)) return undefined;
  if (!isOperatorObject(cond)) return { value: cond };
  if ('$eq' in cond) return { value: cond.$eq };
  if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.length === 1 && !isRegexValue(cond.$in[0])) return { value: cond.$in[0] };
  if ('$all' in cond && Array.isArray(cond.$all) && cond.$all.length === 1 && !isOperatorObject(cond.$all[0])) return { value: cond.$all[0] };
  return undefined;
}

/** The document an upsert starts from: the equality fields of the filter's top-level AND. */
export function upsertSeed(filter: Document | null | undefined): Document {
  const seed: Document = {};
  if (!isPlainObject(filter)) return seed;
  const seen = new Set<string>();
  for (const [path, cond] of conjuncts(filter)) {
    const v = seedValue(cond);
    if (!v) continue;
    for (const other of seen) {
      if (other === path || other.startsWith(path + '.') || path.startsWith(other + '.')) {
        throw commandError('NotSingleValueField', `cannot infer query fields to set, path '${path}' is matched twice`);
      }
    }
    seen.add(path);
    setPath(seed, path, cloneDeep(v.value));
  }
  return seed;
}
