import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiError, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

type Practice = { id: number; title: string; province: string; year: number; tags: string[] };

const PRACTICES: Practice[] = [
  { id: 1, title: 'Layanan perizinan daring Diskominfo', province: 'Jawa Barat', year: 2021, tags: ['digital', 'perizinan'] },
  { id: 2, title: 'Posyandu keliling desa', province: 'Jawa Tengah', year: 2019, tags: ['kesehatan'] },
  { id: 3, title: 'Sekolah ramah anak', province: 'Jawa Barat', year: 2022, tags: ['pendidikan'] },
  { id: 4, title: 'Perizinan usaha mikro satu pintu', province: 'Bali', year: 2020, tags: ['perizinan', 'umkm'] },
  { id: 5, title: 'Bank sampah sekolah', province: 'Bali', year: 2018, tags: ['lingkungan', 'pendidikan'] },
];

describe('embedded search search routes', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
    const index = t.client.index('practices');
    await index.addDocuments(PRACTICES).waitTask();
    await index.updateSettings({ filterableAttributes: ['province', 'year', 'tags'], sortableAttributes: ['year'], synonyms: { kominfo: ['diskominfo'] }, stopWords: ['yang'] }).waitTask();
  });
  after(async () => {
    await t.close();
  });

  test('search POST – word query – finds matching documents with offset/limit paging fields', async () => {
    const res = await t.client.index('practices').search('perizinan');
    assert.deepEqual(res.hits.map((h) => h.id).sort(), [1, 4]);
    assert.equal(res.query, 'perizinan');
    assert.equal(res.offset, 0);
    assert.equal(res.limit, 20);
    assert.equal(res.estimatedTotalHits, 2);
    assert.equal(typeof res.processingTimeMs, 'number');
  });

  test('search POST – filter, facets and sort – filter narrows, facets count, sort orders', async () => {
    const res = await t.client.index('practices').search('', { filter: ['province = "Jawa Barat" OR province = Bali', 'year >= 2019'], facets: ['province', 'year'], sort: ['year:desc'] });
    assert.deepEqual(res.hits.map((h) => h.id), [3, 1, 4]);
    assert.deepEqual(res.facetDistribution?.province, { Bali: 1, 'Jawa Barat': 2 });
    assert.deepEqual(res.facetStats?.year, { min: 2020, max: 2022 });
  });

  test('search POST – page and hitsPerPage – answers totalHits and totalPages', async () => {
    const res = await t.client.index('practices').search('', { page: 2, hitsPerPage: 2 });
    assert.equal(res.totalHits, 5);
    assert.equal(res.totalPages, 3);
    assert.equal(res.page, 2);
    assert.equal(res.hits.length, 2);
  });

  test('search POST – highlight and synonyms – _formatted marks the synonym match', async () => {
    const res = await t.client.index('practices').search('kominfo', { attributesToHighlight: ['title'], highlightPreTag: '[', highlightPostTag: ']' });
    assert.equal(res.hits[0].id, 1);
    assert.match(String(res.hits[0]._formatted?.title), /\[Diskominfo\]/);
  });

  test('search GET – comma-joined arrays – same hits as the POST form', async () => {
    const get = await t.client.index('practices').searchGet('sekolah', { filter: 'province = Bali', attributesToRetrieve: ['id', 'title'] });
    assert.deepEqual(get.hits, [{ id: 5, title: 'Bank sampah sekolah' }]);
  });

  test('search errors – non-filterable filter, non-sortable sort, missing index – Meilisearch codes', async () => {
    const index = t.client.index('practices');
    assert.equal((await apiError(index.search('', { filter: 'title = x' }))).code, 'invalid_search_filter');
    assert.equal((await apiError(index.search('', { sort: ['title:asc'] }))).code, 'invalid_search_sort');
    assert.equal((await apiError(index.search('', { filter: 'year >' }))).code, 'invalid_search_filter');
    assert.equal((await apiError(t.client.index('ghost').search('x'))).code, 'index_not_found');
  });

  test('multi-search – two queries – results tagged with their indexUid in order', async () => {
    await t.client.index('other').addDocuments([{ id: 1, title: 'Sekolah lain' }]).waitTask();
    const { results } = await t.client.multiSearch({
      queries: [
        { indexUid: 'practices', q: 'sekolah', limit: 1 },
        { indexUid: 'other', q: 'sekolah' },
      ],
    });
    assert.equal(results.length, 2);
    assert.equal(results[0].indexUid, 'practices');
    assert.equal(results[0].hits.length, 1);
    assert.equal(results[1].indexUid, 'other');
    assert.equal(results[1].hits[0].id, 1);
  });

  test('multi-search – one query on a missing index – the error names the query', async () => {
    const err = await apiError(t.client.multiSearch({ queries: [{ indexUid: 'practices', q: 'a' }, { indexUid: 'ghost', q: 'a' }] }));
    assert.equal(err.code, 'index_not_found');
    assert.match(err.message, /queries\[1\]/);
  });

  test('federated multi-search – two queries with weights – one merged hit list with _federation', async () => {
    const res = await t.client.multiSearch({
      federation: { limit: 10 },
      queries: [
        { indexUid: 'practices', q: 'sekolah', federationOptions: { weight: 0.5 } },
        { indexUid: 'other', q: 'sekolah' },
      ],
    });
    assert.equal(res.hits.length, 3);
    const first = res.hits[0] as { _federation: { indexUid: string; queriesPosition: number; weightedRankingScore: number } };
    assert.equal(first._federation.indexUid, 'other');
    assert.equal(first._federation.queriesPosition, 1);
    const scores = res.hits.map((h) => (h as typeof first)._federation.weightedRankingScore);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.equal(res.limit, 10);
  });

  test('federated multi-search – facetsByIndex and mergeFacets – per-index and merged distributions', async () => {
    const queries = [{ indexUid: 'practices', q: 'perizinan' }];
    const byIndex = await t.client.multiSearch({ federation: { facetsByIndex: { practices: ['province'] } }, queries });
    assert.deepEqual(byIndex.facetsByIndex?.practices.distribution, { province: { Bali: 1, 'Jawa Barat': 1 } });
    const merged = await t.client.multiSearch({ federation: { facetsByIndex: { practices: ['year'] }, mergeFacets: {} }, queries });
    assert.deepEqual(merged.facetStats, { year: { min: 2020, max: 2021 } });
  });

  test('facet search – prefix query with a filter – matching facet values with counts', async () => {
    const all = await t.client.index('practices').searchForFacetValues({ facetName: 'tags', facetQuery: 'pe' });
    assert.deepEqual(all.facetHits, [
      { value: 'pendidikan', count: 2 },
      { value: 'perizinan', count: 2 },
    ]);
    const filtered = await t.client.index('practices').searchForFacetValues({ facetName: 'tags', facetQuery: 'pe', filter: 'province = Bali' });
    assert.deepEqual(filtered.facetHits, [
      { value: 'pendidikan', count: 1 },
      { value: 'perizinan', count: 1 },
    ]);
    assert.equal((await apiError(t.client.index('practices').searchForFacetValues({ facetName: 'title' }))).code, 'invalid_facet_search_facet_name');
  });
});
