/**
 * Before a long bucket is ranked: when the rules right after `words` are typo and/or
 * attributeRank, whose keys are sums of one number per word, only the documents that can still
 * make the first `need` are kept. One pass keeps the `need` best values seen so far; their worst
 * is the cut, and a document is dropped as soon as the words read so far take it past the cut
 * (each word adds at least its lowest value). In the long buckets of common words this
 * keeps a few hundred of some 20,000 documents, most dropped after reading one or two words.
 */
import type { RankRule } from './ranking.js';
import type { WordMatch } from './word-matching.js';

/** Below this many documents per document needed, ranking the whole bucket costs less. */
const MIN_BUCKET_PER_NEEDED = 16;
/** Documents read whole before the words are put in the order that drops documents soonest. */
const FIRST_READ_WHOLE = 256;
/** Above any attributeRank sum (ranks below 2^15, at most 32 words): typo then attributeRank as one number. */
const SECOND_KEY_SPAN = 2 ** 20;

/** How much a word's typos and attribute rank weigh in the leading value, or null when typo and attributeRank do not lead. */
export function leadingWeights(rules: RankRule[]): { typos: number; rank: number } | null {
  const leading: string[] = [];
  for (const rule of rules) {
    if ((rule.kind !== 'typo' && rule.kind !== 'attributeRank') || leading.includes(rule.kind)) break;
    leading.push(rule.kind);
  }
  if (leading.length === 0) return null;
  const weight = (kind: string): number => {
    const at = leading.indexOf(kind);
    return at < 0 ? 0 : at === leading.length - 1 ? 1 : SECOND_KEY_SPAN;
  };
  return { typos: weight('typo'), rank: weight('attributeRank') };
}

/** Reused from bucket to bucket (ranking is synchronous): the slots kept and their values, before they are copied out. */
let keptSlots = new Int32Array(0);
let keptValues = new Float64Array(0);

/** The `size` smallest values offered, ascending (Infinity until offered). */
class SmallestValues {
  readonly values: Float64Array;

  constructor(size: number) {
    this.values = new Float64Array(size).fill(Infinity);
  }

  get worst(): number {
    return this.values[this.values.length - 1];
  }

  offer(v: number): void {
    const { values } = this;
    let i = values.length - 1;
    if (!(v < values[i])) return;
    for (; i > 0 && values[i - 1] > v; i--) values[i] = values[i - 1];
    values[i] = v;
  }
}

/**
 * The slots of `list` (ascending, as given) whose leading value is at most the need-th best, or
 * null when the bucket is too short for narrowing to pay. Every document of a bucket matches each
 * of its active words (the bucket is within their documents), so each word adds at least its
 * lowest value.
 */
export function narrowBucket(list: Int32Array, active: number[], matches: WordMatch[], weights: { typos: number; rank: number }, need: number): Int32Array | null {
  const n = list.length;
  if (need <= 0 || n < need * MIN_BUCKET_PER_NEEDED) return null;
  const { layout } = matches[active[0]].postings;
  const k = active.length;
  const lows = active.map((w) => matches[w].postings.lowestRank * weights.rank);
  const base = lows.reduce((sum, low) => sum + low, 0);
  const excessOf = (match: number, low: number): number => layout.typos(match) * weights.typos + layout.rank(match) * weights.rank - low;
  if (keptSlots.length < n) {
    keptSlots = new Int32Array(Math.max(n, 2 * keptSlots.length));
    keptValues = new Float64Array(keptSlots.length);
  }
  const best = new SmallestValues(need);
  let count = 0;
  const keep = (slot: number, v: number): void => {
    keptSlots[count] = slot;
    keptValues[count++] = v;
    best.offer(v);
  };

  const whole = Math.min(n, FIRST_READ_WHOLE);
  const excessSums = new Float64Array(k);
  for (let p = 0; p < whole; p++) {
    let v = base;
    for (let w = 0; w < k; w++) {
      const excess = excessOf(matches[active[w]].postings.matches[list[p]], lows[w]);
      excessSums[w] += excess;
      v += excess;
    }
    keep(list[p], v);
  }
  // The words that most often take a document past the cut are read first.
  const order = Array.from({ length: k }, (_, w) => w).sort((a, b) => excessSums[b] - excessSums[a]);
  const words = order.map((w) => matches[active[w]].postings.matches);
  const wordLows = order.map((w) => lows[w]);
  for (let p = whole; p < n; p++) {
    const slot = list[p];
    const cut = best.worst;
    let v = base;
    for (let w = 0; w < k && v <= cut; w++) v += excessOf(words[w][slot], wordLows[w]);
    if (v <= cut) keep(slot, v);
  }

  const cut = best.worst;
  let narrowed = 0;
  for (let i = 0; i < count; i++) if (keptValues[i] <= cut) keptSlots[narrowed++] = keptSlots[i];
  return keptSlots.slice(0, narrowed);
}
