/** The number of bits set in both word arrays. */
export function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let total = 0;
  for (let i = 0, n = Math.min(a.length, b.length); i < n; i++) {
    let v = a[i] & b[i];
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return total;
}

/** A fixed-size set of document slots as 32-bit words: fast AND / OR / count for candidates and facets. */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  static fromSlots(size: number, slots: Iterable<number>): Bitset {
    const set = new Bitset(size);
    for (const slot of slots) set.add(slot);
    return set;
  }

  add(slot: number): void {
    this.words[slot >>> 5] |= 1 << (slot & 31);
  }

  delete(slot: number): void {
    this.words[slot >>> 5] &= ~(1 << (slot & 31));
  }

  has(slot: number): boolean {
    return (this.words[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }

  /** Adds the first `length` slots of a list. */
  addList(list: Int32Array, length: number, stride = 1): void {
    const words = this.words;
    for (let i = 0; i < length; i += stride) {
      const slot = list[i];
      words[slot >>> 5] |= 1 << (slot & 31);
    }
  }

  clone(): Bitset {
    const copy = new Bitset(this.size);
    copy.words.set(this.words);
    return copy;
  }

  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] &= b[i] ?? 0;
    return this;
  }

  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] |= b[i] ?? 0;
    return this;
  }

  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i] &= ~(b[i] ?? 0);
    return this;
  }

  /** The complement within [0, size). */
  not(): this {
    const a = this.words;
    for (let i = 0; i < a.length; i++) a[i] = ~a[i];
    const tail = this.size & 31;
    if (tail !== 0) a[a.length - 1] &= (1 << tail) - 1;
    return this;
  }

  count(): number {
    let total = 0;
    const a = this.words;
    for (let i = 0; i < a.length; i++) {
      let v = a[i];
      if (v === 0) continue;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }

  /** How many slots this set and `other` share, without making their intersection. */
  countAnd(other: Bitset): number {
    return popcountAnd(this.words, other.words);
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  /** Slots in ascending order. */
  toArray(): Int32Array {
    const out = new Int32Array(this.count());
    let n = 0;
    const a = this.words;
    for (let i = 0; i < a.length; i++) {
      let v = a[i];
      while (v !== 0) {
        const low = v & -v;
        out[n++] = (i << 5) + (31 - Math.clz32(low));
        v ^= low;
      }
    }
    return out;
  }
}
