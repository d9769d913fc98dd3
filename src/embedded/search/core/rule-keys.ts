/**
 * Per-document keys of the ranking rules for the documents of one bucket (smaller = better):
 * typo (total typos), attributeRank (attribute ranks), wordPosition (position costs within them;
 * `attribute` is both) and exactness (words matched as typed) read from each word's per-slot
 * match data (word-matching.ts); the exactness level reads the forward index of one document at a
 * time, when the ranking asks for it (proximity: proximity.ts).
 */
import type { Bitset } from './bitset.js';
import { rankBit, type TermIndex } from './term-index.js';
import { HARD_SEPARATOR_GAP } from './tokenizer.js';
import { positionCosts } from './position-cost.js';
import { ALL_RANKS, type WordMatch } from './word-matching.js';

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
  /** Sum of each word's position cost in that attribute (position-cost.ts). */
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
  // A word's place in the query is its index among the query words.
  const costs = active.map((w) => positionCosts(w));
  // Every word of one index has the same layout.
  const layout = matches[active[0]].postings.layout;
  const { noMatch } = layout;
  // One pass over the documents, each key written once (the words' arrays are read in slot order).
  for (let p = 0; p < n; p++) {
    const slot = list[p];
    let typos = 0;
    let ranks = 0;
    let positions = 0;
    let exact = 0;
    for (let w = 0; w < words.length; w++) {
      const match = words[w][slot];
      if (match === noMatch) continue;
      typos += layout.typos(match);
      ranks += layout.rank(match);
      positions += costs[w][layout.positionBucket(match)];
      exact += layout.asTyped(match);
    }
    typo[p] = typos;
    attributeRank[p] = ranks;
    wordPosition[p] = positions;
    exactness[p] = -exact;
  }
  return { typo, attributeRank, wordPosition, exactness };
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

/** Whether the token at `t` (an even index of a forward list) starts a value: the list's first, after a restart of positions, a jump or another attribute. */
function startsValue(forward: Int32Array, t: number): boolean {
  if (t === 0) return true;
  const loc = forward[t + 1];
  const previous = forward[t - 1];
  return loc <= previous || loc - previous >= HARD_SEPARATOR_GAP || loc >>> 16 !== previous >>> 16;
}

/**
 * The level of one forward list (term id, location pairs). Only the values that start with the
 * first query word can rank better than 2, so the list is scanned for that word (one comparison
 * per token) and only its value-starting occurrences are read on.
 */
export function forwardLevel(forward: Int32Array | undefined, exactIds: number[]): number {
  const k = exactIds.length;
  if (!forward || k === 0) return 2;
  const first = exactIds[0];
  const end = forward.length;
  let level = 2;
  for (let t = 0; t < end; t += 2) {
    if (forward[t] !== first || !startsValue(forward, t)) continue;
    let matched = 1;
    while (matched < k && t + 2 * matched < end && forward[t + 2 * matched] === exactIds[matched] && !startsValue(forward, t + 2 * matched)) matched++;
    if (matched < k) continue;
    const next = t + 2 * k;
    if (next >= end || startsValue(forward, next)) return 0;
    level = 1;
  }
  return level;
}

export function rankMask(allowedRanksList: number[] | null): number {
  return allowedRanksList === null ? ALL_RANKS : allowedRanksList.reduce((mask, rank) => mask | rankBit(rank), 0);
}
