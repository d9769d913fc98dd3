/**
 * One facet field seen per document (slot → value ids, compressed rows) instead of per value, plus
 * its values' alphabetical order. Counting a distribution then walks the candidates once and
 * touches only their own values, rather than every slot list of every value; the alphabetical
 * order is computed once per index state, not once per search. Built on first use after a write.
 */
import type { Bitset } from './bitset.js';

export interface ColumnValue {
  /** The normalised key (`n:` number / `s:` string), the tie-breaker of the alphabetical order. */
  key: string;
  raw: number | string | boolean;
  slots: { data: Int32Array; length: number };
}

/** Numbers first (ascending), then strings and booleans by normalised key: facetDistribution's alphabetical order. */
function alphabetical(a: ColumnValue, b: ColumnValue): number {
  const an = typeof a.raw === 'number';
  const bn = typeof b.raw === 'number';
  if (an && bn) return (a.raw as number) - (b.raw as number);
  if (an !== bn) return an ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export class FacetColumn {
  /** Row of slot s: valueIds[rowStart[s] .. rowStart[s + 1]). */
  private readonly rowStart: Int32Array;
  private readonly valueIds: Int32Array;
  /** Value ids in alphabetical order (a stable sort: equal keys keep their first-seen order). */
  readonly alphaOrder: Int32Array;
  /** Position of each value id in alphaOrder. */
  readonly alphaRank: Int32Array;

  constructor(values: readonly ColumnValue[]) {
    let slotCount = 0;
    let entries = 0;
    for (const { slots } of values) {
      for (let i = 0; i < slots.length; i++) slotCount = Math.max(slotCount, slots.data[i] + 1);
      entries += slots.length;
    }
    this.rowStart = new Int32Array(slotCount + 1);
    for (const { slots } of values) for (let i = 0; i < slots.length; i++) this.rowStart[slots.data[i] + 1]++;
    for (let s = 0; s < slotCount; s++) this.rowStart[s + 1] += this.rowStart[s];
    this.valueIds = new Int32Array(entries);
    const fill = this.rowStart.slice(0, slotCount);
    values.forEach(({ slots }, id) => {
      for (let i = 0; i < slots.length; i++) this.valueIds[fill[slots.data[i]]++] = id;
    });
    const order = values.map((_, id) => id).sort((a, b) => alphabetical(values[a], values[b]));
    this.alphaOrder = Int32Array.from(order);
    this.alphaRank = new Int32Array(values.length);
    order.forEach((id, rank) => (this.alphaRank[id] = rank));
  }

  /** How many candidates hold each value, indexed by value id (each document counts once per value). */
  count(candidates: Bitset): Int32Array {
    const counts = new Int32Array(this.alphaOrder.length);
    const { rowStart, valueIds } = this;
    const words = candidates.words;
    const lastWord = Math.min(words.length, (rowStart.length + 30) >>> 5);
    for (let w = 0; w < lastWord; w++) {
      let bits = words[w];
      while (bits !== 0) {
        const low = bits & -bits;
        const slot = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
        if (slot + 1 >= rowStart.length) break;
        for (let i = rowStart[slot], end = rowStart[slot + 1]; i < end; i++) counts[valueIds[i]]++;
      }
    }
    return counts;
  }
}
