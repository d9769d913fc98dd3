import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MeiliError } from '../../../../src/embedded/search/errors.js';
import { SearchIndex, defaultSettings, mergeSettings, validateSettingsPatch } from '../../../../src/embedded/search/core/index.js';

const docs = [
  { id: 1, title: 'Podcast PPID Riau', province: 'Riau', year: 2021, tags: ['ppid', 'media'], views: 10 },
  { id: 2, title: 'Podcast KIM Aceh', province: 'Aceh', year: 2023, tags: ['kim'], views: 5 },
  { id: 3, title: 'Portal SPBE Riau', province: 'Riau', year: 2022, tags: ['spbe', 'media'], views: 7 },
  { id: 4, title: 'Podcast kesehatan Bali', province: 'Bali', year: 2020, tags: [], views: 1 },
  { id: 5, title: 'Aplikasi layanan publik', province: 'riau', year: 2019, tags: ['spbe'], views: 3 },
];

function practices(patch: Record<string, unknown> = {}): SearchIndex {
  const base = { filterableAttributes: ['province', 'year', 'tags'], sortableAttributes: ['year', 'title'], ...patch };
  const index = new SearchIndex(mergeSettings(defaultSettings(), validateSettingsPatch('all', base)), null);
  index.addDocuments(docs, 'replace');
  return index;
}

function errorOf(run: () => unknown): MeiliError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof MeiliError);
    return error;
  }
  assert.fail('expected a MeiliError');
}

const ids = (response: { hits: Record<string, unknown>[] }): unknown[] => response.hits.map((h) => h.id);

describe('search – filters and facets', () => {
  test('facets – small page – counts cover all hits, values alphabetical', () => {
    const r = practices().search({ q: 'podcast', limit: 1, facets: ['province', 'tags', 'year'] });
    assert.equal(r.hits.length, 1);
    assert.deepEqual(r.facetDistribution, {
      province: { Aceh: 1, Bali: 1, Riau: 1 },
      tags: { kim: 1, media: 1, ppid: 1 },
      year: { '2020': 1, '2021': 1, '2023': 1 },
    });
    assert.deepEqual(Object.keys(r.facetDistribution?.province ?? {}), ['Aceh', 'Bali', 'Riau']);
    assert.deepEqual(r.facetStats, { year: { min: 2020, max: 2023 } });
  });

  test('facets – differently cased values – counted together under the first spelling', () => {
    const r = practices().search({ q: '', facets: ['province'] });
    assert.deepEqual(r.facetDistribution, { province: { Aceh: 1, Bali: 1, Riau: 3 } });
  });

  test('facets – sortFacetValuesBy count and maxValuesPerFacet – most frequent first, cut', () => {
    const index = practices({ faceting: { maxValuesPerFacet: 2, sortFacetValuesBy: { tags: 'count' } } });
    const r = index.search({ q: '', facets: ['tags'] });
    assert.deepEqual(Object.entries(r.facetDistribution?.tags ?? {}), [['media', 2], ['spbe', 2]]);
  });

  test('facets – "*" – every filterable attribute', () => {
    const r = practices().search({ q: 'portal', facets: ['*'] });
    assert.deepEqual(Object.keys(r.facetDistribution ?? {}).sort(), ['province', 'tags', 'year']);
  });

  test('facets – attribute not filterable – throws invalid_search_facets listing the filterable ones', () => {
    const error = errorOf(() => practices().search({ facets: ['title'] }));
    assert.equal(error.code, 'invalid_search_facets');
    assert.match(error.message, /`province, tags, year`/);
  });

  test('filter – string and array forms – same results', () => {
    const index = practices();
    assert.deepEqual(ids(index.search({ filter: 'province = riau AND year > 2019' })), [1, 3]);
    assert.deepEqual(ids(index.search({ filter: ['province = riau', ['year = 2021', 'year = 2022']] })), [1, 3]);
    assert.deepEqual(ids(index.search({ filter: 'tags IS EMPTY OR tags = kim' })), [2, 4]);
  });

  test('filter – attribute not filterable – throws invalid_search_filter naming the attribute', () => {
    const error = errorOf(() => practices().search({ filter: 'views > 2' }));
    assert.equal(error.code, 'invalid_search_filter');
    assert.match(error.message, /Attribute `views` is not filterable/);
  });
});

describe('search – sort and pagination', () => {
  test('sort – numeric descending – overrides insertion order for placeholder search', () => {
    assert.deepEqual(ids(practices().search({ sort: ['year:desc'] })), [2, 3, 1, 4, 5]);
  });

  test('sort – string ascending – alphabetical, case-insensitive', () => {
    assert.deepEqual(ids(practices().search({ q: 'podcast', sort: ['title:asc'] })), [4, 2, 1]);
  });

  test('sort – numbers, strings, arrays and missing values – numbers first, missing last, both directions', () => {
    const index = new SearchIndex(mergeSettings(defaultSettings(), { sortableAttributes: ['rank'] }), 'id');
    index.addDocuments([{ id: 1, rank: 'beta' }, { id: 2 }, { id: 3, rank: [5, 1] }, { id: 4, rank: 3 }, { id: 5, rank: 'Alpha' }], 'replace');
    assert.deepEqual(ids(index.search({ sort: ['rank:asc'] })), [3, 4, 5, 1, 2]);
    assert.deepEqual(ids(index.search({ sort: ['rank:desc'] })), [3, 4, 1, 5, 2]);
  });

  test('sort – after new documents – the new values take part', () => {
    const index = practices();
    assert.deepEqual(ids(index.search({ sort: ['year:desc'], limit: 1 })), [2]);
    index.addDocuments([{ id: 9, title: 'Baru', year: 2030 }], 'replace');
    assert.deepEqual(ids(index.search({ sort: ['year:desc'], limit: 1 })), [9]);
  });

  test('sort – attribute not sortable – throws invalid_search_sort', () => {
    const error = errorOf(() => practices().search({ sort: ['views:asc'] }));
    assert.equal(error.code, 'invalid_search_sort');
    assert.match(error.message, /Attribute `views` is not sortable. Available sortable attributes are: `title, year`/);
  });

  test('sort – missing direction – throws invalid_search_sort', () => {
    assert.equal(errorOf(() => practices().search({ sort: ['year'] })).code, 'invalid_search_sort');
  });

  test('offset/limit – second page – estimatedTotalHits over all hits', () => {
    const r = practices().search({ q: '', offset: 2, limit: 2 });
    assert.deepEqual(ids(r), [3, 4]);
    assert.equal(r.limit, 2);
    assert.equal(r.offset, 2);
    assert.equal(r.estimatedTotalHits, 5);
    assert.equal(r.totalHits, undefined);
  });

  test('page/hitsPerPage – last page – totalPages and totalHits', () => {
    const r = practices().search({ q: '', page: 3, hitsPerPage: 2 });
    assert.deepEqual(ids(r), [5]);
    assert.deepEqual([r.page, r.hitsPerPage, r.totalPages, r.totalHits], [3, 2, 3, 5]);
    assert.equal(r.estimatedTotalHits, undefined);
  });

  test('pagination.maxTotalHits – fewer than the matches – caps totals and hits', () => {
    const r = practices({ pagination: { maxTotalHits: 3 } }).search({ q: '', limit: 10 });
    assert.equal(r.hits.length, 3);
    assert.equal(r.estimatedTotalHits, 3);
  });

  test('limit – not an integer – throws invalid_search_limit', () => {
    assert.equal(errorOf(() => practices().search({ limit: 'x' })).code, 'invalid_search_limit');
    assert.equal(errorOf(() => practices().search({ matchingStrategy: 'some' })).code, 'invalid_search_matching_strategy');
    assert.equal(errorOf(() => practices().search({ unknownParam: 1 })).code, 'bad_request');
  });
});

describe('search – hits formatting', () => {
  test('highlight – custom tags – matched words wrapped, numbers become strings', () => {
    const r = practices().search({ q: 'ppid', attributesToHighlight: ['title'], highlightPreTag: '[', highlightPostTag: ']' });
    const hit = r.hits[0];
    assert.deepEqual(hit._formatted, { id: '1', title: 'Podcast [PPID] Riau', province: 'Riau', year: '2021', tags: ['ppid', 'media'], views: '10' });
  });

  test('highlight – prefix query – only the typed prefix is highlighted', () => {
    const hit = practices().search({ q: 'pod', attributesToHighlight: ['*'], attributesToRetrieve: ['id'] }).hits[0];
    assert.equal((hit._formatted as Record<string, unknown>).title, '<em>Pod</em>cast PPID Riau');
    assert.deepEqual(Object.keys(hit), ['id', '_formatted']);
  });

  test('highlight – multi-word synonym and quoted phrase – their words highlighted only where the phrase occurs whole', () => {
    const index = new SearchIndex(mergeSettings(defaultSettings(), validateSettingsPatch('all', { synonyms: { ppid: ['pejabat pengelola informasi'] } })), null);
    index.addDocuments([{ id: 1, title: 'Pejabat pengelola informasi Riau', body: 'Informasi publik. Pejabat baru, pengelola lama' }], 'replace');
    const formatted = (q: string) => index.search({ q, attributesToHighlight: ['*'] }).hits[0]?._formatted as Record<string, unknown>;
    assert.deepEqual(formatted('ppid'), { id: '1', title: '<em>Pejabat</em> <em>pengelola</em> <em>informasi</em> Riau', body: 'Informasi publik. Pejabat baru, pengelola lama' });
    assert.deepEqual(formatted('"informasi publik"'), { id: '1', title: 'Pejabat pengelola informasi Riau', body: '<em>Informasi</em> <em>publik</em>. Pejabat baru, pengelola lama' });
    assert.deepEqual(formatted('informasi'), { id: '1', title: 'Pejabat pengelola <em>informasi</em> Riau', body: '<em>Informasi</em> publik. Pejabat baru, pengelola lama' });
    // A phrase of one word is that word, whole: no prefix (informasi of "info"), no typo (pejabat of "pejabit").
    assert.deepEqual(formatted('"pengelola" riau'), { id: '1', title: 'Pejabat <em>pengelola</em> informasi <em>Riau</em>', body: 'Informasi publik. Pejabat baru, <em>pengelola</em> lama' });
    assert.equal(formatted('"info"'), undefined);
    assert.equal(formatted('"pejabit"'), undefined);
  });

  test('crop – cropLength 2 – window around the match, extra word before it, with markers', () => {
    const hit = practices().search({ q: 'ppid', attributesToCrop: ['title'], cropLength: 2, cropMarker: '...' }).hits[0];
    assert.equal((hit._formatted as Record<string, unknown>).title, 'Podcast PPID...');
  });

  test('crop – per-attribute length and highlight together – both applied', () => {
    const hit = practices().search({ q: 'layanan', attributesToCrop: ['title:1'], attributesToHighlight: ['title'] }).hits[0];
    assert.equal((hit._formatted as Record<string, unknown>).title, '…<em>layanan</em>…');
  });

  test('showMatchesPosition – match in title – start and length reported', () => {
    const hit = practices().search({ q: 'riau', showMatchesPosition: true, filter: 'year = 2021' }).hits[0];
    assert.deepEqual(hit._matchesPosition, { title: [{ start: 13, length: 4 }], province: [{ start: 0, length: 4 }] });
  });

  test('showMatchesPosition – match inside an array – reports the element index', () => {
    const hit = practices().search({ q: 'spbe', showMatchesPosition: true, attributesToSearchOn: ['tags'], filter: 'year = 2019' }).hits[0];
    assert.deepEqual(hit._matchesPosition, { tags: [{ start: 0, length: 4, indices: [0] }] });
  });

  test('rankingScoreThreshold – above some scores – those hits leave the hits, totals and facets', () => {
    const index = practices();
    const all = index.search({ q: 'podcast riau', showRankingScore: true, facets: ['province'] });
    const scores = all.hits.map((h) => h._rankingScore as number);
    const threshold = (scores[0] + scores[scores.length - 1]) / 2;
    const kept = index.search({ q: 'podcast riau', showRankingScore: true, rankingScoreThreshold: threshold, facets: ['province'] });
    assert.ok(kept.hits.length > 0 && kept.hits.length < all.hits.length);
    assert.ok(kept.hits.every((h) => (h._rankingScore as number) >= threshold));
    assert.equal(kept.estimatedTotalHits, kept.hits.length);
    const counted = Object.values(kept.facetDistribution?.province ?? {}).reduce((a, b) => a + b, 0);
    assert.equal(counted, kept.hits.length);
  });

  test('showRankingScoreDetails – query words – one entry per rule, in rankingRules order', () => {
    const hit = practices().search({ q: 'podcast riau', showRankingScoreDetails: true }).hits[0];
    const details = hit._rankingScoreDetails as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(details), ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness']);
    assert.deepEqual(details.words, { order: 0, matchingWords: 2, maxMatchingWords: 2, score: 1 });
    assert.equal(details.typo.typoCount, 0);
  });

  test('retrieveVectors and showPerformanceDetails – asked – _vectors per hit and timings per step', () => {
    const r = practices().search({ q: 'podcast', retrieveVectors: true, showPerformanceDetails: true });
    assert.deepEqual(r.hits[0]._vectors, {});
    assert.ok(Object.keys(r.performanceDetails as object).includes('search > bucket sort'));
  });

  test('attributesToRetrieve and displayedAttributes – hits limited to both', () => {
    const index = practices({ displayedAttributes: ['id', 'title', 'year'] });
    assert.deepEqual(index.search({ q: 'portal', attributesToRetrieve: ['title', 'province'] }).hits, [{ title: 'Portal SPBE Riau' }]);
  });

  test('showRankingScore – several hits – scores in (0, 1], non-increasing', () => {
    const scores = practices()
      .search({ q: 'podcast riau', showRankingScore: true })
      .hits.map((h) => h._rankingScore as number);
    assert.ok(scores.length >= 2);
    scores.forEach((s, i) => {
      assert.ok(s > 0 && s <= 1);
      if (i > 0) assert.ok(s <= scores[i - 1]);
    });
  });
});

describe('search – attributes and distinct', () => {
  test('attributesToSearchOn – one attribute – matches elsewhere ignored', () => {
    const index = practices();
    assert.deepEqual(ids(index.search({ q: 'riau' })), [1, 3, 5]);
    assert.deepEqual(ids(index.search({ q: 'riau', attributesToSearchOn: ['title'] })), [1, 3]);
  });

  test('attributesToSearchOn – not searchable – throws invalid_search_attributes_to_search_on', () => {
    const index = practices({ searchableAttributes: ['title'] });
    assert.equal(errorOf(() => index.search({ q: 'x', attributesToSearchOn: ['province'] })).code, 'invalid_search_attributes_to_search_on');
  });

  test('distinct – province – one hit per value, first by rank', () => {
    const r = practices().search({ q: '', distinct: 'province' });
    assert.deepEqual(ids(r), [1, 2, 4]);
    assert.equal(r.estimatedTotalHits, 3);
  });

  test('distinctAttribute setting – applies without the parameter', () => {
    assert.deepEqual(ids(practices({ distinctAttribute: 'province' }).search({ q: 'podcast' })), [1, 2, 4]);
  });

  test('distinct – not filterable – throws invalid_search_distinct', () => {
    assert.equal(errorOf(() => practices().search({ distinct: 'views' })).code, 'invalid_search_distinct');
  });
});
