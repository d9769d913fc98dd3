/**
 * Snapshots: one file per index (SearchIndex.exportState) plus a manifest naming them. The manifest
 * is replaced atomically last, so a crash mid-snapshot leaves the previous snapshot in force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileAtomically, writeFileDurably, fsyncDir } from './journal.js';
import type { Task } from '../tasks/task-model.js';

export interface IndexSnapshot {
  uid: string;
  createdAt: string;
  updatedAt: string;
  state: unknown;
}

export interface SnapshotMeta {
  /** Every task with a uid up to this one is reflected in the snapshot. */
  appliedThroughUid: number;
  nextTaskUid: number;
  nextBatchUid: number;
  tasks: Task[];
}

interface Manifest extends SnapshotMeta {
  generation: number;
  indexes: { uid: string; file: string; createdAt: string; updatedAt: string }[];
}

const MANIFEST = 'manifest.json';

export function writeSnapshot(dir: string, meta: SnapshotMeta, indexes: Iterable<() => IndexSnapshot>): void {
  fs.mkdirSync(dir, { recursive: true });
  const generation = (readManifest(dir)?.generation ?? 0) + 1;
  const entries: Manifest['indexes'] = [];
  let n = 0;
  for (const exportIndex of indexes) {
    const { uid, createdAt, updatedAt, state } = exportIndex();
    const file = `index-${generation}-${n++}.json`;
    writeFileDurably(path.join(dir, file), JSON.stringify(state));
    entries.push({ uid, file, createdAt, updatedAt });
  }
  fsyncDir(dir);
  const manifest: Manifest = { ...meta, generation, indexes: entries };
  replaceFileAtomically(path.join(dir, MANIFEST), JSON.stringify(manifest));
  const keep = new Set([MANIFEST, ...entries.map((e) => e.file)]);
  for (const file of fs.readdirSync(dir)) if (!keep.has(file)) fs.rmSync(path.join(dir, file), { force: true });
}

export function readSnapshot(dir: string): { meta: SnapshotMeta; indexes: IndexSnapshot[] } | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const indexes = manifest.indexes.map(({ uid, file, createdAt, updatedAt }) => ({
    uid,
    createdAt,
    updatedAt,
    state: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown,
  }));
  const { appliedThroughUid, nextTaskUid, nextBatchUid, tasks } = manifest;
  return { meta: { appliedThroughUid, nextTaskUid, nextBatchUid, tasks }, indexes };
}

function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}
