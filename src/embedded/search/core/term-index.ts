/**
 * The full-text part of an index: a term dictionary (sorted lazily for prefix ranges and typo
 * walks), per-term postings of compact [slot, location, rankMask] triples — one per term and
 * document, with the best location and a bit per attribute rank holding the term (ranks ≥ 31
 * share the last bit; used by attributesToSearchOn) — and a forward index (each document's [termId, location] sequence) for
 * proximity, exactness and phrases. A location packs the attribute rank and the word position:
 * rank << 16 | position, so a smaller location is a better one for the attribute rule.
 * Terms found in attributes listed in typoTolerance.disableOnAttributes go to separate "strict"
 * postings that typo derivations never read.
 */
import { forEachLeaf, type Doc } from './fields.js';
import { IndexingScratch } from './indexing-scratch.js';
import { IntList } from './int-list.js';
import { matchesAttributePattern } from './settings.js';
import { HARD_SEPARATOR_GAP, type Tokenizer } from './tokenizer.js';
import { commonPrefixLengths, typoCandidates, prefixRange, type TypoMatch } from './typo.js';
import { TermOccurrences } from './occurrences.js';
import { typedArrayBytes, WriteCache } from './write-cache.js';
import { SlotValues } from './slot-values.js';

const MAX_POSITION = 0xffff;
export const POSTING_STRIDE = 3;

/** The bit of an attribute rank in a posting's rank mask. */
export function rankBit(rank: number): number {
  return 1 << Math.min(rank, 31);
}
const NOT_SEARCHABLE = -1;
const MAX_CACHED_ENTRIES = 32;
/**
 * Memory for the per-query-word matches and phrases: each holds arrays of one entry per slot
 * (about 0.4 MB at 100,000 documents), so 48 MB keep ~110 words there, ~11 at a million documents.
 * Bounded by the engine's memory target (peak RSS ≤ 1 GB at 100k documents, bench:search).
 */
const DERIVED_BUDGET_BYTES = 48 << 20;

export interface TermIndexConfig {
  tokenizer: Tokenizer;
  searchableAttributes: readonly string[];
  typoDisabledAttributes: readonly string[];
  /** Bytes of per-slot values kept between searches (default 16 MB). */
  slotValueBudgetBytes?: number;
}

export function packLocation(rank: number, position: number): number {
  return (Math.min(rank, 0x7fff) << 16) | Math.min(position, MAX_POSITION);
}

export const locationRank = (loc: number): number => loc >>> 16;
export const locationPosition = (loc: number): number => loc & MAX_POSITION;

/** How a document's forward index is ordered: in location order, regular (see addOccurrences), neither. */
const FORWARD_IRREGULAR = 0;
const FORWARD_REGULAR = 1;
const FORWARD_ASCENDING = 2;

/**
 * Sorts `values[from, to)` in place: a term's locations in one document are short ascending runs
 * (one per field), and a subarray and sort() call per term and document cost more.
 */
function insertionSort(values: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= from && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

export class TermIndex {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly postings: IntList[] = [];
  readonly strictPostings: (IntList | undefined)[] = [];
  forward: (Int32Array | undefined)[] = [];
  /** Per term, its positional postings (occurrences.ts). */
  readonly occurrences: TermOccurrences[] = [];
  /** Per term, the rank bits of the attributes it was indexed in (never cleared: a superset once documents leave). */
  private termRanks = new Int32Array(1024);
  /** Per slot, how its forward index is ordered (FORWARD_*, see addOccurrences). */
  private forwardOrder = new Uint8Array(1024);
  private sorted: { terms: string[]; ids: Int32Array; lcp: Uint16Array } | null = null;
  /** Merged postings of broad prefixes, valid until the next document is added. */
  private readonly prefixCache = new WriteCache<IntList>(MAX_CACHED_ENTRIES);
  /** Per-phrase and per-query-word results (word-matching.ts), valid until the next write. */
  private readonly derivedCache = new WriteCache<unknown>(DERIVED_BUDGET_BYTES, typedArrayBytes);
  /** Per-slot values read from the forward index, valid until the next document is added (slot-values.ts). */
  private readonly slotValueArrays: SlotValues;
  private scratch = new IndexingScratch();
  private readonly fieldRanks = new Map<string, number>();
  private readonly strictFields = new Map<string, boolean>();
  private nextWildcardRank = 0;

  constructor(private readonly config: TermIndexConfig) {
    this.slotValueArrays = new SlotValues(config.slotValueBudgetBytes);
  }

  get tokenizer(): Tokenizer {
    return this.config.tokenizer;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The attribute rank used for ranking; with `*` the order in which fields were first seen. */
  rankOf(field: string): number {
    let rank = this.fieldRanks.get(field);
    if (rank === undefined) {
      const searchable = this.config.searchableAttributes;
      if (searchable.includes('*')) rank = this.nextWildcardRank++;
      else {
        const found = searchable.findIndex((pattern) => matchesAttributePattern(pattern, field));
        rank = found === -1 ? NOT_SEARCHABLE : found;
      }
      this.fieldRanks.set(field, rank);
    }
    return rank;
  }

  /** How many attribute ranks searching can see (for the attributeRank score). */
  searchableFieldCount(): number {
    const searchable = this.config.searchableAttributes;
    return searchable.includes('*') ? this.nextWildcardRank : searchable.length;
  }

  /** Ranks of the known fields matching any of the attribute patterns (attributesToSearchOn). */
  ranksFor(patterns: readonly string[]): number[] {
    const ranks = new Set<number>();
    for (const [field, rank] of this.fieldRanks) {
      if (rank !== NOT_SEARCHABLE && patterns.some((p) => matchesAttributePattern(p, field))) ranks.add(rank);
    }
    return [...ranks];
  }

  private isStrict(field: string): boolean {
    let strict = this.strictFields.get(field);
    if (strict === undefined) {
      strict = this.config.typoDisabledAttributes.some((pattern) => matchesAttributePattern(pattern, field));
      this.strictFields.set(field, strict);
    }
    return strict;
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.scratch.ensure(2 * id + 2);
      if (id === this.termRanks.length) {
        const grown = new Int32Array(2 * id);
        grown.set(this.termRanks);
        this.termRanks = grown;
      }
      this.terms.push(term);
      this.ids.set(term, id);
      this.postings.push(new IntList(3));
      this.strictPostings.push(undefined);
      this.occurrences.push(new TermOccurrences());
      this.sorted = null;
    }
    return id;
  }

  addDocument(slot: number, doc: Doc): void {
    this.prefixCache.clear();
    this.derivedCache.clear();
    this.slotValueArrays.clear();
    const scratch = this.scratch;
    const stamp = slot + 1;
    scratch.sequence.length = 0;
    scratch.touched.length = 0;
    const nextPosition = new Map<string, number>();
    forEachLeaf(doc, (field, value, elementStart) => {
      if (value === null || value === undefined || typeof value === 'object') return;
      const rank = this.rankOf(field);
      if (rank === NOT_SEARCHABLE) return;
      const text = typeof value === 'string' ? value : String(value);
      const seen = nextPosition.get(field);
      const first = seen === undefined ? 0 : seen + (elementStart ? HARD_SEPARATOR_GAP : 1);
      // Terms of typo-disabled attributes are kept apart: key = termId * 2 + strict.
      const strict = this.isStrict(field) ? 1 : 0;
      const bit = rankBit(rank);
      const last = this.tokenizer.forEachToken(text, first, (term, position) => {
        const id = this.intern(term);
        const loc = packLocation(rank, position);
        scratch.sequence.push2(id, loc);
        const key = id * 2 + strict;
        if (scratch.stamps[key] !== stamp) {
          scratch.stamps[key] = stamp;
          scratch.locations[key] = loc;
          scratch.masks[key] = bit;
          scratch.touched.push(key);
        } else {
          if (loc < scratch.locations[key]) scratch.locations[key] = loc;
          scratch.masks[key] |= bit;
        }
      });
      nextPosition.set(field, last);
    });
    const { data, length } = scratch.touched;
    for (let i = 0; i < length; i++) {
      const key = data[i];
      const id = key >> 1;
      const list = key & 1 ? (this.strictPostings[id] ??= new IntList(3)) : this.postings[id];
      list.push3(slot, scratch.locations[key], scratch.masks[key]);
      this.termRanks[id] |= scratch.masks[key];
    }
    this.forward[slot] = scratch.sequence.toArray();
    this.addOccurrences(slot);
  }

  /**
   * Appends the document's locations to each of its terms' occurrences, and notes whether its
   * forward index is regular: within each attribute rank the tokens are consecutive and their
   * locations strictly ascend. Then reading the tokens in location order meets the same
   * neighbours of the same rank as reading them in text order, and proximity may use the
   * occurrences. (Fields sharing a rank — nested fields, patterns — can break this.)
   */
  private addOccurrences(slot: number): void {
    const scratch = this.scratch;
    const stamp = slot + 1;
    const { data, length } = scratch.sequence;
    const { counts, starts, rankStamps, termIds } = scratch;
    if (scratch.grouped.length < length / 2) scratch.grouped = new Int32Array(length);
    const grouped = scratch.grouped;
    termIds.length = 0;
    let regular = true;
    let ascending = true;
    let previous = -1;
    for (let t = 0; t < length; t += 2) {
      const key = data[t] * 2;
      const loc = data[t + 1];
      const rank = loc >>> 16;
      if (previous !== -1 && rank === previous >>> 16) regular &&= loc > previous;
      else if (rankStamps[rank] === stamp) regular = false;
      else rankStamps[rank] = stamp;
      ascending &&= loc > previous;
      previous = loc;
      // counts are zero between documents (reset below).
      if (counts[key]++ === 0) termIds.push(data[t]);
    }
    let start = 0;
    for (let i = 0; i < termIds.length; i++) {
      const key = termIds.data[i] * 2;
      starts[key] = start;
      start += counts[key];
    }
    for (let t = 0; t < length; t += 2) grouped[starts[data[t] * 2]++] = data[t + 1];
    for (let i = 0; i < termIds.length; i++) {
      const id = termIds.data[i];
      const end = starts[id * 2];
      const begin = end - counts[id * 2];
      // Out of location order only when the document's fields are not in rank order.
      if (!ascending) insertionSort(grouped, begin, end);
      this.occurrences[id].append(slot, grouped, begin, end);
      counts[id * 2] = 0;
    }
    if (slot >= this.forwardOrder.length) {
      const grown = new Uint8Array(Math.max(slot + 1, this.forwardOrder.length * 2));
      grown.set(this.forwardOrder);
      this.forwardOrder = grown;
    }
    this.forwardOrder[slot] = ascending ? FORWARD_ASCENDING : regular ? FORWARD_REGULAR : FORWARD_IRREGULAR;
  }

  /** The rank bits (rankBit) of the attributes in which the term occurs in some document (or did, in one since removed). */
  ranksOf(termId: number): number {
    return this.termRanks[termId];
  }

  /** Whether proximity may read the slot's occurrences instead of its forward index (addOccurrences). */
  hasRegularForward(slot: number): boolean {
    return this.forwardOrder[slot] !== FORWARD_IRREGULAR && this.forward[slot] !== undefined;
  }

  /**
   * Whether the slot's forward index is in location order (fields in rank order, ascending
   * positions): then its tokens are its terms' occurrences merged by location, and consecutive
   * tokens are the ones at consecutive locations (phrases).
   */
  hasAscendingForward(slot: number): boolean {
    return this.forwardOrder[slot] === FORWARD_ASCENDING && this.forward[slot] !== undefined;
  }

  /**
   * Drops the slots `renumbered` maps to -1 from the postings, occurrences and forward index, and
   * renumbers the others (in ascending order, so every list stays sorted): no document is read
   * again. Terms left without a document stay in the dictionary, matching nothing.
   */
  compact(renumbered: Int32Array, slots: number): void {
    this.prefixCache.clear();
    this.derivedCache.clear();
    this.slotValueArrays.clear();
    // Its stamps are slot numbers, which the next documents take again.
    this.scratch = new IndexingScratch();
    this.scratch.ensure(2 * this.terms.length + 2);
    for (let id = 0; id < this.terms.length; id++) {
      this.postings[id].keepRenumbered(renumbered, POSTING_STRIDE);
      this.strictPostings[id]?.keepRenumbered(renumbered, POSTING_STRIDE);
      this.occurrences[id].keepRenumbered(renumbered);
    }
    const forward: (Int32Array | undefined)[] = new Array(slots);
    const forwardOrder = new Uint8Array(Math.max(1024, slots));
    renumbered.forEach((slot, old) => {
      if (slot === -1) return;
      forward[slot] = this.forward[old];
      forwardOrder[slot] = this.forwardOrder[old];
    });
    this.forward = forward;
    this.forwardOrder = forwardOrder;
  }

  /** Forgets the forward entry; postings keep the slot, which the caller's live set masks. */
  removeDocument(slot: number): void {
    this.forward[slot] = undefined;
    this.derivedCache.clear();
  }

  /** `compute()` once per key until the next write; the most recently used are kept, within DERIVED_BUDGET_BYTES. */
  cached<T>(key: string, compute: () => T): T {
    return this.derivedCache.get(key, compute) as T;
  }

  /** A per-slot byte array for one key (0: not computed yet), kept until the next document is added. */
  slotValues(key: string): Uint8Array {
    return this.slotValueArrays.get(key, this.forward.length);
  }

  /** A search begins: the slot-value arrays forgotten before it may be handed out again. */
  beginSearch(): void {
    this.slotValueArrays.beginSearch();
  }

  private sortedTerms(): { terms: string[]; ids: Int32Array; lcp: Uint16Array } {
    if (!this.sorted) {
      const ids = Int32Array.from(this.terms.keys());
      const terms = this.terms;
      ids.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
      const sortedTerms = Array.from(ids, (id) => terms[id]);
      this.sorted = { terms: sortedTerms, ids, lcp: commonPrefixLengths(sortedTerms) };
    }
    return this.sorted;
  }

  /** Ids of the terms that start with `prefix` (the prefix itself included when it is a term). */
  prefixTermIds(prefix: string): Int32Array {
    const { terms, ids } = this.sortedTerms();
    const [start, end] = prefixRange(terms, prefix);
    return ids.subarray(start, end);
  }

  /**
   * One posting list for all the terms of a broad prefix (as Meilisearch keeps prefix postings):
   * per document the best location and the union of rank masks. Built on first use after a write.
   */
  prefixPostings(prefix: string, ids: Int32Array): IntList {
    return this.prefixCache.get(prefix, () => this.mergePostings(ids));
  }

  private mergePostings(ids: Int32Array): IntList {
    const slotCount = this.forward.length;
    const best = new Int32Array(slotCount).fill(-1);
    const masks = new Int32Array(slotCount);
    for (const id of ids) {
      for (const list of [this.postings[id], this.strictPostings[id]]) {
        if (!list) continue;
        const { data, length } = list;
        for (let i = 0; i < length; i += POSTING_STRIDE) {
          const slot = data[i];
          if (best[slot] === -1 || data[i + 1] < best[slot]) best[slot] = data[i + 1];
          masks[slot] |= data[i + 2];
        }
      }
    }
    const merged = new IntList(64);
    for (let slot = 0; slot < slotCount; slot++) if (best[slot] !== -1) merged.push3(slot, best[slot], masks[slot]);
    return merged;
  }

  typoTermIds(word: string, maxTypos: number, prefix: boolean): { id: number; typos: number }[] {
    const { terms, ids, lcp } = this.sortedTerms();
    return typoCandidates({ sorted: terms, lcp }, word, maxTypos, prefix).map((m: TypoMatch) => ({ id: ids[m.index], typos: m.typos }));
  }
}
