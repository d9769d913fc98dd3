/** The reusable key arrays of ranking: zeroed on every take, distinct until released, reused after. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyArena } from '../../../../src/embedded/search/core/key-arena.js';

describe('key arena', () => {
  test('arrays taken before a release – distinct, zeroed, of the asked length', () => {
    const arena = new KeyArena();
    const a = arena.take(4);
    a.fill(7);
    const b = arena.take(3);
    assert.deepEqual(Array.from(b), [0, 0, 0]);
    b.fill(1);
    assert.deepEqual(Array.from(a), [7, 7, 7, 7]);
  });

  test('taken again after a release – the same memory, zeroed, growing when a bucket is larger', () => {
    const arena = new KeyArena();
    const first = arena.take(4);
    first.fill(5);
    arena.release();
    const again = arena.take(2);
    assert.equal(again.buffer, first.buffer);
    assert.deepEqual(Array.from(again), [0, 0]);
    arena.release();
    const larger = arena.take(10);
    assert.equal(larger.length, 10);
    assert.deepEqual(Array.from(larger), new Array(10).fill(0));
  });
});
