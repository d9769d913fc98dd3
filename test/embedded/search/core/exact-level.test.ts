/** The exactness level of one document's forward list, against the rule read off its values one by one. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardLevel } from '../../../../src/embedded/search/core/rule-keys.js';
import { HARD_SEPARATOR_GAP } from '../../../../src/embedded/search/core/tokenizer.js';
import { seeded } from '../../../helpers/seeded-random.js';

/** A document as attributes of values of term ids, and its forward list (term id, attribute << 16 | position). */
function forwardOf(attributes: number[][][]): Int32Array {
  const pairs: number[] = [];
  attributes.forEach((values, attribute) => {
    let position = 0;
    values.forEach((value, v) => {
      // Values of one attribute are apart by a hard separator, or restart their positions (array elements).
      if (v > 0) position = v % 2 === 0 ? 0 : position + HARD_SEPARATOR_GAP;
      for (const term of value) pairs.push(term, (attribute << 16) | position++);
    });
  });
  return Int32Array.from(pairs);
}

/** 0: a value is the query words; 1: one starts with them; else 2. */
function levelBySpec(attributes: number[][][], ids: number[]): number {
  const values = attributes.flat();
  if (values.some((value) => value.length === ids.length && value.every((t, i) => t === ids[i]))) return 0;
  return values.some((value) => value.length > ids.length && ids.every((t, i) => value[i] === t)) ? 1 : 2;
}

describe('exactness level of a forward list', () => {
  test('hand-made documents – equal value 0, value starting with the words 1, words inside a value 2', () => {
    const cases: [number[][][], number[], number][] = [
      [[[[1, 2]]], [1, 2], 0],
      [[[[1, 2, 3]]], [1, 2], 1],
      [[[[3, 1, 2]]], [1, 2], 2],
      [[[[3, 1], [2, 4]]], [1, 2], 2],
      [[[[1, 2, 3], [5]], [[1, 2]]], [1, 2], 0],
      [[[[4], [1]]], [1], 0],
      [[], [1], 2],
    ];
    for (const [attributes, ids, expected] of cases) assert.equal(forwardLevel(forwardOf(attributes), ids), expected, JSON.stringify([attributes, ids]));
    assert.equal(forwardLevel(undefined, [1]), 2);
    assert.equal(forwardLevel(forwardOf([[[1]]]), []), 2);
  });

  test('generated documents – the level read off the values', () => {
    const random = seeded(23);
    const term = (): number => 1 + Math.floor(random() * 4);
    for (let i = 0; i < 3000; i++) {
      const attributes = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, term)),
      );
      const ids = Array.from({ length: 1 + Math.floor(random() * 3) }, term);
      assert.equal(forwardLevel(forwardOf(attributes), ids), levelBySpec(attributes, ids), JSON.stringify([attributes, ids]));
    }
  });
});
