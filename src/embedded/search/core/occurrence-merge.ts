/**
 * A document's occurrences of the query terms (positional postings, occurrences.ts), read term
 * by term with one cursor each as the ranking asks for documents, mostly in ascending slots.
 */
import type { PairCosts } from './pair-costs.js';
import { OccurrenceCursor } from './occurrences.js';
import type { TermIndex } from './term-index.js';

export class OccurrenceMerge {
  private readonly cursors: OccurrenceCursor[];
  /** Per term, the active words it derives from (bit per word). */
  private readonly bits: Int32Array;
  /** Per term, the words its tokens stand for in the document fed next: its bits, unless the caller narrows them. */
  readonly tokenBits: Int32Array;
  /** Per term, the current document's locations: next and end offsets into its locations. */
  private readonly next: Int32Array;
  private readonly end: Int32Array;
  /** Per term, its locations and their starts (appending may replace the arrays, but no document is added during a ranking). */
  private readonly locations: Int32Array[];
  private readonly starts: Int32Array[];
  /** Per term, the slots of its documents, ascending, and how many there are. */
  private readonly slots: Int32Array[];
  private readonly counts: Int32Array;

  constructor(terms: TermIndex, ids: number[], mask: Int32Array) {
    const lists = ids.map((id) => terms.occurrences[id]);
    this.cursors = lists.map((list) => new OccurrenceCursor(list));
    this.bits = Int32Array.from(ids, (id) => mask[id]);
    this.tokenBits = this.bits.slice();
    this.next = new Int32Array(ids.length);
    this.end = new Int32Array(ids.length);
    this.locations = lists.map((list) => list.locations.data);
    this.starts = lists.map((list) => list.starts.data);
    this.slots = lists.map((list) => list.slots.data);
    this.counts = Int32Array.from(lists, (list) => list.slots.length);
  }

  private seek(slot: number): void {
    const { cursors, next, end, starts } = this;
    for (let i = 0; i < cursors.length; i++) {
      const index = cursors[i].seek(slot);
      next[i] = index === -1 ? 0 : starts[i][index];
      end[i] = index === -1 ? 0 : starts[i][index + 1];
    }
  }

  /** Gives the document's tokens of the query terms to `costs` in location order. */
  feed(slot: number, costs: PairCosts): void {
    this.seek(slot);
    const { next, end, locations, tokenBits } = this;
    const n = next.length;
    for (;;) {
      let best = -1;
      let bestLoc = 0;
      for (let i = 0; i < n; i++) {
        if (next[i] >= end[i]) continue;
        const loc = locations[i][next[i]];
        if (best === -1 || loc < bestLoc) {
          best = i;
          bestLoc = loc;
        }
      }
      if (best === -1) return;
      next[best]++;
      costs.token(bestLoc, tokenBits[best]);
    }
  }

  /**
   * Sets lo[at + p - from] and hi[at + p - from] to the positions modulo 64 of one active word
   * (lo: 0–31) in each document list[p] for p in [from, to) — slots ascending. Term by term, one
   * pass over the term's documents: only that word's terms are read.
   */
  wordSignatures(list: Int32Array, from: number, to: number, word: number, lo: Int32Array, hi: Int32Array, at: number): void {
    lo.fill(0, at, at + to - from);
    hi.fill(0, at, at + to - from);
    const { cursors, starts, locations, bits, slots, counts } = this;
    for (let i = 0; i < cursors.length; i++) {
      if (((bits[i] >>> word) & 1) === 0) continue;
      const termSlots = slots[i];
      const count = counts[i];
      const termStarts = starts[i];
      const locs = locations[i];
      let index = cursors[i].advance(list[from]);
      for (let p = from; p < to && index < count; p++) {
        const slot = list[p];
        while (index < count && termSlots[index] < slot) index++;
        if (index === count) break;
        if (termSlots[index] !== slot) continue;
        let a = 0;
        let b = 0;
        for (let j = termStarts[index], end = termStarts[index + 1]; j < end; j++) {
          // Without a branch (positions mod 64 fall either side at random): high is 0 or 1.
          const bit = 1 << (locs[j] & 31);
          const high = (locs[j] >>> 5) & 1;
          a |= bit & (high - 1);
          b |= bit & -high;
        }
        lo[at + p - from] |= a;
        hi[at + p - from] |= b;
      }
    }
  }
}
