/** Facet candidate sets kept between searches: found by their bits, never confused by a hash, never changed by their searches. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bitset } from '../../../../src/embedded/search/core/bitset.js';
import { FacetCandidatesCache, bitsHash } from '../../../../src/embedded/search/core/facet-candidates.js';

const bitsOf = (size: number, slots: number[]): Bitset => Bitset.fromSlots(size, slots);
/** Counts made for a field, tagged with the call that made them. */
function counter(): { count: () => Int32Array; calls: () => number } {
  let calls = 0;
  return { count: () => Int32Array.of(++calls), calls: () => calls };
}

describe('facet candidates cache', () => {
  test('equal candidate sets from different searches – counted once, the second reuses the counts', () => {
    const cache = new FacetCandidatesCache(1 << 20);
    const { count, calls } = counter();
    const first = cache.of(bitsOf(100, [1, 5, 70])).countsOf('year', count);
    const second = cache.of(bitsOf(100, [1, 5, 70])).countsOf('year', count);
    assert.equal(calls(), 1);
    assert.equal(second, first);
    assert.equal(cache.of(bitsOf(100, [1, 5])).countsOf('year', count)[0], 2);
  });

  test('two sets with the same key – each counted over its own bits', () => {
    const cache = new FacetCandidatesCache(1 << 20, () => 'same');
    const { count } = counter();
    const a = cache.of(bitsOf(64, [3]));
    assert.equal(a.countsOf('year', count)[0], 1);
    const b = cache.of(bitsOf(64, [4]));
    assert.equal(b.countsOf('year', count)[0], 2);
    assert.deepEqual(b.bits.toArray(), Int32Array.of(4));
    assert.equal(b.size, 1);
  });

  test('the search changes its set afterwards – the kept copy is unchanged', () => {
    const cache = new FacetCandidatesCache(1 << 20);
    const searched = bitsOf(64, [2, 9]);
    cache.of(searched).countsOf('year', () => Int32Array.of(7));
    searched.add(30);
    const { count, calls } = counter();
    assert.equal(cache.of(bitsOf(64, [2, 9])).countsOf('year', count)[0], 7);
    cache.of(searched).countsOf('year', count);
    assert.equal(calls(), 1);
  });

  test('cleared, or past its budget – the sets are counted again', () => {
    const words = bitsOf(64, []).words.byteLength;
    const cache = new FacetCandidatesCache(2 * words);
    const { count, calls } = counter();
    for (const slots of [[1], [2], [3], [1]]) cache.of(bitsOf(64, slots)).countsOf('year', count);
    assert.equal(calls(), 4, 'the set of [1] left when the third came');
    cache.clear();
    cache.of(bitsOf(64, [3])).countsOf('year', count);
    assert.equal(calls(), 5);
  });

  test('hash – a change of one bit, or of the length alone – another key', () => {
    const base = bitsHash(bitsOf(96, [0, 40, 95]));
    assert.notEqual(bitsHash(bitsOf(96, [0, 40, 94])), base);
    assert.notEqual(bitsHash(bitsOf(128, [0, 40, 95])), base);
    assert.equal(bitsHash(bitsOf(96, [95, 40, 0])), base);
  });
});
