/**
 * The proximity cost of neighbouring query words in one document, from its tokens of the query
 * terms, and a cheap lower bound of it from where the words occur modulo 64.
 */
export const MAX_PAIR_COST = 8;
/** Words further apart in one attribute all cost this much. */
const FAR_COST = 7;

/**
 * The cost of each neighbouring pair of active words (w, w + 1), from the document's tokens of the
 * query terms — location and the words each derives from — given in reading order: the closest
 * occurrences in one attribute; w right before w + 1 (or one token deriving from both) costs 1,
 * each word between them 1 more, w + 1 before w 1 more again, capped at 7; never in one attribute
 * 8. With byAttribute any two words in one attribute cost 1.
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
    // Loops rather than fill(): k is small and this runs once per document.
    for (let w = 0; w < this.k; w++) this.last[w] = -1;
    for (let i = 0; i < this.k - 1; i++) this.pairCost[i] = MAX_PAIR_COST;
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
        const cost = byAttribute || loc - before < 1 ? 1 : loc - before > FAR_COST ? FAR_COST : loc - before;
        if (cost < pairCost[w - 1]) pairCost[w - 1] = cost;
      }
      const after = w < k - 1 ? last[w + 1] : -1;
      if (after >= 0 && after >>> 16 === rank) {
        const cost = byAttribute ? 1 : loc - after + 1 > FAR_COST ? FAR_COST : loc - after + 1;
        if (cost < pairCost[w]) pairCost[w] = cost;
      }
      last[w] = loc;
    }
  }
}

/** Whether some position of `a` plus d (1 ≤ d ≤ 31) is a position of `b`, modulo 64. */
function meets(aLo: number, aHi: number, bLo: number, bHi: number, d: number): boolean {
  const lo = (aLo << d) | (aHi >>> (32 - d));
  const hi = (aHi << d) | (aLo >>> (32 - d));
  return ((lo & bLo) | (hi & bHi)) !== 0;
}

/**
 * A lower bound of PairCosts' cost of words a then b (without byAttribute, for a document whose
 * tokens come in location order) from their position signatures — the set of the positions of
 * each word modulo 64, as two ints (lo: 0–31): cost c ≤ 6 needs b c after a (c = 1: 0 or 1
 * after), or a c − 1 after b; aliasing modulo 64 and across attributes only lowers the bound.
 * Costs from `limit` on are not told apart: `limit` is returned for them (the caller only needs
 * to know whether the cost reaches it).
 */
export function pairCostBound(aLo: number, aHi: number, bLo: number, bHi: number, limit = FAR_COST): number {
  if (((aLo & bLo) | (aHi & bHi)) !== 0 || meets(aLo, aHi, bLo, bHi, 1)) return 1;
  const last = Math.min(limit, FAR_COST);
  for (let c = 2; c < last; c++) if (meets(aLo, aHi, bLo, bHi, c) || meets(bLo, bHi, aLo, aHi, c - 1)) return c;
  return last;
}
