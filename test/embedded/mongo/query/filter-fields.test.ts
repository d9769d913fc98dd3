import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { filterFields } from '../../../../src/embedded/mongo/query/index.js';

describe('filterFields', () => {
  test('filterFields – fields, dotted paths, nested $and/$or/$nor, $elemMatch – their top-level names', () => {
    const fields = filterFields({ status: 'published', 'searchSync.pending': true, $or: [{ ownerAgencyId: 1 }, { $nor: [{ 'a.b.c': { $exists: false } }] }], $and: [{ tags: { $elemMatch: { name: 'x' } } }], $comment: 'why' });
    assert.deepEqual([...(fields ?? [])].sort(), ['a', 'ownerAgencyId', 'searchSync', 'status', 'tags']);
  });

  test('filterFields – empty or missing filter – no field', () => {
    assert.deepEqual([...(filterFields({}) ?? ['?'])], []);
    assert.deepEqual([...(filterFields(undefined) ?? ['?'])], []);
    assert.deepEqual([...(filterFields({ $alwaysTrue: 1 }) ?? ['?'])], []);
  });

  test('filterFields – a DBRef part – a field like any other', () => {
    assert.deepEqual([...(filterFields({ $ref: 'users', $id: 1 }) ?? [])], ['$ref', '$id']);
  });

  test('filterFields – $expr, $where, $jsonSchema, $text, nested too, or a malformed $or – null (the whole document)', () => {
    for (const filter of [{ $expr: { $gt: ['$a', 1] } }, { $where: 'true' }, { $jsonSchema: {} }, { $text: { $search: 'x' } }, { a: 1, $and: [{ $expr: true }] }, { $or: 'x' }, { $or: [1] }]) {
      assert.equal(filterFields(filter as Record<string, unknown>), null, JSON.stringify(filter));
    }
  });
});
