import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, defaultSettings, mergeSettings, validateSettingsPatch, type Settings } from '../../../../src/embedded/search/core/index.js';

type Doc = Record<string, unknown>;

function indexOf(docs: Doc[], patch: Record<string, unknown> = {}): SearchIndex {
  const settings: Settings = mergeSettings(defaultSettings(), validateSettingsPatch('all', patch));
  const index = new SearchIndex(settings, 'id');
  index.addDocuments(docs, 'replace');
  return index;
}

function ids(index: SearchIndex, params: Record<string, unknown>): unknown[] {
  return index.search(params).hits.map((h) => h.id);
}

const corpus: Doc[] = [
  { id: 1, title: 'Publikasi informasi publik' },
  { id: 2, title: 'Podcast pemerintah daerah' },
  { id: 3, title: 'Dinas Kominfo kota Medan' },
  { id: 4, title: 'Informasi layanan 123456' },
  { id: 5, title: 'Pemerintah Kota Padang' },
  { id: 6, title: 'Pemko Binjai' },
  { id: 7, title: 'Café résumé' },
  { id: 8, title: 'Media sosial kelurahan' },
];

describe('typo tolerance and prefix', () => {
  const index = indexOf(corpus);
  const cases: [string, unknown[]][] = [
    ['publkasi', [1]], // one typo (deletion) on an 8-letter word
    ['pod', [2]], // prefix of the last word
    ['pubilkasi', [1]], // transposition counts as one typo
    ['dnas', []], // 4 letters: no typo allowed
    ['dinsa', [3]], // 5 letters: one typo allowed
    ['imfromasi', [1, 4]], // 9 letters: two typos allowed
    ['imfrmasi', []], // 8 letters with two typos: too many
    ['xodcast', []], // a typo on the first letter counts as two
    ['123457', [4]], // numbers get typos like words while disableOnNumbers is false
  ];
  for (const [q, expected] of cases) {
    test(`search – q ${JSON.stringify(q)} – finds ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(ids(index, { q }).sort(), [...expected].sort());
    });
  }

  test('search – prefix on a word that is not the last – no prefix match', () => {
    assert.deepEqual(ids(index, { q: 'pod pemerintah', matchingStrategy: 'all' }), []);
    assert.deepEqual(ids(index, { q: 'podcast pem', matchingStrategy: 'all' }), [2]);
  });

  test('search – typo tolerance disabled – only exact and prefix matches', () => {
    const off = indexOf(corpus, { typoTolerance: { enabled: false } });
    assert.deepEqual(ids(off, { q: 'publkasi' }), []);
    assert.deepEqual(ids(off, { q: 'publik' }).sort(), [1]);
  });

  test('search – minWordSizeForTypos.oneTypo 4 – a 4-letter word gets one typo', () => {
    assert.deepEqual(ids(indexOf(corpus, { typoTolerance: { minWordSizeForTypos: { oneTypo: 4 } } }), { q: 'dnas' }), [3]);
  });

  test('search – disableOnWords – that query word gets no typo', () => {
    assert.deepEqual(ids(indexOf(corpus, { typoTolerance: { disableOnWords: ['publkasi'] } }), { q: 'publkasi' }), []);
  });

  test('search – disableOnAttributes – no typo match inside that attribute', () => {
    const docs = [
      { id: 1, title: 'publikasi', note: 'x' },
      { id: 2, title: 'x', note: 'publikasi' },
    ];
    const strict = indexOf(docs, { typoTolerance: { disableOnAttributes: ['note'] } });
    assert.deepEqual(ids(strict, { q: 'publkasi' }), [1]);
    assert.deepEqual(ids(strict, { q: 'publikasi' }), [1, 2]);
  });

  test('search – disableOnNumbers – a number gets no typo', () => {
    assert.deepEqual(ids(indexOf(corpus, { typoTolerance: { disableOnNumbers: true } }), { q: '123457' }), []);
    assert.deepEqual(ids(indexOf(corpus, { typoTolerance: { disableOnNumbers: true } }), { q: '123456' }), [4]);
  });

  test('search – broad prefix (many terms, merged postings) – same hits and order as one by one', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 60 }, (_, i) => `p${letters[i % 26]}${letters[Math.floor(i / 26)]}kata`);
    const docs = words.map((word, i) => ({ id: i, title: i % 3 === 0 ? `${word} awal` : `awal ${word}` }));
    const index = indexOf([...docs, { id: 100, title: 'tanpa kata itu' }]);
    const found = ids(index, { q: 'p', limit: 100 });
    assert.equal(found.length, 60);
    // Matches at position 0 (every third document) come before matches at position 1.
    assert.deepEqual(found.slice(0, 20), docs.filter((d) => d.id % 3 === 0).map((d) => d.id));
    const highlighted = index.search({ q: 'awal p', attributesToHighlight: ['title'], limit: 1 }).hits[0]._formatted as Record<string, unknown>;
    assert.equal(highlighted.title, '<em>awal</em> <em>p</em>bakata');
  });

  test('search – prefixSearch disabled – the last word must be whole', () => {
    assert.deepEqual(ids(indexOf(corpus, { prefixSearch: 'disabled' }), { q: 'pod' }), []);
  });
});

describe('normalisation, stop words and synonyms', () => {
  test('search – diacritics and case – folded on both sides', () => {
    const index = indexOf(corpus);
    assert.deepEqual(ids(index, { q: 'cafe resume' }), [7]);
    assert.deepEqual(ids(index, { q: 'CAFÉ' }), [7]);
  });

  test('search – stop words – removed from the query', () => {
    const index = indexOf(corpus, { stopWords: ['dan', 'di'] });
    assert.deepEqual(ids(index, { q: 'podcast di pemerintah', matchingStrategy: 'all' }), [2]);
  });

  test('search – a query of stop words only – still searched', () => {
    const index = indexOf([{ id: 1, title: 'dan' }, { id: 2, title: 'lain' }], { stopWords: ['dan'] });
    assert.deepEqual(ids(index, { q: 'dan' }), [1]);
  });

  test('search – a quoted phrase of stop words only – dropped from the query, as Meilisearch builds no such phrase', () => {
    const index = indexOf([{ id: 1, title: 'perlu koordinasi' }, { id: 2, title: 'diperlukan koordinasi' }], { stopWords: ['perlu'] });
    assert.deepEqual(ids(index, { q: '"perlu" diperlukan' }), [2]);
    // A phrase holding another word stays a phrase.
    assert.deepEqual(ids(index, { q: '"perlu koordinasi"' }), [1]);
  });

  test('search – a word one typo or a prefix away from a stop word – never reaches it, as Meilisearch indexes no stop word', () => {
    const index = indexOf([{ id: 1, title: 'buka sampai malam' }, { id: 2, title: 'bank sampah kelurahan' }], { stopWords: ['sampai'] });
    assert.deepEqual(ids(index, { q: 'sampah' }), [2]);
    assert.deepEqual(ids(index, { q: 'samp' }), [2]);
  });

  test('search – one-word synonym – finds the alternative', () => {
    const index = indexOf(corpus, { synonyms: { diskominfo: ['kominfo'] } });
    assert.deepEqual(ids(index, { q: 'diskominfo' }), [3]);
  });

  test('search – multi-word synonyms declared both ways – each finds the other', () => {
    const index = indexOf(corpus, { synonyms: { pemko: ['pemerintah kota'], 'pemerintah kota': ['pemko'] } });
    assert.deepEqual(ids(index, { q: 'pemko', matchingStrategy: 'all' }).sort(), [5, 6]);
    assert.deepEqual(ids(index, { q: 'pemerintah kota', matchingStrategy: 'all' }).sort(), [5, 6]);
  });

  test('search – one-way synonym – does not work backwards', () => {
    const index = indexOf(corpus, { synonyms: { medsos: ['media sosial'] } });
    assert.deepEqual(ids(index, { q: 'medsos' }), [8]);
    assert.deepEqual(ids(index, { q: 'media sosial', matchingStrategy: 'all' }), [8]);
    const reverse = indexOf([{ id: 1, title: 'medsos' }], { synonyms: { medsos: ['media sosial'] } });
    assert.deepEqual(ids(reverse, { q: 'media sosial', matchingStrategy: 'all' }), []);
  });

  test('search – separatorTokens, nonSeparatorTokens and dictionary – change what a word is', () => {
    const docs = [
      { id: 1, title: 'C# dan F# untuk e-gov' },
      { id: 2, title: 'kotazzkabupaten' },
      { id: 3, title: 'S.P.B.E nasional' },
    ];
    const custom = indexOf(docs, { nonSeparatorTokens: ['#'], separatorTokens: ['zz'], dictionary: ['S.P.B.E'] });
    assert.deepEqual(ids(custom, { q: 'c#' }), [1]);
    assert.deepEqual(ids(custom, { q: 'kabupaten' }), [2]);
    assert.deepEqual(ids(custom, { q: 's.p.b.e' }), [3]);
    const plain = indexOf(docs);
    assert.deepEqual(ids(plain, { q: 'kabupaten' }), []);
    assert.deepEqual(ids(plain, { q: 'c#', attributesToHighlight: ['title'] }).length, 1);
    const formatted = custom.search({ q: 'c#', attributesToHighlight: ['title'] }).hits[0]._formatted as Record<string, unknown>;
    assert.equal(formatted.title, '<em>C#</em> dan F# untuk e-gov');
  });

  test('search – "-word" and -"phrase" – exclude documents containing them', () => {
    const index = indexOf([
      { id: 1, title: 'podcast kominfo riau' },
      { id: 2, title: 'podcast kesehatan' },
      { id: 3, title: 'podcast e-gov riau kota' },
    ]);
    assert.deepEqual(ids(index, { q: 'podcast -riau' }), [2]);
    assert.deepEqual(ids(index, { q: 'podcast -"kominfo riau"' }), [2, 3]);
    assert.deepEqual(ids(index, { q: 'e-gov' }), [3]);
  });

  test('search – quoted phrase – words must be consecutive', () => {
    const index = indexOf([
      { id: 1, title: 'layanan publik daerah' },
      { id: 2, title: 'publik layanan daerah' },
    ]);
    assert.deepEqual(ids(index, { q: '"layanan publik"' }), [1]);
  });
});

describe('split and concatenated words', () => {
  test('search – two words written as one – found where they stand together, after the word itself (one typo)', () => {
    const index = indexOf([
      { id: 1, title: 'portal satu data kota' },
      { id: 2, title: 'satu portal data' },
      { id: 3, title: 'satudata' },
    ]);
    assert.deepEqual(ids(index, { q: 'satudata' }), [3, 1]);
    const details = index.search({ q: 'satudata', showRankingScoreDetails: true, attributesToHighlight: ['title'] }).hits[1];
    assert.deepEqual((details._rankingScoreDetails as Record<string, unknown>).typo, { order: 1, typoCount: 1, maxTypoCount: 1, score: 0.5 });
    assert.equal((details._formatted as Record<string, unknown>).title, 'portal <em>satu</em> <em>data</em> kota');
  });

  test('search – several split points – the one whose parts stand together in the most documents', () => {
    const index = indexOf([
      { id: 1, title: 'kota baru' },
      { id: 2, title: 'kot abaru' },
      { id: 3, title: 'kot abaru lagi' },
    ]);
    assert.deepEqual(ids(index, { q: 'kotabaru' }), [2, 3]);
  });

  test('search – a word too short for a typo – still split, its typo bound one', () => {
    const index = indexOf([{ id: 1, title: 'layanan e-bus kota' }]);
    const hit = index.search({ q: 'ebus', showRankingScoreDetails: true }).hits[0];
    assert.equal(hit.id, 1);
    assert.deepEqual((hit._rankingScoreDetails as Record<string, { typoCount: number; maxTypoCount: number }>).typo.maxTypoCount, 1);
  });

  test('search – typo tolerance disabled, or a part that is a stop word – no split', () => {
    const docs = [{ id: 1, title: 'satu data' }, { id: 2, title: 'di rumah' }];
    assert.deepEqual(ids(indexOf(docs, { typoTolerance: { enabled: false } }), { q: 'satudata' }), []);
    assert.deepEqual(ids(indexOf(docs), { q: 'satudata' }), [1]);
    assert.deepEqual(ids(indexOf(docs, { stopWords: ['di'] }), { q: 'dirumah' }), []);
  });

  test('search – two neighbouring query words – also match the word they make together', () => {
    const index = indexOf([{ id: 1, title: 'program smartcity' }, { id: 2, title: 'kota pintar' }]);
    assert.deepEqual(ids(index, { q: 'smart city', matchingStrategy: 'all' }), [1]);
  });
});

describe('ranking rules', () => {
  test('words – query of three words – documents with more words first (last strategy)', () => {
    const index = indexOf([
      { id: 1, title: 'podcast' },
      { id: 2, title: 'podcast ppid riau' },
      { id: 3, title: 'podcast ppid' },
      { id: 4, title: 'ppid riau' },
    ]);
    assert.deepEqual(ids(index, { q: 'podcast ppid riau' }), [2, 3, 1]);
    assert.deepEqual(ids(index, { q: 'podcast ppid riau', matchingStrategy: 'all' }), [2]);
  });

  test('words – frequency strategy – drops the most frequent word first', () => {
    const index = indexOf([
      { id: 1, title: 'umum umum' },
      { id: 2, title: 'umum langka' },
      { id: 3, title: 'umum' },
      { id: 4, title: 'langka' },
    ]);
    // "umum" is in more documents: dropped first, so documents with only "langka" follow.
    assert.deepEqual(ids(index, { q: 'umum langka', matchingStrategy: 'frequency' }), [2, 4]);
    // Among documents with "umum" only, the one whose title is exactly "umum" wins on exactness.
    assert.deepEqual(ids(index, { q: 'umum langka', matchingStrategy: 'last' }), [2, 3, 1]);
  });

  test('typo – exact match before one typo', () => {
    const index = indexOf([
      { id: 1, title: 'publikasih data' },
      { id: 2, title: 'publikasi data' },
    ]);
    assert.deepEqual(ids(index, { q: 'publikasi data' }), [2, 1]);
  });

  test('proximity – adjacent words before distant ones', () => {
    const index = indexOf([
      { id: 1, title: 'layanan informasi untuk seluruh publik' },
      { id: 2, title: 'publik layanan' },
      { id: 3, title: 'layanan publik' },
    ]);
    assert.deepEqual(ids(index, { q: 'layanan publik' }), [3, 2, 1]);
  });

  test('proximity – proximityPrecision byAttribute – words anywhere in one attribute count as adjacent', () => {
    const docs = [
      { id: 1, title: 'layanan informasi untuk seluruh publik' },
      { id: 2, title: 'layanan publik' },
    ];
    assert.deepEqual(ids(indexOf(docs), { q: 'layanan publik' }), [2, 1]);
    const byAttribute = indexOf(docs, { proximityPrecision: 'byAttribute', rankingRules: ['words', 'proximity'] });
    assert.deepEqual(ids(byAttribute, { q: 'layanan publik' }), [1, 2]);
  });

  test('typo then proximity and attribute – a typo variant elsewhere in a typo-free document does not count', () => {
    // Both documents hold both words as typed (0 typos). Document 1 also holds "siarn", a typo of
    // "siaran", in the title and right before "mingguan": only its typed "siaran" may count.
    const docs = [
      { id: 1, title: 'siarn mingguan', body: 'siaran warta mingguan' },
      { id: 2, title: 'lain', body: 'siaran mingguan' },
    ];
    assert.deepEqual(ids(indexOf(docs), { q: 'siaran mingguan' }), [2, 1]);
    // Without the typo rule before them, proximity and attribute read every derivation.
    assert.deepEqual(ids(indexOf(docs, { rankingRules: ['words', 'proximity', 'attribute', 'typo'] }), { q: 'siaran mingguan' }), [1, 2]);
  });

  test('attribute – earlier searchable attribute first, then earlier position', () => {
    const index = indexOf(
      [
        { id: 1, title: 'lain', body: 'podcast' },
        { id: 2, title: 'tentang podcast', body: 'x' },
        { id: 3, title: 'podcast', body: 'x' },
      ],
      { searchableAttributes: ['title', 'body'] },
    );
    assert.deepEqual(ids(index, { q: 'podcast' }), [3, 2, 1]);
  });

  test('wordPosition – positions graded as Meilisearch grades them – 2 to 4 tie, 5 is farther; the score in 11 levels per word', () => {
    const at = (position: number) => [...Array.from({ length: position }, () => 'kata'), 'podcast'].join(' ');
    // Inserted farthest first: where positions tie, insertion order decides.
    const index = indexOf([
      { id: 5, title: at(5) },
      { id: 4, title: at(4) },
      { id: 2, title: at(2) },
      { id: 0, title: at(0) },
    ]);
    assert.deepEqual(ids(index, { q: 'podcast' }), [0, 4, 2, 5]);
    const details = index.search({ q: 'podcast', showRankingScoreDetails: true }).hits.map((h) => (h._rankingScoreDetails as Record<string, { score: number }>).wordPosition.score);
    // Cost 0, 2, 2 and 3 of at most 10.
    assert.deepEqual(details, [0, 2, 2, 3].map((cost) => 1 - cost / 11));
  });

  test('exactness – the word as typed before a longer prefix match', () => {
    const index = indexOf([
      { id: 1, title: 'podcasts' },
      { id: 2, title: 'podcast' },
    ]);
    assert.deepEqual(ids(index, { q: 'podcast' }), [2, 1]);
  });

  test('exactness – an attribute equal to the query, then one starting with it, then the others', () => {
    const index = indexOf([
      { id: 1, title: 'layanan publik daerah' },
      { id: 2, title: 'daerah layanan publik' },
      { id: 3, title: 'layanan publik' },
    ], { rankingRules: ['words', 'exactness'] });
    assert.deepEqual(ids(index, { q: 'layanan publik' }), [3, 1, 2]);
    const details = index.search({ q: 'layanan publik', showRankingScoreDetails: true }).hits.map((h) => (h._rankingScoreDetails as Record<string, Record<string, unknown>>).exactness.matchType);
    assert.deepEqual(details, ['exactMatch', 'matchesStart', 'noExactMatch']);
  });

  test('rules in order – words beat typo, typo beats proximity', () => {
    const index = indexOf([
      { id: 1, title: 'publikasih data terbuka' }, // all words, one typo
      { id: 2, title: 'publikasi data' }, // two of three words, exact
      { id: 3, title: 'publikasi lain lain lain data terbuka' }, // all words exact, far apart
    ]);
    assert.deepEqual(ids(index, { q: 'publikasi data terbuka' }), [3, 1, 2]);
  });

  test('custom ranking rule – year:desc after the built-in ones – breaks ties', () => {
    const index = indexOf(
      [
        { id: 1, title: 'podcast', year: 2019 },
        { id: 2, title: 'podcast', year: 2023 },
      ],
      { rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'year:desc'] },
    );
    assert.deepEqual(ids(index, { q: 'podcast' }), [2, 1]);
  });

  test('placeholder search – empty q – insertion order', () => {
    assert.deepEqual(ids(indexOf(corpus), { q: '' }), [1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
