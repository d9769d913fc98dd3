import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import {
  analyzeFilter, compareValues, compileFilter, makeComparator, sortDocuments, valueKey, type Document,
} from '../../../../src/embedded/mongo/query/index.js';

/** A small deterministic generator so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const ids = [new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000002')];

function randomValue(r: () => number): unknown {
  const n = Math.floor(r() * 7) - 3;
  switch (Math.floor(r() * 11)) {
    case 0: return new Int32(n);
    case 1: return new Double(n / 2);
    case 2: return Long.fromNumber(n);
    case 3: return Decimal128.fromString(String(n / 4));
    case 4: return ['a', 'b', 'B', ''][Math.abs(n) % 4];
    case 5: return null;
    case 6: return ids[Math.abs(n) % 2];
    case 7: return new Date(n * 1000);
    case 8: return n > 0;
    case 9: return { x: new Int32(n) };
    default: return undefined;
  }
}

describe('query properties over random values', () => {
  test('valueKey – random pairs of values – equal keys exactly when compareValues is 0', () => {
    const r = rng(7);
    for (let i = 0; i < 3000; i++) {
      const a = randomValue(r);
      const b = randomValue(r);
      assert.equal(valueKey(a) === valueKey(b), compareValues(a, b) === 0, `${String(a)} vs ${String(b)}`);
    }
  });

  test('compareValues – random triples – antisymmetric and transitive', () => {
    const r = rng(11);
    for (let i = 0; i < 3000; i++) {
      const [a, b, c] = [randomValue(r), randomValue(r), randomValue(r)];
      assert.equal(Math.sign(compareValues(a, b)), -Math.sign(compareValues(b, a)) || 0);
      if (compareValues(a, b) <= 0 && compareValues(b, c) <= 0) assert.ok(compareValues(a, c) <= 0);
    }
  });

  test('sortDocuments – random documents – same order as makeComparator', () => {
    const r = rng(3);
    const docs: Document[] = Array.from({ length: 300 }, (_, i) => ({ i, v: randomValue(r), w: randomValue(r) }));
    const spec = { v: -1, w: 1 };
    assert.deepEqual(sortDocuments(docs, spec).map((d) => d.i), [...docs].sort(makeComparator(spec)).map((d) => d.i));
  });

  test('analyzeFilter – random range and equality filters – bounds keep every match (index superset)', () => {
    const r = rng(5);
    const docs: Document[] = Array.from({ length: 400 }, () => ({ v: randomValue(r) }));
    for (let i = 0; i < 200; i++) {
      const a = randomValue(r);
      const b = randomValue(r);
      const filters: Document[] = [{ v: a }, { v: { $gte: a, $lt: b } }, { v: { $in: [a, b] } }, { v: { $gt: a } }];
      for (const filter of filters) {
        const match = compileFilter(filter);
        for (const cond of analyzeFilter(filter)) {
          const inBounds = (x: unknown) => {
            if (cond.kind !== 'range') return cond.values!.some((v) => compareValues(v, x) === 0);
            const lo = !cond.min || compareValues(x, cond.min.value) > 0 || (cond.min.inclusive && compareValues(x, cond.min.value) === 0);
            const hi = !cond.max || compareValues(x, cond.max.value) < 0 || (cond.max.inclusive && compareValues(x, cond.max.value) === 0);
            return lo && hi;
          };
          for (const d of docs) if (match(d)) assert.ok(inBounds(d.v), `${JSON.stringify(filter)} matched ${String(d.v)} outside the bounds`);
        }
      }
    }
  });
});
