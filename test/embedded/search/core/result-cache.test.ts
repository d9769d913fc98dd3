/**
 * The result cache of an index: a search asked again is kept and then answered from it, one asked
 * once is not kept, and every kind of write
 * (documents added, replaced, updated, deleted, deleted by filter, all cleared, settings changed)
 * makes the next search see the new state.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, defaultSettings, mergeSettings, validateSettingsPatch } from '../../../../src/embedded/search/core/index.js';
import { ASKED_ONCE_KEYS, RESULT_CACHE_HITS } from '../../../../src/embedded/search/core/result-cache.js';

function podcastIndex(): SearchIndex {
  const index = new SearchIndex(mergeSettings(defaultSettings(), validateSettingsPatch('all', { filterableAttributes: ['year'] })), 'id');
  index.addDocuments([
    { id: 1, title: 'podcast humas mingguan', year: 2021 },
    { id: 2, title: 'siaran radio desa', year: 2022 },
  ], 'replace');
  return index;
}

const ids = (index: SearchIndex, params: Record<string, unknown>): unknown[] => index.search(params).hits.map((h) => h.id);

describe('search result cache', () => {
  test('the same search three times – kept at the second, the third answer is the cached one, equal but for processingTimeMs 0', () => {
    const index = podcastIndex();
    const first = index.search({ q: 'podcast', facets: ['year'] });
    const second = index.search({ q: 'podcast', facets: ['year'] });
    assert.notEqual(second.hits, first.hits, 'asked once: not kept');
    const third = index.search({ q: 'podcast', facets: ['year'] });
    assert.equal(third.hits, second.hits, 'served from the cache');
    assert.deepEqual({ ...third, processingTimeMs: 0 }, { ...first, processingTimeMs: 0 });
    assert.equal(third.processingTimeMs, 0);
    index.search({ q: 'podcast', facets: ['year'], page: 1 });
    assert.notEqual(index.search({ q: 'podcast', facets: ['year'], page: 1 }).hits, third.hits, 'other parameters are another entry');
  });

  test('searches asked once – never kept, so they push nothing out', () => {
    const index = podcastIndex();
    index.search({ q: 'podcast' });
    const kept = index.search({ q: 'podcast' });
    for (let i = 0; i < RESULT_CACHE_HITS * 2; i++) index.search({ q: `sekali${i}` });
    assert.equal(index.search({ q: 'podcast' }).hits, kept.hits);
  });

  test('a search asked once long ago – forgotten, its next time counts as its first', () => {
    const index = podcastIndex();
    index.search({ q: 'siaran' });
    for (let i = 0; i < ASKED_ONCE_KEYS; i++) index.search({ q: `sekali${i}` });
    const again = index.search({ q: 'siaran' });
    assert.notEqual(index.search({ q: 'siaran' }).hits, again.hits, 'remembered anew, not kept yet');
  });

  test('every kind of write – the next search sees it', () => {
    const index = podcastIndex();
    const q = { q: 'podcast', facets: ['year'] };
    assert.deepEqual(ids(index, q), [1]);
    index.addDocuments([{ id: 3, title: 'podcast warga', year: 2023 }], 'replace');
    assert.deepEqual(ids(index, q), [1, 3], 'added');
    index.addDocuments([{ id: 3, title: 'radio warga' }], 'replace');
    assert.deepEqual(ids(index, q), [1], 'replaced');
    index.addDocuments([{ id: 2, title: 'podcast desa' }], 'update');
    assert.deepEqual(ids(index, q), [1, 2], 'updated');
    assert.deepEqual(index.search(q).facetDistribution, { year: { '2021': 1, '2022': 1 } });
    index.deleteDocuments([1]);
    assert.deepEqual(ids(index, q), [2], 'deleted');
    index.deleteByFilter('year = 2022');
    assert.deepEqual(ids(index, q), [], 'deleted by filter');
    index.addDocuments([{ id: 4, title: 'podcast pemuda' }], 'replace');
    assert.deepEqual(ids(index, q), [4]);
    index.updateSettings(mergeSettings(index.settings, validateSettingsPatch('all', { searchableAttributes: ['year'] })));
    assert.deepEqual(ids(index, q), [], 'settings changed');
    index.deleteAll();
    assert.deepEqual(ids(index, { q: '' }), [], 'cleared');
  });

  test('the same settings applied again – nothing rebuilt, the cached answer still served', () => {
    const index = podcastIndex();
    index.search({ q: 'podcast' });
    const first = index.search({ q: 'podcast' });
    index.updateSettings(mergeSettings(index.settings, validateSettingsPatch('all', { filterableAttributes: ['year'] })));
    assert.equal(index.search({ q: 'podcast' }).hits, first.hits);
  });

  test('showPerformanceDetails – never cached, the timings are measured every time', () => {
    const index = podcastIndex();
    const first = index.search({ q: 'podcast', showPerformanceDetails: true });
    const second = index.search({ q: 'podcast', showPerformanceDetails: true });
    assert.notEqual(second.hits, first.hits);
    assert.ok(second.performanceDetails);
  });

  test('bounds – the least recently used entry leaves first; answers count by their hits', () => {
    const index = podcastIndex();
    /** A search asked twice: kept, its response returned. */
    const keep = (target: SearchIndex, params: Record<string, unknown>) => (target.search(params), target.search(params));
    // One hit: size 2. Each search without hits: size 1.
    const kept = keep(index, { q: 'podcast', limit: 1 });
    for (let i = 0; i < RESULT_CACHE_HITS - 2; i++) keep(index, { q: `kata${i}` });
    assert.equal(index.search({ q: 'podcast', limit: 1 }).hits, kept.hits, 'still cached, now the most recent');
    keep(index, { q: 'tambahan' });
    assert.equal(index.search({ q: 'podcast', limit: 1 }).hits, kept.hits, 'an older entry left instead');
    for (let i = 0; i < RESULT_CACHE_HITS; i++) keep(index, { q: `lain${i}` });
    assert.notEqual(index.search({ q: 'podcast', limit: 1 }).hits, kept.hits, 'evicted after enough newer searches');

    const many = new SearchIndex(defaultSettings(), 'id');
    many.addDocuments([{ id: 'p', title: 'podcast' }, ...Array.from({ length: 1000 }, (_, id) => ({ id, title: 'kunjungan' }))], 'replace');
    const small = keep(many, { q: 'podcast' });
    const large = keep(many, { q: 'kunjungan', limit: 1000 });
    assert.equal(large.hits.length, 1000);
    assert.equal(many.search({ q: 'kunjungan', limit: 1000 }).hits, large.hits, 'room left for both');
    keep(many, { q: 'kunjungan', limit: 999 });
    assert.notEqual(many.search({ q: 'podcast' }).hits, small.hits, 'two large answers pushed the small one out');
  });
});
