/**
 * Word signatures (positions modulo 64 of each active word in a bucket document) read a block of
 * documents at a time during a walk and one document at a time otherwise: both must give each
 * document's positions, whatever the order of the requests.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery } from '../../../../src/embedded/search/core/query.js';
import { OccurrenceMerge } from '../../../../src/embedded/search/core/occurrence-merge.js';
import { WordSignatures } from '../../../../src/embedded/search/core/word-signatures.js';
import { seeded } from '../../../helpers/seeded-random.js';
import { indexWith } from './index-with.js';

const WORDS = ['siaran', 'podcast', 'humas', 'desa', 'data', 'publik'];

describe('word signatures', () => {
  test('walking, skipping and going back – each document gets its words\' positions modulo 64', () => {
    const random = seeded(3);
    const text = (length: number): string => Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const index = indexWith({ searchableAttributes: ['title', 'body'] }, Array.from({ length: 300 }, (_, id) => ({ id, title: text(3), body: text(10 + Math.floor(random() * 150)) })));
    const terms = index.terms;
    const { words } = buildQuery('siaran podcast desa', index.settings, terms);
    const ids = words.map((w) => [...w.derivations.keys()][0]);
    const mask = new Int32Array(terms.terms.length);
    ids.forEach((id, bit) => (mask[id] |= 1 << bit));
    const list = index.live.toArray();
    const signatures = new WordSignatures(new OccurrenceMerge(terms, ids, mask), list, words.length);
    const expected = (p: number, word: number): [number, number] => {
      let lo = 0;
      let hi = 0;
      const forward = terms.forward[list[p]] as Int32Array;
      for (let t = 0; t < forward.length; t += 2) {
        if (forward[t] !== ids[word]) continue;
        const position = forward[t + 1] & 63;
        if (position < 32) lo |= 1 << position;
        else hi |= 1 << (position - 32);
      }
      return [lo, hi];
    };
    // A walk with small gaps, jumps ahead and back, single documents.
    const order = [...list.keys()].filter((p) => p % 3 !== 1);
    for (let i = 0; i < 200; i++) order.push(Math.floor(random() * list.length));
    for (const p of order) {
      for (let word = 0; word < words.length; word++) {
        const at = signatures.at(word, p);
        assert.deepEqual([signatures.lo[at], signatures.hi[at]], expected(p, word), `doc ${p} word ${word}`);
      }
    }
  });
});
