/**
 * Results derived from the index and kept between searches until the next write: a map that
 * holds at most `capacity` keys and forgets the oldest first.
 */
export class WriteCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  /** The value of `key`, computed on first use. */
  get(key: string, compute: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    if (this.entries.size > 0) this.entries.clear();
  }
}
