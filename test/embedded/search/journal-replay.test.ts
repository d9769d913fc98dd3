import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Journal } from '../../../src/embedded/search/storage/journal.js';
import { openEngineStore } from '../../../src/embedded/search/storage/engine-store.js';
import type { JournalRecord } from '../../../src/embedded/search/tasks/task-queue.js';
import type { Task } from '../../../src/embedded/search/tasks/task-model.js';
import { makeTempDir } from './helpers.js';

function enqueuedTask(uid: number, indexUid: string): Task {
  return {
    uid,
    batchUid: null,
    indexUid,
    status: 'enqueued',
    type: 'documentAdditionOrUpdate',
    canceledBy: null,
    details: { receivedDocuments: 2, indexedDocuments: null },
    error: null,
    duration: null,
    enqueuedAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
  };
}

describe('embedded search journal and replay', () => {
  const dirs: string[] = [];
  /**
   * What a restarted engine finds after a crash: a copy of the data directory as it is on disk now
   * (the store stays open, so no clean close writes a snapshot; its lock is its own).
   */
  const crashImage = async (dbPath: string): Promise<string> => {
    const copy = await makeTempDir();
    dirs.push(copy);
    await fs.cp(dbPath, copy, { recursive: true });
    return copy;
  };
  after(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  test('journal – records then a torn and a corrupted tail – intact records read back, the rest cut off', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'journal.log');
    const first = Journal.open(file).journal;
    first.append({ n: 1 });
    first.append({ n: 2 });
    await first.sync();
    first.close();
    const intactSize = (await fs.stat(file)).size;
    await fs.appendFile(file, Buffer.from([5, 0, 0, 0, 0, 0, 0, 0, 123]));
    const reopened = Journal.open(file);
    assert.deepEqual(reopened.records, [{ n: 1 }, { n: 2 }]);
    assert.equal(reopened.droppedBytes, 9);
    assert.equal((await fs.stat(file)).size, intactSize);
    reopened.journal.close();

    // Flip one byte inside the second record's body: its CRC no longer matches.
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 2] ^= 0xff;
    await fs.writeFile(file, bytes);
    const checked = Journal.open(file);
    assert.deepEqual(checked.records, [{ n: 1 }]);
    checked.journal.close();
  });

  test('replay – a task journaled as enqueued but never finished – runs again on open', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const { journal } = Journal.open(path.join(dbPath, 'journal.log'));
    const record: JournalRecord = {
      t: 'enq',
      task: enqueuedTask(0, 'pending_idx'),
      payload: { kind: 'addDocuments', documents: [{ id: 1, t: 'a' }, { id: 2, t: 'b' }], mode: 'replace' },
    };
    journal.append(record);
    journal.close();

    const store = openEngineStore({ dbPath, log: () => undefined });
    await store.queue.drain();
    assert.equal(store.queue.get(0)?.status, 'succeeded');
    assert.equal(store.catalog.get('pending_idx').index.numberOfDocuments, 2);
    const next = store.queue.enqueue('pending_idx', 'indexDeletion', { deletedDocuments: null }, { kind: 'deleteIndex' });
    assert.equal(next.uid, 1);
    await store.close();

    const reopened = openEngineStore({ dbPath, log: () => undefined });
    assert.equal(reopened.queue.get(1)?.status, 'succeeded');
    assert.equal(reopened.catalog.indexes.has('pending_idx'), false);
    await reopened.close();
  });

  test('replay – a failed task in the journal – is listed as failed and changes nothing', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const store = openEngineStore({ dbPath, log: () => undefined });
    store.queue.enqueue('nope', 'indexDeletion', { deletedDocuments: null }, { kind: 'deleteIndex' });
    store.queue.enqueue('made', 'indexCreation', { primaryKey: null }, { kind: 'createIndex', primaryKey: null });
    await store.queue.drain();
    // No clean close: the next open must rebuild from the journal alone.
    const reopened = openEngineStore({ dbPath: await crashImage(dbPath), log: () => undefined });
    assert.equal(reopened.queue.get(0)?.error?.code, 'index_not_found');
    assert.deepEqual([...reopened.catalog.indexes.keys()], ['made']);
    await reopened.close();
    await store.close();
  });

  test('task queue – cancelation enqueued behind waiting tasks – runs first, cancels them, and replays so', async () => {
    const dbPath = await makeTempDir();
    dirs.push(dbPath);
    const store = openEngineStore({ dbPath, log: () => undefined });
    const { queue } = store;
    const kept = queue.enqueue('kept', 'indexCreation', { primaryKey: null }, { kind: 'createIndex', primaryKey: null });
    const dropped = queue.enqueue('dropped', 'indexCreation', { primaryKey: null }, { kind: 'createIndex', primaryKey: null });
    const cancel = queue.enqueue(null, 'taskCancelation', { matchedTasks: 1, canceledTasks: null, originalFilter: '?uids=1' }, { kind: 'cancelTasks', filter: { uids: [dropped.uid] }, query: 'uids=1' });
    await queue.drain();
    assert.equal(queue.get(cancel.uid)?.details?.canceledTasks, 1);
    assert.equal(queue.get(dropped.uid)?.status, 'canceled');
    assert.equal(queue.get(dropped.uid)?.canceledBy, cancel.uid);
    assert.equal(queue.get(kept.uid)?.status, 'succeeded');
    assert.deepEqual([...store.catalog.indexes.keys()], ['kept']);

    const replayed = openEngineStore({ dbPath: await crashImage(dbPath), log: () => undefined });
    assert.equal(replayed.queue.get(dropped.uid)?.status, 'canceled');
    assert.deepEqual([...replayed.catalog.indexes.keys()], ['kept']);
    await replayed.close();
    await store.close();
  });
});
