/**
 * Selecting the best `need` of `n` documents by a vector of rule keys (smaller = better,
 * lexicographic, ties broken by position). Keys that are costly (proximity) are lazy: computed
 * only when a document could still enter the selection, using the key's lower bound — a
 * document whose bound already loses, or ties and then loses on the keys after it, is skipped.
 */

export class LazyKey {
  /**
   * `values`: one entry per document, overwritten as they are computed (NaN until then); `floor`:
   * the best value any document can take, when `lowerBound` is per document (given the value to beat,
   * it may stop raising itself once above it).
   */
  constructor(
    readonly values: Float64Array,
    private readonly lowerBound: number | ((p: number, versus: number) => number),
    private readonly compute: (p: number) => number,
    readonly floor = -Infinity,
  ) {
    values.fill(NaN);
  }

  get(p: number): number {
    let value = this.values[p];
    if (Number.isNaN(value)) {
      value = this.compute(p);
      this.values[p] = value;
    }
    return value;
  }

  /** A value the key cannot beat for p (`lowerBound`: for all documents or per document), to compare with `versus`. */
  boundOf(p: number, versus: number): number {
    return typeof this.lowerBound === 'number' ? this.lowerBound : this.lowerBound(p, versus);
  }

  isKnown(p: number): boolean {
    return !Number.isNaN(this.values[p]);
  }
}

export type RankKey = ArrayLike<number> | LazyKey;

/**
 * The keys of one selection in a shape the comparisons can read without type checks: each key is
 * either a Float64Array or a LazyKey (its slot in the other list is null), so every read stays
 * monomorphic in the inner loops that run once per candidate.
 */
class KeyVector {
  private readonly arrays: (Float64Array | null)[];
  private readonly lazies: (LazyKey | null)[];

  constructor(keys: RankKey[]) {
    this.lazies = keys.map((key) => (key instanceof LazyKey ? key : null));
    this.arrays = keys.map((key) => (key instanceof LazyKey ? null : key instanceof Float64Array ? key : Float64Array.from(key)));
  }

  /** Whether a is ranked after b (every key from `from` on computed). */
  worse(a: number, b: number, from = 0): boolean {
    const { arrays, lazies } = this;
    for (let i = from; i < arrays.length; i++) {
      const array = arrays[i];
      let x: number;
      let y: number;
      if (array !== null) {
        x = array[a];
        y = array[b];
      } else {
        const lazy = lazies[i] as LazyKey;
        x = lazy.get(a);
        y = lazy.get(b);
      }
      if (x !== y) return x > y;
    }
    return a > b;
  }

  /**
   * Whether candidate p cannot beat b, deciding without computing p's lazy keys when their lower
   * bound suffices. Undecided → false (the caller then compares fully).
   */
  surelyWorse(p: number, b: number): boolean {
    const { arrays, lazies } = this;
    for (let i = 0; i < arrays.length; i++) {
      const array = arrays[i];
      if (array !== null) {
        const x = array[p];
        const y = array[b];
        if (x !== y) return x > y;
        continue;
      }
      const lazy = lazies[i] as LazyKey;
      const y = lazy.get(b);
      if (lazy.isKnown(p)) {
        const x = lazy.get(p);
        if (x !== y) return x > y;
        continue;
      }
      // b at the floor: p at best ties, and the keys after this one often exclude it more cheaply than its own bound.
      if (y <= lazy.floor) return this.worse(p, b, i + 1) || lazy.boundOf(p, y) > y;
      const bound = lazy.boundOf(p, y);
      if (bound > y) return true;
      if (bound < y) return false;
      // p at best ties on this key: it loses if it is worse on the remaining keys assuming the tie.
      return this.worse(p, b, i + 1);
    }
    return p > b;
  }
}

/** Positions of the `need` best entries, best first. */
export function selectTop(n: number, need: number, keyList: RankKey[]): Int32Array {
  const keys = new KeyVector(keyList);
  const byRank = (a: number, b: number): number => (a === b ? 0 : keys.worse(a, b) ? 1 : -1);
  if (need >= n) return Int32Array.from({ length: n }, (_, i) => i).sort(byRank);
  // Max-heap of the best `need` seen so far, the worst on top.
  const heap = new Int32Array(need);
  let size = 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (let p = 0; p < n && need > 0; p++) {
    if (size < need) {
      heap[size] = p;
      for (let i = size++; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!keys.worse(heap[i], heap[parent])) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    if (keys.surelyWorse(p, heap[0]) || !keys.worse(heap[0], p)) continue;
    heap[0] = p;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && keys.worse(heap[l], heap[top])) top = l;
      if (r < size && keys.worse(heap[r], heap[top])) top = r;
      if (top === i) break;
      swap(i, top);
      i = top;
    }
  }
  return heap.slice(0, size).sort(byRank);
}
