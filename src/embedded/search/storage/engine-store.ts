/**
 * Opens the data directory: loads the latest snapshot, replays the journal on top of it, and from
 * then on takes a new snapshot (and empties the journal) whenever the journal grows too large.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SearchIndex } from '../core/index.js';
import { Catalog } from '../tasks/catalog.js';
import { defaultChatSettings, mergeChatSettings } from '../tasks/chat-settings.js';
import { TaskQueue, isFinished } from '../tasks/task-queue.js';
import { lockDataDirectory } from '../../data-dir-lock.js';
import { Journal } from './journal.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';

export interface StoreOptions {
  dbPath: string;
  /** Journal size that triggers a snapshot. */
  snapshotThresholdBytes?: number;
  maxTasks?: number;
  log?: (line: string) => void;
}

export interface EngineStore {
  catalog: Catalog;
  queue: TaskQueue;
  /** Writes a snapshot now and empties the journal. Call only when the queue is between batches. */
  snapshot(): void;
  /** Bytes used by the data directory (snapshot + journal + keys). */
  diskUsage(): number;
  /** Finishes queued tasks, snapshots, closes files. */
  close(): Promise<void>;
}

const DEFAULT_THRESHOLD = 128 * 1024 * 1024;

export function openEngineStore(options: StoreOptions): EngineStore {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const snapshotDir = path.join(options.dbPath, 'snapshot');
  const journalFile = path.join(options.dbPath, 'journal.log');
  fs.mkdirSync(options.dbPath, { recursive: true });
  const unlock = lockDataDirectory(options.dbPath, 'LOCK');

  const catalog = new Catalog();
  const snapshot = readSnapshot(snapshotDir);
  for (const entry of snapshot?.indexes ?? []) {
    const chat = mergeChatSettings(defaultChatSettings(), (entry.extra.chat ?? {}) as Record<string, unknown>);
    catalog.indexes.set(entry.uid, { uid: entry.uid, createdAt: entry.createdAt, updatedAt: entry.updatedAt, chat, index: SearchIndex.importState(entry.state) });
  }

  const opened = Journal.open(journalFile);
  if (opened.droppedBytes > 0) log(`search journal: dropped a torn tail of ${opened.droppedBytes} bytes`);
  const threshold = options.snapshotThresholdBytes ?? DEFAULT_THRESHOLD;
  let closing = false;

  const takeSnapshot = (): void => {
    const finished = [...queue.tasks.values()].filter(isFinished);
    writeSnapshot(
      snapshotDir,
      { appliedThroughUid: queue.finishedThroughUid(), nextTaskUid: queue.nextUid, nextBatchUid: queue.nextBatchUid, tasks: finished },
      [...catalog.indexes.values()].map((e) => ({ uid: e.uid, createdAt: e.createdAt, updatedAt: e.updatedAt, extra: { chat: e.chat }, exportState: () => e.index.exportState() })),
    );
    opened.journal.rewrite(queue.pendingRecords());
  };

  const queue: TaskQueue = new TaskQueue(catalog, opened.journal, {
    maxTasks: options.maxTasks ?? 10_000,
    log,
    onBatchDone: () => {
      if (!closing && opened.journal.size > threshold) takeSnapshot();
    },
  });

  if (snapshot) {
    const { meta } = snapshot;
    queue.nextUid = meta.nextTaskUid;
    queue.nextBatchUid = meta.nextBatchUid;
    for (const task of meta.tasks) queue.tasks.set(task.uid, task);
  }
  const inSnapshot = new Set(snapshot?.meta.tasks.map((t) => t.uid) ?? []);
  const applied = snapshot?.meta.appliedThroughUid ?? -1;
  queue.replay(opened.records, (uid) => uid <= applied || inSnapshot.has(uid));

  return {
    catalog,
    queue,
    snapshot: takeSnapshot,
    diskUsage: () => directorySize(options.dbPath),
    async close() {
      closing = true;
      await queue.stop();
      takeSnapshot();
      opened.journal.close();
      unlock();
    },
  };
}

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(full) : fs.statSync(full).size;
  }
  return total;
}
