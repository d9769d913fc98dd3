/**
 * Per-document keys of the ranking rules for the documents of one bucket (smaller = better):
 * typo (total typos), attributeRank (attribute ranks), wordPosition (positions within them;
 * `attribute` is both) and exactness (words matched as typed) read from each word's per-slot
 * match data (word-matching.ts); proximity and the exactness level read the forward index of one
 * document at a time, when the ranking asks for them.
 */
import type { Bitset } from './bitset.js';
import type { QueryWord } from './query.js';
import { OccurrenceCursor } from './occurrences.js';
import { rankBit, type TermIndex } from './term-index.js';
import { HARD_SEPARATOR_GAP } from './tokenizer.js';
import { ALL_RANKS, matchedAsTyped, matchPosition, matchRank, matchTypos, NO_MATCH, type WordMatch } from './word-matching.js';

export const MAX_PAIR_COST = 8;

export interface BucketInput {
  list: Int32Array;
  bits: Bitset;
  /** Indices (into the query words) of the words every document of the bucket matches. */
  active: number[];
}

export interface TextKeys {
  typo: Float64Array;
  /** Sum of the best attribute rank of each word. */
  attributeRank: Float64Array;
  /** Sum of each word's position in that attribute (capped at 1023). */
  wordPosition: Float64Array;
  exactness: Float64Array;
}

/** `take` gives an array per document for each key. */
export function textKeys(bucket: BucketInput, matches: WordMatch[], take: (n: number) => Float64Array): TextKeys {
  const { list, active } = bucket;
  const n = list.length;
  const typo = take(n);
  const attributeRank = take(n);
  const wordPosition = take(n);
  const exactness = take(n);
  const words = active.map((w) => matches[w].postings.matches);
  // One pass over the documents, each key written once (the words' arrays are read in slot order).
  for (let p = 0; p < n; p++) {
    const slot = list[p];
    let typos = 0;
    let ranks = 0;
    let positions = 0;
    let exact = 0;
    for (const word of words) {
      const match = word[slot];
      if (match === NO_MATCH) continue;
      typos += matchTypos(match);
      ranks += matchRank(match);
      positions += matchPosition(match);
      exact += matchedAsTyped(match);
    }
    typo[p] = typos;
    attributeRank[p] = ranks;
    wordPosition[p] = positions;
    exactness[p] = -exact;
  }
  return { typo, attributeRank, wordPosition, exactness };
}

/** termId → bit mask of the active words (by their index in `active`) it derives from, and those term ids. */
function activeTermMask(words: QueryWord[], active: number[], termCount: number): { mask: Int32Array; ids: number[] } {
  const mask = new Int32Array(termCount);
  const ids: number[] = [];
  const add = (id: number, bit: number): void => {
    if (mask[id] === 0) ids.push(id);
    mask[id] |= 1 << bit;
  };
  active.forEach((w, bit) => {
    for (const id of words[w].derivations.keys()) add(id, bit);
    for (const id of words[w].prefixGroup?.ids ?? []) add(id, bit);
  });
  return { mask, ids };
}

/** What a word's proximity depends on: its terms (a prefix group by its prefix, whose terms are fixed until the next write). */
function termSetKey(word: QueryWord): string {
  const ids = [...word.derivations.keys()].sort((a, b) => a - b).join(',');
  return word.prefixGroup ? `${ids}~${word.prefixGroup.prefix}` : ids;
}

/**
 * Beyond this many terms (a broad prefix group) a document's occurrences of them cost more to
 * merge than its forward index costs to scan.
 */
const MAX_MERGED_TERMS = 24;

/**
 * Proximity of one document of the bucket (by position p): the sum over neighbouring active
 * words of their closest distance in one attribute — adjacent in order costs 1, each extra word
 * or reversed order more, capped at 7; never together costs 8. With proximityPrecision
 * byAttribute, any two words in the same attribute cost 1. The document's tokens of the query
 * terms are read in location order from the terms' occurrences (positional postings) when its
 * forward index is regular, else in text order from the forward index: both meet the same
 * neighbours (TermIndex.addOccurrences). A pair's cost depends only on the two words' terms, so
 * it is kept per slot (TermIndex.slotValues) for the next search with that pair.
 */
export function proximityOf(bucket: BucketInput, words: QueryWord[], terms: TermIndex, byAttribute: boolean): (p: number) => number {
  const { list, active } = bucket;
  const k = active.length;
  if (k < 2) return () => 0;
  const { mask, ids } = activeTermMask(words, active, terms.terms.length);
  const known = active.slice(1).map((w, i) => terms.slotValues(`pair:${byAttribute}|${termSetKey(words[active[i]])}|${termSetKey(words[w])}`));
  const costs = new PairCosts(k, byAttribute);
  const merge = ids.length <= MAX_MERGED_TERMS ? new OccurrenceMerge(terms, ids, mask) : null;
  return (p) => {
    const slot = list[p];
    let total = 0;
    for (let i = 0; i < k - 1; i++) {
      const cost = known[i][slot];
      if (cost === 0) {
        total = -1;
        break;
      }
      total += cost;
    }
    if (total >= 0) return total;
    const forward = terms.forward[slot];
    if (!forward) return 0;
    costs.reset();
    if (merge && terms.hasRegularForward(slot)) merge.feed(slot, costs);
    else feedForward(forward, mask, costs);
    total = 0;
    for (let i = 0; i < k - 1; i++) {
      known[i][slot] = costs.pairCost[i];
      total += costs.pairCost[i];
    }
    return total;
  };
}

/** A document's tokens of the query terms in text order, from its forward index. */
function feedForward(forward: Int32Array, mask: Int32Array, costs: PairCosts): void {
  for (let t = 0; t < forward.length; t += 2) {
    const bits = mask[forward[t]];
    if (bits !== 0) costs.token(forward[t + 1], bits);
  }
}

/** A document's tokens of the query terms in location order: a merge of each term's occurrences in it. */
class OccurrenceMerge {
  private readonly cursors: OccurrenceCursor[];
  private readonly bits: Int32Array;
  /** Per term, the current document's locations: next and end offsets into its data. */
  private readonly next: Int32Array;
  private readonly end: Int32Array;
  /** Per term, its data array (appending may replace it, but no document is added during a ranking). */
  private readonly data: Int32Array[];

  constructor(terms: TermIndex, ids: number[], mask: Int32Array) {
    const lists = ids.map((id) => terms.occurrences[id]);
    this.cursors = lists.map((list) => new OccurrenceCursor(list));
    this.bits = Int32Array.from(ids, (id) => mask[id]);
    this.next = new Int32Array(ids.length);
    this.end = new Int32Array(ids.length);
    this.data = lists.map((list) => list.data.data);
  }

  feed(slot: number, costs: PairCosts): void {
    const { cursors, next, end, data } = this;
    const n = cursors.length;
    for (let i = 0; i < n; i++) {
      const offset = cursors[i].seek(slot);
      next[i] = offset === -1 ? 0 : offset + 2;
      end[i] = offset === -1 ? 0 : offset + 2 + data[i][offset + 1];
    }
    for (;;) {
      let best = -1;
      let bestLoc = 0;
      for (let i = 0; i < n; i++) {
        if (next[i] >= end[i]) continue;
        const loc = data[i][next[i]];
        if (best === -1 || loc < bestLoc) {
          best = i;
          bestLoc = loc;
        }
      }
      if (best === -1) return;
      next[best]++;
      costs.token(bestLoc, this.bits[best]);
    }
  }
}

/**
 * The cost of each neighbouring pair of active words in one document, from its tokens of the
 * query terms (location and the words each derives from) given in reading order.
 */
export class PairCosts {
  readonly pairCost: Int32Array;
  /** Per active word, the location of its last token so far (-1: none). */
  private readonly last: Int32Array;

  constructor(
    private readonly k: number,
    private readonly byAttribute: boolean,
  ) {
    this.pairCost = new Int32Array(k - 1);
    this.last = new Int32Array(k);
  }

  reset(): void {
    this.last.fill(-1);
    this.pairCost.fill(MAX_PAIR_COST);
  }

  token(loc: number, wordBits: number): void {
    const { last, pairCost, k, byAttribute } = this;
    const rank = loc >>> 16;
    let bits = wordBits;
    while (bits !== 0) {
      const w = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const before = w > 0 ? last[w - 1] : -1;
      if (before >= 0 && before >>> 16 === rank) {
        const cost = byAttribute || loc - before < 1 ? 1 : loc - before > 7 ? 7 : loc - before;
        if (cost < pairCost[w - 1]) pairCost[w - 1] = cost;
      }
      const after = w < k - 1 ? last[w + 1] : -1;
      if (after >= 0 && after >>> 16 === rank) {
        const cost = byAttribute ? 1 : loc - after + 1 > 7 ? 7 : loc - after + 1;
        if (cost < pairCost[w]) pairCost[w] = cost;
      }
      last[w] = loc;
    }
  }
}

/**
 * Exactness level of one document, Meilisearch's first exactness criterion: 0 when an attribute
 * value is exactly the query words (as typed, in order), 1 when one starts with them, else 2.
 * A value ends where positions restart or jump (array elements, sentences). `exactIds` are the
 * active words' own term ids. Kept per slot (level + 1) until the next write, as proximities are.
 */
export function exactAttributeLevel(bucket: BucketInput, terms: TermIndex, exactIds: number[]): (p: number) => number {
  const known = terms.slotValues(`exact:${exactIds.join(',')}`);
  return (p) => {
    const slot = bucket.list[p];
    if (known[slot] === 0) known[slot] = forwardLevel(terms.forward[slot], exactIds) + 1;
    return known[slot] - 1;
  };
}

function forwardLevel(forward: Int32Array | undefined, exactIds: number[]): number {
  const k = exactIds.length;
  if (!forward || k === 0) return 2;
  let level = 2;
  let length = 0; // tokens in the current value
  let matching = true; // the current value so far equals the start of the query
  let previous = -1;
  const close = (): void => {
    if (matching && length >= k) level = Math.min(level, length === k ? 0 : 1);
  };
  for (let t = 0; t < forward.length && level > 0; t += 2) {
    const loc = forward[t + 1];
    if (previous === -1 || loc <= previous || loc - previous >= HARD_SEPARATOR_GAP || loc >>> 16 !== previous >>> 16) {
      if (previous !== -1) close();
      length = 0;
      matching = true;
    }
    if (length < k && forward[t] !== exactIds[length]) matching = false;
    length++;
    previous = loc;
  }
  close();
  return level;
}

export function rankMask(allowedRanksList: number[] | null): number {
  return allowedRanksList === null ? ALL_RANKS : allowedRanksList.reduce((mask, rank) => mask | rankBit(rank), 0);
}
