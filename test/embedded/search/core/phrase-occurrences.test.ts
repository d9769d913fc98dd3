/**
 * Phrases found in the terms' occurrences (documents in location order) must be found where the
 * forward-index check finds them, at the same location: compared on generated documents with
 * repeated words, arrays, fields in and out of rank order, and attributesToSearchOn.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rankBit, locationRank, type TermIndex } from '../../../../src/embedded/search/core/term-index.js';
import { ALL_RANKS, phraseHits } from '../../../../src/embedded/search/core/word-matching.js';
import { seeded } from '../../../helpers/seeded-random.js';
import { indexWith } from './index-with.js';

const WORDS = ['dinas', 'komunikasi', 'dan', 'informatika', 'kominfo', 'desa'];

/** The forward-index check: the first location, in text order, where `ids` follow each other. */
function forwardLocation(forward: Int32Array, ids: number[], allowedRanks: number): number {
  for (let k = 0; k + 2 * (ids.length - 1) < forward.length; k += 2) {
    const loc = forward[k + 1];
    if (forward[k] !== ids[0] || (rankBit(locationRank(loc)) & allowedRanks) === 0) continue;
    if (ids.every((id, j) => forward[k + 2 * j] === id && forward[k + 2 * j + 1] === loc + j)) return loc;
  }
  return -1;
}

describe('phrases from occurrences', () => {
  test('same documents and locations as the forward-index check', () => {
    const random = seeded(21);
    const text = (length: number): string => Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] + (random() < 0.1 ? ',' : '')).join(' ');
    // Field order varies: some documents list `body` before `title`, so not every forward index is in location order.
    const docs = Array.from({ length: 600 }, (_, i) => (random() < 0.5 ? { id: i, title: text(4), tags: [text(3), text(2)], body: text(30) } : { id: i, body: text(30), title: text(4) }));
    const index = indexWith({ searchableAttributes: ['title', 'tags', 'body'] }, docs);
    const terms: TermIndex = index.terms;
    const id = (word: string): number => terms.termId(word) as number;
    let found = 0;
    let ascending = 0;
    for (const phrase of [['dinas', 'komunikasi'], ['dinas', 'komunikasi', 'dan', 'informatika'], ['dinas', 'dinas'], ['kominfo', 'desa', 'kominfo']]) {
      for (const allowedRanks of [ALL_RANKS, rankBit(2)]) {
        const ids = phrase.map(id);
        const hits = phraseHits(terms, ids, allowedRanks);
        for (let slot = 0; slot < docs.length; slot++) {
          const expected = forwardLocation(terms.forward[slot] as Int32Array, ids, allowedRanks);
          assert.equal(hits.slots.has(slot) ? hits.locations[slot] : -1, expected, `${phrase.join(' ')} ranks ${allowedRanks} slot ${slot}`);
          if (expected !== -1) found++;
          if (expected !== -1 && terms.hasAscendingForward(slot)) ascending++;
        }
      }
    }
    assert.ok(found > 300 && ascending > 100 && ascending < found, `found ${found}, in ascending documents ${ascending}`);
  });
});
