/**
 * Per-slot byte arrays read from the forward index (rule-keys.ts: word-pair proximity, exactness
 * level), one per key, filled as searches compute them, within a memory budget (least recently
 * used forgotten first) and until the next document is added.
 *
 * Arrays the cache forgets are reused for new keys: a query of new words needs a few arrays of one
 * byte per document, and allocating them anew (outside V8's heap) made the engine run a full
 * garbage collection every 64 MB of them — over the whole index, about a tenth of its time on
 * never-repeated queries. Forgotten during a search, an array is reused only from the next one on:
 * the search that forgot it may still read it.
 */
import { WriteCache } from './write-cache.js';

/** 160 arrays at 100,000 documents. */
export const SLOT_VALUE_BUDGET_BYTES = 16 << 20;

export class SlotValues {
  private readonly cache: WriteCache<Uint8Array>;
  private forgotten: Uint8Array[] = [];
  private spare: Uint8Array[] = [];

  constructor(budgetBytes = SLOT_VALUE_BUDGET_BYTES) {
    this.cache = new WriteCache<Uint8Array>(budgetBytes, (values) => values.byteLength, (values) => this.forgotten.push(values));
  }

  /** The array of `key` (0: not computed yet), of `slots` entries. */
  get(key: string, slots: number): Uint8Array {
    return this.cache.get(key, () => this.spare.pop()?.fill(0) ?? new Uint8Array(slots));
  }

  /** A search begins: the arrays forgotten before it may be handed out again. */
  beginSearch(): void {
    if (this.forgotten.length === 0) return;
    this.spare.push(...this.forgotten);
    this.forgotten = [];
  }

  /** A document was added: every array is one entry short, none is kept. */
  clear(): void {
    this.cache.clear();
    this.forgotten = [];
    this.spare = [];
  }
}
