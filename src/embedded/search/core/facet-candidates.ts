/** The documents a facet distribution counts over: their bitset and their number, counted once for all facets. */
import type { Bitset } from './bitset.js';

export class FacetCandidates {
  readonly size: number;

  constructor(readonly bits: Bitset) {
    this.size = bits.count();
  }
}
