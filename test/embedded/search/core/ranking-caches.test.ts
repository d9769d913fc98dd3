/**
 * What ranking keeps between searches until the next write — each query word's per-slot matches,
 * word-pair proximities and exactness levels filled in as searches compute them — and the bounded
 * cache holding them: a search on a warm index, after any mix of writes and other searches, must
 * answer exactly as the same search on a freshly built index.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchIndex } from '../../../../src/embedded/search/core/index.js';
import { seeded } from '../../../helpers/seeded-random.js';
import { indexWith } from './index-with.js';
import { buildQuery } from '../../../../src/embedded/search/core/query.js';
import { ALL_RANKS, matchWord, type WordPostings } from '../../../../src/embedded/search/core/word-matching.js';
import { typedArrayBytes, WriteCache } from '../../../../src/embedded/search/core/write-cache.js';
import { Bitset } from '../../../../src/embedded/search/core/bitset.js';
import { TermIndex } from '../../../../src/embedded/search/core/term-index.js';
import { Tokenizer } from '../../../../src/embedded/search/core/tokenizer.js';

type Doc = Record<string, unknown>;

/** A word's per-slot matches unpacked: [typos, as typed, attribute rank, position bucket], null where absent. */
function decoded({ matches, layout }: WordPostings): (number[] | null)[] {
  return Array.from(matches, (m) => (m === layout.noMatch ? null : [layout.typos(m), layout.asTyped(m), layout.rank(m), layout.positionBucket(m)]));
}
const PATCH = { rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'], sortableAttributes: ['date'], synonyms: { humas: ['hubungan masyarakat'] } };



const WORDS = ['podcast', 'humas', 'siaran', 'siarannya', 'mingguan', 'pelayanan', 'publik', 'hubungan', 'masyarakat', 'podcsat', 'siarn', 'desa'];

function generated(random: () => number, count: number, firstId = 0): Doc[] {
  const text = (length: number): string => Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({ id: firstId + i, title: text(1 + Math.floor(random() * 3)), body: text(5 + Math.floor(random() * 20)), date: Math.floor(random() * 5) }));
}

const SEARCHES: Record<string, unknown>[] = [
  { q: 'podcast humas' },
  { q: 'siaran mingguan', sort: ['date:desc'] },
  { q: 'humas siaran' },
  { q: 'humas siaran mingguan', page: 2, hitsPerPage: 10 },
  { q: 'pelayanan publik desa', matchingStrategy: 'last' },
  { q: 'podcast' },
  { q: 'siaran mingguan', attributesToSearchOn: ['body'] },
  { q: '"pelayanan publik" humas' },
  { q: 'pelayanan pub' },
];

/** Hits (ids and scores) and totals of one search. */
function answer(index: SearchIndex, params: Record<string, unknown>): unknown {
  const r = index.search({ ...params, showRankingScore: true, limit: 15 });
  return [r.estimatedTotalHits ?? r.totalHits, r.hits.map((h) => [h.id, h._rankingScore])];
}

/** Every search in turn on one index (its caches shared by the searches). */
function warmAnswers(index: SearchIndex): unknown[] {
  return SEARCHES.map((params) => answer(index, params));
}

/** Every search on its own freshly built index (nothing cached). */
function coldAnswers(docs: Doc[]): unknown[] {
  return SEARCHES.map((params) => answer(indexWith(PATCH, docs), params));
}

describe('ranking caches – warm index against a fresh one', () => {
  test('searches repeated between additions, replacements and deletions – same hits, order and scores as a fresh index', () => {
    const random = seeded(5);
    const docs = new Map(generated(random, 300).map((d) => [d.id, d]));
    const index = indexWith(PATCH, [...docs.values()]);
    // Insertion order: replaced documents keep their place, added ones come last (as the Map keeps them).
    const cold = (): unknown[] => coldAnswers([...docs.values()]);
    const writes: (() => void)[] = [
      () => {
        const added = generated(random, 40, 1000);
        index.addDocuments(added, 'replace');
        for (const d of added) docs.set(d.id as number, d);
      },
      () => {
        const replaced = generated(random, 30).map((d, i) => ({ ...d, id: i * 7 }));
        index.addDocuments(replaced, 'replace');
        for (const d of replaced) docs.set(d.id as number, d);
      },
      () => {
        const gone = [3, 14, 15, 92, 1005];
        index.deleteDocuments(gone);
        for (const id of gone) docs.delete(id);
      },
    ];
    assert.deepEqual(warmAnswers(index), cold());
    for (const write of writes) {
      write();
      // Twice: once filling the caches after the write, once reading them.
      const expected = cold();
      assert.deepEqual(warmAnswers(index), expected);
      assert.deepEqual(warmAnswers(index), expected);
    }
  });

  test('a word pair shared by a longer query – cached proximities reused – same ranking as a cold index', () => {
    const docs = generated(seeded(9), 200);
    const warm = indexWith(PATCH, docs);
    warm.search({ q: 'podcast humas siaran mingguan' });
    warm.search({ q: 'humas siaran' });
    for (const q of ['humas siaran mingguan', 'podcast humas', 'siaran mingguan humas']) {
      const search = (index: SearchIndex): unknown => index.search({ q, showRankingScore: true, limit: 30 }).hits.map((h) => [h.id, h._rankingScore]);
      assert.deepEqual(search(warm), search(indexWith(PATCH, docs)), q);
    }
  });

  test('documents tied on every rule, some replaced – ranked in insertion order', () => {
    const index = indexWith(PATCH, [1, 2, 3, 4, 5].map((id) => ({ id, title: 'siaran podcast' })));
    index.addDocuments([{ id: 2, title: 'siaran podcast' }, { id: 4, title: 'siaran podcast' }], 'replace');
    assert.deepEqual(index.search({ q: 'siaran podcast' }).hits.map((h) => h.id), [1, 2, 3, 4, 5]);
    assert.deepEqual(index.search({ q: 'siaran podcast', limit: 2, offset: 1 }).hits.map((h) => h.id), [2, 3]);
  });
});

describe('ranking caches – per-slot matches of a query word', () => {
  const index = indexWith(PATCH, [
    { id: 1, title: 'podcast humas' },
    { id: 2, title: 'humas', body: 'rekaman podcsat' },
    { id: 3, title: 'desa', body: 'podcasting' },
    { id: 4, title: 'desa' },
  ]);
  const word = (): ReturnType<typeof matchWord> => {
    const [podcast] = buildQuery('podcast', index.settings, index.terms).words;
    return matchWord(podcast, index.terms, ALL_RANKS, false);
  };

  test('exact, typo and prefix matches – fewest typos, best location and as-typed per slot', () => {
    const { slots, postings } = word();
    assert.deepEqual(Array.from(slots.toArray()), [0, 1, 2]);
    // [typos, as typed, attribute rank (fields in the order first seen: id 0, title 1, body 2), position]
    assert.deepEqual(decoded(postings), [[0, 1, 1, 0], [1, 0, 2, 1], [0, 0, 2, 0], null]);
  });

  test('several matches in one document – typos and as-typed from the best match, location from the best location, or from the best with the fewest typos', () => {
    const mixed = indexWith(PATCH, [
      { id: 1, title: 'podcsat', body: 'siaran podcast' },
      { id: 2, title: 'humsa', body: 'siaran hubungan masyarakat' },
    ]);
    const matchesOf = (q: string, fewestTypos = false): unknown => {
      const [first] = buildQuery(q, mixed.settings, mixed.terms).words;
      return decoded(matchWord(first, mixed.terms, ALL_RANKS, fewestTypos).postings);
    };
    // A typo in the title, the word as typed in the body: the title's location with no typo.
    assert.deepEqual(matchesOf('podcast'), [[0, 1, 1, 0], null]);
    // A typo in the title, the synonym phrase in the body: the same.
    assert.deepEqual(matchesOf('humas'), [null, [0, 1, 1, 0]]);
    // Ranked after the typo rule, only the matches with the fewest typos count: the body's location.
    assert.deepEqual(matchesOf('podcast', true), [[0, 1, 2, 1], null]);
    assert.deepEqual(matchesOf('humas', true), [null, [0, 1, 2, 1]]);
  });

  test('the same word twice – one computation until the next write', () => {
    const first = word().postings;
    assert.equal(word().postings, first);
    index.addDocuments([{ id: 5, title: 'podcast' }], 'replace');
    const after = word().postings;
    assert.notEqual(after, first);
    assert.deepEqual(decoded(after)[4]?.slice(0, 2), [0, 1]);
  });
});

describe('ranking caches – bounded cache', () => {
  test('more keys than the capacity – the oldest forgotten first, each value computed once while kept', () => {
    const cache = new WriteCache<number>(2);
    let computed = 0;
    const get = (key: string): number => cache.get(key, () => ++computed);
    assert.equal(get('a'), 1);
    assert.equal(get('a'), 1);
    assert.equal(get('b'), 2);
    assert.equal(get('c'), 3);
    assert.equal(get('b'), 2);
    assert.equal(get('a'), 4);
    cache.clear();
    assert.equal(get('b'), 5);
  });
});

describe('ranking caches – cache bounded by size', () => {
  test('values sized in bytes – the least recently used forgotten until the new one fits, an oversized one kept alone', () => {
    const cache = new WriteCache<Int32Array>(100, typedArrayBytes);
    let computed = 0;
    const get = (key: string, length: number): Int32Array => cache.get(key, () => {
      computed++;
      return new Int32Array(length);
    });
    get('a', 10);
    get('b', 10);
    assert.equal(cache.size, 80);
    get('a', 10); // now the most recently used
    get('c', 6); // 104 bytes: evicts b only
    assert.equal(cache.size, 64);
    assert.equal(computed, 3);
    get('a', 10);
    assert.equal(computed, 3);
    get('b', 10);
    assert.equal(computed, 4);
    get('huge', 50);
    assert.equal(cache.size, 200);
    get('c', 6);
    assert.deepEqual([cache.size, computed], [24, 6]);
  });

  test('the size of a derived result counts its typed arrays and a bitset\'s words', () => {
    assert.equal(typedArrayBytes({ slots: new Bitset(64), matches: new Int32Array(64) }), 8 + 256);
  });
});

describe('ranking caches – packed word matches at their limits', () => {
  const longBody = `${'kata '.repeat(1500)}informatika`;
  const lastMatch = (index: SearchIndex): { postings: WordPostings; last: number[] | null } => {
    const [word] = buildQuery('infromatkia', index.settings, index.terms).words;
    const { postings } = matchWord(word, index.terms, ALL_RANKS, false);
    return { postings, last: decoded(postings)[0] };
  };

  test('a word far into a late attribute and matched through two typos – rank and typos kept, position as its bucket', () => {
    const late = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${String(i).padStart(3, '0')}`, 'isi']));
    const { postings, last } = lastMatch(indexWith(PATCH, [{ id: 1, ...late, body: longBody }]));
    // Fields in the order first seen: id 0, f000…f299 1–300, body 301: more ranks than 16 bits hold.
    assert.ok(postings.matches instanceof Int32Array);
    // Position 1500 is Meilisearch's bucket 2048: bucket 23.
    assert.deepEqual(last, [2, 0, 301, 23]);
  });

  test('at most 256 attribute ranks – 16 bits per slot, the same limits', () => {
    const late = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${String(i).padStart(2, '0')}`, 'isi']));
    const { postings, last } = lastMatch(indexWith(PATCH, [{ id: 1, ...late, body: longBody }]));
    // id 0, f00…f39 1–40, body 41.
    assert.ok(postings.matches instanceof Uint16Array);
    assert.deepEqual(last, [2, 0, 41, 23]);
  });
});

describe('ranking caches – per-slot value arrays reused', () => {
  /** A term index of three documents whose per-slot values keep two arrays (three bytes each). */
  function smallIndex(): TermIndex {
    const terms = new TermIndex({ tokenizer: new Tokenizer(), searchableAttributes: ['*'], typoDisabledAttributes: [], slotValueBudgetBytes: 6 });
    for (const slot of [0, 1, 2]) terms.addDocument(slot, { title: `siaran ${slot}` });
    return terms;
  }

  test('an array forgotten to make room – not handed out again in the same search; zeroed and reused from the next search on', () => {
    const terms = smallIndex();
    terms.beginSearch();
    const a = terms.slotValues('a');
    const b = terms.slotValues('b');
    a[0] = 7;
    b[0] = 9;
    // "a", then "b", are forgotten to make room for "c" and "d", while this search may still read them.
    const fresh = [terms.slotValues('c'), terms.slotValues('d')];
    assert.ok(fresh.every((values) => values !== a && values !== b));
    assert.deepEqual([a[0], b[0]], [7, 9]);
    terms.beginSearch();
    const e = terms.slotValues('e');
    assert.ok(e === a || e === b, 'a forgotten array is reused');
    assert.deepEqual(Array.from(e), [0, 0, 0]);
  });

  test('a document added – the arrays kept for reuse are dropped, new ones hold a byte per document', () => {
    const terms = smallIndex();
    for (const key of ['a', 'b', 'c']) terms.slotValues(key);
    terms.addDocument(3, { title: 'siaran 3' });
    terms.beginSearch();
    assert.equal(terms.slotValues('d').length, 4);
  });
});
