/**
 * The proximity rule's key of the documents of one bucket, computed lazily (the ranking asks only
 * for documents that could still enter the selection) together with a lower bound of it.
 */
import { OccurrenceMerge } from './occurrence-merge.js';
import { WordSignatures } from './word-signatures.js';
import { MAX_PAIR_COST, pairCostBound, PairCosts } from './pair-costs.js';
import type { QueryWord } from './query.js';
import type { BucketInput } from './rule-keys.js';
import type { TermIndex } from './term-index.js';

/**
 * Beyond this many terms (a broad prefix group) a document's occurrences of them cost more to
 * merge than its forward index costs to scan.
 */
const MAX_MERGED_TERMS = 24;

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

/** The rank bits of the attributes in which some term of the word occurs, over the whole index. */
function wordRanks(word: QueryWord, terms: TermIndex): number {
  let ranks = 0;
  for (const id of word.derivations.keys()) ranks |= terms.ranksOf(id);
  for (const id of word.prefixGroup?.ids ?? []) ranks |= terms.ranksOf(id);
  return ranks;
}

/**
 * The least cost of each neighbouring pair of active words in any document: MAX_PAIR_COST when the
 * two words never share an attribute (a query's stemmed root next to an affixed raw word), else 1.
 */
function pairFloors(words: QueryWord[], active: number[], terms: TermIndex): Int32Array {
  const ranks = active.map((w) => wordRanks(words[w], terms));
  return Int32Array.from(ranks.slice(1), (r, i) => ((ranks[i] & r) === 0 ? MAX_PAIR_COST : 1));
}

/** A document's tokens of the query terms in text order, from its forward index. */
function feedForward(forward: Int32Array, mask: Int32Array, costs: PairCosts): void {
  for (let t = 0; t < forward.length; t += 2) {
    const bits = mask[forward[t]];
    if (bits !== 0) costs.token(forward[t + 1], bits);
  }
}

export interface Proximity {
  /** The proximity of the bucket's document at position p. */
  value(p: number): number;
  /** A lower bound of value(p), cheaper to get; it may stop raising itself once above `versus`. */
  bound(p: number, versus: number): number;
  /** A lower bound of every document's value. */
  floor: number;
}

/**
 * Proximity of the bucket's documents: the sum of PairCosts over neighbouring active words. The
 * document's tokens of the query terms are read in location order from the terms' occurrences
 * (positional postings) when its forward index is regular, else in text order from the forward
 * index: both meet the same neighbours (TermIndex.addOccurrences). A pair's cost depends only on
 * the two words' terms, so it is kept per slot (TermIndex.slotValues) for the next search with
 * that pair. The bound is that kept cost, else (regular documents, word distances) PairCosts'
 * bound from the words' positions modulo 64 — kept per pair and slot too — else 1 per pair: most
 * documents of a large bucket are then passed over without merging their occurrences.
 */
export function proximityOf(bucket: BucketInput, words: QueryWord[], terms: TermIndex, byAttribute: boolean): Proximity {
  const { list, active } = bucket;
  const k = active.length;
  if (k < 2) return { value: () => 0, bound: () => 0, floor: 0 };
  const { mask, ids } = activeTermMask(words, active, terms.terms.length);
  const known = active.slice(1).map((w, i) => terms.slotValues(`pair:${byAttribute}|${termSetKey(words[active[i]])}|${termSetKey(words[w])}`));
  const costs = new PairCosts(k, byAttribute);
  const merge = ids.length <= MAX_MERGED_TERMS ? new OccurrenceMerge(terms, ids, mask) : null;
  const signatures = merge ? new WordSignatures(merge, list, k) : null;
  const floors = pairFloors(words, active, terms);
  // Bounds are kept per pair and slot as costs are: most documents of a bucket only ever get a bound.
  const bounds = merge !== null && !byAttribute ? active.slice(1).map((w, i) => terms.slotValues(`pair-bound|${termSetKey(words[active[i]])}|${termSetKey(words[w])}`)) : null;
  const value = (p: number): number => {
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
    costs.reset();
    if (merge && terms.hasRegularForward(slot)) merge.feed(slot, costs);
    else {
      const forward = terms.forward[slot];
      if (!forward) return 0;
      feedForward(forward, mask, costs);
    }
    total = 0;
    for (let i = 0; i < k - 1; i++) {
      known[i][slot] = costs.pairCost[i];
      total += costs.pairCost[i];
    }
    return total;
  };
  const bound = (p: number, versus: number): number => {
    const slot = list[p];
    // Kept costs, else each pair's floor.
    let total = 0;
    let unknown = false;
    for (let i = 0; i < k - 1; i++) {
      const cost = known[i][slot];
      total += cost === 0 ? floors[i] : cost;
      if (cost === 0) unknown = true;
    }
    if (!unknown || total > versus || bounds === null || !terms.hasRegularForward(slot)) return total;
    // Raise the unknown pairs from their floor to their bound, one pair at a time, until versus is exceeded.
    for (let i = 0; i < k - 1 && total <= versus; i++) {
      if (known[i][slot] !== 0 || floors[i] === MAX_PAIR_COST) continue;
      let cost = bounds[i][slot];
      if (cost === 0) {
        const { lo, hi } = signatures as WordSignatures;
        const a = (signatures as WordSignatures).at(i, p);
        const b = (signatures as WordSignatures).at(i + 1, p);
        // Only whether the pair's cost lifts the total above versus matters: a cost that does is not refined.
        cost = pairCostBound(lo[a], hi[a], lo[b], hi[b], versus - (total - floors[i]) + 1);
        bounds[i][slot] = cost;
      }
      total += cost - floors[i];
    }
    return total;
  };
  return { value, bound, floor: floors.reduce((sum, cost) => sum + cost, 0) };
}
