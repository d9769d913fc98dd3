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

  /** A right-sized copy of the content. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
