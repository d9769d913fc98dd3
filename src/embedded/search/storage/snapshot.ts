/**
 * Snapshots: one file per index (SearchIndex.exportState) plus a manifest naming them. The manifest
 * is replaced atomically last, so a crash mid-snapshot leaves the previous snapshot in force.
 * Index files are NDJSON — a header line (settings, primary key) then one document per line — so
 * no single string has to hold a whole index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileAtomically, fsyncDir } from './journal.js';
import type { IndexState } from '../core/index.js';
import type { Task } from '../tasks/task-model.js';

export interface IndexSnapshot {
  uid: string;
  createdAt: string;
  updatedAt: string;
  /** Index data the core does not hold (the chat setting). */
  extra: Record<string, unknown>;
  state: IndexState;
}

const CHUNK = 4 * 1024 * 1024;

function writeIndexFile(file: string, state: IndexState): void {
  const fd = fs.openSync(file, 'w');
  try {
    const { documents, ...header } = state;
    let pending = `${JSON.stringify(header)}\n`;
    for (const doc of documents) {
      pending += `${JSON.stringify(doc)}\n`;
      if (pending.length >= CHUNK) {
        fs.writeSync(fd, pending);
        pending = '';
      }
    }
    fs.writeSync(fd, pending);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readIndexFile(file: string): IndexState {
  const data = fs.readFileSync(file);
  const lines: unknown[] = [];
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf(0x0a, start);
    if (end < 0) end = data.length;
    if (end > start) lines.push(JSON.parse(data.toString('utf8', start, end)));
    start = end + 1;
  }
  const [header, ...documents] = lines as [Omit<IndexState, 'documents'>, ...IndexState['documents']];
  return { ...header, documents };
}

export interface SnapshotMeta {
  /** Every task with a uid up to this one is reflected in the snapshot (later finished ones are listed in `tasks`). */
  appliedThroughUid: number;
  nextTaskUid: number;
  nextBatchUid: number;
  tasks: Task[];
}

interface Manifest extends SnapshotMeta {
  generation: number;
  indexes: { uid: string; file: string; createdAt: string; updatedAt: string; extra?: Record<string, unknown> }[];
}

const MANIFEST = 'manifest.json';

/** One index to snapshot: its metadata, and its data, exported only when it changed since the last snapshot. */
export interface IndexToSnapshot {
  uid: string;
  createdAt: string;
  updatedAt: string;
  extra: Record<string, unknown>;
  exportState: () => IndexState;
}

export function writeSnapshot(dir: string, meta: SnapshotMeta, indexes: IndexToSnapshot[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir);
  const generation = (previous?.generation ?? 0) + 1;
  const entries: Manifest['indexes'] = [];
  indexes.forEach(({ uid, createdAt, updatedAt, extra, exportState }, n) => {
    // Every change to an index moves its updatedAt: an index file with the same uid and date is still exact.
    const unchanged = previous?.indexes.find((e) => e.uid === uid && e.createdAt === createdAt && e.updatedAt === updatedAt);
    let file = unchanged?.file;
    if (file === undefined || !fs.existsSync(path.join(dir, file))) {
      file = `index-${generation}-${n}.ndjson`;
      writeIndexFile(path.join(dir, file), exportState());
    }
    entries.push({ uid, file, createdAt, updatedAt, extra });
  });
  fsyncDir(dir);
  const manifest: Manifest = { ...meta, generation, indexes: entries };
  replaceFileAtomically(path.join(dir, MANIFEST), JSON.stringify(manifest));
  const keep = new Set([MANIFEST, ...entries.map((e) => e.file)]);
  for (const file of fs.readdirSync(dir)) if (!keep.has(file)) fs.rmSync(path.join(dir, file), { force: true });
}

export function readSnapshot(dir: string): { meta: SnapshotMeta; indexes: IndexSnapshot[] } | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const indexes = manifest.indexes.map(({ uid, file, createdAt, updatedAt, extra }) => ({
    uid,
    createdAt,
    updatedAt,
    extra: extra ?? {},
    state: readIndexFile(path.join(dir, file)),
  }));
  const { appliedThroughUid, nextTaskUid, nextBatchUid, tasks } = manifest;
  return { meta: { appliedThroughUid, nextTaskUid, nextBatchUid, tasks }, indexes };
}

function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}
