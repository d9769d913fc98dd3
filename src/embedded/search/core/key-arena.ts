/**
 * Per-document key arrays for ranking one bucket, reused from search to search: a fresh typed
 * array per key and search (several of 100,000 entries each) costs more in zeroing, page faults
 * and garbage collection than the loops that fill it. Ranking is synchronous and returns no
 * array it took, so the buffers are handed back once a bucket is ranked.
 */
export class KeyArena {
  private readonly buffers: Float64Array[] = [];
  private taken = 0;

  /** A zeroed array of n entries, valid until release(). */
  take(n: number): Float64Array {
    if (this.taken === this.buffers.length) this.buffers.push(new Float64Array(n));
    let buffer = this.buffers[this.taken];
    if (buffer.length < n) {
      buffer = new Float64Array(Math.max(n, buffer.length * 2));
      this.buffers[this.taken] = buffer;
    }
    this.taken++;
    return buffer.subarray(0, n).fill(0);
  }

  /** Every array taken may be handed out again. */
  release(): void {
    this.taken = 0;
  }
}
