import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionCosts } from '../../../../src/embedded/search/core/position-cost.js';

test('positionCosts – first query word – positions bucketed (16–23 → 24, then powers of two), then graded 0–10', () => {
  const costs = positionCosts(0);
  const at = (positions: number[]) => positions.map((p) => costs[p]);
  assert.deepEqual(at([0, 1, 2, 4, 5, 7, 8, 11, 12, 15]), [0, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  assert.deepEqual(at([16, 23, 24, 25, 64, 65, 256, 257, 1022]), [6, 6, 7, 7, 7, 8, 8, 9, 9]);
  // The capped position stands for every position from there on: the farthest grade.
  assert.equal(costs[1023], 10);
});

test('positionCosts – a later query word – measured from its own place in the query', () => {
  assert.deepEqual([0, 1, 2, 3].map((p) => positionCosts(2)[p]), [2, 1, 0, 1]);
});
