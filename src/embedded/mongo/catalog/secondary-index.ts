/**
 * One secondary index in memory: a Map from the canonical key to the ids holding it (equality,
 * uniqueness) and, built on first use, an array sorted on the first key field (ranges, TTL).
 * Documents are identified by the canonical key of their `_id`.
 */
import { compareValues, compileFilter, filterFields } from '../query/index.js';
import { canonicalKey, EMPTY_ARRAY_KEY, pathExists, valuesAtPath, type KeyCollation } from './keys.js';

type Doc = Record<string, unknown>;

export interface IndexSpec {
  v: number;
  key: Doc;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  collation?: KeyCollation;
  [option: string]: unknown;
}

export interface SortedEntry {
  value: unknown;
  id: string;
}

/** Ids per key: a bare string for the common single-holder case keeps 100k-entry maps small. */
type Holders = string | Set<string>;

function addHolder(map: Map<string, Holders>, key: string, id: string): void {
  const current = map.get(key);
  if (current === undefined) map.set(key, id);
  else if (typeof current === 'string') {
    if (current !== id) map.set(key, new Set([current, id]));
  } else current.add(id);
}

function removeHolder(map: Map<string, Holders>, key: string, id: string): void {
  const current = map.get(key);
  if (current === undefined) return;
  if (typeof current === 'string') {
    if (current === id) map.delete(key);
  } else {
    current.delete(id);
    if (current.size === 1) map.set(key, current.values().next().value as string);
  }
}

function holders(entry: Holders | undefined): string[] {
  if (entry === undefined) return [];
  return typeof entry === 'string' ? [entry] : [...entry];
}

/** True for key patterns of plain ascending/descending fields (not text, 2dsphere, hashed …). */
export function isOrderedKeyPattern(key: Doc): boolean {
  return Object.values(key).every((dir) => {
    const n = typeof dir === 'number' ? dir : Number((dir as { valueOf(): unknown })?.valueOf?.());
    return n === 1 || n === -1;
  });
}

export class SecondaryIndex {
  readonly fields: string[];
  private readonly parts: string[][];
  private readonly ordered: boolean;
  private readonly partial: ((doc: Doc) => boolean) | null;
  private readonly byKey = new Map<string, Holders>();
  private readonly byFirst: Map<string, Holders> | null;
  private sorted: SortedEntry[] | null = null;
  /** Set once some document has an array on an indexed path (mongod's "isMultiKey"). */
  multikey = false;
  /**
   * The top-level fields this index reads of a document (its keys, its partial filter's), or
   * undefined when the partial filter may read any: building it decodes only these.
   */
  readonly readFields: string[] | undefined;

  /** `documents` lists the collection's [id, document] pairs (with `fields`, only those), to build the sorted array on demand. */
  constructor(
    readonly spec: IndexSpec,
    private readonly documents: (fields?: readonly string[]) => Iterable<[string, Doc]>,
  ) {
    this.fields = Object.keys(spec.key);
    this.parts = this.fields.map((f) => f.split('.'));
    const partialFields = spec.partialFilterExpression ? filterFields(spec.partialFilterExpression) : new Set<string>();
    this.readFields = partialFields ? [...new Set([...this.parts.map((parts) => parts[0]), ...partialFields])] : undefined;
    this.ordered = isOrderedKeyPattern(spec.key);
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : null;
    this.byFirst = this.fields.length > 1 ? new Map() : null;
  }

  /** Whether queries may use this index (metadata-only indexes such as text never are). */
  get usable(): boolean {
    return this.ordered && !this.partial && !this.spec.hidden;
  }

  /** The key tuples of `doc`, or null when the document is not in this index. */
  keysOf(doc: Doc): unknown[][] | null {
    if (!this.ordered) return null;
    if (this.partial && !this.partial(doc)) return null;
    if (this.spec.sparse && !this.parts.some((p) => pathExists(doc, p))) return null;
    let tuples: unknown[][] = [[]];
    for (const parts of this.parts) {
      const values = valuesAtPath(doc, parts);
      if (values.length > 1 || values[0] === EMPTY_ARRAY_KEY) this.multikey = true;
      tuples = tuples.flatMap((t) => values.map((v) => [...t, v]));
    }
    return tuples;
  }

  private key(tuple: unknown[]): string {
    return tuple.length === 1 ? canonicalKey(tuple[0], this.spec.collation) : canonicalKey(tuple, this.spec.collation);
  }

  /** The first key tuple of `doc` already held by another document, for unique indexes. */
  conflict(doc: Doc, id: string): unknown[] | null {
    if (!this.spec.unique) return null;
    for (const tuple of this.keysOf(doc) ?? []) {
      if (holders(this.byKey.get(this.key(tuple))).some((other) => other !== id)) return tuple;
    }
    return null;
  }

  add(doc: Doc, id: string): void {
    const tuples = this.keysOf(doc);
    if (!tuples) return;
    for (const tuple of tuples) {
      addHolder(this.byKey, this.key(tuple), id);
      if (this.byFirst) addHolder(this.byFirst, canonicalKey(tuple[0], this.spec.collation), id);
      this.addSorted(tuple[0], id);
    }
  }

  remove(doc: Doc, id: string): void {
    const tuples = this.keysOf(doc);
    if (!tuples) return;
    for (const tuple of tuples) {
      removeHolder(this.byKey, this.key(tuple), id);
      if (this.byFirst) removeHolder(this.byFirst, canonicalKey(tuple[0], this.spec.collation), id);
      this.removeSorted(tuple[0], id);
    }
  }

  /** Ids whose first key field equals one of `values`. */
  lookupFirst(values: unknown[]): Set<string> {
    const map = this.byFirst ?? this.byKey;
    const out = new Set<string>();
    for (const v of values) for (const id of holders(map.get(canonicalKey(v, this.spec.collation)))) out.add(id);
    return out;
  }

  /** Ids holding exactly this full key tuple (every field given). */
  lookupTuple(tuple: unknown[]): Set<string> {
    return new Set(holders(this.byKey.get(this.key(tuple))));
  }

  /** Ids whose first key field lies within the bounds (by BSON order; callers re-check the filter). */
  lookupRange(min?: { value: unknown; inclusive: boolean }, max?: { value: unknown; inclusive: boolean }): Set<string> {
    const sorted = this.sortedEntries();
    let start = 0;
    if (min) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = compareValues(sorted[mid].value, min.value);
        if (c < 0 || (c === 0 && !min.inclusive)) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const out = new Set<string>();
    for (let i = start; i < sorted.length; i++) {
      if (max) {
        const c = compareValues(sorted[i].value, max.value);
        if (c > 0 || (c === 0 && !max.inclusive)) break;
      }
      out.add(sorted[i].id);
    }
    return out;
  }

  /** Every entry by its first key field (BSON order), ascending or descending; equal values by id. */
  *inOrder(direction: 1 | -1): IterableIterator<SortedEntry> {
    const sorted = this.sortedEntries();
    if (direction === 1) yield* sorted;
    else for (let i = sorted.length - 1; i >= 0; i--) yield sorted[i];
  }

  private compareEntries(a: SortedEntry, b: SortedEntry): number {
    return compareValues(a.value, b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** Position of the first entry not below `entry` in the sorted array. */
  private lowerBound(entry: SortedEntry): number {
    const sorted = this.sorted as SortedEntry[];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareEntries(sorted[mid], entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The sorted array, built from the documents on the first range lookup and kept up to date
   * afterwards: additions wait in `pending` and are merged (a few by binary insertion, many by
   * sort + merge) when the next lookup or removal needs the array.
   */
  private sortedEntries(): SortedEntry[] {
    if (!this.sorted) {
      const entries: SortedEntry[] = [];
      for (const [id, doc] of this.documents(this.readFields)) {
        for (const tuple of this.keysOf(doc) ?? []) {
          if (tuple[0] !== EMPTY_ARRAY_KEY) entries.push({ value: tuple[0], id });
        }
      }
      this.sorted = entries.sort((a, b) => this.compareEntries(a, b));
      this.pending = [];
    }
    if (this.pending.length > 0) {
      const adds = this.pending.sort((a, b) => this.compareEntries(a, b));
      this.pending = [];
      if (adds.length <= 64) {
        for (const entry of adds) this.sorted.splice(this.lowerBound(entry), 0, entry);
      } else {
        const merged: SortedEntry[] = [];
        let i = 0;
        for (const entry of this.sorted) {
          while (i < adds.length && this.compareEntries(adds[i], entry) < 0) merged.push(adds[i++]);
          merged.push(entry);
        }
        while (i < adds.length) merged.push(adds[i++]);
        this.sorted = merged;
      }
    }
    return this.sorted;
  }

  /** Additions not yet merged into `sorted` (only kept once `sorted` exists). */
  private pending: SortedEntry[] = [];

  private addSorted(value: unknown, id: string): void {
    // No range predicate matches an empty array, so it stays out of the sorted array.
    if (value === EMPTY_ARRAY_KEY || !this.sorted) return;
    this.pending.push({ value, id });
  }

  private removeSorted(value: unknown, id: string): void {
    if (value === EMPTY_ARRAY_KEY || !this.sorted) return;
    const sorted = this.sortedEntries();
    const at = this.lowerBound({ value, id });
    if (at < sorted.length && sorted[at].id === id) sorted.splice(at, 1);
  }
}
