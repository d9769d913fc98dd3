import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionBucket, positionCosts } from '../../../../src/embedded/search/core/position-cost.js';

/** The wordPosition cost of a word at `position` in an attribute and `queryPosition` in the query. */
const costAt = (position: number, queryPosition = 0): number => positionCosts(queryPosition)[positionBucket(position)];

test('positionCosts – first query word – positions bucketed (16–23 → 24, then powers of two), then graded 0–10', () => {
  const at = (positions: number[]) => positions.map((p) => costAt(p));
  assert.deepEqual(at([0, 1, 2, 4, 5, 7, 8, 11, 12, 15]), [0, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  assert.deepEqual(at([16, 23, 24, 25, 64, 65, 256, 257, 1024]), [6, 6, 7, 7, 7, 8, 8, 9, 9]);
  // Beyond 1024 (bucketed to 2048 and up) every position is the farthest grade, up to the largest one.
  assert.deepEqual(at([1025, 0xffff]), [10, 10]);
});

test('positionCosts – a later query word – measured from its own place in the query', () => {
  assert.deepEqual([0, 1, 2, 3].map((p) => costAt(p, 2)), [2, 1, 0, 1]);
});
