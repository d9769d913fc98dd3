/**
 * Selecting the best `need` of `n` documents by a vector of rule keys (smaller = better,
 * lexicographic, ties broken by position). Keys that are costly (proximity) are lazy: computed
 * only when a document could still enter the selection, using the key's lower bound — a
 * document whose bound already loses, or ties and then loses on the keys after it, is skipped.
 */

export class LazyKey {
  readonly values: Float64Array;
  private readonly known: Uint8Array;

  /** `lowerBound`: the best value the key can take, for all documents or per document. */
  constructor(
    n: number,
    private readonly lowerBound: number | ((p: number) => number),
    private readonly compute: (p: number) => number,
  ) {
    this.values = new Float64Array(n);
    this.known = new Uint8Array(n);
  }

  get(p: number): number {
    if (this.known[p] === 0) {
      this.values[p] = this.compute(p);
      this.known[p] = 1;
    }
    return this.values[p];
  }

  boundOf(p: number): number {
    return typeof this.lowerBound === 'number' ? this.lowerBound : this.lowerBound(p);
  }

  isKnown(p: number): boolean {
    return this.known[p] === 1;
  }
}

export type RankKey = ArrayLike<number> | LazyKey;

const valueOf = (key: RankKey, p: number): number => (key instanceof LazyKey ? key.get(p) : key[p]);

/** Whether a is ranked after b (every key computed). */
function worse(keys: RankKey[], a: number, b: number): boolean {
  for (const key of keys) {
    const x = valueOf(key, a);
    const y = valueOf(key, b);
    if (x !== y) return x > y;
  }
  return a > b;
}

/**
 * Whether candidate p cannot beat b, deciding without computing p's lazy keys when their lower
 * bound suffices. Undecided → false (the caller then compares fully).
 */
function surelyWorse(keys: RankKey[], p: number, b: number): boolean {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key instanceof LazyKey && !key.isKnown(p)) {
      const y = key.get(b);
      const bound = key.boundOf(p);
      if (bound > y) return true;
      if (bound < y) return false;
      // p at best ties on this key: it loses if it is worse on the remaining keys assuming the tie.
      return worse(keys.slice(i + 1), p, b);
    }
    const x = valueOf(key, p);
    const y = valueOf(key, b);
    if (x !== y) return x > y;
  }
  return p > b;
}

/** Positions of the `need` best entries, best first. */
export function selectTop(n: number, need: number, keys: RankKey[]): Int32Array {
  const byRank = (a: number, b: number): number => (a === b ? 0 : worse(keys, a, b) ? 1 : -1);
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
        if (!worse(keys, heap[i], heap[parent])) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    if (surelyWorse(keys, p, heap[0]) || !worse(keys, heap[0], p)) continue;
    heap[0] = p;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && worse(keys, heap[l], heap[top])) top = l;
      if (r < size && worse(keys, heap[r], heap[top])) top = r;
      if (top === i) break;
      swap(i, top);
      i = top;
    }
  }
  return heap.slice(0, size).sort(byRank);
}
