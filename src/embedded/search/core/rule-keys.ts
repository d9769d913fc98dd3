/**
 * Per-document keys of the ranking rules for the documents of one bucket (smaller = better):
 * typo (total typos), attributeRank (attribute ranks), wordPosition (positions within them;
 * `attribute` is both) and exactness (words matched as typed) read from each word's per-slot
 * match data (word-matching.ts); proximity and the exactness level read the forward index of one
 * document at a time, when the ranking asks for them.
 */
import type { Bitset } from './bitset.js';
import type { QueryWord } from './query.js';
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

/** termId → bit mask of the active words (by their index in `active`) it derives from. */
function activeTermMask(words: QueryWord[], active: number[], termCount: number): Int32Array {
  const mask = new Int32Array(termCount);
  active.forEach((w, bit) => {
    for (const id of words[w].derivations.keys()) mask[id] |= 1 << bit;
    for (const id of words[w].prefixGroup?.ids ?? []) mask[id] |= 1 << bit;
  });
  return mask;
}

/** What a word's proximity depends on: its terms (a prefix group by its prefix, whose terms are fixed until the next write). */
function termSetKey(word: QueryWord): string {
  const ids = [...word.derivations.keys()].sort((a, b) => a - b).join(',');
  return word.prefixGroup ? `${ids}~${word.prefixGroup.prefix}` : ids;
}

/**
 * Proximity of one document of the bucket (by position p): the sum over neighbouring active
 * words of their closest distance in one attribute — adjacent in order costs 1, each extra word
 * or reversed order more, capped at 7; never together costs 8. With proximityPrecision
 * byAttribute, any two words in the same attribute cost 1. Reads the forward index once per
 * document and word pair until the next write: a pair's cost depends only on the two words'
 * terms, so it is kept per slot (TermIndex.slotValues) for the next search with that pair.
 */
export function proximityOf(bucket: BucketInput, words: QueryWord[], terms: TermIndex, byAttribute: boolean): (p: number) => number {
  const { list, active } = bucket;
  const k = active.length;
  if (k < 2) return () => 0;
  const mask = activeTermMask(words, active, terms.terms.length);
  const known = active.slice(1).map((w, i) => terms.slotValues(`pair:${byAttribute}|${termSetKey(words[active[i]])}|${termSetKey(words[w])}`));
  const last = new Int32Array(k);
  const pairCost = new Int32Array(k - 1);
  const scan = (forward: Int32Array): void => {
    last.fill(-1);
    pairCost.fill(MAX_PAIR_COST);
    for (let t = 0; t < forward.length; t += 2) {
      let bits = mask[forward[t]];
      if (bits === 0) continue;
      const loc = forward[t + 1];
      const rank = loc >>> 16;
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
  };
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
    scan(forward);
    total = 0;
    for (let i = 0; i < k - 1; i++) {
      known[i][slot] = pairCost[i];
      total += pairCost[i];
    }
    return total;
  };
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
