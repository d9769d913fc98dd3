import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributePicker, pickAttributes } from '../../../../src/embedded/search/core/fields.js';

describe('attribute selection', () => {
  const doc = {
    id: 1,
    'a.b': { c: 1, d: 2 },
    a: { b: { c: 3 }, e: 4 },
    list: [{ x: 1, y: 2 }, { y: 3 }, 'plain'],
    title: 't',
  };

  test('top-level names, dotted paths into objects, arrays of objects and dotted keys – in the document order', () => {
    assert.deepEqual(pickAttributes(doc, ['title', 'id']), { id: 1, title: 't' });
    assert.deepEqual(pickAttributes(doc, ['a.b.c']), { 'a.b': { c: 1 }, a: { b: { c: 3 } } });
    assert.deepEqual(pickAttributes(doc, ['list.x']), { list: [{ x: 1 }] });
    assert.deepEqual(pickAttributes(doc, ['a.e', 'missing', 'title.x']), { a: { e: 4 } });
    assert.deepEqual(Object.keys(pickAttributes(doc, ['title', 'a.e', 'id'])), ['id', 'a', 'title']);
  });

  test('`*` – a copy of the whole document', () => {
    const copy = pickAttributes(doc, ['title', '*']);
    assert.deepEqual(copy, doc);
    assert.notEqual(copy, doc);
  });

  test('one picker for many documents – each picked on its own', () => {
    const pick = attributePicker(['id', 'a.e']);
    assert.deepEqual(pick(doc), { id: 1, a: { e: 4 } });
    assert.deepEqual(pick({ a: 5, id: 2 }), { id: 2 });
    assert.deepEqual(pick({ a: { e: [1] } }), { a: { e: [1] } });
  });
});
