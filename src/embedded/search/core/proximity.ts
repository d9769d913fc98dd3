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
import type { WordMatch } from './word-matching.js';

/**
 * Beyond this many terms (a broad prefix group) a document's occurrences of them cost more to
 * merge than its forward index costs to scan.
 */
const MAX_MERGED_TERMS = 24;

/**
 * Arrays indexed by term id, reused from bucket to bucket: one of the index's term count per bucket
 * ranked (600 kB at 150,000 terms) would be allocated outside V8's heap, and every 64 MB of such
 * allocations sets off a full garbage collection. Only the query's terms are set in them, and only
 * those are cleared when an array is taken again; a bucket's ranking ends before the next one's
 * proximity takes them.
 */
class TermArrays {
  private readonly arrays: Int32Array[] = [];
  private readonly setIds: number[][] = [];

  /** Array `which`, zeroed, of at least `termCount` entries; `ids` will hold the term ids set in it. */
  take(which: number, termCount: number, ids: number[]): Int32Array {
    let array = this.arrays[which];
    if (array === undefined || array.length < termCount) {
      array = new Int32Array(Math.max(termCount, 2 * (array?.length ?? 0)));
      this.arrays[which] = array;
    } else for (const id of this.setIds[which] ?? []) array[id] = 0;
    this.setIds[which] = ids;
    return array;
  }
}

const termArrays = new TermArrays();
const ACTIVE_MASK = 0;
/** The typo masks take arrays 1–3 (typo counts 0–2). */
const TYPO_MASKS = 1;

/** termId → bit mask of the active words (by their index in `active`) it derives from, and those term ids. */
function activeTermMask(words: QueryWord[], active: number[], termCount: number): { mask: Int32Array; ids: number[] } {
  const ids: number[] = [];
  const mask = termArrays.take(ACTIVE_MASK, termCount, ids);
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

/**
 * What a word's proximity depends on: its terms (a prefix group by its prefix, whose terms are fixed
 * until the next write), and with `typos` their typo counts, which decide the terms a document's
 * proximity reads when restricted to its fewest typos.
 */
function termSetKey(word: QueryWord, typos = false): string {
  const ids = [...word.derivations.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, d]) => (typos ? `${id}:${d.typos}` : `${id}`))
    .join(',');
  return word.prefixGroup ? `${ids}~${word.prefixGroup.prefix}` : ids;
}

/**
 * Per typo count t (0–2), termId → bits of the active words it derives from with t typos (a prefix
 * group counts 0); null when no active word has a typo derivation, so nothing is to be restricted.
 */
function typoTermMasks(words: QueryWord[], active: number[], termCount: number): Int32Array[] | null {
  if (!active.some((w) => [...words[w].derivations.values()].some((d) => d.typos > 0))) return null;
  const ids = active.flatMap((w) => [...words[w].derivations.keys(), ...(words[w].prefixGroup?.ids ?? [])]);
  const masks = [0, 1, 2].map((typos) => termArrays.take(TYPO_MASKS + typos, termCount, ids));
  active.forEach((w, bit) => {
    for (const [id, d] of words[w].derivations) masks[d.typos][id] |= 1 << bit;
    for (const id of words[w].prefixGroup?.ids ?? []) masks[0][id] |= 1 << bit;
  });
  return masks;
}

/**
 * After the typo rule, Meilisearch measures a document's proximity between the derivations of its
 * typo bucket only: each word's terms with the fewest typos it has in that document. Gives, per
 * document, the bits a term's tokens carry under that restriction.
 */
class FewestTypoFilter {
  /** Bits of the active words whose fewest typos in the current document are 0, 1, 2. */
  private readonly fewest = new Int32Array(3);

  constructor(
    private readonly masks: Int32Array[],
    private readonly matches: WordMatch[],
  ) {}

  /** Reads the current document's fewest typos per active word. */
  at(slot: number): void {
    const { fewest, matches } = this;
    fewest.fill(0);
    for (let bit = 0; bit < matches.length; bit++) {
      const { layout, matches: perSlot } = matches[bit].postings;
      fewest[layout.typos(perSlot[slot])] |= 1 << bit;
    }
  }

  bits(termId: number): number {
    const { masks, fewest } = this;
    return (masks[0][termId] & fewest[0]) | (masks[1][termId] & fewest[1]) | (masks[2][termId] & fewest[2]);
  }
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
function feedForward(forward: Int32Array, mask: Int32Array, costs: PairCosts, filter: FewestTypoFilter | null): void {
  for (let t = 0; t < forward.length; t += 2) {
    const bits = filter && mask[forward[t]] !== 0 ? filter.bits(forward[t]) : mask[forward[t]];
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
 * `typoBuckets` (the words' matches, when the typo rule ranks first) restricts each word to its
 * derivations with the fewest typos it has in the document; null: every derivation counts.
 */
export function proximityOf(bucket: BucketInput, words: QueryWord[], terms: TermIndex, byAttribute: boolean, typoBuckets: WordMatch[] | null): Proximity {
  const { list, active } = bucket;
  const k = active.length;
  if (k < 2) return { value: () => 0, bound: () => 0, floor: 0 };
  const { mask, ids } = activeTermMask(words, active, terms.terms.length);
  const typoMasks = typoBuckets ? typoTermMasks(words, active, terms.terms.length) : null;
  const filter = typoMasks ? new FewestTypoFilter(typoMasks, active.map((w) => (typoBuckets as WordMatch[])[w])) : null;
  const pairKey = (i: number, w: number): string => `${termSetKey(words[active[i]], filter !== null)}|${termSetKey(words[w], filter !== null)}`;
  const known = active.slice(1).map((w, i) => terms.slotValues(`pair:${byAttribute}${filter ? ':fewest-typos' : ''}|${pairKey(i, w)}`));
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
    filter?.at(slot);
    if (merge && terms.hasRegularForward(slot)) {
      if (filter) for (let i = 0; i < ids.length; i++) merge.tokenBits[i] = filter.bits(ids[i]);
      merge.feed(slot, costs);
    } else {
      const forward = terms.forward[slot];
      if (!forward) return 0;
      feedForward(forward, mask, costs, filter);
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
