/**
 * Server-side cursors: a result list cut into batches as mongod does (101 documents in the first
 * batch by default, later batches up to 16 MB), ids as int64, idle cursors dropped after 10 minutes.
 */
import { calculateObjectSize, Long } from 'bson';
import { randomInt } from 'node:crypto';
import { commandError } from '../errors.js';
import type { Doc } from './context.js';

const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface Cursor {
  ns: string;
  docs: Doc[];
  position: number;
  transform: (doc: Doc) => Doc;
  lastUsed: number;
}

export interface CursorOptions {
  batchSize?: number;
  singleBatch?: boolean;
  /** Applied to each document as it is returned (projection). */
  transform?: (doc: Doc) => Doc;
}

export class CursorStore {
  private readonly cursors = new Map<bigint, Cursor>();

  get openCount(): number {
    return this.cursors.size;
  }

  private takeBatch(cursor: Cursor, batchSize: number): Doc[] {
    const batch: Doc[] = [];
    let bytes = 0;
    while (cursor.position < cursor.docs.length && (batchSize <= 0 || batch.length < batchSize)) {
      const doc = cursor.transform(cursor.docs[cursor.position]);
      bytes += calculateObjectSize(doc);
      if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
      batch.push(doc);
      cursor.position++;
    }
    cursor.lastUsed = Date.now();
    return batch;
  }

  /** The `{cursor: {firstBatch, id, ns}, ok: 1}` reply, keeping a cursor open for the rest. */
  open(ns: string, docs: Doc[], options: CursorOptions = {}): Doc {
    const cursor: Cursor = { ns, docs, position: 0, transform: options.transform ?? ((d) => d), lastUsed: Date.now() };
    const firstBatch = this.takeBatch(cursor, options.batchSize ?? DEFAULT_FIRST_BATCH);
    let id = 0n;
    if (!options.singleBatch && cursor.position < docs.length) {
      // Above 2^53 like mongod's ids, so clients never see them turned into JS numbers.
      do id = (1n << 60n) + (BigInt(randomInt(0, 2 ** 47)) << 12n) + BigInt(randomInt(0, 4096));
      while (this.cursors.has(id));
      this.cursors.set(id, cursor);
    }
    return { cursor: { firstBatch, id: Long.fromBigInt(id), ns }, ok: 1 };
  }

  getMore(ns: string, id: bigint, batchSize: number | undefined): Doc {
    const cursor = this.cursors.get(id);
    if (!cursor) throw commandError('CursorNotFound', `cursor id ${id} not found`);
    if (cursor.ns !== ns) {
      throw commandError('Unauthorized', `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
    }
    const nextBatch = this.takeBatch(cursor, batchSize ?? 0);
    const done = cursor.position >= cursor.docs.length;
    if (done) this.cursors.delete(id);
    return { cursor: { nextBatch, id: Long.fromBigInt(done ? 0n : id), ns }, ok: 1 };
  }

  kill(ids: bigint[]): Doc {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.cursors.delete(id) ? killed : notFound).push(Long.fromBigInt(id));
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  expireIdle(now = Date.now()): void {
    for (const [id, cursor] of this.cursors) if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(id);
  }

  clear(): void {
    this.cursors.clear();
  }
}
