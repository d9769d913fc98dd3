/**
 * Every occurrence of one term (positional postings): per document, in slot order, a record
 * [slot, count, location…] with the locations ascending. Proximity reads the few occurrences of
 * the query's terms in a document here instead of scanning the document's whole forward index.
 * Every CHECKPOINT_EVERY-th record is noted (slot, offset) so that a cursor can also jump back.
 */
import { IntList } from './int-list.js';

const CHECKPOINT_EVERY = 32;

export class TermOccurrences {
  readonly data = new IntList(8);
  /** [slot, offset] of every CHECKPOINT_EVERY-th record. */
  readonly checkpoints = new IntList(2);
  private records = 0;

  /** Appends a document's record: `locations[from, to)`, ascending; slots must come in ascending order. */
  append(slot: number, locations: Int32Array, from: number, to: number): void {
    if (this.records++ % CHECKPOINT_EVERY === 0) this.checkpoints.push2(slot, this.data.length);
    this.data.push2(slot, to - from);
    for (let i = from; i < to; i++) this.data.push(locations[i]);
  }
}

/** Reads one term's occurrences document by document, cheaply when the slots asked for ascend. */
export class OccurrenceCursor {
  private offset = 0;
  /** The last slot asked for: every record before `offset` has a smaller slot. */
  private asked = -1;

  constructor(private readonly occurrences: TermOccurrences) {}

  /** Offset of the document's record in `occurrences.data` (its count at +1, locations from +2), or -1. */
  seek(slot: number): number {
    const { data, length } = this.occurrences.data;
    if (slot < this.asked) this.offset = this.checkpointBefore(slot);
    this.asked = slot;
    let offset = this.offset;
    while (offset < length && data[offset] < slot) offset += 2 + data[offset + 1];
    this.offset = offset;
    return offset < length && data[offset] === slot ? offset : -1;
  }

  /** Offset of the last checkpointed record at or before `slot` (0 if none). */
  private checkpointBefore(slot: number): number {
    const { data, length } = this.occurrences.checkpoints;
    let lo = 0;
    let hi = length / 2 - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (data[2 * mid] <= slot) {
        found = data[2 * mid + 1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
