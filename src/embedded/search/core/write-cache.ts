/**
 * Results derived from the index and kept between searches until the next write: a map bounded
 * by the total size of its values (`sizeOf`, by default 1 per entry: then a count), forgetting
 * the least recently used first. Sizes in bytes let entries that scale with the index (per-slot
 * arrays) fill a memory budget: many on a small index, fewer on a large one.
 */
export class WriteCache<T> {
  private readonly entries = new Map<string, { value: T; size: number }>();
  private total = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: T) => number = () => 1,
    /** Told of each value forgotten to make room (not of those a write clears), which it may reuse. */
    private readonly onForget: (value: T) => void = () => undefined,
  ) {}

  /** The value of `key`, computed on first use; a value larger than the whole budget is kept alone. */
  get(key: string, compute: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Re-inserted: Map order is recency order, the oldest first.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value;
    }
    const value = compute();
    const size = this.sizeOf(value);
    for (const [oldest, entry] of this.entries) {
      if (this.total + size <= this.budget) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
      this.onForget(entry.value);
    }
    this.entries.set(key, { value, size });
    this.total += size;
    return value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The summed size of the values kept. */
  get size(): number {
    return this.total;
  }

  clear(): void {
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.total = 0;
  }
}

/** Bytes of the typed arrays in a value and its properties, two levels deep (a Bitset's words): the size of a derived result. */
export function typedArrayBytes(value: unknown, depth = 2): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (depth === 0 || typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, part: unknown) => sum + typedArrayBytes(part, depth - 1), 0);
}
