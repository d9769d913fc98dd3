import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bitset } from '../../../../src/embedded/search/core/bitset.js';
import { FacetCandidates } from '../../../../src/embedded/search/core/facet-candidates.js';
import { FacetColumn, type ColumnValue } from '../../../../src/embedded/search/core/facet-column.js';

let seed = 11;
const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;

/** `slots` documents, each holding 0 to `perSlot` distinct values out of `valueCount`. */
function valuesOf(slots: number, valueCount: number, perSlot: number): ColumnValue[] {
  const lists = Array.from({ length: valueCount }, () => [] as number[]);
  for (let slot = 0; slot < slots; slot++) {
    const held = new Set(Array.from({ length: random(perSlot + 1) }, () => random(valueCount)));
    for (const id of held) lists[id].push(slot);
  }
  return lists.map((list, id) => ({ key: `s:v${id}`, raw: `v${id}`, slots: { data: Int32Array.from(list), length: list.length } }));
}

function naive(values: ColumnValue[], candidates: Bitset): number[] {
  return values.map(({ slots }) => Array.from(slots.data.subarray(0, slots.length)).filter((s) => candidates.has(s)).length);
}

describe('facet column counts', () => {
  // Few values (counted value by value), many values over few or most candidates (walking the
  // candidates or the others), with multi-valued slots and candidate bitsets longer than the column.
  const shapes = [
    { slots: 3000, valueCount: 3, perSlot: 1 },
    { slots: 3000, valueCount: 4, perSlot: 3 },
    { slots: 3000, valueCount: 400, perSlot: 1 },
    { slots: 3000, valueCount: 400, perSlot: 3 },
    { slots: 37, valueCount: 5, perSlot: 2 },
  ];
  for (const shape of shapes) {
    for (const density of [0, 0.02, 0.5, 0.98, 1]) {
      test(`${shape.valueCount} values, up to ${shape.perSlot} per slot, ${density * 100}% candidates`, () => {
        const values = valuesOf(shape.slots, shape.valueCount, shape.perSlot);
        const column = new FacetColumn(values);
        const candidates = new Bitset(shape.slots + 70);
        for (let slot = 0; slot < candidates.size; slot++) if (random(1000) < density * 1000) candidates.add(slot);
        const counts = column.count(new FacetCandidates(candidates));
        assert.deepEqual(Array.from(counts.subarray(0, values.length)), naive(values, candidates));
      });
    }
  }
});
