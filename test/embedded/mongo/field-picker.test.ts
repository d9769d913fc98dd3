import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Binary, BSONRegExp, BSONSymbol, Code, DBRef, Decimal128, deserialize, Double, Int32, Long, MaxKey, MinKey, ObjectId, serialize, Timestamp } from 'bson';
import { FieldPicker } from '../../../src/embedded/mongo/catalog/field-picker.js';

const OPTIONS = { promoteValues: false } as const;

/** One field of every BSON element type, with look-alike names around them. */
const doc = {
  _id: new ObjectId(),
  double: new Double(1.5),
  string: 'teks ✓',
  document: { a: 1, b: { c: [1, 2] } },
  array: [1, 'dua', { tiga: 3 }],
  binary: new Binary(Buffer.from([1, 2, 3]), 4),
  undefinedValue: undefined,
  bool: true,
  date: new Date('2024-05-06T07:08:09Z'),
  nothing: null,
  regex: new BSONRegExp('^a.c$', 'i'),
  pointer: new DBRef('coll', new ObjectId()),
  code: new Code('function () {}'),
  symbol: new BSONSymbol('sym'),
  scoped: new Code('function () { return x; }', { x: 1 }),
  int32: new Int32(7),
  timestamp: new Timestamp({ t: 5, i: 6 }),
  int64: Long.fromNumber(8),
  decimal: Decimal128.fromString('9.99'),
  min: new MinKey(),
  max: new MaxKey(),
  'nama ✓': 'utf-8 name',
  s: 'prefix of string',
};
const bytes = Buffer.from(serialize(doc, { ignoreUndefined: false }));
const whole = deserialize(bytes, OPTIONS);

function picked(names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(whole).filter(([name]) => names.includes(name)));
}

describe('FieldPicker', () => {
  test('read – each field alone, every BSON type – the same value as a whole decode', () => {
    for (const name of Object.keys(whole)) assert.deepEqual(new FieldPicker([name]).read(bytes), picked([name]), name);
  });

  test('read – several fields – those only, in stored order; a name that starts another picks only itself', () => {
    const picker = new FieldPicker(['s', 'max', '_id', 'nama ✓', 'missing']);
    assert.deepEqual(Object.keys(picker.read(bytes)), ['_id', 'max', 'nama ✓', 's']);
    assert.deepEqual(picker.read(bytes), picked(['_id', 'max', 'nama ✓', 's']));
  });

  test('read – no field named, or every field – an empty document, the whole document', () => {
    assert.deepEqual(new FieldPicker([]).read(bytes), {});
    assert.deepEqual(new FieldPicker(Object.keys(whole)).read(bytes), whole);
  });

  test('read – one picker over documents of growing size – each read on its own', () => {
    const picker = new FieldPicker(['text', 'n']);
    for (const size of [10, 1_000, 100_000, 5]) {
      const one = Buffer.from(serialize({ _id: size, n: size, text: 'x'.repeat(size), other: 'y' }));
      assert.deepEqual(picker.read(one), { n: new Int32(size), text: 'x'.repeat(size) }, String(size));
    }
  });
});
