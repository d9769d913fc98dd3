import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from 'meilisearch';
import type { KnowledgeSearchDocument } from '../../src/search/knowledge-index.js';
import { withPlaceFirst } from '../../src/search/place-first.js';

/** A hit as the engine answers it: its id, the words it holds by the words rule, its place keys. */
const hit = (id: string, matchingWords: number, markerKeys: string[]): Hit<KnowledgeSearchDocument> =>
  ({ id, markerKeys, _rankingScoreDetails: { words: { order: 0, matchingWords, maxMatchingWords: 4, score: matchingWords / 4 } } }) as unknown as Hit<KnowledgeSearchDocument>;

describe('withPlaceFirst', () => {
  test('withPlaceFirst – runs of hits holding fewer words than come before the key – those holding the key first, each run in place', () => {
    const hits = [hit('all', 4, ['wil13']), hit('subject', 2, []), hit('a', 1, []), hit('b', 1, ['wil13']), hit('c', 1, ['wil34']), hit('d', 1, ['wil13', 'wil1371'])];
    assert.deepEqual(withPlaceFirst(hits, 'wil13', 2).map((h) => h.id), ['all', 'subject', 'b', 'd', 'a', 'c']);
  });

  test('withPlaceFirst – runs holding every word before the key – the engine\'s order kept (the rule read the key there)', () => {
    const hits = [hit('a', 3, []), hit('b', 3, ['wil13']), hit('c', 2, []), hit('d', 2, ['wil13'])];
    assert.deepEqual(withPlaceFirst(hits, 'wil13', 2).map((h) => h.id), ['a', 'b', 'c', 'd']);
  });
});
