import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { bsonTypeName, evalExpression, type Document } from '../../../../src/embedded/mongo/query/index.js';

const doc: Document = {
  _id: 1, a: new Int32(7), b: new Double(2.5), s: '  Hello World  ', arr: [new Int32(1), new Int32(2), new Int32(3)],
  d: new Date('2024-03-05T10:20:30.456Z'), sub: [{ x: 1 }, { x: 2 }, { y: 3 }], n: null,
};
const ev = (expr: unknown, vars?: Record<string, unknown>) => evalExpression(expr, doc, vars);
const num = (expr: unknown) => Number(String(ev(expr)));

describe('evalExpression basics', () => {
  test('evalExpression – field paths, $$ROOT, $$CURRENT, variables, $literal – resolved', () => {
    assert.deepEqual(ev('$sub.x'), [1, 2]);
    assert.equal(ev('$missing'), undefined);
    assert.equal((ev('$$ROOT') as Document)._id, 1);
    assert.equal(ev('$$CURRENT._id'), 1);
    assert.equal(ev('$$v.k', { v: { k: 5 } }), 5);
    assert.equal(ev({ $literal: '$a' }), '$a');
    assert.deepEqual(ev({ o: '$_id', m: '$missing' }), { o: 1 });
    assert.equal(ev('$$REMOVE'), undefined);
    assert.ok(ev('$$NOW') instanceof Date);
  });

  test('evalExpression – unknown operator and undefined variable – errors', () => {
    assert.throws(() => ev({ $nope: 1 }), (e: unknown) => e instanceof MongoCommandError && e.code === 168 && /Unrecognized expression '\$nope'/.test(e.message));
    assert.throws(() => ev('$$undefinedVar'), /Use of undefined variable: undefinedVar/);
  });
});

describe('evalExpression arithmetic', () => {
  test('evalExpression – $add/$subtract/$multiply/$divide/$mod – MongoDB numeric types', () => {
    assert.deepEqual(ev({ $add: ['$a', 1] }), new Int32(8));
    assert.equal(bsonTypeName(ev({ $add: ['$a', '$b'] })), 'double');
    assert.equal(bsonTypeName(ev({ $add: [Long.fromNumber(1), 1] })), 'long');
    assert.equal(String(ev({ $add: [Decimal128.fromString('1.1'), 1] })), '2.1');
    assert.deepEqual(ev({ $add: ['$d', 1000] }), new Date('2024-03-05T10:20:31.456Z'));
    assert.deepEqual(ev({ $subtract: ['$d', new Date('2024-03-05T10:20:30.000Z')] }), Long.fromNumber(456));
    assert.deepEqual(ev({ $multiply: ['$a', 2] }), new Int32(14));
    assert.deepEqual(ev({ $divide: ['$a', 2] }), new Double(3.5));
    assert.deepEqual(ev({ $mod: ['$a', 4] }), new Int32(3));
    assert.equal(ev({ $add: ['$a', '$missing'] }), null);
    assert.throws(() => ev({ $divide: [1, 0] }), /divide by zero/);
  });

  test('evalExpression – $abs $ceil $floor $round $trunc $pow $sqrt – values', () => {
    assert.equal(num({ $abs: -3 }), 3);
    assert.equal(num({ $ceil: 2.1 }), 3);
    assert.equal(num({ $floor: 2.9 }), 2);
    assert.equal(num({ $round: [2.5, 0] }), 2);
    assert.equal(num({ $round: [3.14159, 2] }), 3.14);
    assert.equal(num({ $trunc: [-2.7] }), -2);
    assert.equal(num({ $pow: [2, 10] }), 1024);
    assert.equal(num({ $sqrt: 16 }), 4);
  });

  test('evalExpression – $sum/$avg/$min/$max over an array – reduce elements', () => {
    assert.deepEqual(ev({ $sum: '$arr' }), new Int32(6));
    assert.equal(num({ $avg: '$arr' }), 2);
    assert.deepEqual(ev({ $max: '$arr' }), new Int32(3));
    assert.deepEqual(ev({ $min: [5, 2, '$missing'] }), 2);
  });
});

describe('evalExpression comparison, logic, conditionals', () => {
  test('evalExpression – comparisons and $cmp – BSON order across types', () => {
    assert.equal(ev({ $gt: ['$a', 5] }), true);
    assert.equal(ev({ $lt: ['$a', 'x'] }), true);
    assert.deepEqual(ev({ $cmp: ['$a', 7] }), new Int32(0));
    assert.equal(ev({ $eq: ['$missing', null] }), false);
    assert.equal(ev({ $ne: ['$a', 8] }), true);
  });

  test('evalExpression – $and $or $not $cond $ifNull $switch $let – evaluate lazily', () => {
    assert.equal(ev({ $and: [1, '$a', true] }), true);
    assert.equal(ev({ $or: [0, null, '$missing'] }), false);
    assert.equal(ev({ $not: [0] }), true);
    assert.equal(ev({ $cond: [{ $gt: ['$a', 5] }, 'big', 'small'] }), 'big');
    assert.equal(ev({ $cond: { if: false, then: 1, else: 2 } }), 2);
    assert.equal(ev({ $ifNull: ['$n', '$missing', 'dflt'] }), 'dflt');
    assert.equal(ev({ $switch: { branches: [{ case: { $eq: ['$a', 1] }, then: 'one' }, { case: { $eq: ['$a', 7] }, then: 'seven' }], default: '?' } }), 'seven');
    assert.equal(num({ $let: { vars: { t: { $multiply: ['$a', 2] } }, in: { $add: ['$$t', 1] } } }), 15);
    assert.throws(() => ev({ $switch: { branches: [{ case: false, then: 1 }] } }), /could not find a matching branch/);
  });
});

describe('evalExpression strings', () => {
  test('evalExpression – $concat $toUpper $toLower $trim $split $substrCP $strLenCP – text', () => {
    assert.equal(ev({ $concat: ['a', '-', 'b'] }), 'a-b');
    assert.equal(ev({ $concat: ['a', '$missing'] }), null);
    assert.equal(ev({ $trim: { input: '$s' } }), 'Hello World');
    assert.equal(ev({ $ltrim: { input: 'xxaxx', chars: 'x' } }), 'axx');
    assert.equal(ev({ $toUpper: 'abc' }), 'ABC');
    assert.equal(ev({ $toLower: '$missing' }), '');
    assert.deepEqual(ev({ $split: ['a,b,c', ','] }), ['a', 'b', 'c']);
    assert.equal(ev({ $substrCP: ['héllo', 1, 3] }), 'éll');
    assert.equal(ev({ $substr: ['hello', 1, 2] }), 'el');
    assert.deepEqual(ev({ $strLenCP: 'héllo' }), new Int32(5));
    assert.deepEqual(ev({ $indexOfCP: ['hello', 'l'] }), new Int32(2));
    assert.deepEqual(ev({ $strcasecmp: ['ABC', 'abc'] }), new Int32(0));
  });

  test('evalExpression – $regexMatch $regexFind $replaceAll $replaceOne – regex and replace', () => {
    assert.equal(ev({ $regexMatch: { input: 'Hello', regex: '^h', options: 'i' } }), true);
    assert.deepEqual(ev({ $regexFind: { input: 'abc123', regex: /(\d)(\d)/ } }), { match: '12', idx: new Int32(3), captures: ['1', '2'] });
    assert.equal(ev({ $replaceAll: { input: 'a.b.c', find: '.', replacement: '-' } }), 'a-b-c');
    assert.equal(ev({ $replaceOne: { input: 'a.b.c', find: '.', replacement: '-' } }), 'a-b.c');
  });
});

describe('evalExpression arrays', () => {
  test('evalExpression – $size $arrayElemAt $first $last $slice $reverseArray $concatArrays $in – arrays', () => {
    assert.deepEqual(ev({ $size: '$arr' }), new Int32(3));
    assert.deepEqual(ev({ $arrayElemAt: ['$arr', -1] }), new Int32(3));
    assert.deepEqual(ev({ $first: '$arr' }), new Int32(1));
    assert.deepEqual(ev({ $last: '$arr' }), new Int32(3));
    assert.deepEqual(ev({ $slice: ['$arr', 1, 1] }), [new Int32(2)]);
    assert.deepEqual(ev({ $reverseArray: [[1, 2]] }), [2, 1]);
    assert.deepEqual(ev({ $concatArrays: [[1], [2, 3]] }), [1, 2, 3]);
    assert.equal(ev({ $in: [2, '$arr'] }), true);
    assert.equal(ev({ $isArray: '$arr' }), true);
    assert.throws(() => ev({ $size: '$a' }), /The argument to \$size must be an array/);
  });

  test('evalExpression – $filter $map $reduce $range $indexOfArray – iteration', () => {
    assert.deepEqual(ev({ $filter: { input: '$arr', as: 'v', cond: { $gte: ['$$v', 2] } } }), [new Int32(2), new Int32(3)]);
    assert.deepEqual(ev({ $map: { input: '$arr', in: { $multiply: ['$$this', 10] } } }), [new Int32(10), new Int32(20), new Int32(30)]);
    assert.deepEqual(ev({ $reduce: { input: '$arr', initialValue: 0, in: { $add: ['$$value', '$$this'] } } }), new Int32(6));
    assert.deepEqual(ev({ $range: [0, 6, 2] }), [new Int32(0), new Int32(2), new Int32(4)]);
    assert.deepEqual(ev({ $indexOfArray: ['$arr', 3] }), new Int32(2));
  });

  test('evalExpression – set operators, $zip, $objectToArray, $arrayToObject, $mergeObjects – results', () => {
    assert.deepEqual(ev({ $setUnion: [[1, 2], [2, 3]] }), [1, 2, 3]);
    assert.deepEqual(ev({ $setIntersection: [[1, 2], [2, 3]] }), [2]);
    assert.deepEqual(ev({ $setDifference: [[1, 2], [2, 3]] }), [1]);
    assert.deepEqual(ev({ $zip: { inputs: [[1, 2], ['a', 'b']] } }), [[1, 'a'], [2, 'b']]);
    assert.deepEqual(ev({ $objectToArray: { a: 1 } }), [{ k: 'a', v: 1 }]);
    assert.deepEqual(ev({ $arrayToObject: [[['a', 1], { k: 'b', v: 2 }]] }), { a: 1, b: 2 });
    assert.deepEqual(ev({ $mergeObjects: [{ a: 1 }, null, { b: 2, a: 3 }] }), { a: 3, b: 2 });
  });
});

describe('evalExpression dates', () => {
  test('evalExpression – date parts in UTC and in an IANA time zone – calendar fields', () => {
    assert.deepEqual(ev({ $year: '$d' }), new Int32(2024));
    assert.deepEqual(ev({ $month: '$d' }), new Int32(3));
    assert.deepEqual(ev({ $dayOfMonth: '$d' }), new Int32(5));
    assert.deepEqual(ev({ $dayOfWeek: '$d' }), new Int32(3));
    assert.deepEqual(ev({ $dayOfYear: '$d' }), new Int32(65));
    assert.deepEqual(ev({ $hour: { date: '$d', timezone: 'Asia/Jakarta' } }), new Int32(17));
    assert.deepEqual(ev({ $minute: '$d' }), new Int32(20));
    assert.deepEqual(ev({ $second: '$d' }), new Int32(30));
    assert.deepEqual(ev({ $millisecond: '$d' }), new Int32(456));
    assert.deepEqual(ev({ $week: '$d' }), new Int32(9));
  });

  test('evalExpression – $dateToString with format and time zone – formatted text', () => {
    assert.equal(ev({ $dateToString: { date: '$d' } }), '2024-03-05T10:20:30.456Z');
    assert.equal(ev({ $dateToString: { date: '$d', timezone: 'UTC' } }), '2024-03-05T10:20:30.456Z');
    assert.equal(ev({ $dateToString: { date: '$d', timezone: 'Asia/Jakarta' } }), '2024-03-05T17:20:30.456');
    assert.equal(ev({ $dateToString: { date: '$d', format: '%d/%m/%Y %H:%M', timezone: 'Asia/Jakarta' } }), '05/03/2024 17:20');
    assert.equal(ev({ $dateToString: { date: '$d', format: '%Y-%j %z', timezone: '+05:30' } }), '2024-065 +0530');
    assert.equal(ev({ $dateToString: { date: '$missing', onNull: 'none' } }), 'none');
  });

  test('evalExpression – $dateFromString, $toDate, $dateAdd, $dateDiff, $dateTrunc – date math', () => {
    assert.deepEqual(ev({ $dateFromString: { dateString: '2024-03-05T10:20:30Z' } }), new Date('2024-03-05T10:20:30Z'));
    assert.deepEqual(ev({ $dateFromString: { dateString: '05-03-2024', format: '%d-%m-%Y', timezone: 'Asia/Jakarta' } }), new Date('2024-03-04T17:00:00Z'));
    assert.equal(ev({ $dateFromString: { dateString: 'garbage', onError: 'bad' } }), 'bad');
    assert.deepEqual(ev({ $toDate: '2024-01-01' }), new Date('2024-01-01T00:00:00Z'));
    assert.deepEqual(ev({ $dateAdd: { startDate: '$d', unit: 'month', amount: 1 } }), new Date('2024-04-05T10:20:30.456Z'));
    assert.deepEqual(ev({ $dateAdd: { startDate: new Date('2024-01-31T00:00:00Z'), unit: 'month', amount: 1 } }), new Date('2024-02-29T00:00:00Z'));
    assert.deepEqual(ev({ $dateSubtract: { startDate: '$d', unit: 'day', amount: 5 } }), new Date('2024-02-29T10:20:30.456Z'));
    assert.deepEqual(ev({ $dateDiff: { startDate: new Date('2023-12-31T23:00:00Z'), endDate: '$d', unit: 'year' } }), Long.fromNumber(1));
    assert.deepEqual(ev({ $dateTrunc: { date: '$d', unit: 'day' } }), new Date('2024-03-05T00:00:00Z'));
    assert.deepEqual(ev({ $dateTrunc: { date: '$d', unit: 'month' } }), new Date('2024-03-01T00:00:00Z'));
  });
});

describe('evalExpression more date and array operators', () => {
  test('evalExpression – $dateToParts, $dateFromParts, ISO week fields – round trip', () => {
    const parts = ev({ $dateToParts: { date: '$d' } }) as Document;
    assert.deepEqual(Object.keys(parts), ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond']);
    assert.deepEqual(ev({ $dateFromParts: { year: 2024, month: 3, day: 5, hour: 10, minute: 20, second: 30, millisecond: 456 } }), doc.d);
    assert.deepEqual(ev({ $dateFromParts: { year: 2024, month: 3, day: 5, timezone: 'Asia/Jakarta' } }), new Date('2024-03-04T17:00:00Z'));
    assert.deepEqual(ev({ $isoWeek: new Date('2021-01-01T00:00:00Z') }), new Int32(53));
    assert.deepEqual(ev({ $isoWeekYear: new Date('2021-01-01T00:00:00Z') }), new Int32(2020));
    assert.deepEqual(ev({ $isoDayOfWeek: new Date('2024-03-10T00:00:00Z') }), new Int32(7));
  });

  test('evalExpression – $sortArray, $anyElementTrue, $setEquals, $trunc places – values', () => {
    assert.deepEqual(ev({ $sortArray: { input: [3, 1, 2], sortBy: -1 } }), [3, 2, 1]);
    assert.deepEqual(ev({ $sortArray: { input: [{ a: 2 }, { a: 1 }], sortBy: { a: 1 } } }), [{ a: 1 }, { a: 2 }]);
    assert.equal(ev({ $anyElementTrue: [[0, null, 1]] }), true);
    assert.equal(ev({ $setEquals: [[1, 2], [2, 1, 1]] }), true);
    assert.equal(num({ $trunc: [3.789, 1] }), 3.7);
  });

  test('evalExpression – trigonometry, $bsonSize, $binarySize – numeric results', () => {
    assert.deepEqual(ev({ $sin: 0 }), new Double(0));
    assert.ok(Math.abs(num({ $atan2: [1, 1] }) - Math.PI / 4) < 1e-12);
    assert.equal(num({ $radiansToDegrees: Math.PI }), 180);
    assert.deepEqual(ev({ $bsonSize: { $literal: { a: 1 } } }), new Int32(12));
    assert.deepEqual(ev({ $binarySize: 'héllo' }), new Int32(6));
  });

  test('evalExpression – $getField, $setField, $objectToArray round trip – object access', () => {
    assert.equal(ev({ $getField: 'a' }), doc.a);
    assert.equal(ev({ $getField: { field: 'x.y', input: { 'x.y': 5 } } }), 5);
    assert.deepEqual(ev({ $setField: { field: 'k', input: { a: 1 }, value: 2 } }), { a: 1, k: 2 });
    assert.deepEqual(ev({ $arrayToObject: { $objectToArray: { p: 1, q: 2 } } }), { p: 1, q: 2 });
  });
});

describe('evalExpression conversions', () => {
  test('evalExpression – $toString $toInt $toLong $toDouble $toDecimal $toBool $toObjectId – converted', () => {
    assert.equal(ev({ $toString: '$a' }), '7');
    assert.equal(ev({ $toString: '$d' }), '2024-03-05T10:20:30.456Z');
    assert.deepEqual(ev({ $toInt: '42' }), new Int32(42));
    assert.deepEqual(ev({ $toInt: 4.9 }), new Int32(4));
    assert.deepEqual(ev({ $toLong: '$d' }), Long.fromNumber(Date.parse('2024-03-05T10:20:30.456Z')));
    assert.deepEqual(ev({ $toDouble: '2.5' }), new Double(2.5));
    assert.equal(String(ev({ $toDecimal: '$b' })), '2.5');
    assert.equal(ev({ $toBool: 0 }), false);
    assert.equal(ev({ $toBool: '' }), true);
    const id = new ObjectId();
    assert.equal((ev({ $toObjectId: id.toHexString() }) as ObjectId).toHexString(), id.toHexString());
    assert.equal(ev({ $type: '$a' }), 'int');
    assert.equal(ev({ $type: '$missing' }), 'missing');
    assert.equal(ev({ $isNumber: '$b' }), true);
  });

  test('evalExpression – $convert failures – onError, onNull, ConversionFailure', () => {
    assert.equal(ev({ $convert: { input: 'abc', to: 'int', onError: -1 } }), -1);
    assert.equal(ev({ $convert: { input: '$missing', to: 'int', onNull: 0 } }), 0);
    assert.throws(() => ev({ $toInt: 'abc' }), (e: unknown) => e instanceof MongoCommandError && e.code === 241);
  });
});
