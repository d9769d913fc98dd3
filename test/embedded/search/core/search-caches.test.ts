/**
 * Structures the core keeps between searches until the next write (facet columns, phrase matches)
 * and the typed comparison of the top-k selection: results must follow every write and agree
 * with counting or sorting the documents by hand.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSettings, validateSettingsPatch, type SearchIndex } from '../../../../src/embedded/search/core/index.js';
import { seeded } from '../../../helpers/seeded-random.js';
import { indexWith } from './index-with.js';



describe('search caches – facet columns', () => {
  test('facet counts – documents added and deleted between searches – counts and stats follow', () => {
    const index = indexWith({ filterableAttributes: ['tags', 'year'] }, [
      { id: 1, title: 'podcast a', tags: ['kim', 'ppid'], year: 2020 },
      { id: 2, title: 'podcast b', tags: ['kim'], year: 2021 },
    ]);
    const facets = (): unknown => {
      const r = index.search({ q: 'podcast', facets: ['tags', 'year'] });
      return [r.facetDistribution, r.facetStats];
    };
    assert.deepEqual(facets(), [{ tags: { kim: 2, ppid: 1 }, year: { '2020': 1, '2021': 1 } }, { year: { min: 2020, max: 2021 } }]);
    index.addDocuments([{ id: 3, title: 'podcast c', tags: ['spbe', 'spbe'], year: 2024 }], 'replace');
    assert.deepEqual(facets(), [{ tags: { kim: 2, ppid: 1, spbe: 1 }, year: { '2020': 1, '2021': 1, '2024': 1 } }, { year: { min: 2020, max: 2024 } }]);
    index.deleteDocuments([1]);
    assert.deepEqual(facets(), [{ tags: { kim: 1, spbe: 1 }, year: { '2021': 1, '2024': 1 } }, { year: { min: 2021, max: 2024 } }]);
  });

  test('facet counts – sorted by count and cut at maxValuesPerFacet – most frequent first, ties alphabetical', () => {
    const index = indexWith({ filterableAttributes: ['tags'], faceting: { maxValuesPerFacet: 3, sortFacetValuesBy: { '*': 'count' } } }, [
      { id: 1, title: 'x', tags: ['zeta', 'beta', 7] },
      { id: 2, title: 'x', tags: ['zeta', 'alpha', 7] },
      { id: 3, title: 'x', tags: ['zeta', 'gamma'] },
    ]);
    const distribution = index.search({ q: 'x', facets: ['tags'] }).facetDistribution?.tags ?? {};
    // zeta 3, 7 2, then of the values counted once only the alphabetically first (alpha) fits.
    assert.deepEqual(distribution, { zeta: 3, '7': 2, alpha: 1 });
  });

  test('facet counts – generated corpus with filters – equal to counting each hit by hand', () => {
    const random = seeded(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const docs = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      title: `${pick(['podcast', 'portal', 'radio'])} ${pick(['desa', 'kota', 'warga'])}`,
      tags: Array.from({ length: Math.floor(random() * 4) }, () => pick(['kim', 'ppid', 'spbe', 'ikp', 'humas'])),
      year: random() < 0.1 ? undefined : 2015 + Math.floor(random() * 10),
    }));
    const index = indexWith({ filterableAttributes: ['tags', 'year'], pagination: { maxTotalHits: 1000 } }, docs);
    for (const [q, filter] of [['podcast', 'year >= 2019'], ['desa', 'tags = kim OR tags = ikp'], ['', null], ['p', 'year < 2018']] as const) {
      const r = index.search({ q, filter, facets: ['tags', 'year'], limit: 1000 });
      const hits = r.hits.map((h) => docs[h.id as number]);
      assert.ok(hits.length > 0, `no hits for ${q}`);
      const tags: Record<string, number> = {};
      const years: Record<string, number> = {};
      for (const doc of hits) {
        for (const tag of new Set(doc.tags)) tags[tag] = (tags[tag] ?? 0) + 1;
        if (doc.year !== undefined) years[doc.year] = (years[doc.year] ?? 0) + 1;
      }
      assert.deepEqual(r.facetDistribution, { tags, year: years }, `${q} / ${filter}`);
      const known = hits.flatMap((d) => (d.year === undefined ? [] : [d.year]));
      assert.deepEqual(r.facetStats, { year: { min: Math.min(...known), max: Math.max(...known) } });
    }
  });

  test('facet counts – replaced and deleted documents, few to nearly all candidates – equal to counting each hit by hand', () => {
    const random = seeded(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const agencies = Array.from({ length: 60 }, (_, i) => `a${i}`);
    const make = (id: number) => ({
      id,
      title: 'laporan',
      tags: Array.from({ length: Math.floor(random() * 3) }, () => pick(['kim', 'ppid', 'spbe'])),
      agency: random() < 0.2 ? [pick(agencies), pick(agencies)] : pick(agencies),
      year: 2015 + Math.floor(random() * 10),
    });
    const docs = new Map(Array.from({ length: 400 }, (_, i) => [i, make(i)]));
    const index = indexWith({ filterableAttributes: ['tags', 'agency', 'year'], pagination: { maxTotalHits: 1000 } }, [...docs.values()]);
    // Dead slots stay behind (below the compaction threshold): counts must not see them.
    const replaced = [...docs.keys()].filter((id) => id % 5 === 0).map(make);
    index.addDocuments(replaced, 'replace');
    for (const doc of replaced) docs.set(doc.id, doc);
    const deleted = [...docs.keys()].filter((id) => id % 7 === 3);
    index.deleteDocuments(deleted);
    for (const id of deleted) docs.delete(id);
    for (const filter of [null, 'year >= 2019', 'agency = a3', 'NOT agency = a3']) {
      const r = index.search({ q: '', filter, facets: ['tags', 'agency', 'year'], limit: 1000 });
      const expected: Record<string, Record<string, number>> = { tags: {}, agency: {}, year: {} };
      for (const hit of r.hits) {
        const doc = docs.get(hit.id as number);
        assert.ok(doc);
        for (const [field, value] of Object.entries({ tags: doc.tags, agency: doc.agency, year: doc.year })) {
          for (const v of new Set([value].flat())) expected[field][String(v)] = (expected[field][String(v)] ?? 0) + 1;
        }
      }
      if (filter === null) assert.equal(r.hits.length, docs.size);
      assert.deepEqual(r.facetDistribution, expected, String(filter));
    }
  });
});

describe('search caches – facet candidate sets', () => {
  test('searches sharing their first word – each distribution equal to counting its hits', () => {
    const index = indexWith({ filterableAttributes: ['tags'] }, [
      { id: 1, title: 'podcast desa', tags: ['kim'] },
      { id: 2, title: 'podcast kota', tags: ['kim', 'ppid'] },
      { id: 3, title: 'radio kota', tags: ['spbe'] },
    ]);
    // The last matching strategy keeps every document with "podcast" as a candidate in both.
    for (const q of ['podcast desa', 'podcast warga', 'podcast kota']) {
      assert.deepEqual(index.search({ q, facets: ['tags'] }).facetDistribution, { tags: { kim: 2, ppid: 1 } }, q);
    }
    assert.deepEqual(index.search({ q: 'kota radio', facets: ['tags'] }).facetDistribution, { tags: { kim: 1, ppid: 1, spbe: 1 } });
  });

  test('slots renumbered by a rebuild – the same slots now hold other documents – counts follow them', () => {
    const index = indexWith({ filterableAttributes: ['tags'] }, [
      { id: 'a', title: 'radio podcast', tags: ['kim'] },
      { id: 'b', title: 'radio podcast', tags: ['kim'] },
      { id: 'c', title: 'podcast', tags: ['ppid'] },
      { id: 'd', title: 'televisi', tags: ['spbe'] },
    ]);
    // Slots 0 and 1 (a, b) are the candidates of "radio".
    assert.deepEqual(index.search({ q: 'radio', facets: ['tags'] }).facetDistribution, { tags: { kim: 2 } });
    index.deleteDocuments(['a']);
    // New settings rebuild the index: b and c, the candidates of "podcast", move to slots 0 and 1.
    index.updateSettings(mergeSettings(index.settings, validateSettingsPatch('all', { searchableAttributes: ['title', 'tags'] })));
    assert.deepEqual(index.search({ q: 'podcast', facets: ['tags'] }).facetDistribution, { tags: { kim: 1, ppid: 1 } });
  });
});

describe('search caches – phrase matches', () => {
  test('multi-word synonym – documents added and deleted between searches – matches follow', () => {
    const index = indexWith({ synonyms: { diskominfo: ['dinas komunikasi informatika'] } }, [
      { id: 1, title: 'Dinas Komunikasi Informatika Kota Solok' },
      { id: 2, title: 'Dinas kesehatan, komunikasi informatika' },
    ]);
    const ids = (): unknown[] => index.search({ q: 'diskominfo' }).hits.map((h) => h.id).sort();
    assert.deepEqual(ids(), [1]);
    index.addDocuments([{ id: 3, title: 'Rapat dinas komunikasi informatika' }], 'replace');
    assert.deepEqual(ids(), [1, 3]);
    index.deleteDocuments([1]);
    assert.deepEqual(ids(), [3]);
  });

  test('multi-word synonym – filtered search after an unfiltered one – only the filtered documents', () => {
    const index = indexWith({ synonyms: { diskominfo: ['dinas komunikasi informatika'] }, filterableAttributes: ['year'] }, [
      { id: 1, title: 'Dinas Komunikasi Informatika', year: 2020 },
      { id: 2, title: 'Dinas Komunikasi Informatika', year: 2024 },
    ]);
    assert.equal(index.search({ q: 'diskominfo' }).hits.length, 2);
    assert.deepEqual(index.search({ q: 'diskominfo', filter: 'year = 2024' }).hits.map((h) => h.id), [2]);
  });
});

describe('search caches – filter results', () => {
  const docs = [
    { id: 1, title: 'laporan desa', visibility: 'public', year: 2020 },
    { id: 2, title: 'laporan kota', visibility: 'draft', year: 2021 },
    { id: 3, title: 'laporan warga', visibility: 'public', year: 2022 },
  ];
  const filter = 'visibility = public OR year = 2021';
  const ids = (index: SearchIndex, q = 'laporan'): unknown[] => index.search({ q, filter }).hits.map((h) => h.id).sort();

  test('documents added, replaced and deleted between searches – the filter follows', () => {
    const index = indexWith({ filterableAttributes: ['visibility', 'year'] }, docs);
    assert.deepEqual(ids(index), [1, 2, 3]);
    index.addDocuments([{ id: 4, title: 'laporan baru', visibility: 'public', year: 2023 }], 'replace');
    assert.deepEqual(ids(index), [1, 2, 3, 4]);
    index.addDocuments([{ id: 1, title: 'laporan desa', visibility: 'draft', year: 2020 }], 'replace');
    assert.deepEqual(ids(index), [2, 3, 4]);
    index.addDocuments([{ id: 1, visibility: 'public' }], 'update');
    assert.deepEqual(ids(index), [1, 2, 3, 4]);
    index.deleteDocuments([3]);
    assert.deepEqual(ids(index), [1, 2, 4]);
    index.deleteByFilter('year = 2021');
    assert.deepEqual(ids(index), [1, 4]);
    assert.deepEqual(ids(index, ''), [1, 4]);
    index.deleteAll();
    assert.deepEqual(ids(index, ''), []);
    assert.equal(index.search({ q: '', filter }).estimatedTotalHits, 0);
    assert.equal(index.getDocuments({ filter }).total, 0);
    index.addDocuments(docs, 'replace');
    assert.deepEqual(ids(index), [1, 2, 3]);
  });

  test('settings changed between searches – the filter is checked and evaluated again', () => {
    const index = indexWith({ filterableAttributes: ['visibility', 'year'] }, docs);
    assert.deepEqual(ids(index), [1, 2, 3]);
    index.updateSettings(mergeSettings(index.settings, validateSettingsPatch('all', { filterableAttributes: ['visibility'] })));
    assert.throws(() => ids(index), /not filterable/);
    index.updateSettings(mergeSettings(index.settings, validateSettingsPatch('all', { filterableAttributes: ['visibility', 'year'] })));
    assert.deepEqual(ids(index), [1, 2, 3]);
  });

  test('a search narrowing its candidates – the next search with the filter still sees them all', () => {
    const index = indexWith({ filterableAttributes: ['visibility', 'year'] }, docs);
    assert.deepEqual(ids(index, 'laporan -kota'), [1, 3]);
    assert.deepEqual(ids(index), [1, 2, 3]);
    assert.equal(index.getDocuments({ filter, limit: 10 }).total, 3);
  });
});

describe('search caches – top-k selection', () => {
  test('placeholder sorted search – either direction with ties and missing values – same order as sorting by hand', () => {
    const random = seeded(11);
    const docs = Array.from({ length: 300 }, (_, i) => ({ id: i, title: 'catatan', date: random() < 0.1 ? undefined : Math.floor(random() * 50) }));
    const index = indexWith({ sortableAttributes: ['date'] }, docs);
    // Replaced documents move to new slots but keep their insertion order (the final tie-break).
    index.addDocuments(docs.filter((d) => d.id % 7 === 0), 'replace');
    for (const direction of [1, -1]) {
      // Equal dates in insertion order; missing dates last in both directions.
      const missing = (d: { date?: number }): number => (d.date === undefined ? 1 : 0);
      const expected = [...docs].sort((a, b) => missing(a) - missing(b) || direction * ((a.date ?? 0) - (b.date ?? 0)) || a.id - b.id).map((d) => d.id);
      for (const page of [1, 2, 15]) {
        const r = index.search({ q: '', sort: [direction === 1 ? 'date:asc' : 'date:desc'], hitsPerPage: 20, page });
        assert.deepEqual(r.hits.map((h) => h.id), expected.slice((page - 1) * 20, page * 20), `direction ${direction}, page ${page}`);
      }
    }
  });
});
