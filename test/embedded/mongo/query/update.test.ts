import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { applyUpdate, bsonTypeName, type Document, type UpdateOptions } from '../../../../src/embedded/mongo/query/index.js';

const up = (doc: Document, update: Document | Document[], opts?: UpdateOptions) => applyUpdate(doc, update, opts).doc;

function rejects(doc: Document, update: Document, code: number, text: RegExp, opts?: UpdateOptions) {
  assert.throws(() => applyUpdate(doc, update, opts), (e: unknown) => e instanceof MongoCommandError && e.code === code && text.test(e.message));
}

describe('applyUpdate field operators', () => {
  test('applyUpdate – $set and $unset with dotted paths – nested fields created and removed', () => {
    const doc = { _id: 1, a: { b: 1 } };
    const out = up(doc, { $set: { 'a.c': 2, 'x.y': 3 }, $unset: { 'a.b': '' } });
    assert.deepEqual(out, { _id: 1, a: { c: 2 }, x: { y: 3 } });
    assert.deepEqual(doc, { _id: 1, a: { b: 1 } }, 'input untouched');
  });

  test('applyUpdate – new fields from one $set – added in lexicographic order like mongod 5+', () => {
    assert.deepEqual(Object.keys(up({ _id: 1 }, { $set: { b: 1, a: 1 } })), ['_id', 'a', 'b']);
  });

  test('applyUpdate – $set to the same value – modified false', () => {
    const r = applyUpdate({ _id: 1, a: new Int32(1) }, { $set: { a: new Int32(1) } });
    assert.equal(r.modified, false);
    assert.equal(applyUpdate({ _id: 1, a: new Int32(1) }, { $set: { a: new Double(1) } }).modified, true);
  });

  test('applyUpdate – $inc on int, overflow, long and double – MongoDB numeric types', () => {
    assert.equal(bsonTypeName(up({ a: new Int32(1) }, { $inc: { a: new Int32(2) } }).a), 'int');
    assert.equal(bsonTypeName(up({ a: new Int32(2147483647) }, { $inc: { a: new Int32(1) } }).a), 'long');
    assert.equal(bsonTypeName(up({ a: Long.fromNumber(1) }, { $inc: { a: new Int32(1) } }).a), 'long');
    assert.equal(bsonTypeName(up({ a: new Int32(1) }, { $inc: { a: new Double(0.5) } }).a), 'double');
    assert.equal(String(up({ a: Decimal128.fromString('1.5') }, { $inc: { a: new Int32(1) } }).a), '2.5');
    assert.equal((up({}, { $inc: { a: new Int32(3) } }).a as Int32).value, 3);
  });

  test('applyUpdate – $inc on a string field – TypeMismatch 14', () => {
    rejects({ _id: 1, a: 'x' }, { $inc: { a: 1 } }, 14, /Cannot apply \$inc to a value of non-numeric type/);
    rejects({ _id: 1 }, { $inc: { a: 'x' } }, 14, /Cannot increment with non-numeric argument/);
  });

  test('applyUpdate – $mul, $min, $max – apply as mongod', () => {
    assert.equal((up({ a: new Int32(3) }, { $mul: { a: new Int32(2) } }).a as Int32).value, 6);
    assert.equal((up({}, { $mul: { a: new Int32(2) } }).a as Int32).value, 0);
    assert.equal(up({ a: 5 }, { $min: { a: 3 } }).a, 3);
    assert.equal(up({ a: 5 }, { $max: { a: 3 } }).a, 5);
    assert.deepEqual(up({ d: new Date(5) }, { $max: { d: new Date(9) } }).d, new Date(9));
  });

  test('applyUpdate – $rename and $currentDate – field moved, date set', () => {
    assert.deepEqual(up({ _id: 1, a: 1, b: { c: 2 } }, { $rename: { a: 'z', 'b.c': 'b.d' } }), { _id: 1, b: { d: 2 }, z: 1 });
    assert.ok(up({ _id: 1 }, { $currentDate: { t: true } }).t instanceof Date);
    assert.equal(bsonTypeName(up({ _id: 1 }, { $currentDate: { t: { $type: 'timestamp' } } }).t), 'timestamp');
  });

  test('applyUpdate – $push with $each $position $sort $slice – array reshaped', () => {
    assert.deepEqual(up({ a: [1] }, { $push: { a: 2 } }).a, [1, 2]);
    assert.deepEqual(up({}, { $push: { a: 2 } }).a, [2]);
    assert.deepEqual(up({ a: [1, 4] }, { $push: { a: { $each: [2, 3], $position: 1 } } }).a, [1, 2, 3, 4]);
    assert.deepEqual(up({ a: [5, 1] }, { $push: { a: { $each: [3], $sort: -1, $slice: 2 } } }).a, [5, 3]);
    assert.deepEqual(up({ a: [{ s: 2 }, { s: 1 }] }, { $push: { a: { $each: [], $sort: { s: 1 } } } }).a, [{ s: 1 }, { s: 2 }]);
    assert.deepEqual(up({ a: [1, 2, 3] }, { $push: { a: { $each: [4], $slice: -2 } } }).a, [3, 4]);
    rejects({ _id: 1, a: 'x' }, { $push: { a: 1 } }, 2, /must be an array/);
  });

  test('applyUpdate – $addToSet with $each – no duplicates by value', () => {
    assert.deepEqual(up({ a: [1, 2] }, { $addToSet: { a: { $each: [new Double(2), 3, 3] } } }).a, [1, 2, 3]);
    assert.deepEqual(up({ a: [{ x: 1 }] }, { $addToSet: { a: { x: 1 } } }).a, [{ x: 1 }]);
  });

  test('applyUpdate – $pop, $pull by value and condition, $pullAll – elements removed', () => {
    assert.deepEqual(up({ a: [1, 2, 3] }, { $pop: { a: 1 } }).a, [1, 2]);
    assert.deepEqual(up({ a: [1, 2, 3] }, { $pop: { a: -1 } }).a, [2, 3]);
    assert.deepEqual(up({ a: [1, 2, 3, 2] }, { $pull: { a: 2 } }).a, [1, 3]);
    assert.deepEqual(up({ a: [1, 5, 7] }, { $pull: { a: { $gte: 5 } } }).a, [1]);
    assert.deepEqual(up({ a: [{ x: 1, y: 1 }, { x: 2 }] }, { $pull: { a: { x: 1 } } }).a, [{ x: 2 }]);
    assert.deepEqual(up({ a: [1, 2, 3] }, { $pullAll: { a: [1, 3] } }).a, [2]);
  });

  test('applyUpdate – $pull with $or of sub-document conditions – matching elements removed', () => {
    const out = up({ t: [{ name: 'eggs' }, { name: 'bacon' }, { name: 'jam' }] }, { $pull: { t: { $or: [{ name: 'eggs' }, { name: 'bacon' }] } } });
    assert.deepEqual(out.t, [{ name: 'jam' }]);
  });

  test('applyUpdate – $rename into __proto__ and constructor – own fields, no prototype pollution', () => {
    const a = up({ _id: 1, hello: 'x' }, { $rename: { hello: '__proto__.polluted' } });
    const b = up({ _id: 1, hello: 'x' }, { $rename: { hello: 'constructor.polluted' } });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(a), ['_id', '__proto__']);
    assert.equal((Object.getOwnPropertyDescriptor(a, '__proto__')?.value as Document).polluted, 'x');
    assert.deepEqual(JSON.parse(JSON.stringify(b)), { _id: 1, constructor: { polluted: 'x' } });
  });

  test('applyUpdate – $setOnInsert – applied only on insert', () => {
    assert.deepEqual(up({ _id: 1 }, { $setOnInsert: { c: 1 } }), { _id: 1 });
    assert.deepEqual(up({ _id: 1 }, { $setOnInsert: { c: 1 }, $set: { d: 2 } }, { isInsert: true }), { _id: 1, c: 1, d: 2 });
  });
});

describe('applyUpdate positional and array filters', () => {
  test('applyUpdate – positional $ with matched filter – first matching element updated', () => {
    const doc = { _id: 1, grades: [{ g: 80, n: 0 }, { g: 85, n: 0 }, { g: 85, n: 0 }] };
    const out = up(doc, { $set: { 'grades.$.n': 1 } }, { matchedFilter: { _id: 1, 'grades.g': 85 } });
    assert.deepEqual(out.grades, [{ g: 80, n: 0 }, { g: 85, n: 1 }, { g: 85, n: 0 }]);
    const scalars = up({ a: [1, 2, 3] }, { $inc: { 'a.$': 10 } }, { matchedFilter: { a: 2 } });
    assert.deepEqual((scalars.a as unknown[]).map(Number), [1, 12, 3]);
  });

  test('applyUpdate – positional $ with $elemMatch filter – element meeting both conditions', () => {
    const doc = { a: [{ x: 1, y: 1 }, { x: 1, y: 2 }] };
    const out = up(doc, { $set: { 'a.$.z': true } }, { matchedFilter: { a: { $elemMatch: { x: 1, y: 2 } } } });
    assert.deepEqual(out.a, [{ x: 1, y: 1 }, { x: 1, y: 2, z: true }]);
  });

  test('applyUpdate – positional $ without a matching array condition – BadValue', () => {
    rejects({ a: [1] }, { $set: { 'a.$': 2 } }, 2, /positional operator did not find the match/, { matchedFilter: { b: 1 } });
  });

  test('applyUpdate – $[] and $[ident] with arrayFilters – all or filtered elements updated', () => {
    assert.deepEqual(up({ a: [1, 2] }, { $set: { 'a.$[]': 0 } }).a, [0, 0]);
    const out = up({ a: [{ v: 1 }, { v: 5 }] }, { $set: { 'a.$[e].big': true } }, { arrayFilters: [{ 'e.v': { $gt: 2 } }] });
    assert.deepEqual(out.a, [{ v: 1 }, { v: 5, big: true }]);
    const sc = up({ a: [1, 5, 9] }, { $set: { 'a.$[x]': 0 } }, { arrayFilters: [{ x: { $gte: 5 } }] });
    assert.deepEqual(sc.a, [1, 0, 0]);
  });

  test('applyUpdate – arrayFilters with $or on one identifier – either condition selects', () => {
    const out = up({ a: [{ x: 1 }, { y: 2 }, { x: 3 }] }, { $set: { 'a.$[e].hit': true } }, { arrayFilters: [{ $or: [{ 'e.x': 1 }, { 'e.y': 2 }] }] });
    assert.deepEqual(out.a, [{ x: 1, hit: true }, { y: 2, hit: true }, { x: 3 }]);
  });

  test('applyUpdate – array filter identifiers missing or unused – errors', () => {
    rejects({ a: [1] }, { $set: { 'a.$[x]': 0 } }, 2, /No array filter found for identifier 'x'/);
    rejects({ a: [1] }, { $set: { a: [] } }, 9, /array filter for identifier 'y' was not used/, { arrayFilters: [{ y: 1 }] });
  });
});

describe('applyUpdate upserts', () => {
  test('applyUpdate – upsert seed with $set and $setOnInsert – _id first, seed fields kept', () => {
    const id = new ObjectId();
    const out = up({ email: 'a@b', _id: id }, { $set: { name: 'x' }, $setOnInsert: { createdAt: new Date(0) } }, { isInsert: true });
    assert.deepEqual(Object.keys(out), ['_id', 'email', 'createdAt', 'name']);
  });

  test('applyUpdate – replacement upsert – only _id survives from the seed', () => {
    assert.deepEqual(up({ _id: 5, email: 'a@b' }, { name: 'x' }, { isInsert: true }), { _id: 5, name: 'x' });
  });

  test('applyUpdate – positional $ on insert – BadValue', () => {
    rejects({ _id: 1 }, { $set: { 'a.$': 1 } }, 2, /positional operator did not find the match/, { isInsert: true, matchedFilter: { a: 1 } });
  });
});

describe('applyUpdate replacement, _id and errors', () => {
  test('applyUpdate – replacement document – keeps _id first, drops other fields', () => {
    const out = up({ _id: 1, a: 1 }, { b: 2 });
    assert.deepEqual(out, { _id: 1, b: 2 });
    assert.deepEqual(Object.keys(up({ _id: 1 }, { b: 2, _id: 1 })), ['_id', 'b']);
  });

  test('applyUpdate – replacement with a different _id – ImmutableField 66', () => rejects({ _id: 1 }, { _id: 2 }, 66, /\(immutable\) field '_id' was found to have been altered/));
  test('applyUpdate – replacement with $-prefixed field – 52', () => rejects({ _id: 1 }, { a: 1, $set: { b: 1 } }, 52, /dollar/));

  test('applyUpdate – $set of _id – same value allowed, other value ImmutableField', () => {
    const id = new ObjectId();
    assert.equal(applyUpdate({ _id: id, a: 1 }, { $set: { _id: new ObjectId(id.toHexString()), a: 2 } }).doc.a, 2);
    rejects({ _id: id }, { $set: { _id: new ObjectId() } }, 66, /Performing an update on the path '_id' would modify the immutable field '_id'/);
  });

  test('applyUpdate – conflicting paths across operators – 40', () => {
    rejects({ _id: 1 }, { $set: { a: 1 }, $inc: { a: 1 } }, 40, /would create a conflict at 'a'/);
    rejects({ _id: 1 }, { $set: { 'a.b': 1 }, $unset: { a: 1 } }, 40, /conflict/);
  });

  test('applyUpdate – unknown modifier – FailedToParse 9', () => rejects({ _id: 1 }, { $foo: { a: 1 } }, 9, /Unknown modifier: \$foo/));
  test('applyUpdate – set field inside a scalar – PathNotViable 28', () => rejects({ _id: 1, a: 5 }, { $set: { 'a.b': 1 } }, 28, /Cannot create field 'b'/));
});

describe('applyUpdate pipelines', () => {
  test('applyUpdate – pipeline of $set and $unset stages – computed from fields', () => {
    const out = up({ _id: 1, a: 2, b: 3, c: 1 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'c' }]);
    assert.deepEqual(out, { _id: 1, a: 2, b: 3, sum: new Int32(5) });
  });

  test('applyUpdate – pipeline with $match stage – rejected', () => {
    assert.throws(() => applyUpdate({ _id: 1 }, [{ $match: {} }]), /\$match is not allowed to be used within an update/);
  });
});
