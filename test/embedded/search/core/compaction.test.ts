import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, defaultSettings, mergeSettings, validateSettingsPatch } from '../../../../src/embedded/search/core/index.js';
import { seeded } from '../../../helpers/seeded-random.js';

const WORDS = 'podcast ppid siaran berita mingguan layanan publik aduan warga desa kota informasi media sosial videotron data terbuka inovasi daerah literasi digital'.split(' ');
const PROVINCES = ['Riau', 'Aceh', 'Jambi', 'Bali'];

const settings = mergeSettings(
  defaultSettings(),
  validateSettingsPatch('all', {
    searchableAttributes: ['title', 'summary', 'code'],
    filterableAttributes: ['province', 'year', 'tags'],
    sortableAttributes: ['year'],
    synonyms: { ppid: ['pejabat pengelola informasi'] },
    typoTolerance: { disableOnAttributes: ['code'] },
  }),
);

function documents(random: () => number, ids: number[], round: number): Record<string, unknown>[] {
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return ids.map((id) => ({
    id,
    title: words(3),
    summary: `${words(8)}${random() < 0.1 ? ' pejabat pengelola informasi' : ''}`,
    code: `kode${id % 50}`,
    province: PROVINCES[Math.floor(random() * PROVINCES.length)],
    year: 2018 + ((id + round) % 6),
    tags: random() < 0.5 ? [`ronde${round}`] : [],
  }));
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** Searches whose answers cover words, typos, prefixes, phrases, synonyms, filters, facets, sort and paging. */
const SEARCHES: Record<string, unknown>[] = [
  { q: 'podcast' },
  { q: 'siaran berita', showRankingScoreDetails: true },
  { q: 'informasl' },
  { q: 'vid' },
  { q: '"media sosial"' },
  { q: 'ppid', facets: ['province', 'year'] },
  { q: 'kode7' },
  { q: 'layanan', filter: 'province = Riau AND year >= 2020', facets: ['tags'] },
  { q: '', sort: ['year:desc'], limit: 30 },
  { q: 'desa warga', offset: 20, limit: 10 },
  { q: 'baru' },
];

function answers(index: SearchIndex): unknown[] {
  return SEARCHES.map((params) => {
    const { processingTimeMs: _time, ...answer } = index.search(params) as Record<string, unknown>;
    return answer;
  });
}

describe('SearchIndex compaction', () => {
  test('dead slots an eighth of the live ones – compacted without indexing again – every search answers as an index built afresh from the same documents', () => {
    const random = seeded(7);
    const index = new SearchIndex(settings, 'id');
    index.addDocuments(documents(random, range(0, 6000), 0), 'replace');
    // Replaced in batches as the app's sync pushes them, some deleted: compacted on the way.
    for (let from = 0; from < 2400; from += 600) {
      index.addDocuments(documents(random, range(from, from + 600), 1), 'replace');
      if (from === 600) index.deleteDocuments(range(5900, 6000));
    }
    assert.equal(index.docs.length, index.numberOfDocuments, 'no dead slot left');
    // Written after the compaction, in the slots it freed: found, and their words no others.
    index.addDocuments([{ id: 9001, title: 'podcast baru', summary: 'siaran berita desa', code: 'kode1', province: 'Aceh', year: 2024, tags: ['ronde2'] }], 'replace');
    index.addDocuments(documents(random, range(100, 300), 2), 'update');
    assert.equal(index.numberOfDocuments, 5901);
    assert.deepEqual(answers(index), answers(SearchIndex.importState(JSON.parse(JSON.stringify(index.exportState())))));
    assert.deepEqual(
      index.search({ q: 'baru' }).hits.map((hit) => hit.id),
      [9001],
    );
  });

  test('a document written after a compaction, in a slot number an earlier document had – every word of it found', () => {
    const index = new SearchIndex(settings, 'id');
    // The last document to hold "langka" is in slot 1000, which the first written after the
    // compaction takes: the indexing's per-term marks of that slot must not hide its words.
    index.addDocuments(range(0, 2000).map((id) => ({ id, title: id === 1000 ? 'podcast langka' : 'podcast' })), 'replace');
    index.deleteDocuments(range(0, 1000));
    assert.equal(index.docs.length, 1000, 'compacted');
    index.addDocuments([{ id: 5000, title: 'siaran langka' }], 'replace');
    assert.deepEqual(index.search({ q: 'langka' }).hits.map((hit) => hit.id), [1000, 5000]);
  });

  test('fewer dead slots than an eighth of the live ones – left in place', () => {
    const random = seeded(11);
    const index = new SearchIndex(settings, 'id');
    index.addDocuments(documents(random, range(0, 9000), 0), 'replace');
    index.addDocuments(documents(random, range(0, 1100), 1), 'replace');
    assert.equal(index.docs.length, 10_100);
  });
});
