/** The documents a facet distribution counts over: as a bitset, their number, and (listed on demand, once) their slots. */
import type { Bitset } from './bitset.js';

export class FacetCandidates {
  readonly size: number;
  private list: Int32Array | null = null;

  constructor(readonly bits: Bitset) {
    this.size = bits.count();
  }

  /** Slots in ascending order. */
  slots(): Int32Array {
    return (this.list ??= this.bits.toArray());
  }
}
