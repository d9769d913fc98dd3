/**
 * How a query word's match in one document is packed in one int, so that ranking reads one entry
 * per word and document: the position bucket of the best location (position-cost.ts: all that
 * ranking reads of a position) | its attribute rank << 5 | matched as typed above the rank | fewest
 * typos of a matching derivation above that (prefixes, synonyms and phrases count 0). The best
 * location is over every matching derivation (combine) or, when the typo rule ranks first, over
 * those with the fewest typos (combineFewestTypos). With at most 256 attribute ranks a match fits
 * 16 bits: the word's per-slot array is then a Uint16Array, half the memory, so the word-match
 * cache keeps twice the words.
 */
import { positionBucket } from './position-cost.js';
import { locationPosition, locationRank } from './term-index.js';

const POSITION_BITS = 5;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
/** Typos fit 2 bits: a match has at most 2. */
const TYPO_BITS = 2;

export type MatchArray = Uint16Array | Int32Array;

export class MatchLayout {
  private readonly rankMask: number;
  private readonly typedShift: number;
  private readonly typosShift: number;
  /** Rank and position: their order is the order of the locations they pack. */
  private readonly locationBits: number;
  /** The entry of a slot the word does not match (a typo count no match has). */
  readonly noMatch: number;

  private constructor(
    rankBits: number,
    private readonly wide: boolean,
  ) {
    this.rankMask = (1 << rankBits) - 1;
    this.typedShift = POSITION_BITS + rankBits;
    this.typosShift = this.typedShift + 1;
    this.locationBits = (1 << this.typedShift) - 1;
    this.noMatch = wide ? -1 : (1 << (this.typosShift + TYPO_BITS)) - 1;
  }

  private static readonly sixteenBits = new MatchLayout(8, false);
  /** Ranks up to 0x7fff, packLocation's cap. */
  private static readonly thirtyTwoBits = new MatchLayout(15, true);

  /** The layout for an index whose locations have ranks below `rankCount`. */
  static forRanks(rankCount: number): MatchLayout {
    return rankCount <= MatchLayout.sixteenBits.rankMask + 1 ? MatchLayout.sixteenBits : MatchLayout.thirtyTwoBits;
  }

  /** A per-slot array where no slot matches yet. */
  emptyArray(size: number): MatchArray {
    return (this.wide ? new Int32Array(size) : new Uint16Array(size)).fill(this.noMatch);
  }

  pack(typos: number, asTyped: number, loc: number): number {
    return (typos << this.typosShift) | (asTyped << this.typedShift) | (locationRank(loc) << POSITION_BITS) | positionBucket(locationPosition(loc));
  }

  /**
   * A slot's entry with one more match of the word: the match itself when the slot held none (noMatch),
   * else the two as one — the fewest typos, as typed if either is, the better location.
   */
  combine(a: number, b: number): number {
    if (a === this.noMatch) return b;
    const { typosShift, locationBits } = this;
    return (Math.min(a >>> typosShift, b >>> typosShift) << typosShift) | ((a | b) & (1 << this.typedShift)) | Math.min(a & locationBits, b & locationBits);
  }

  /**
   * Like combine, but a match with more typos than the other adds nothing: after the typo rule,
   * Meilisearch ranks a document on the derivations of its typo bucket only, so a typo variant in
   * the title does not lift a word found as typed in the body.
   */
  combineFewestTypos(a: number, b: number): number {
    if (a === this.noMatch) return b;
    const ta = a >>> this.typosShift;
    const tb = b >>> this.typosShift;
    if (ta !== tb) return ta < tb ? a : b;
    return this.combine(a, b);
  }

  typos(match: number): number {
    return match >>> this.typosShift;
  }

  asTyped(match: number): number {
    return (match >>> this.typedShift) & 1;
  }

  rank(match: number): number {
    return (match >>> POSITION_BITS) & this.rankMask;
  }

  positionBucket(match: number): number {
    return match & POSITION_MASK;
  }
}
