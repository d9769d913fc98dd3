/**
 * The files under dbPath and their life cycle:
 *   snapshot-<g>.bson  a complete state (collections, indexes, documents), written once, fsynced
 *   journal-<g>.log    every change made after snapshot <g> was taken
 * Opening loads the newest snapshot k (if any) and replays journals k, k+1, … in order. Compaction
 * starts journal g+1 first, then writes snapshot g+1 from the state at that instant; a crash at
 * any point leaves a set of files that replays to the same state.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { encodeFrame, scanFrames, writeAllSync } from './frames.js';
import { Journal } from './journal.js';
import { lockDataDirectory } from '../../data-dir-lock.js';

const SNAPSHOT = /^snapshot-(\d+)\.bson$/;
const JOURNAL = /^journal-(\d+)\.log$/;

export interface StorageOptions {
  /** Compact when the journal exceeds both this size and twice the live data. */
  compactMinBytes?: number;
}

function log(message: string): void {
  process.stderr.write(`[embedded-mongo] ${message}\n`);
}

function generations(dir: string, pattern: RegExp): number[] {
  return fs
    .readdirSync(dir)
    .map((f) => pattern.exec(f)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class Storage {
  private compaction: Promise<void> | null = null;

  private constructor(
    private readonly dir: string,
    private readonly catalog: Catalog,
    public journal: Journal,
    private generation: number,
    private readonly releaseLock: () => void,
    private readonly compactMinBytes: number,
  ) {}

  /** Locks dbPath, rebuilds `catalog` from its files and attaches the journal as the catalog's sink. */
  static open(dbPath: string, catalog: Catalog, options: StorageOptions = {}): Storage {
    const dir = path.resolve(dbPath);
    fs.mkdirSync(dir, { recursive: true });
    const release = lockDataDirectory(dir, 'mongod.lock');
    try {
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(dir, f));
      const snapshotGen = generations(dir, SNAPSHOT).pop() ?? 0;
      catalog.sink = null;
      if (fs.existsSync(path.join(dir, `snapshot-${snapshotGen}.bson`))) loadSnapshot(dir, snapshotGen, catalog);
      const journals = generations(dir, JOURNAL).filter((g) => g >= snapshotGen);
      journals.forEach((g, i) => replayJournal(path.join(dir, `journal-${g}.log`), catalog, i === journals.length - 1));
      const generation = journals.pop() ?? snapshotGen;
      removeOlderThan(dir, snapshotGen);
      const journal = Journal.open(path.join(dir, `journal-${generation}.log`));
      fsyncDir(dir);
      catalog.sink = journal;
      return new Storage(dir, catalog, journal, generation, release, options.compactMinBytes ?? 64 * 1024 * 1024);
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Starts a compaction when the journal has grown past twice the live data. */
  maybeCompact(): void {
    if (this.compaction || this.journal.size < this.compactMinBytes) return;
    let live = 0;
    for (const coll of this.catalog.allCollections()) live += coll.dataBytes;
    if (this.journal.size < 2 * live) return;
    this.compaction = this.compact()
      .catch((err: unknown) => log(`compaction failed (the journal keeps all data): ${String(err)}`))
      .finally(() => {
        this.compaction = null;
      });
  }

  async compact(): Promise<void> {
    const previous = this.journal;
    const generation = this.generation + 1;
    // Switch journals and capture the state in the same synchronous step: stored BSON buffers are
    // never written to again (a change stores a new buffer), so the captured ones stay consistent.
    previous.commit();
    const next = Journal.open(path.join(this.dir, `journal-${generation}.log`));
    const state = [...this.catalog.allCollections()].map((c) => ({
      header: { o: 'c', ns: c.ns, options: c.options, uuid: c.uuid.toHexString() },
      indexes: [...c.indexes.values()].map((i) => ({ ...i.spec })),
      docs: [...c.rawValues()],
      ns: c.ns,
    }));
    this.catalog.sink = next;
    this.journal = next;
    this.generation = generation;
    await previous.close();

    const tmp = path.join(this.dir, `snapshot-${generation}.bson.tmp`);
    const fd = fs.openSync(tmp, 'w');
    try {
      for (const coll of state) {
        writeAllSync(fd, encodeFrame(coll.header));
        for (const spec of coll.indexes) writeAllSync(fd, encodeFrame({ o: 'ci', ns: coll.ns, spec }));
        let chunk: Buffer[] = [];
        for (const doc of coll.docs) {
          chunk.push(...encodeFrame({ o: 'i', ns: coll.ns }, doc));
          if (chunk.length >= 1024) {
            writeAllSync(fd, chunk);
            chunk = [];
          }
        }
        writeAllSync(fd, chunk);
      }
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, `snapshot-${generation}.bson`));
    fsyncDir(this.dir);
    removeOlderThan(this.dir, generation);
    log(`compacted into snapshot-${generation}.bson`);
  }

  async close(): Promise<void> {
    await this.compaction;
    await this.journal.close();
    this.releaseLock();
  }
}

function loadSnapshot(dir: string, generation: number, catalog: Catalog): void {
  const file = path.join(dir, `snapshot-${generation}.bson`);
  const result = scanFrames(fs.readFileSync(file), (r) => catalog.apply(r.header, r.bodyBytes));
  if (result.damage) {
    throw new Error(`snapshot ${file} is corrupt at offset ${result.damage.offset}; refusing to start (restore it from a backup)`);
  }
}

function replayJournal(file: string, catalog: Catalog, isLast: boolean): void {
  const result = scanFrames(fs.readFileSync(file), (r) => catalog.apply(r.header, r.bodyBytes));
  if (!result.damage) return;
  const { offset, validRecordFollows } = result.damage;
  if (validRecordFollows || !isLast) {
    throw new Error(
      `journal ${file} is corrupt at offset ${offset} and valid records follow; refusing to start ` +
        'instead of silently skipping data (inspect or restore the file)',
    );
  }
  log(`journal ${file}: dropping a torn tail of ${fs.statSync(file).size - offset} bytes at offset ${offset} (interrupted write)`);
  fs.truncateSync(file, offset);
}

function removeOlderThan(dir: string, generation: number): void {
  for (const f of fs.readdirSync(dir)) {
    const g = SNAPSHOT.exec(f)?.[1] ?? JOURNAL.exec(f)?.[1];
    if (g !== undefined && Number(g) < generation) fs.rmSync(path.join(dir, f));
  }
}
