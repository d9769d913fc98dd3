import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { bsonTypeName, getPath, setPath, unsetPath, valueKey, type Document } from '../../../../src/embedded/mongo/query/index.js';
import { arith } from '../../../../src/embedded/mongo/query/numeric.js';

describe('paths', () => {
  test('getPath – nested arrays of documents – one candidate per reached value, missing as undefined', () => {
    const doc = { a: [{ b: 1 }, { b: [2, 3] }, { c: 1 }, 7] };
    assert.deepEqual(getPath(doc, 'a.b'), [1, [2, 3], undefined]);
    assert.deepEqual(getPath(doc, 'a.1.b'), [[2, 3]]);
    assert.deepEqual(getPath(doc, 'x.y'), [undefined]);
    assert.deepEqual(getPath({ a: [1, 2] }, 'a.b'), [undefined]);
  });

  test('getPath – inherited names such as constructor – treated as missing', () => {
    assert.deepEqual(getPath({}, 'constructor'), [undefined]);
    assert.deepEqual(getPath({ a: {} }, 'a.toString'), [undefined]);
  });

  test('setPath – missing parents and array indexes – created, arrays padded with null', () => {
    const doc: Document = { a: [1] };
    setPath(doc, 'x.y.z', 1);
    setPath(doc, 'a.3', 4);
    assert.deepEqual(doc, { a: [1, null, null, 4], x: { y: { z: 1 } } });
  });

  test('setPath – through a scalar – PathNotViable 28', () => {
    assert.throws(() => setPath({ a: 5 }, 'a.b', 1), (e: unknown) => e instanceof MongoCommandError && e.code === 28);
  });

  test('unsetPath – fields and array elements – removed or set to null', () => {
    const doc: Document = { a: { b: 1, c: 2 }, l: [1, 2] };
    assert.equal(unsetPath(doc, 'a.b'), true);
    assert.equal(unsetPath(doc, 'l.0'), true);
    assert.equal(unsetPath(doc, 'nope.x'), false);
    assert.deepEqual(doc, { a: { c: 2 }, l: [null, 2] });
  });
});

describe('numeric type rules', () => {
  test('arith – int, long, double, decimal mixes – widest type wins, int overflows to long', () => {
    assert.equal(bsonTypeName(arith('add', new Int32(1), new Int32(2))), 'int');
    assert.equal(bsonTypeName(arith('multiply', new Int32(65536), new Int32(65536))), 'long');
    assert.equal(String(arith('add', Long.fromString('9007199254740993'), new Int32(1))), '9007199254740994');
    assert.equal(bsonTypeName(arith('subtract', Long.fromNumber(5), new Double(1))), 'double');
    assert.equal(bsonTypeName(arith('add', Decimal128.fromString('1'), new Double(1))), 'decimal');
    assert.equal(bsonTypeName(arith('add', 1, 2)), 'int');
  });

  test('arith – Decimal128 operands – exact decimal results', () => {
    assert.equal(String(arith('add', Decimal128.fromString('0.1'), Decimal128.fromString('0.2'))), '0.3');
    assert.equal(String(arith('subtract', Decimal128.fromString('9.25'), new Double(0.25))), '9.00');
    assert.equal(String(arith('multiply', Decimal128.fromString('1.5'), new Int32(-2))), '-3.0');
  });

  test('valueKey – equal numbers of different types – one key; different decimals – different keys', () => {
    const keys = [5, new Int32(5), new Double(5), Long.fromNumber(5), Decimal128.fromString('5.00')].map((x) => valueKey(x));
    assert.equal(new Set(keys).size, 1);
    assert.notEqual(valueKey(Decimal128.fromString('0.1000000000000000000001')), valueKey(Decimal128.fromString('0.1')));
  });
});
