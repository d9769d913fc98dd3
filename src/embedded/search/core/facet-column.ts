/**
 * One facet field seen per document (slot → value ids) instead of per value, plus its values'
 * alphabetical order, built on first use after a write. Counting a distribution then walks the
 * candidates once and touches only their own values, rather than every slot list of every value;
 * the alphabetical order is computed once per index state, not once per search.
 * The column keeps each slot's first value in a flat array (one read per candidate) and the rarer
 * further values as (slot, value) pairs, tested against the candidates' bitset. When candidates
 * are most of the slots, it counts the others instead and subtracts them from the values' totals.
 * A field with few values over many candidates counts faster value by value instead, as the
 * population count of (candidates AND the value's slots), which costs the same whatever the candidates.
 */
import type { FacetCandidates } from './facet-candidates.js';

export interface ColumnValue {
  /** The normalised key (`n:` number / `s:` string), the tie-breaker of the alphabetical order. */
  key: string;
  raw: number | string | boolean;
  slots: { data: Int32Array; length: number };
}

/** Relative costs of one word of a value's AND-popcount, one candidate in a walk and one further value, measured. */
const WORD_COST = 1;
const SLOT_COST = 2;
const EXTRA_COST = 1;

function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let total = 0;
  for (let i = 0, n = Math.min(a.length, b.length); i < n; i++) {
    let v = a[i] & b[i];
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return total;
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
  private readonly slotCount: number;
  /** Value id of each slot's first value; the number of values (an extra, ignored counter) for none. */
  private readonly firstValue: Int32Array;
  /** Further values of multi-valued slots: extraValues[i] is held by extraSlots[i]. */
  private readonly extraSlots: Int32Array;
  private readonly extraValues: Int32Array;
  /** Value ids in alphabetical order (a stable sort: equal keys keep their first-seen order). */
  readonly alphaOrder: Int32Array;
  /** Position of each value id in alphaOrder. */
  readonly alphaRank: Int32Array;
  /** Each value's slots as bitset words, built on the first count that is cheaper with them. */
  private valueBits: Uint32Array[] | null = null;

  constructor(private readonly values: readonly ColumnValue[]) {
    let slotCount = 0;
    for (const { slots } of values) for (let i = 0; i < slots.length; i++) slotCount = Math.max(slotCount, slots.data[i] + 1);
    this.slotCount = slotCount;
    this.firstValue = new Int32Array(slotCount).fill(values.length);
    const extraSlots: number[] = [];
    const extraValues: number[] = [];
    values.forEach(({ slots }, id) => {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots.data[i];
        if (this.firstValue[slot] === values.length) this.firstValue[slot] = id;
        else {
          extraSlots.push(slot);
          extraValues.push(id);
        }
      }
    });
    this.extraSlots = Int32Array.from(extraSlots);
    this.extraValues = Int32Array.from(extraValues);
    const order = values.map((_, id) => id).sort((a, b) => alphabetical(values[a], values[b]));
    this.alphaOrder = Int32Array.from(order);
    this.alphaRank = new Int32Array(values.length);
    order.forEach((id, rank) => (this.alphaRank[id] = rank));
  }

  /** How many candidates hold each value, indexed by value id (each document counts once per value). */
  count(candidates: FacetCandidates): Int32Array {
    const words = (this.slotCount + 31) >>> 5;
    const byValue = this.values.length * words * WORD_COST;
    const walked = Math.min(candidates.size, this.slotCount - candidates.size);
    const byWalk = walked * SLOT_COST + this.extraSlots.length * EXTRA_COST + words * WORD_COST;
    if (byValue < byWalk) return this.countByValue(candidates);
    return candidates.size <= this.slotCount - candidates.size ? this.countBySlot(candidates) : this.countOthers(candidates);
  }

  private countByValue(candidates: FacetCandidates): Int32Array {
    const bits = (this.valueBits ??= this.values.map(({ slots }) => {
      const words = new Uint32Array((this.slotCount + 31) >>> 5);
      for (let i = 0; i < slots.length; i++) words[slots.data[i] >>> 5] |= 1 << (slots.data[i] & 31);
      return words;
    }));
    const counts = new Int32Array(this.values.length);
    for (let id = 0; id < bits.length; id++) counts[id] = popcountAnd(candidates.bits.words, bits[id]);
    return counts;
  }

  /** Walks the candidates' first values, then tests the further values against their bitset. */
  private countBySlot(candidates: FacetCandidates): Int32Array {
    // One extra last counter takes the slots without a value.
    const counts = new Int32Array(this.values.length + 1);
    const { firstValue, extraSlots, extraValues, slotCount } = this;
    const slots = candidates.slots();
    let n = slots.length;
    // Slots past the column's last valued slot hold no value.
    while (n > 0 && slots[n - 1] >= slotCount) n--;
    for (let i = 0; i < n; i++) counts[firstValue[slots[i]]]++;
    const words = candidates.bits.words;
    for (let i = 0; i < extraSlots.length; i++) {
      const slot = extraSlots[i];
      if ((words[slot >>> 5] & (1 << (slot & 31))) !== 0) counts[extraValues[i]]++;
    }
    return counts;
  }

  /** Counts the slots that are not candidates (dead ones included: each value's total counts them too) and subtracts. */
  private countOthers(candidates: FacetCandidates): Int32Array {
    const others = new Int32Array(this.values.length + 1);
    const { firstValue, extraSlots, extraValues, slotCount } = this;
    const words = candidates.bits.words;
    const lastWord = (slotCount + 31) >>> 5;
    for (let w = 0; w < lastWord; w++) {
      let bits = ~(w < words.length ? words[w] : 0);
      // The last word covers slots past the column's end: they are not the column's.
      if (w === lastWord - 1 && (slotCount & 31) !== 0) bits &= (1 << (slotCount & 31)) - 1;
      while (bits !== 0) {
        const low = bits & -bits;
        others[firstValue[(w << 5) + (31 - Math.clz32(low))]]++;
        bits ^= low;
      }
    }
    for (let i = 0; i < extraSlots.length; i++) {
      const slot = extraSlots[i];
      if ((words[slot >>> 5] & (1 << (slot & 31))) === 0) others[extraValues[i]]++;
    }
    const counts = new Int32Array(this.values.length);
    for (let id = 0; id < counts.length; id++) counts[id] = this.values[id].slots.length - others[id];
    return counts;
  }
}
