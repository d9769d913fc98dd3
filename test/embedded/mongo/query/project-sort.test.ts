import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Int32 } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { applyProjection, compileFilter, makeComparator, sortDocuments, type Document } from '../../../../src/embedded/mongo/query/index.js';

const doc = { _id: 7, b: 2, a: { x: 1, y: 2 }, list: [{ k: 1, v: 'a' }, { k: 2, v: 'b' }, 3], n: [1, 2, 3, 4, 5] };

function rejects(projection: Document, code: number, text: RegExp) {
  assert.throws(() => applyProjection(doc, projection), (e: unknown) => e instanceof MongoCommandError && e.code === code && text.test(e.message));
}

describe('applyProjection', () => {
  test('applyProjection – inclusion in another order – stored field order with _id first', () => {
    const out = applyProjection(doc, { a: 1, b: 1 });
    assert.deepEqual(Object.keys(out), ['_id', 'b', 'a']);
  });

  test('applyProjection – inclusion with _id excluded – only named fields', () => {
    assert.deepEqual(applyProjection(doc, { b: 1, _id: 0 }), { b: 2 });
  });

  test('applyProjection – exclusion – all other fields kept', () => {
    assert.deepEqual(Object.keys(applyProjection(doc, { a: 0, list: 0, n: 0 })), ['_id', 'b']);
    assert.deepEqual(applyProjection({ _id: 1, a: 1 }, { _id: 0 }), { a: 1 });
  });

  test('applyProjection – dotted paths into sub-documents and arrays of documents – sub-fields only', () => {
    assert.deepEqual(applyProjection(doc, { 'a.y': 1, 'list.v': 1, _id: 0 }), { a: { y: 2 }, list: [{ v: 'a' }, { v: 'b' }] });
    assert.deepEqual(applyProjection(doc, { 'a.y': 0, list: 0, n: 0, b: 0 }), { _id: 7, a: { x: 1 } });
    assert.deepEqual(applyProjection(doc, { a: { x: 1 }, _id: 0 }), { a: { x: 1 } });
  });

  test('applyProjection – $slice forms – array sliced, other fields kept', () => {
    assert.deepEqual(applyProjection(doc, { n: { $slice: 2 } }).n, [1, 2]);
    assert.deepEqual(applyProjection(doc, { n: { $slice: -2 } }).n, [4, 5]);
    assert.deepEqual(applyProjection(doc, { n: { $slice: [1, 2] } }).n, [2, 3]);
    assert.ok('b' in applyProjection(doc, { n: { $slice: 1 } }));
  });

  test('applyProjection – $elemMatch – first matching element only', () => {
    const out = applyProjection(doc, { list: { $elemMatch: { k: 2 } } });
    assert.deepEqual(out, { _id: 7, list: [{ k: 2, v: 'b' }] });
  });

  test('applyProjection – $elemMatch with value operators – first element meeting them', () => {
    assert.deepEqual(applyProjection(doc, { n: { $elemMatch: { $in: [3, 4] } } }), { _id: 7, n: [3] });
    assert.deepEqual(applyProjection(doc, { n: { $elemMatch: { $gt: 9 } } }), { _id: 7 });
  });

  test('applyProjection – {_id: 1} alone – only _id', () => assert.deepEqual(applyProjection(doc, { _id: 1 }), { _id: 7 }));

  test('applyProjection – positional a.$ with the matched filter – matched element', () => {
    const out = applyProjection(doc, { 'n.$': 1 }, { matchedFilter: { n: { $gt: 3 } } });
    assert.deepEqual(out, { _id: 7, n: [4] });
  });

  test('applyProjection – aggregation expressions – computed fields appended', () => {
    const out = applyProjection(doc, { b: 1, twice: { $literal: 'x' }, copy: '$a.x' });
    assert.deepEqual(out, { _id: 7, b: 2, twice: 'x', copy: 1 });
  });

  test('applyProjection – mixing inclusion and exclusion – 31254 / 31253', () => {
    rejects({ a: 1, b: 0 }, 31254, /Cannot do exclusion on field b in inclusion projection/);
    rejects({ b: 0, a: 1 }, 31253, /Cannot do inclusion on field a in exclusion projection/);
  });

  test('applyProjection and makeComparator – textScore $meta after a $text filter – score added, best first', () => {
    const docs: Document[] = [{ _id: 1, t: 'searching in mongoose' }, { _id: 2, t: 'text search in mongoose' }];
    const f = compileFilter({ $text: { $search: 'text search' } });
    assert.ok(docs.every(f));
    docs.sort(makeComparator({ score: { $meta: 'textScore' } }));
    assert.deepEqual(docs.map((d) => d._id), [2, 1]);
    const out = applyProjection(docs[0], { score: { $meta: 'textScore' } });
    assert.deepEqual(Object.keys(out), ['_id', 't', 'score']);
    assert.ok(Number(out.score) > Number(applyProjection(docs[1], { score: { $meta: 'textScore' } }).score));
  });

  test('applyProjection – unsupported $meta and path collisions – errors', () => {
    rejects({ s: { $meta: 'indexKey' } }, 2, /\$meta/);
    rejects({ a: 1, 'a.x': 1 }, 31250, /Path collision at a\.x/);
  });
});

describe('makeComparator', () => {
  test('makeComparator – mixed types and missing – BSON order with missing equal to null', () => {
    const docs: Document[] = [{ i: 1, v: 'a' }, { i: 2, v: 3 }, { i: 3 }, { i: 4, v: null }, { i: 5, v: new Int32(1) }];
    docs.sort(makeComparator({ v: 1 }));
    assert.deepEqual(docs.map((d) => d.i), [3, 4, 5, 2, 1]);
  });

  test('makeComparator – array fields – min element ascending, max descending', () => {
    const docs: Document[] = [{ i: 1, v: [1, 9] }, { i: 2, v: [3, 4] }];
    assert.deepEqual([...docs].sort(makeComparator({ v: 1 })).map((d) => d.i), [1, 2]);
    assert.deepEqual([...docs].sort(makeComparator({ v: -1 })).map((d) => d.i), [1, 2]);
    assert.deepEqual([...docs].reverse().sort(makeComparator({ v: -1 })).map((d) => d.i), [1, 2]);
  });

  test('makeComparator – compound keys and dotted paths – secondary key breaks ties', () => {
    const docs: Document[] = [{ a: { b: 1 }, c: 2 }, { a: { b: 1 }, c: 1 }, { a: { b: 0 }, c: 3 }];
    docs.sort(makeComparator({ 'a.b': -1, c: 1 }));
    assert.deepEqual(docs.map((d) => d.c), [1, 2, 3]);
  });

  test('sortDocuments – same keys as makeComparator – same order, stable, input untouched', () => {
    const docs: Document[] = [{ i: 1, v: 2 }, { i: 2, v: new Int32(1) }, { i: 3, v: 2 }, { i: 4 }];
    const sorted = sortDocuments(docs, { v: -1 });
    assert.deepEqual(sorted.map((d) => d.i), [1, 3, 2, 4]);
    assert.deepEqual(sorted.map((d) => d.i), [...docs].sort(makeComparator({ v: -1 })).map((d) => d.i));
    assert.deepEqual(docs.map((d) => d.i), [1, 2, 3, 4]);
  });

  test('makeComparator – invalid direction and $meta – BadValue', () => {
    assert.throws(() => makeComparator({ a: 2 }), /\$sort key ordering must be 1/);
    assert.throws(() => makeComparator({ a: { $meta: 'searchScore' } }), /not supported/);
  });
});
