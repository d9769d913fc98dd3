/** The working arrays of TermIndex.addDocument, reused from one document to the next. */
import { IntList } from './int-list.js';

/** Per-term working arrays of addDocument, reused across documents (a stamp marks this document's entries). */
export class IndexingScratch {
  stamps: Int32Array = new Int32Array(1024);
  locations: Int32Array = new Int32Array(1024);
  masks: Int32Array = new Int32Array(1024);
  /** Per term (at index termId * 2): occurrences in this document (0 between documents), and where its locations go in `grouped`. */
  counts: Int32Array = new Int32Array(1024);
  starts: Int32Array = new Int32Array(1024);
  readonly touched = new IntList(256);
  readonly sequence = new IntList(1024);
  /** The document's distinct terms in first-seen order, and its locations grouped by term. */
  readonly termIds = new IntList(256);
  grouped: Int32Array = new Int32Array(1024);
  /** Per attribute rank, the stamp of the last document in which it was seen. */
  readonly rankStamps = new Int32Array(0x8000);

  ensure(size: number): void {
    if (size <= this.stamps.length) return;
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(Math.max(size, old.length * 2));
      next.set(old);
      return next;
    };
    this.stamps = grow(this.stamps);
    this.locations = grow(this.locations);
    this.masks = grow(this.masks);
    this.counts = grow(this.counts);
    this.starts = grow(this.starts);
  }
}
