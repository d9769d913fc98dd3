import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MASTER_KEY, apiError, rawRequest, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

type Book = { id: number; title: string; genre?: string; year?: number };

const BOOKS: Book[] = [
  { id: 1, title: 'Laskar Pelangi', genre: 'novel', year: 2005 },
  { id: 2, title: 'Bumi Manusia', genre: 'novel', year: 1980 },
  { id: 3, title: 'Sejarah Nusantara', genre: 'history', year: 2010 },
  { id: 4, title: 'Resep Masakan', genre: 'cooking', year: 2018 },
];

describe('embedded search document routes', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t.close();
  });

  test('add documents – unknown index without primary key – creates the index and infers `id`', async () => {
    const task = await t.client.index('books').addDocuments(BOOKS).waitTask();
    assert.equal(task.status, 'succeeded');
    assert.equal(task.type, 'documentAdditionOrUpdate');
    assert.deepEqual(task.details, { receivedDocuments: 4, indexedDocuments: 4 });
    assert.equal((await t.client.getIndex('books')).primaryKey, 'id');
  });

  test('add documents – primaryKey query parameter – sets the key on a new index', async () => {
    await t.client.index('pk').addDocuments([{ code: 'a1', ref_id: 9, name: 'x' }], { primaryKey: 'code' }).waitTask();
    assert.equal((await t.client.getIndex('pk')).primaryKey, 'code');
  });

  test('add documents – ambiguous or invalid ids – fail with the inference and invalid_document_id errors', async () => {
    const ambiguous = await t.client.index('amb').addDocuments([{ id: 1, user_id: 2 }]).waitTask();
    assert.equal(ambiguous.status, 'failed');
    assert.equal(ambiguous.error?.code, 'index_primary_key_multiple_candidates_found');
    const invalid = await t.client.index('books').addDocuments([{ id: 'not valid!', title: 'x' }]).waitTask();
    assert.equal(invalid.error?.code, 'invalid_document_id');
    assert.equal((await t.client.index('books').getStats()).numberOfDocuments, 4);
  });

  test('get documents – offset, limit and fields – pages in insertion order with the total', async () => {
    const page = await t.client.index('books').getDocuments<Book>({ offset: 1, limit: 2, fields: ['id', 'title'] });
    assert.equal(page.total, 4);
    assert.deepEqual(page.results, [{ id: 2, title: 'Bumi Manusia' }, { id: 3, title: 'Sejarah Nusantara' }]);
  });

  test('fetch documents – filter on a filterable attribute – POST /documents/fetch narrows them', async () => {
    await t.client.index('books').updateFilterableAttributes(['genre', 'year']).waitTask();
    const res = await t.client.index('books').getDocuments<Book>({ filter: 'genre = novel AND year > 1990' });
    assert.deepEqual(res.results.map((b) => b.id), [1]);
    const err = await apiError(t.client.index('books').getDocuments({ filter: 'title = x' }));
    assert.equal(err.code, 'invalid_document_filter');
  });

  test('get document – by id with fields, and a missing id – returns it, then 404 document_not_found', async () => {
    const doc = await t.client.index('books').getDocument(3, { fields: ['title'] });
    assert.deepEqual(doc, { title: 'Sejarah Nusantara' });
    assert.equal((await apiError(t.client.index('books').getDocument(42))).code, 'document_not_found');
    assert.equal((await apiError(t.client.index('nowhere').getDocument(1))).code, 'index_not_found');
  });

  test('update documents – PUT – merges fields while POST replaces the document', async () => {
    await t.client.index('books').updateDocuments([{ id: 4, year: 2019 }]).waitTask();
    assert.deepEqual(await t.client.index('books').getDocument(4), { id: 4, title: 'Resep Masakan', genre: 'cooking', year: 2019 });
    await t.client.index('books').addDocuments([{ id: 4, title: 'Resep Baru' }]).waitTask();
    assert.deepEqual(await t.client.index('books').getDocument(4), { id: 4, title: 'Resep Baru' });
  });

  test('delete document – one id – documentDeletion task removes it', async () => {
    const task = await t.client.index('books').deleteDocument(4).waitTask();
    assert.equal(task.type, 'documentDeletion');
    assert.equal((task.details as { deletedDocuments: number }).deletedDocuments, 1);
    assert.equal((await t.client.index('books').getStats()).numberOfDocuments, 3);
  });

  test('delete documents – batch of ids and by filter – remove the matching documents', async () => {
    await t.client.index('books').addDocuments(BOOKS).waitTask();
    const batch = await t.client.index('books').deleteDocuments([1, 2, 99]).waitTask();
    assert.deepEqual(batch.details, { providedIds: 3, deletedDocuments: 2, originalFilter: null });
    const byFilter = await t.client.index('books').deleteDocuments({ filter: 'genre = history' }).waitTask();
    assert.equal((byFilter.details as { deletedDocuments: number }).deletedDocuments, 1);
    const left = await t.client.index('books').getDocuments<Book>();
    assert.deepEqual(left.results.map((b) => b.id), [4]);
  });

  test('delete documents – filter on a non-filterable attribute – the task fails', async () => {
    const task = await t.client.index('books').deleteDocuments({ filter: 'title = x' }).waitTask();
    assert.equal(task.status, 'failed');
    assert.equal(task.error?.code, 'invalid_document_filter');
  });

  test('delete all documents – DELETE /documents – empties the index and keeps it', async () => {
    const task = await t.client.index('books').deleteAllDocuments().waitTask();
    assert.equal(task.status, 'succeeded');
    assert.equal((await t.client.index('books').getStats()).numberOfDocuments, 0);
    assert.equal((await t.client.getIndex('books')).uid, 'books');
  });

  test('add documents – NDJSON and CSV bodies – are parsed with typed CSV columns', async () => {
    const ndjson = await t.client.index('fmt').addDocumentsFromString('{"id":1,"t":"a"}\n{"id":2,"t":"b"}\n', 'application/x-ndjson').waitTask();
    assert.equal(ndjson.status, 'succeeded');
    await t.client.index('fmt').addDocumentsFromString('id,t,n:number\n3,"c, quoted",7\n', 'text/csv').waitTask();
    assert.deepEqual(await t.client.index('fmt').getDocument(3), { id: '3', t: 'c, quoted', n: 7 });
    assert.equal((await t.client.index('fmt').getStats()).numberOfDocuments, 3);
  });

  test('add documents – empty body – 400 missing_payload', async () => {
    const res = await rawRequest(t.engine.url, {
      method: 'POST',
      path: '/indexes/fmt/documents',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: '',
    });
    assert.equal(res.status, 400);
    assert.equal((res.body as { code: string }).code, 'missing_payload');
  });

  test('get documents – sort on sortable attributes – ordered, and a non-sortable attribute is refused', async () => {
    await t.client.index('sorted').addDocuments(BOOKS).waitTask();
    await t.client.index('sorted').updateSortableAttributes(['year']).waitTask();
    const res = await t.client.index('sorted').getDocuments<Book>({ sort: ['year:desc'], fields: ['id'] });
    assert.deepEqual(res.results.map((b) => b.id), [4, 3, 1, 2]);
    assert.equal(res.total, 4);
    assert.equal((await apiError(t.client.index('sorted').getDocuments({ sort: ['title:asc'] }))).code, 'invalid_document_sort');
  });

  test('add documents – skipCreation and customMetadata – only existing ids change and the task carries the metadata', async () => {
    const task = await t.client.index('sorted').addDocuments([{ id: 1, title: 'Ganti' }, { id: 99, title: 'Baru' }], { skipCreation: true, customMetadata: 'batch-7' }).waitTask();
    assert.equal(task.customMetadata, 'batch-7');
    assert.equal((await t.client.index('sorted').getDocument(1)).title, 'Ganti');
    assert.equal((await apiError(t.client.index('sorted').getDocument(99))).code, 'document_not_found');
  });

  test('get documents – retrieveVectors – each document carries an empty _vectors', async () => {
    const res = await t.client.index('sorted').getDocuments({ retrieveVectors: true, limit: 1 });
    assert.deepEqual(res.results[0]._vectors, {});
  });
});
