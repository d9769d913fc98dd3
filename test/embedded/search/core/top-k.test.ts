/**
 * The bounded selection with a lazy key: whatever lower bounds it is given (a floor for all
 * documents, a bound per document), it selects exactly what a full sort selects, and it asks a
 * document's own bound only while neither the floor nor the keys after the lazy one can decide.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LazyKey, selectTop } from '../../../../src/embedded/search/core/top-k.js';
import { seeded } from '../../../helpers/seeded-random.js';

function fullSort(first: Float64Array, lazy: Float64Array, last: Float64Array): number[] {
  return Array.from(first.keys()).sort((a, b) => first[a] - first[b] || lazy[a] - lazy[b] || last[a] - last[b] || a - b);
}

describe('top-k – lazy key with a floor and per-document bounds', () => {
  test('same selection as a full sort; bounds asked only while the heap worst is above the floor', () => {
    const random = seeded(5);
    for (let round = 0; round < 20; round++) {
      const n = 500;
      const first = Float64Array.from({ length: n }, () => Math.floor(random() * 2));
      const values = Float64Array.from({ length: n }, () => 2 + Math.floor(random() * 10));
      const bounds = Float64Array.from(values, (v) => Math.max(2, v - Math.floor(random() * 3)));
      const last = Float64Array.from({ length: n }, () => Math.floor(random() * 5));
      let boundCalls = 0;
      let computed = 0;
      const key = new LazyKey(
        new Float64Array(n),
        (p) => {
          boundCalls++;
          return bounds[p];
        },
        (p) => {
          computed++;
          return values[p];
        },
        2,
      );
      const need = 1 + Math.floor(random() * 30);
      assert.deepEqual(Array.from(selectTop(n, need, [first, key, last])), fullSort(first, values, last).slice(0, need));
      assert.ok(computed < n, `computed ${computed} of ${n}`);
      assert.ok(boundCalls < n, `bounds ${boundCalls} of ${n}`);
    }
  });

  test('the heap worst at the floor – no per-document bound is asked', () => {
    const n = 100;
    let boundCalls = 0;
    const key = new LazyKey(
      new Float64Array(n),
      () => {
        boundCalls++;
        return 2;
      },
      (p) => (p < 10 ? 2 : 3),
      2,
    );
    assert.deepEqual(Array.from(selectTop(n, 5, [key])), [0, 1, 2, 3, 4]);
    assert.equal(boundCalls, 0);
  });

  test('the heap worst at the floor – a document better on the later keys is excluded by its own bound before its value is computed', () => {
    const n = 100;
    // Documents 0–4 at the floor with the worst later key; every other one better on it, but far.
    const later = Float64Array.from({ length: n }, (_, p) => (p < 5 ? 9 : 1));
    const computed: number[] = [];
    const key = new LazyKey(
      new Float64Array(n),
      (p) => (p < 5 ? 2 : 6),
      (p) => {
        computed.push(p);
        return p < 5 ? 2 : 6;
      },
      2,
    );
    assert.deepEqual(Array.from(selectTop(n, 5, [key, later])), [0, 1, 2, 3, 4]);
    assert.deepEqual(computed.sort((a, b) => a - b), [0, 1, 2, 3, 4]);
  });
});
