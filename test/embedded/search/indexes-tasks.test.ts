import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MASTER_KEY, apiError, bearer, rawRequest, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

describe('embedded search indexes and tasks', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t.close();
  });

  test('index creation – with a primary key – 202 summarized task then the index exists', async () => {
    const enqueued = await t.client.createIndex('movies', { primaryKey: 'movie_id' });
    assert.equal(enqueued.status, 'enqueued');
    assert.equal(enqueued.type, 'indexCreation');
    assert.equal(enqueued.indexUid, 'movies');
    assert.equal(typeof enqueued.taskUid, 'number');
    const task = await t.client.tasks.waitForTask(enqueued.taskUid);
    assert.equal(task.status, 'succeeded');
    assert.deepEqual(task.details, { primaryKey: 'movie_id' });
    assert.match(task.duration ?? '', /^PT\d+(\.\d+)?S$/);
    assert.equal(typeof task.batchUid, 'number');
    const index = await t.client.getIndex('movies');
    assert.equal(index.primaryKey, 'movie_id');
    assert.ok(index.createdAt instanceof Date);
  });

  test('index creation – uid already taken – the task fails with index_already_exists', async () => {
    await t.client.createIndex('dup').waitTask();
    const task = await t.client.createIndex('dup').waitTask();
    assert.equal(task.status, 'failed');
    assert.equal(task.error?.code, 'index_already_exists');
    assert.equal(task.error?.type, 'invalid_request');
    assert.match(task.error?.link ?? '', /index_already_exists/);
  });

  test('index creation – invalid uid – synchronous 400 invalid_index_uid', async () => {
    assert.equal((await apiError(t.client.createIndex('bad uid!'))).code, 'invalid_index_uid');
  });

  test('index get – missing index – synchronous 404 index_not_found', async () => {
    const err = await apiError(t.client.getIndex('ghost'));
    assert.equal(err.code, 'index_not_found');
    assert.equal(err.message, 'Index `ghost` not found.');
  });

  test('index list – offset and limit – pages the sorted indexes with the total', async () => {
    for (const uid of ['list_a', 'list_b', 'list_c']) await t.client.createIndex(uid).waitTask();
    const all = await t.client.getRawIndexes({ limit: 100 });
    const uids = all.results.map((i) => i.uid);
    assert.deepEqual(uids, [...uids].sort());
    const page = await t.client.getRawIndexes({ offset: 1, limit: 1 });
    assert.equal(page.results.length, 1);
    assert.equal(page.results[0].uid, uids[1]);
    assert.equal(page.total, all.total);
  });

  test('index update – new primary key on an empty index – is applied', async () => {
    await t.client.createIndex('upd').waitTask();
    const task = await t.client.updateIndex('upd', { primaryKey: 'key' }).waitTask();
    assert.equal(task.status, 'succeeded');
    assert.equal((await t.client.getIndex('upd')).primaryKey, 'key');
  });

  test('index update and delete – missing index – the tasks fail with index_not_found', async () => {
    const update = await t.client.updateIndex('ghost2', { primaryKey: 'id' }).waitTask();
    assert.equal(update.error?.code, 'index_not_found');
    const del = await t.client.deleteIndex('ghost2').waitTask();
    assert.equal(del.status, 'failed');
    assert.equal(del.error?.code, 'index_not_found');
  });

  test('index delete – existing index – gone afterwards with deletedDocuments', async () => {
    await t.client.index('del').addDocuments([{ id: 1 }, { id: 2 }]).waitTask();
    const task = await t.client.deleteIndex('del').waitTask();
    assert.equal(task.type, 'indexDeletion');
    assert.deepEqual(task.details, { deletedDocuments: 2 });
    assert.equal((await apiError(t.client.getIndex('del'))).code, 'index_not_found');
  });

  test('swap indexes – two filled indexes – exchange their documents', async () => {
    await t.client.index('live').addDocuments([{ id: 1, v: 'old' }]).waitTask();
    await t.client.index('live_tmp').addDocuments([{ id: 1, v: 'new' }, { id: 2, v: 'new' }]).waitTask();
    const task = await t.client.swapIndexes([{ indexes: ['live', 'live_tmp'], rename: false }]).waitTask();
    assert.equal(task.type, 'indexSwap');
    assert.equal(task.status, 'succeeded');
    assert.equal((await t.client.index('live').getStats()).numberOfDocuments, 2);
    assert.equal(((await t.client.index('live_tmp').getDocument(1)) as { v: string }).v, 'old');
  });

  test('swap indexes – missing index or duplicate – failed task index_not_found and 400 duplicate', async () => {
    const task = await t.client.swapIndexes([{ indexes: ['live', 'nowhere'], rename: false }]).waitTask();
    assert.equal(task.error?.code, 'index_not_found');
    const dup = await apiError(t.client.swapIndexes([{ indexes: ['live', 'live'], rename: false }]));
    assert.equal(dup.code, 'invalid_swap_duplicate_index_found');
  });

  test('tasks list – filters – statuses, types, indexUids and uids narrow the results', async () => {
    await t.client.index('tl').addDocuments([{ id: 1 }]).waitTask();
    const failed = await t.client.tasks.getTasks({ statuses: ['failed'] });
    assert.ok(failed.results.length >= 1);
    assert.ok(failed.results.every((task) => task.status === 'failed'));
    const byType = await t.client.tasks.getTasks({ types: ['documentAdditionOrUpdate'], indexUids: ['tl'] });
    assert.equal(byType.results.length, 1);
    assert.equal(byType.results[0].indexUid, 'tl');
    const one = await t.client.tasks.getTasks({ uids: [byType.results[0].uid] });
    assert.equal(one.total, 1);
  });

  test('tasks list – limit and from – newest first with next pointing at the following page', async () => {
    const first = await t.client.tasks.getTasks({ limit: 2 });
    assert.equal(first.results.length, 2);
    assert.ok(first.results[0].uid > first.results[1].uid);
    assert.equal(first.limit, 2);
    assert.equal(first.from, first.results[0].uid);
    assert.equal(typeof first.next, 'number');
    const second = await t.client.tasks.getTasks({ limit: 2, from: first.next as number });
    assert.equal(second.results[0].uid, first.next);
  });

  test('tasks – unknown uid and bad filter – 404 task_not_found and 400 invalid_task_statuses', async () => {
    assert.equal((await apiError(t.client.tasks.getTask(999999))).code, 'task_not_found');
    const res = await rawRequest(t.engine.url, { path: '/tasks?statuses=nonsense', headers: bearer(MASTER_KEY) });
    assert.equal(res.status, 400);
    assert.equal((res.body as { code: string }).code, 'invalid_task_statuses');
  });

  test('task deletion – finished tasks matched by uid – removed from the list', async () => {
    const created = await t.client.createIndex('to_forget').waitTask();
    const deletion = await t.client.tasks.deleteTasks({ uids: [created.uid] }).waitTask();
    assert.equal(deletion.type, 'taskDeletion');
    assert.equal((deletion.details as { deletedTasks: number }).deletedTasks, 1);
    assert.equal((await apiError(t.client.tasks.getTask(created.uid))).code, 'task_not_found');
    const noFilter = await rawRequest(t.engine.url, { method: 'DELETE', path: '/tasks', headers: bearer(MASTER_KEY) });
    assert.equal((noFilter.body as { code: string }).code, 'missing_task_filters');
  });

  test('task cancelation – nothing enqueued – succeeds with zero canceled tasks', async () => {
    const task = await t.client.tasks.cancelTasks({ statuses: ['enqueued'], indexUids: ['nothing_here'] }).waitTask();
    assert.equal(task.type, 'taskCancelation');
    assert.equal((task.details as { canceledTasks: number }).canceledTasks, 0);
  });

  test('index rename – PATCH with a new uid and swap with rename – the index moves to the new uid', async () => {
    await t.client.index('old_name').addDocuments([{ id: 1 }]).waitTask();
    const renamed = await t.client.updateIndex('old_name', { uid: 'new_name' } as never).waitTask();
    assert.equal(renamed.status, 'succeeded');
    assert.equal((await apiError(t.client.getIndex('old_name'))).code, 'index_not_found');
    await t.client.swapIndexes([{ indexes: ['new_name', 'newest_name'], rename: true }]).waitTask();
    assert.equal((await t.client.index('newest_name').getStats()).numberOfDocuments, 1);
  });

  test('batches – after tasks ran – list and get report the tasks grouped by batchUid', async () => {
    const task = await t.client.index('batched').addDocuments([{ id: 1 }]).waitTask();
    const batch = await t.client.batches.getBatch(task.batchUid as number);
    assert.equal(batch.uid, task.batchUid);
    assert.ok(batch.stats.totalNbTasks >= 1);
    const list = await t.client.batches.getBatches({ limit: 1 });
    assert.equal(list.results.length, 1);
  });

  test('experimental features – patch one flag – reported back by get', async () => {
    const updated = await t.client.updateExperimentalFeatures({ containsFilter: true });
    assert.equal(updated.containsFilter, true);
    assert.equal((await t.client.getExperimentalFeatures()).containsFilter, true);
  });

  test('task documents – a recent document addition – GET /tasks/:uid/documents returns them as NDJSON', async () => {
    const task = await t.client.index('task_docs').addDocuments([{ id: 1, t: 'a' }, { id: 2, t: 'b' }]).waitTask();
    const docs = await t.client.tasks.getTaskDocuments<{ id: number }>(task.uid);
    assert.deepEqual(docs.map((d) => d.id), [1, 2]);
    assert.equal((await apiError(t.client.tasks.getTaskDocuments(987654))).code, 'task_not_found');
  });

  test('concurrent writes – 40 additions and searches in parallel – all tasks succeed in uid order', async () => {
    const index = t.client.index('parallel');
    const writes = Array.from({ length: 40 }, (_, i) => index.addDocuments([{ id: i, title: `dokumen ${i}` }]));
    const searches = Array.from({ length: 20 }, () => index.search('dokumen').catch(() => null));
    const enqueued = await Promise.all(writes);
    await Promise.all(searches);
    const uids = enqueued.map((task) => task.taskUid);
    assert.equal(new Set(uids).size, 40);
    const done = await t.client.tasks.waitForTasks(uids);
    assert.ok(done.every((task) => task.status === 'succeeded'));
    const byUid = [...done].sort((a, b) => a.uid - b.uid);
    const started = byUid.map((task) => Date.parse(task.startedAt as string));
    assert.deepEqual(started, [...started].sort((a, b) => a - b), 'tasks start in uid order');
    assert.equal((await index.getStats()).numberOfDocuments, 40);
  });
});
