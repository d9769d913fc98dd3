import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DBRef, Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { MongoCommandError } from '../../../../src/embedded/mongo/errors.js';
import { compileFilter, type Document } from '../../../../src/embedded/mongo/query/index.js';

const m = (filter: Document, doc: Document) => compileFilter(filter)(doc);

function rejects(filter: Document, code: number, text: RegExp) {
  assert.throws(() => compileFilter(filter), (e: unknown) => e instanceof MongoCommandError && e.code === code && text.test(e.message));
}

describe('compileFilter equality', () => {
  test('compileFilter – implicit equality on scalar and array fields – matches value or element', () => {
    assert.ok(m({ a: 1 }, { a: new Int32(1) }));
    assert.ok(m({ a: 1 }, { a: [3, 1] }));
    assert.ok(m({ a: [3, 1] }, { a: [3, 1] }));
    assert.ok(!m({ a: [1, 3] }, { a: [3, 1] }));
    assert.ok(m({ a: [1] }, { a: [[1], 2] }));
    assert.ok(!m({ a: 2 }, { a: 1 }));
  });

  test('compileFilter – null – matches null and missing but not empty array', () => {
    assert.ok(m({ a: null }, {}));
    assert.ok(m({ a: null }, { a: null }));
    assert.ok(m({ a: null }, { a: [1, null] }));
    assert.ok(!m({ a: null }, { a: [] }));
    assert.ok(!m({ a: null }, { a: 0 }));
    assert.ok(m({ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] }));
  });

  test('compileFilter – ObjectId and Decimal values – compared by value across bson copies', () => {
    const id = new ObjectId();
    assert.ok(m({ _id: new ObjectId(id.toHexString()) }, { _id: id }));
    assert.ok(m({ p: Decimal128.fromString('9.50') }, { p: new Double(9.5) }));
  });

  test('compileFilter – dotted paths through arrays of documents and numeric indexes – matches', () => {
    const doc = { a: [{ b: 1 }, { b: [2, 3] }], c: { d: { e: 'x' } } };
    assert.ok(m({ 'a.b': 3 }, doc));
    assert.ok(m({ 'a.1.b': 2 }, doc));
    assert.ok(!m({ 'a.0.b': 2 }, doc));
    assert.ok(m({ 'c.d.e': 'x' }, doc));
    assert.ok(m({ 'a.b': { $gt: 2 } }, doc));
  });

  test('compileFilter – embedded document equality – exact field order', () => {
    assert.ok(m({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } }));
    assert.ok(!m({ a: { y: 2, x: 1 } }, { a: { x: 1, y: 2 } }));
  });
});

describe('compileFilter comparison operators', () => {
  test('compileFilter – $gt/$lt on mixed types – bracketed by type', () => {
    assert.ok(m({ a: { $gt: 5 } }, { a: new Double(5.5) }));
    assert.ok(!m({ a: { $gt: 5 } }, { a: 'zzz' }));
    assert.ok(m({ a: { $lt: 'b' } }, { a: 'a' }));
    assert.ok(!m({ a: { $lt: 'b' } }, { a: 1 }));
    assert.ok(m({ a: { $gte: 1, $lte: 3 } }, { a: Long.fromNumber(2) }));
    assert.ok(m({ a: { $gt: 1, $lt: 3 } }, { a: [0, 5] }), 'each bound may be met by a different element');
  });

  test('compileFilter – $gte null – matches missing; $gt null – matches nothing', () => {
    assert.ok(m({ a: { $gte: null } }, {}));
    assert.ok(!m({ a: { $gt: null } }, { a: 1 }));
  });

  test('compileFilter – $ne and $nin – exclude arrays containing the value and match missing', () => {
    assert.ok(m({ a: { $ne: 1 } }, {}));
    assert.ok(!m({ a: { $ne: 1 } }, { a: [1, 2] }));
    assert.ok(m({ a: { $nin: [1, 2] } }, { a: 3 }));
    assert.ok(!m({ a: { $nin: [1, 2] } }, { a: [2] }));
  });

  test('compileFilter – $in with regexes, null and numbers of other types – matches', () => {
    assert.ok(m({ a: { $in: [/^ab/, 5] } }, { a: 'abc' }));
    assert.ok(m({ a: { $in: [new Int32(5)] } }, { a: new Double(5) }));
    assert.ok(m({ a: { $in: [null] } }, {}));
    assert.ok(!m({ a: { $in: [] } }, { a: 1 }));
  });

  test('compileFilter – $in with a non-array – BadValue', () => rejects({ a: { $in: 5 } }, 2, /\$in needs an array/));
});

describe('compileFilter element, evaluation and array operators', () => {
  test('compileFilter – $exists – true for present (also null), false for missing', () => {
    assert.ok(m({ a: { $exists: true } }, { a: null }));
    assert.ok(!m({ a: { $exists: true } }, {}));
    assert.ok(m({ a: { $exists: false } }, { b: 1 }));
    assert.ok(m({ 'a.b': { $exists: true } }, { a: [{ c: 1 }, { b: 2 }] }));
  });

  test('compileFilter – $type by name, number, number alias and array – matches bson types', () => {
    assert.ok(m({ a: { $type: 'int' } }, { a: new Int32(1) }));
    assert.ok(!m({ a: { $type: 'double' } }, { a: new Int32(1) }));
    assert.ok(m({ a: { $type: 1 } }, { a: new Double(1) }));
    assert.ok(m({ a: { $type: 'long' } }, { a: Long.fromNumber(1) }));
    assert.ok(m({ a: { $type: 'number' } }, { a: Decimal128.fromString('1') }));
    assert.ok(m({ a: { $type: 'array' } }, { a: [] }));
    assert.ok(m({ a: { $type: 'string' } }, { a: [1, 'x'] }));
    assert.ok(m({ a: { $type: ['null', 'string'] } }, { a: null }));
    assert.ok(!m({ a: { $type: 'null' } }, {}));
    rejects({ a: { $type: 'nope' } }, 2, /Unknown type name alias: nope/);
  });

  test('compileFilter – $regex with $options and RegExp values – matches strings and array elements', () => {
    assert.ok(m({ a: { $regex: '^A', $options: 'i' } }, { a: 'abc' }));
    assert.ok(m({ a: /b/ }, { a: ['x', 'abc'] }));
    assert.ok(m({ a: { $regex: 'a  b # comment', $options: 'x' } }, { a: 'ab' }));
    assert.ok(!m({ a: /b/ }, { a: 5 }));
    assert.ok(m({ a: { $regex: '(?i)^ABC\\z' } }, { a: 'abc' }), 'PCRE inline flags and \\z');
    rejects({ a: { $options: 'i' } }, 2, /\$options needs a \$regex/);
  });

  test('compileFilter – $not with operators and regex – negates including missing', () => {
    assert.ok(m({ a: { $not: { $gt: 5 } } }, { a: 3 }));
    assert.ok(m({ a: { $not: { $gt: 5 } } }, {}));
    assert.ok(!m({ a: { $not: /x/ } }, { a: 'xyz' }));
    rejects({ a: { $not: 5 } }, 2, /\$not needs a regex or a document/);
  });

  test('compileFilter – $and $or $nor – logical combinations', () => {
    const doc = { a: 1, b: 2 };
    assert.ok(m({ $and: [{ a: 1 }, { b: 2 }] }, doc));
    assert.ok(m({ $or: [{ a: 5 }, { b: 2 }] }, doc));
    assert.ok(!m({ $nor: [{ a: 5 }, { b: 2 }] }, doc));
    rejects({ $or: [] }, 2, /nonempty array/);
    rejects({ $and: {} }, 2, /must be an array/);
  });

  test('compileFilter – $all with values and $elemMatch – all present', () => {
    assert.ok(m({ a: { $all: [1, 2] } }, { a: [2, 3, 1] }));
    assert.ok(!m({ a: { $all: [1, 4] } }, { a: [2, 3, 1] }));
    assert.ok(!m({ a: { $all: [] } }, { a: [1] }));
    assert.ok(m({ a: { $all: [{ $elemMatch: { x: 1 } }] } }, { a: [{ x: 1 }] }));
  });

  test('compileFilter – $elemMatch value and document forms – one element meets all conditions', () => {
    assert.ok(m({ a: { $elemMatch: { $gt: 1, $lt: 3 } } }, { a: [0, 2, 5] }));
    assert.ok(!m({ a: { $elemMatch: { $gt: 1, $lt: 3 } } }, { a: [0, 5] }));
    assert.ok(m({ a: { $elemMatch: { x: 1, y: { $gt: 1 } } } }, { a: [{ x: 1, y: 1 }, { x: 1, y: 2 }] }));
    assert.ok(!m({ a: { $elemMatch: { x: 1, y: { $gt: 1 } } } }, { a: [{ x: 1, y: 1 }, { x: 2, y: 2 }] }));
    assert.ok(!m({ a: { $elemMatch: { $gt: 1 } } }, { a: 5 }));
  });

  test('compileFilter – $elemMatch on DBRef elements by $id – matches', () => {
    const id = new ObjectId();
    const doc = { members: [new DBRef('foo', id, 'db')] };
    assert.ok(m({ members: { $elemMatch: { $id: new ObjectId(id.toHexString()) } } }, doc));
    assert.ok(m({ 'members.$id': id }, doc));
    assert.ok(!m({ members: { $elemMatch: { $id: new ObjectId() } } }, doc));
  });

  test('compileFilter – $size and $mod – array length and remainder', () => {
    assert.ok(m({ a: { $size: 2 } }, { a: [1, 2] }));
    assert.ok(!m({ a: { $size: 1 } }, { a: 1 }));
    assert.ok(m({ a: { $mod: [4, 1] } }, { a: new Int32(9) }));
    rejects({ a: { $mod: [0, 1] } }, 2, /divisor cannot be 0/);
    rejects({ a: { $mod: [4] } }, 2, /not enough elements/);
  });

  test('compileFilter – $expr with field paths – compares fields of the same document', () => {
    assert.ok(m({ $expr: { $gt: ['$a', '$b'] } }, { a: 3, b: 2 }));
    assert.ok(!m({ $expr: { $gt: ['$a', '$b'] } }, { a: 1, b: 2 }));
    assert.ok(m({ $expr: { $eq: [{ $size: '$l' }, 2] } }, { l: [1, 2] }));
  });

  test('compileFilter – $comment – ignored', () => assert.ok(m({ a: 1, $comment: 'why' }, { a: 1 })));

  test('compileFilter – bitwise operators – test bit positions and masks', () => {
    assert.ok(m({ a: { $bitsAllSet: [0, 2] } }, { a: 5 }));
    assert.ok(m({ a: { $bitsAnyClear: 2 } }, { a: 5 }));
    assert.ok(!m({ a: { $bitsAllClear: 1 } }, { a: 5 }));
  });
});

describe('compileFilter errors', () => {
  test('compileFilter – unknown field operator – BadValue unknown operator', () => rejects({ a: { $foo: 1 } }, 2, /unknown operator: \$foo/));
  test('compileFilter – unknown top-level operator – BadValue', () => rejects({ $foo: 1 }, 2, /unknown top level operator: \$foo/));
  test('compileFilter – $where as expression, function source and function – evaluated with this = document', () => {
    assert.ok(m({ $where: 'this.t && this.t === this.a' }, { t: 'x', a: 'x' }));
    assert.ok(!m({ $where: 'this.t === this.a' }, { t: 'x', a: 'y' }));
    assert.ok(m({ $where: 'function() { return this.n > 5; }' }, { n: new Int32(6) }));
    assert.ok(m({ $where: function (this: { n: number }) { return this.n === 6; } }, { n: new Int32(6) }));
  });

  test('compileFilter – $where reaching for the host realm – sees no process object', () => {
    assert.ok(m({ $where: "this.constructor.constructor('return typeof process')() === 'undefined'" }, { a: 1 }));
    assert.ok(m({ $where: "sleep.constructor('return typeof process')() === 'undefined'" }, { a: 1 }));
  });

  test('compileFilter – $where past its deadline – MaxTimeMSExpired 50', () => {
    const f = compileFilter({ $where: 'sleep(1000) || true' }, { deadline: Date.now() + 20 });
    assert.throws(() => f({}), (e: unknown) => e instanceof MongoCommandError && e.code === 50 && /time limit/.test(e.message));
  });
  test('compileFilter – malformed geo operands – BadValue', () => {
    rejects({ loc: { $near: 'x' } }, 2, /\$near requires a point/);
    rejects({ loc: { $maxDistance: 1 } }, 2, /must be used with \$near/);
  });
  test('compileFilter – $jsonSchema with unknown keyword – FailedToParse', () => rejects({ $jsonSchema: { foo: 1 } }, 9, /Unknown \$jsonSchema keyword: foo/));
});

describe('compileFilter $jsonSchema', () => {
  const schema = {
    required: ['name', '_id'],
    properties: {
      _id: { bsonType: 'objectId' },
      name: { bsonType: 'string', minLength: 2 },
      age: { bsonType: ['number', 'null'], minimum: 0 },
      source: { bsonType: ['string', 'null'], enum: ['document', 'self-reported', null] },
      tags: { bsonType: 'array', items: { bsonType: 'string' }, maxItems: 2 },
    },
    additionalProperties: false,
  };
  const ok = compileFilter({ $jsonSchema: schema });
  test('compileFilter – $jsonSchema – valid documents pass', () => {
    assert.ok(ok({ _id: new ObjectId(), name: 'Taco' }));
    assert.ok(ok({ _id: new ObjectId(), name: 'Bo', age: new Int32(3), source: null, tags: ['a'] }));
  });
  test('compileFilter – $jsonSchema – violations fail', () => {
    assert.ok(!ok({ _id: new ObjectId() }), 'required');
    assert.ok(!ok({ _id: new ObjectId(), name: 'X' }), 'minLength');
    assert.ok(!ok({ _id: new ObjectId(), name: 'Foo', source: 'something else' }), 'enum');
    assert.ok(!ok({ _id: new ObjectId(), name: 'Foo', age: -1 }), 'minimum');
    assert.ok(!ok({ _id: new ObjectId(), name: 'Foo', tags: ['a', 1] }), 'items');
    assert.ok(!ok({ _id: new ObjectId(), name: 'Foo', extra: 1 }), 'additionalProperties');
  });
});

describe('compileFilter $text', () => {
  test('compileFilter – $text terms with stemming – any term matches, stop words ignored', () => {
    const f = compileFilter({ $text: { $search: 'text search' } });
    assert.ok(f({ title: 'Searching in mongoose' }));
    assert.ok(!f({ title: 'querying in mongoose' }));
    assert.ok(!compileFilter({ $text: { $search: 'in' } })({ title: 'in' }));
  });

  test('compileFilter – $text phrases, negations and fields – narrowed', () => {
    assert.ok(compileFilter({ $text: { $search: '"quick fox"' } })({ t: 'The QUICK fox' }));
    assert.ok(!compileFilter({ $text: { $search: '"quick fox"' } })({ t: 'fox quick' }));
    assert.ok(!compileFilter({ $text: { $search: 'fox -quick' } })({ t: 'quick fox' }));
    assert.ok(!compileFilter({ $text: { $search: 'fox' } }, { textFields: ['title'] })({ title: 'x', body: 'fox' }));
  });
});

describe('compileFilter collation', () => {
  test('compileFilter – strength 2 collation – case-insensitive equality and $in', () => {
    const f = compileFilter({ a: 'HELLO', b: { $in: ['X'] } }, { collation: { locale: 'en', strength: 2 } });
    assert.ok(f({ a: 'hello', b: 'x' }));
  });
});
