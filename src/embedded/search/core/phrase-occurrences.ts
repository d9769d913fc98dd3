/**
 * Where a phrase starts in a document whose forward index is in location order, read from its
 * terms' occurrences: there, consecutive tokens are the tokens at consecutive locations, so the
 * phrase starts at the first location of its first term (in an allowed rank) from which each next
 * term occurs one location further — what the forward-index check finds, without reading the
 * document's other few hundred tokens.
 */
import { OccurrenceCursor } from './occurrences.js';
import { locationRank, rankBit, type TermIndex } from './term-index.js';

export class PhraseOccurrences {
  private readonly cursors: OccurrenceCursor[];
  private readonly locations: Int32Array[];
  private readonly starts: Int32Array[];
  /** Per phrase word, its next and end offsets into its locations in the current document. */
  private readonly next: Int32Array;
  private readonly end: Int32Array;

  /** `allowedRanks`: a rank-bit mask (all bits set: every rank). */
  constructor(
    terms: TermIndex,
    ids: number[],
    private readonly allowedRanks: number,
  ) {
    const lists = ids.map((id) => terms.occurrences[id]);
    this.cursors = lists.map((list) => new OccurrenceCursor(list));
    this.locations = lists.map((list) => list.locations.data);
    this.starts = lists.map((list) => list.starts.data);
    this.next = new Int32Array(ids.length);
    this.end = new Int32Array(ids.length);
  }

  /** The location where the phrase starts in the document, or -1. */
  location(slot: number): number {
    const { next, end, locations } = this;
    const n = next.length;
    for (let j = 0; j < n; j++) {
      const index = this.cursors[j].seek(slot);
      if (index === -1) return -1;
      next[j] = this.starts[j][index];
      end[j] = this.starts[j][index + 1];
    }
    for (let a = next[0]; a < end[0]; a++) {
      const loc = locations[0][a];
      if ((rankBit(locationRank(loc)) & this.allowedRanks) === 0) continue;
      let found = true;
      for (let j = 1; j < n && found; j++) {
        // Both ascend: each word's offset only moves forward.
        while (next[j] < end[j] && locations[j][next[j]] < loc + j) next[j]++;
        found = next[j] < end[j] && locations[j][next[j]] === loc + j;
      }
      if (found) return loc;
    }
    return -1;
  }
}
