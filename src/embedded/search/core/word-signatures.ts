/**
 * The positions modulo 64 of each active word in the bucket's documents, for the proximity bound
 * (pair-costs.ts), read from the words' occurrences on demand. The selection walks the bucket in
 * order and, while its worst kept document is above the floor, asks nearly every document: then a
 * word's signatures are read a block of documents at a time, in one tight pass over each of its
 * terms' documents. Asked here and there, they are read for the one document asked.
 */
import type { OccurrenceMerge } from './occurrence-merge.js';

const BLOCK = 64;
/** Asked within this many documents of the word's previous request: the walk goes on, read a block. */
const WALKING_GAP = 4;

export class WordSignatures {
  /** Per active word, BLOCK entries: the signatures of the documents from its block's start. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Per active word, the bucket positions its block covers: [start, end). */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly lastAsked: Int32Array;

  constructor(
    private readonly merge: OccurrenceMerge,
    private readonly list: Int32Array,
    k: number,
  ) {
    this.lo = new Int32Array(k * BLOCK);
    this.hi = new Int32Array(k * BLOCK);
    this.start = new Int32Array(k);
    this.end = new Int32Array(k);
    this.lastAsked = new Int32Array(k).fill(-BLOCK);
  }

  /** Where word's signature of the bucket's document p is in lo and hi. */
  at(word: number, p: number): number {
    const walking = p - this.lastAsked[word] <= WALKING_GAP;
    this.lastAsked[word] = p;
    if (p < this.start[word] || p >= this.end[word]) {
      const end = walking ? Math.min(p + BLOCK, this.list.length) : p + 1;
      this.merge.wordSignatures(this.list, p, end, word, this.lo, this.hi, word * BLOCK);
      this.start[word] = p;
      this.end[word] = end;
    }
    return word * BLOCK + p - this.start[word];
  }
}
