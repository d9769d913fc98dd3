/**
 * An append-only Int32Array that grows by half when full: compact postings without per-entry
 * objects, at most a third of it unused (doubling left up to half of the postings' memory idle).
 */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) this.grow();
    this.data[this.length++] = a;
    this.data[this.length++] = b;
    this.data[this.length++] = c;
  }

  private grow(): void {
    const next = new Int32Array(Math.max(8, this.data.length + (this.data.length >> 1)));
    next.set(this.data);
    this.data = next;
  }

  /**
   * Keeps the entries (of `stride` ints, the first a slot) whose slot `renumbered` maps to a new
   * one (-1: gone), with that slot, in place and in order: ascending slots stay ascending.
   */
  keepRenumbered(renumbered: Int32Array, stride = 1): void {
    const data = this.data;
    let kept = 0;
    for (let i = 0; i < this.length; i += stride) {
      const slot = renumbered[data[i]];
      if (slot === -1) continue;
      data[kept] = slot;
      for (let j = 1; j < stride; j++) data[kept + j] = data[i + j];
      kept += stride;
    }
    this.length = kept;
  }

  /** A right-sized copy of the content. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
