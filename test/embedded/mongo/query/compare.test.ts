import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { bsonTypeName, bsonTypeNumber, compareValues, valuesEqual } from '../../../../src/embedded/mongo/query/index.js';

describe('compareValues', () => {
  test('compareValues – values of every BSON type – sorted in MongoDB type order', () => {
    const ordered = [
      new MinKey(), null, new Int32(1), 'a', { a: 1 }, [1], new Binary(Buffer.from('x')), new ObjectId(), false,
      new Date(0), new Timestamp({ t: 1, i: 1 }), /x/, new MaxKey(),
    ];
    const shuffled = [...ordered].reverse();
    shuffled.sort((a, b) => compareValues(a, b));
    assert.deepEqual(shuffled.map(bsonTypeName), ordered.map(bsonTypeName));
  });

  test('compareValues – Decimal128 9.25, 100, 10.5 – ordered numerically not as strings', () => {
    const vals = [Decimal128.fromString('100'), Decimal128.fromString('9.25'), Decimal128.fromString('10.5')];
    vals.sort((a, b) => compareValues(a, b));
    assert.deepEqual(vals.map(String), ['9.25', '10.5', '100']);
  });

  test('compareValues – decimals beyond double precision and big longs – compared exactly', () => {
    assert.ok(compareValues(Decimal128.fromString('0.1000000000000000000000000000000001'), Decimal128.fromString('0.1')) > 0);
    assert.ok(compareValues(Long.fromString('9007199254740993'), new Double(9007199254740992)) > 0);
    assert.ok(compareValues(Decimal128.fromString('NaN'), new Int32(-5)) < 0);
  });

  test('compareValues – Int32, Double, Long and Decimal of one value – equal', () => {
    assert.equal(compareValues(new Int32(5), new Double(5)), 0);
    assert.equal(compareValues(Long.fromNumber(5), new Double(5)), 0);
    assert.equal(compareValues(Decimal128.fromString('5.0'), 5), 0);
    assert.ok(compareValues(new Int32(5), new Double(5.5)) < 0);
    assert.ok(compareValues(Long.fromString('9007199254740993'), Long.fromString('9007199254740992')) > 0);
  });

  test('compareValues – null and missing – equal rank', () => {
    assert.equal(compareValues(null, undefined), 0);
    assert.ok(compareValues(undefined, 0) < 0);
  });

  test('compareValues – arrays and objects – element-wise and field-wise', () => {
    assert.ok(compareValues([1, 2], [1, 3]) < 0);
    assert.ok(compareValues([1, 2], [1, 2, 0]) < 0);
    assert.ok(compareValues({ a: 1 }, { b: 1 }) < 0);
    assert.ok(compareValues({ a: 1, b: 2 }, { a: 1 }) > 0);
    assert.ok(compareValues({ a: 'x' }, { a: 1 }) > 0, 'field value type rank decides first');
  });

  test('compareValues – ObjectIds and dates – by bytes and by time', () => {
    const a = new ObjectId('000000000000000000000001');
    const b = new ObjectId('000000000000000000000002');
    assert.ok(compareValues(a, b) < 0);
    assert.ok(compareValues(new Date(5), new Date(3)) > 0);
    assert.ok(valuesEqual(new ObjectId(a.toHexString()), a));
  });

  test('compareValues – case-insensitive collation – equal strings', () => {
    assert.notEqual(compareValues('abc', 'ABC'), 0);
    assert.equal(compareValues('abc', 'ABC', { locale: 'en', strength: 2 }), 0);
    assert.equal(compareValues('abc', 'ABC', { locale: 'en_US', strength: 1 }), 0);
  });

  test('bsonTypeName – bson classes and plain values – MongoDB names and numbers', () => {
    assert.equal(bsonTypeName(new Int32(1)), 'int');
    assert.equal(bsonTypeName(new Double(1)), 'double');
    assert.equal(bsonTypeName(Long.fromNumber(1)), 'long');
    assert.equal(bsonTypeName(Decimal128.fromString('1')), 'decimal');
    assert.equal(bsonTypeName(1.5), 'double');
    assert.equal(bsonTypeName(Buffer.from('a')), 'binData');
    assert.equal(bsonTypeName([]), 'array');
    assert.equal(bsonTypeNumber(new ObjectId()), 7);
    assert.equal(bsonTypeNumber('x'), 2);
  });
});
