/**
 * Chooses how to find a filter's documents: the `_id` map, a secondary index (equality, $in or a
 * range on its first field) or a collection scan. Index lookups return a superset; the caller
 * always re-checks every candidate with the compiled filter.
 */
import { analyzeFilter, compareValues, compileFilter, filterFields, toNumber, type Collation } from '../query/index.js';
import type { Collection } from './collection.js';
import { FieldPicker } from './field-picker.js';
import { canonicalKey } from './keys.js';
import { isOrderedKeyPattern, type SecondaryIndex, type SortedEntry } from './secondary-index.js';
import { commandError } from '../errors.js';

type Doc = Record<string, unknown>;

interface Condition {
  path: string;
  kind: 'eq' | 'in' | 'range';
  values?: unknown[];
  min?: { value: unknown; inclusive: boolean };
  max?: { value: unknown; inclusive: boolean };
}

export interface Plan {
  stage: 'COLLSCAN' | 'IXSCAN' | 'EOF';
  indexName?: string;
  keyPattern?: Doc;
  /** Documents the query read before the filter (up to where a limit stopped it). */
  docsExamined: number;
}

export interface QueryResult {
  docs: Doc[];
  plan: Plan;
}

function sameCollation(a: Collation | undefined, b: Collation | undefined): boolean {
  const norm = (c: Collation | undefined) => (c && c.locale !== 'simple' ? JSON.stringify([c.locale, c.strength ?? 3]) : 'simple');
  return norm(a) === norm(b);
}

function conditionValues(c: Condition): unknown[] {
  return [...(c.values ?? []), ...(c.min ? [c.min.value] : []), ...(c.max ? [c.max.value] : [])];
}

/** Strings compare by collation, so an index built with another collation cannot answer them. */
function collationAllows(index: SecondaryIndex, c: Condition, collation: Collation | undefined): boolean {
  if (sameCollation(index.spec.collation as Collation | undefined, collation)) return true;
  return !conditionValues(c).some((v) => typeof v === 'string');
}

function score(index: SecondaryIndex, byPath: Map<string, Condition>): number {
  const first = byPath.get(index.fields[0]);
  if (!first) return 0;
  if (first.kind === 'range') return 1;
  if (first.kind === 'in') return 2;
  const allEq = index.fields.every((f) => byPath.get(f)?.kind === 'eq');
  return allEq ? (index.spec.unique ? 5 : 4) : 3;
}

function lookup(index: SecondaryIndex, byPath: Map<string, Condition>): Set<string> {
  const first = byPath.get(index.fields[0]) as Condition;
  if (first.kind === 'range') {
    // With arrays, different elements may satisfy each bound, so a multikey index uses one bound.
    return index.lookupRange(first.min, index.multikey && first.min ? undefined : first.max);
  }
  if (index.fields.length > 1 && index.fields.every((f) => byPath.get(f)?.kind === 'eq')) {
    return index.lookupTuple(index.fields.map((f) => (byPath.get(f) as Condition).values?.[0]));
  }
  return index.lookupFirst(first.values ?? []);
}

interface Candidates {
  docs: Iterable<Doc>;
  plan: Plan;
  /** The ids a secondary index found, before any document is read. */
  ids?: Set<string>;
}

/** The plan and candidates for `filter` on `coll` (missing collection → no documents), read whole or through `picker`. */
function candidates(coll: Collection, filter: Doc, collation: Collation | undefined, picker?: FieldPicker): Candidates {
  const conditions = analyzeFilter(filter) as Condition[];
  if (conditions.some((c) => c.kind === 'in' && c.values?.length === 0)) return { docs: [], plan: { stage: 'EOF', docsExamined: 0 } };
  const byPath = new Map<string, Condition>();
  for (const c of conditions) if (!byPath.has(c.path) || c.kind === 'eq') byPath.set(c.path, c);

  const idCond = byPath.get('_id');
  if (idCond && idCond.kind !== 'range') {
    const docs: Doc[] = [];
    // Each document once, however often $in names its _id.
    for (const key of new Set((idCond.values ?? []).map((v) => canonicalKey(v)))) {
      const doc = coll.get(key, picker);
      if (doc) docs.push(doc);
    }
    return { docs, plan: { stage: 'IXSCAN', indexName: '_id_', keyPattern: { _id: 1 }, docsExamined: 0 } };
  }

  let best: SecondaryIndex | undefined;
  let bestScore = 0;
  for (const index of coll.indexes.values()) {
    const first = byPath.get(index.fields[0]);
    if (!index.usable || !first || !collationAllows(index, first, collation)) continue;
    const s = score(index, byPath);
    if (s > bestScore) {
      best = index;
      bestScore = s;
    }
  }
  if (best) {
    const ids = lookup(best, byPath);
    return { docs: fetched(coll, ids, picker), ids, plan: { stage: 'IXSCAN', indexName: best.spec.name, keyPattern: best.spec.key, docsExamined: 0 } };
  }
  return { docs: coll.values(picker), plan: { stage: 'COLLSCAN', docsExamined: 0 } };
}

/** The documents of `ids`, each read only when asked for: a limit stops the reading early. */
function* fetched(coll: Collection, ids: Iterable<string>, picker?: FieldPicker): IterableIterator<Doc> {
  for (const id of ids) {
    const doc = coll.get(id, picker);
    if (doc) yield doc;
  }
}

/** The fields of the collection's text index, for `$text` (undefined: all string fields). */
function textFields(coll: Collection): string[] | undefined {
  for (const index of coll.indexes.values()) {
    const fields = Object.entries(index.spec.key).filter(([, kind]) => kind === 'text').map(([field]) => field);
    if (fields.length && !fields.includes('$**')) return fields;
  }
  return undefined;
}

/**
 * The order a `hint` imposes when no sort is given: the hinted index's key pattern (documents come
 * back in index order, as from mongod's index scan). Unknown indexes are refused as mongod does.
 */
export function hintOrder(coll: Collection | undefined, hint: unknown): Doc | undefined {
  if (hint === undefined || hint === null || !coll) return undefined;
  if (typeof hint === 'object' && '$natural' in hint) return undefined;
  const specs = coll.indexSpecs();
  const spec =
    typeof hint === 'string'
      ? specs.find((s) => s.name === hint)
      : specs.find((s) => JSON.stringify(s.key) === JSON.stringify(Object.fromEntries(Object.entries(hint as Doc).map(([k, v]) => [k, Number(v)]))));
  if (!spec) throw commandError('BadValue', 'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index');
  return isOrderedKeyPattern(spec.key) ? spec.key : undefined;
}

export interface QueryOptions {
  collation?: Collation;
  /** Epoch ms after which evaluation fails with MaxTimeMSExpired (the command's maxTimeMS). */
  deadline?: number;
  /** Stop after this many matches (0 = all). */
  limit?: number;
  onCollectionScan?: () => void;
  /**
   * The only top-level fields the caller reads of a match (a count: none; a page: its sort keys).
   * The matches then hold these, `_id` and the fields the filter reads, unless the filter may read
   * the whole document; `partial` says which.
   */
  fields?: Iterable<string>;
}

export interface QueryScan {
  /** Read while iterated: consume them within the command, before any write. */
  matches: IterableIterator<Doc>;
  plan: Plan;
  /** The matches hold only some fields (QueryOptions.fields): read a whole one with coll.get(idKeyOf(match)). */
  partial: boolean;
}

/** The top-level fields a sort reads. */
export function sortKeyFields(sort: Doc): string[] {
  return Object.keys(sort).map((path) => path.split('.')[0]);
}

/** Reads `_id`, the fields the filter reads and `fields`, or undefined when the filter may read anything. */
function pickerFor(filter: Doc | undefined, fields: Iterable<string>): FieldPicker | undefined {
  const read = filterFields(filter);
  return read ? new FieldPicker(['_id', ...read, ...fields]) : undefined;
}

/**
 * The documents matching `filter`, in the plan's order, read one at a time: a count or a first page
 * of a sort holds only what it keeps, instead of every match of a large collection at once.
 */
export function scanQuery(coll: Collection | undefined, filter: Doc | undefined, options: QueryOptions = {}): QueryScan {
  if (!coll) return { matches: [][Symbol.iterator](), plan: { stage: 'EOF', docsExamined: 0 }, partial: false };
  const picker = options.fields ? pickerFor(filter, options.fields) : undefined;
  const { docs, plan } = candidates(coll, filter ?? {}, options.collation, picker);
  if (plan.stage === 'COLLSCAN') options.onCollectionScan?.();
  const matches = compileFilter(filter ?? {}, { collation: options.collation, deadline: options.deadline, textFields: textFields(coll) });
  return { matches: matching(docs, matches, plan, options.limit ?? 0), plan, partial: picker !== undefined };
}

function* matching(docs: Iterable<Doc>, matches: (doc: Doc) => boolean, plan: Plan, limit: number): IterableIterator<Doc> {
  let found = 0;
  for (const doc of docs) {
    plan.docsExamined += 1;
    if (!matches(doc)) continue;
    yield doc;
    found += 1;
    if (limit > 0 && found >= limit) return;
  }
}

/** The documents matching `filter`, in the plan's order. */
export function runQuery(coll: Collection | undefined, filter: Doc | undefined, options: QueryOptions = {}): QueryResult {
  const { matches, plan } = scanQuery(coll, filter, options);
  return { docs: [...matches], plan };
}

/**
 * An index that lists a field's values in exactly the order a sort on it asks for: one key per
 * document (not multikey, not sparse, not partial) and binary string order (no collation).
 */
function sortIndex(coll: Collection, field: string, collation: Collation | undefined): SecondaryIndex | undefined {
  if (collation && collation.locale !== 'simple') return undefined;
  for (const index of coll.indexes.values()) {
    const own = index.spec.collation as Collation | undefined;
    if (index.usable && !index.multikey && !index.spec.sparse && index.fields[0] === field && (!own || own.locale === 'simple')) return index;
  }
  return undefined;
}

/** Marks the end of the documents sharing one value of the sort's first field. */
export const RUN_END = Symbol('run end');

export interface SortedScan {
  /** The matches in the order of the sort's first field, RUN_END after each run of equal values. */
  walk: IterableIterator<Doc | typeof RUN_END>;
  plan: Plan;
  /** The matches hold only `_id`, the sort keys and the fields the filter reads (QueryScan.partial). */
  partial: boolean;
}

/**
 * The matches of `filter` walked along an index on the sort's first field, so the first `wanted`
 * documents of a sort are found by reading about as many (a page of a long list), not the whole
 * collection. Undefined when no index gives that order exactly, or when the filter's own index
 * already narrows the documents to a few pages' worth.
 */
export function sortedScan(coll: Collection | undefined, filter: Doc | undefined, sort: Doc, wanted: number, options: QueryOptions = {}): SortedScan | undefined {
  if (!coll || wanted <= 0) return undefined;
  const [field, raw] = Object.entries(sort)[0] ?? [];
  // Directions may arrive as BSON numbers; {$meta: 'textScore'} gives NaN and $natural has no index order.
  const direction = toNumber(raw);
  if (field === undefined || field === '$natural' || (direction !== 1 && direction !== -1)) return undefined;
  const index = sortIndex(coll, field, options.collation);
  if (!index) return undefined;
  const found = candidates(coll, filter ?? {}, options.collation);
  const many = found.plan.stage === 'COLLSCAN' || (found.ids !== undefined && found.ids.size > wanted * 8);
  if (!many) return undefined;
  const matches = compileFilter(filter ?? {}, { collation: options.collation, deadline: options.deadline, textFields: textFields(coll) });
  const plan: Plan = { stage: 'IXSCAN', indexName: index.spec.name, keyPattern: index.spec.key, docsExamined: 0 };
  const picker = pickerFor(filter, sortKeyFields(sort));
  return { walk: walkInOrder(coll, index.inOrder(direction), found.ids, matches, plan, picker), plan, partial: picker !== undefined };
}

function* walkInOrder(coll: Collection, entries: Iterable<SortedEntry>, only: Set<string> | undefined, matches: (doc: Doc) => boolean, plan: Plan, picker: FieldPicker | undefined): IterableIterator<Doc | typeof RUN_END> {
  let value: unknown;
  let first = true;
  for (const entry of entries) {
    if (!first && compareValues(entry.value, value) !== 0) yield RUN_END;
    first = false;
    value = entry.value;
    if (only && !only.has(entry.id)) continue;
    const doc = coll.get(entry.id, picker);
    if (!doc) continue;
    plan.docsExamined += 1;
    if (matches(doc)) yield doc;
  }
  yield RUN_END;
}
