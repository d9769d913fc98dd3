/**
 * Narrowing a long bucket before it is ranked: it keeps exactly the documents whose leading value
 * (typo, attributeRank) is no worse than the need-th best, and the engine's pages stay those of
 * ranking every candidate (the rankingScoreThreshold path, which never narrows).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bitset } from '../../../../src/embedded/search/core/bitset.js';
import { leadingWeights, narrowBucket } from '../../../../src/embedded/search/core/bucket-narrowing.js';
import { MatchLayout } from '../../../../src/embedded/search/core/match-layout.js';
import type { RankRule } from '../../../../src/embedded/search/core/ranking.js';
import type { WordMatch } from '../../../../src/embedded/search/core/word-matching.js';
import { indexWith } from './index-with.js';
import { seeded } from '../../../helpers/seeded-random.js';

const layout = MatchLayout.forRanks(10);
const rules = (...kinds: ('typo' | 'attributeRank' | 'wordPosition' | 'proximity' | 'exactness')[]): RankRule[] => kinds.map((kind) => ({ kind }));

/** A word matching each slot with the typos and attribute rank given. */
function wordMatch(entries: { typos: number; rank: number }[]): WordMatch {
  const matches = layout.emptyArray(entries.length);
  const slots = new Bitset(entries.length);
  let lowestRank = Infinity;
  entries.forEach((entry, slot) => {
    matches[slot] = layout.pack(entry.typos, 0, (entry.rank << 16) | 3);
    slots.add(slot);
    lowestRank = Math.min(lowestRank, entry.rank);
  });
  return { slots, postings: { slots, matches, layout, lowestRank } };
}

describe('bucket narrowing – the leading value', () => {
  test('typo then attributeRank: typos weigh above any rank sum', () => {
    const weights = leadingWeights(rules('typo', 'attributeRank', 'wordPosition', 'proximity'));
    assert.ok(weights);
    assert.equal(weights.rank, 1);
    assert.ok(weights.typos > 32 * 0x7fff);
  });

  test('attributeRank then typo: the other way round', () => {
    const weights = leadingWeights(rules('attributeRank', 'typo'));
    assert.ok(weights);
    assert.equal(weights.typos, 1);
    assert.ok(weights.rank > 32 * 2);
  });

  test('typo alone leads when another rule comes before attributeRank', () => {
    assert.deepEqual(leadingWeights(rules('typo', 'proximity', 'attributeRank')), { typos: 1, rank: 0 });
  });

  test('a rule given twice counts once', () => {
    assert.deepEqual(leadingWeights(rules('typo', 'typo', 'attributeRank')), { typos: 1, rank: 0 });
  });

  test('nothing narrows when proximity or a sort leads', () => {
    assert.equal(leadingWeights(rules('proximity', 'typo')), null);
    assert.equal(leadingWeights([{ kind: 'sort', criteria: [{ attribute: 'date', descending: true }] }, ...rules('typo')]), null);
  });
});

describe('bucket narrowing – the documents kept', () => {
  const weights = { typos: 2 ** 20, rank: 1 };
  const valueOf = (words: WordMatch[], slot: number): number =>
    words.reduce((sum, w) => sum + layout.typos(w.postings.matches[slot]) * weights.typos + layout.rank(w.postings.matches[slot]) * weights.rank, 0);

  test('exactly those no worse than the need-th best, in list order, over generated buckets', () => {
    const random = seeded(11);
    for (let round = 0; round < 10; round++) {
      const n = 3_000 + Math.floor(random() * 3_000);
      // The third word is matched only from rank 8 on (a root in its own field): its lowest rank is no excess.
      const words = [0, 0, 8].map((from) =>
        wordMatch(Array.from({ length: n }, () => ({ typos: random() < 0.9 ? 0 : 1, rank: from + Math.floor(random() * (10 - from)) }))),
      );
      const list = Int32Array.from({ length: n }, (_, slot) => slot).filter(() => random() < 0.8);
      const need = 1 + Math.floor(random() * 40);
      const values = Array.from(list, (slot) => valueOf(words, slot)).sort((a, b) => a - b);
      const cut = values[need - 1];
      const expected = Array.from(list).filter((slot) => valueOf(words, slot) <= cut);

      const narrowed = narrowBucket(list, [0, 1, 2], words, weights, need);
      assert.ok(narrowed);
      assert.deepEqual(Array.from(narrowed), expected);
      assert.ok(narrowed.length < list.length / 4, `kept ${narrowed.length} of ${list.length}`);
    }
  });

  test('a bucket too short for narrowing to pay is left whole', () => {
    const words = [wordMatch(Array.from({ length: 100 }, () => ({ typos: 0, rank: 1 })))];
    assert.equal(narrowBucket(Int32Array.from({ length: 100 }, (_, slot) => slot), [0], words, weights, 20), null);
  });
});

describe('bucket narrowing – the pages of a search', () => {
  const random = seeded(23);
  const vocabulary = ['publikasi', 'informasi', 'podcast', 'siaran', 'layanan', 'pengaduan', 'media', 'sosial', 'kota', 'dinas'];
  const text = (words: number): string => Array.from({ length: words }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const docs = Array.from({ length: 1_500 }, (_, id) => ({ id, title: text(3), summary: text(8), body: text(30), tags: random() < 0.5 ? ['siaran'] : [] }));
  const index = indexWith({ searchableAttributes: ['title', 'summary', 'tags', 'body'], rankingRules: ['words', 'typo', 'attribute', 'proximity', 'exactness'] }, docs);

  for (const q of ['publikasi informasi', 'podcast siaran kota', 'layanan pengaduan media sosial', 'siaran', 'dinas kota siarn']) {
    test(`q ${JSON.stringify(q)}: pages 1–3 as when every candidate is ranked`, () => {
      for (const page of [1, 2, 3]) {
        const params = { q, page, hitsPerPage: 10, showRankingScore: true };
        const narrowed = index.search(params).hits.map((h) => [h.id, h._rankingScore]);
        const whole = index.search({ ...params, rankingScoreThreshold: 0 }).hits.map((h) => [h.id, h._rankingScore]);
        assert.equal(narrowed.length, 10);
        assert.deepEqual(narrowed, whole);
      }
    });
  }
});
