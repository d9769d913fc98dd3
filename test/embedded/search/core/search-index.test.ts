import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, defaultSettings, mergeSettings } from '../../../../src/embedded/search/core/index.js';
import { codeOf } from './meili-error-code.js';

function practices(): SearchIndex {
  const index = new SearchIndex(mergeSettings(defaultSettings(), { filterableAttributes: ['province', 'year'] }), null);
  index.addDocuments(
    [
      { id: 1, title: 'Podcast PPID', province: 'Riau', year: 2021 },
      { id: 2, title: 'Kelompok Informasi Masyarakat', province: 'Aceh', year: 2022 },
      { id: 'three', title: 'Aplikasi SPBE', province: 'Riau', year: 2023, extra: true },
    ],
    'replace',
  );
  return index;
}

describe('SearchIndex documents', () => {
  test('addDocuments – no primary key yet – infers it from the first document', () => {
    const index = practices();
    assert.equal(index.primaryKey, 'id');
    assert.equal(index.numberOfDocuments, 3);
  });

  test('addDocuments – explicit primary key – used instead of inference', () => {
    const index = new SearchIndex(defaultSettings(), null);
    index.addDocuments([{ slug: 'a', refId: 1, otherId: 2 }], 'replace', 'slug');
    assert.equal(index.primaryKey, 'slug');
    assert.deepEqual(index.getDocument('a'), { slug: 'a', refId: 1, otherId: 2 });
  });

  test('addDocuments – one invalid id in the batch – fails whole, nothing written', () => {
    const index = practices();
    assert.equal(codeOf(() => index.addDocuments([{ id: 9, title: 'ok' }, { id: 'bad id', title: 'x' }], 'replace')), 'invalid_document_id');
    assert.equal(index.numberOfDocuments, 3);
    assert.equal(codeOf(() => index.getDocument(9)), 'document_not_found');
  });

  test('addDocuments – document without the primary key – throws missing_document_id', () => {
    assert.equal(codeOf(() => practices().addDocuments([{ title: 'x' }], 'replace')), 'missing_document_id');
  });

  test('addDocuments – replace mode – swaps the whole document, keeps its place', () => {
    const index = practices();
    index.addDocuments([{ id: 1, title: 'Baru' }], 'replace');
    assert.deepEqual(index.getDocument(1), { id: 1, title: 'Baru' });
    assert.deepEqual(index.getDocuments().results.map((d) => d.id), [1, 2, 'three']);
  });

  test('addDocuments – update mode – merges top-level fields', () => {
    const index = practices();
    index.addDocuments([{ id: 1, year: 2030 }], 'update');
    assert.deepEqual(index.getDocument(1), { id: 1, title: 'Podcast PPID', province: 'Riau', year: 2030 });
    assert.equal(index.search({ q: 'podcast', filter: 'year = 2030' }).hits.length, 1);
  });

  test('getDocument – fields – returns only those', () => {
    assert.deepEqual(practices().getDocument('three', ['title']), { title: 'Aplikasi SPBE' });
  });

  test('getDocuments – offset, limit and filter – pages the filtered documents', () => {
    const page = practices().getDocuments({ offset: 1, limit: 1, filter: 'province = riau' });
    assert.deepEqual(page, { results: [{ id: 'three', title: 'Aplikasi SPBE', province: 'Riau', year: 2023, extra: true }], offset: 1, limit: 1, total: 2 });
  });

  test('getDocuments – filter on a non-filterable attribute – throws invalid_document_filter', () => {
    assert.equal(codeOf(() => practices().getDocuments({ filter: 'title = x' })), 'invalid_document_filter');
  });

  test('deleteDocuments – known and unknown ids – deletes the known ones', () => {
    const index = practices();
    assert.equal(index.deleteDocuments([1, 'nope', 'three']), 2);
    assert.deepEqual(index.getDocuments().results.map((d) => d.id), [2]);
    assert.equal(index.search({ q: 'podcast' }).hits.length, 0);
  });

  test('deleteByFilter – filterable attribute – deletes the matching documents', () => {
    const index = practices();
    assert.equal(index.deleteByFilter('province = Riau'), 2);
    assert.equal(index.numberOfDocuments, 1);
  });

  test('deleteByFilter – non-filterable attribute – throws invalid_document_filter', () => {
    assert.equal(codeOf(() => practices().deleteByFilter('title = x')), 'invalid_document_filter');
  });

  test('deleteAll – populated index – empties it and keeps the primary key', () => {
    const index = practices();
    assert.equal(index.deleteAll(), 3);
    assert.equal(index.numberOfDocuments, 0);
    assert.equal(index.primaryKey, 'id');
    assert.equal(index.search({ q: '' }).hits.length, 0);
  });

  test('fieldDistribution – mixed documents – counts each top-level field', () => {
    assert.deepEqual(practices().fieldDistribution(), { id: 3, title: 3, province: 3, year: 3, extra: 1 });
  });

  test('exportState / importState – round trip through JSON – same documents, settings and results', () => {
    const index = practices();
    index.addDocuments([{ id: 1, title: 'Podcast PPID diperbarui' }], 'update');
    const copy = SearchIndex.importState(JSON.parse(JSON.stringify(index.exportState())));
    assert.equal(copy.primaryKey, 'id');
    assert.deepEqual(copy.settings, index.settings);
    assert.deepEqual(copy.getDocuments(), index.getDocuments());
    assert.deepEqual(copy.search({ q: 'diperbarui' }).hits, index.search({ q: 'diperbarui' }).hits);
  });

  test('many replacements – dead slots compacted – documents and order intact', () => {
    const index = new SearchIndex(defaultSettings(), 'id');
    const docs = Array.from({ length: 600 }, (_, i) => ({ id: i, title: `dokumen nomor ${i}` }));
    index.addDocuments(docs, 'replace');
    for (let round = 0; round < 4; round++) index.addDocuments(docs.map((d) => ({ ...d, round })), 'update');
    assert.equal(index.numberOfDocuments, 600);
    assert.ok(index.docs.length < 600 * 3, 'dead slots were compacted');
    assert.deepEqual(index.getDocuments({ limit: 3 }).results, [0, 1, 2].map((i) => ({ id: i, title: `dokumen nomor ${i}`, round: 3 })));
  });

  test('updateSettings – new searchable attributes – search follows them', () => {
    const index = practices();
    assert.equal(index.search({ q: 'riau' }).hits.length, 2);
    index.updateSettings(mergeSettings(index.settings, { searchableAttributes: ['title'] }));
    assert.equal(index.search({ q: 'riau' }).hits.length, 0);
    assert.equal(index.search({ q: 'spbe' }).hits.length, 1);
  });
});
