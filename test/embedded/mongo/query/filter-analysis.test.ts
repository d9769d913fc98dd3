import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ObjectId } from 'bson';
import { analyzeFilter, upsertSeed } from '../../../../src/embedded/mongo/query/index.js';

describe('analyzeFilter', () => {
  test('analyzeFilter – equality, $eq, $in and ranges in the top-level AND – indexable conditions', () => {
    const id = new ObjectId();
    const out = analyzeFilter({ _id: id, email: { $eq: 'a@b' }, tag: { $in: ['x', 'y'] }, age: { $gte: 18, $lt: 65 } });
    assert.deepEqual(out, [
      { path: '_id', kind: 'eq', values: [id] },
      { path: 'email', kind: 'eq', values: ['a@b'] },
      { path: 'tag', kind: 'in', values: ['x', 'y'] },
      { path: 'age', kind: 'range', min: { value: 18, inclusive: true }, max: { value: 65, inclusive: false } },
    ]);
  });

  test('analyzeFilter – $and branches and dotted paths – flattened', () => {
    assert.deepEqual(analyzeFilter({ $and: [{ 'a.b': 1 }, { c: { $gt: 2 } }] }), [
      { path: 'a.b', kind: 'eq', values: [1] },
      { path: 'c', kind: 'range', min: { value: 2, inclusive: false } },
    ]);
  });

  test('analyzeFilter – regex, $ne, $not, null, $or – skipped', () => {
    assert.deepEqual(analyzeFilter({ a: /x/, b: { $ne: 1 }, c: { $not: { $gt: 1 } }, d: null, $or: [{ e: 1 }, { f: 1 }], g: { $in: [1, /x/] } }), []);
  });
});

describe('upsertSeed', () => {
  test('upsertSeed – equality fields, $eq, single $in, $and, dotted paths – nested seed document', () => {
    const seed = upsertSeed({ name: 'x', n: { $eq: 2 }, t: { $in: ['only'] }, age: { $gt: 3 }, 'a.b': 1, $and: [{ c: 4 }] });
    assert.deepEqual(seed, { name: 'x', n: 2, t: 'only', a: { b: 1 }, c: 4 });
  });

  test('upsertSeed – operators only – empty seed', () => {
    assert.deepEqual(upsertSeed({ a: { $gt: 1 }, $or: [{ b: 1 }, { c: 1 }] }), {});
  });

  test('upsertSeed – same path twice – NotSingleValueField', () => {
    assert.throws(() => upsertSeed({ a: 1, $and: [{ a: 2 }] }), /matched twice/);
  });
});
