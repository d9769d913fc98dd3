/**
 * Every occurrence of one term (positional postings): the documents holding it in slot order,
 * and per document its locations, ascending. Proximity reads the few occurrences of the query's
 * terms in a document here instead of scanning the document's whole forward index. Slots are
 * kept in an array of their own so that skipping documents is a search of consecutive ints.
 */
import { IntList } from './int-list.js';

export class TermOccurrences {
  readonly slots = new IntList(2);
  /** Per document, where its locations start; one more entry gives where the last one ends. */
  readonly starts = new IntList(3);
  readonly locations = new IntList(4);

  constructor() {
    this.starts.push(0);
  }

  /** Appends a document's locations `locations[from, to)`, ascending; slots must come in ascending order. */
  append(slot: number, locations: Int32Array, from: number, to: number): void {
    this.slots.push(slot);
    for (let i = from; i < to; i++) this.locations.push(locations[i]);
    this.starts.push(this.locations.length);
  }

  /** Keeps the documents whose slot `renumbered` maps to a new one (-1: gone), with that slot, in place. */
  keepRenumbered(renumbered: Int32Array): void {
    const slots = this.slots.data;
    const starts = this.starts.data;
    const locations = this.locations.data;
    let kept = 0;
    let written = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = renumbered[slots[i]];
      if (slot === -1) continue;
      const from = starts[i];
      const to = starts[i + 1];
      slots[kept] = slot;
      starts[kept] = written;
      // kept ≤ i: a start or location is read before anything is written over it.
      for (let k = from; k < to; k++) locations[written++] = locations[k];
      kept++;
    }
    starts[kept] = written;
    this.slots.length = kept;
    this.starts.length = kept + 1;
    this.locations.length = written;
  }
}

/** Reads one term's occurrences document by document, cheaply when the slots asked for ascend. */
export class OccurrenceCursor {
  /** Index of the first document whose slot is at least the last slot asked for. */
  private index = 0;
  private asked = -1;

  constructor(private readonly occurrences: TermOccurrences) {}

  /** Index of the slot's document (its locations from starts[index] to starts[index + 1]), or -1. */
  seek(slot: number): number {
    const { data, length } = this.occurrences.slots;
    const index = this.advance(slot);
    return index < length && data[index] === slot ? index : -1;
  }

  /**
   * Index of the first document whose slot is at least `slot` (the length when none is). Forward by
   * galloping: the ranking asks for a few documents spread over a term's many, and stepping through
   * every one in between cost most of a proximity computation.
   */
  advance(slot: number): number {
    const { data, length } = this.occurrences.slots;
    let index: number;
    if (slot < this.asked) index = this.firstAtLeast(slot, 0, this.index);
    else {
      index = this.index;
      let step = 1;
      while (index + step < length && data[index + step] < slot) {
        index += step;
        step *= 2;
      }
      index = index < length && data[index] < slot ? this.firstAtLeast(slot, index + 1, Math.min(index + step, length)) : index;
    }
    this.index = index;
    this.asked = slot;
    return index;
  }

  /** The first index in [lo, hi) whose slot is at least `slot`, given that those before lo are less and the one at hi (if any) is not. */
  private firstAtLeast(slot: number, lo: number, hi: number): number {
    const { data } = this.occurrences.slots;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (data[mid] < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
