/** `$group` accumulators; the same reducers back `$sum`/`$avg`/`$min`/`$max`/`$stdDev*` over arrays. */
import { Decimal128, Double, Int32 } from 'bson';
import { commandError } from '../../errors.js';
import { compareValues } from '../compare.js';
import { arith, isNumeric, numKind, toNumber } from '../numeric.js';
import { isPlainObject, type Collation, type Document } from '../types.js';
import { valueKey } from './value-key.js';

export interface Accumulator {
  add(value: unknown): void;
  result(): unknown;
}

type Factory = (collation?: Collation) => Accumulator;

function sum(): Accumulator {
  let total: unknown = new Int32(0);
  return {
    add(v) {
      if (isNumeric(v)) total = arith('add', total, v);
    },
    result: () => total,
  };
}

function avg(): Accumulator {
  let total = 0;
  let n = 0;
  let decimal = false;
  return {
    add(v) {
      if (!isNumeric(v)) return;
      total += toNumber(v);
      n++;
      decimal ||= numKind(v) === 'decimal';
    },
    result: () => (n === 0 ? null : decimal ? Decimal128.fromString(String(total / n)) : new Double(total / n)),
  };
}

function extreme(sign: 1 | -1): Factory {
  return (collation) => {
    let best: unknown;
    return {
      add(v) {
        if (v === undefined || v === null) return;
        if (best === undefined || sign * compareValues(v, best, collation) > 0) best = v;
      },
      result: () => (best === undefined ? null : best),
    };
  };
}

function first(): Accumulator {
  let seen = false;
  let value: unknown = null;
  return {
    add(v) {
      if (!seen) {
        seen = true;
        value = v === undefined ? null : v;
      }
    },
    result: () => value,
  };
}

function last(): Accumulator {
  let value: unknown = null;
  return {
    add(v) {
      value = v === undefined ? null : v;
    },
    result: () => value,
  };
}

function push(): Accumulator {
  const out: unknown[] = [];
  return {
    add(v) {
      if (v !== undefined) out.push(v);
    },
    result: () => out,
  };
}

function addToSet(): Accumulator {
  const seen = new Map<string, unknown>();
  return {
    add(v) {
      if (v === undefined) return;
      const k = valueKey(v);
      if (!seen.has(k)) seen.set(k, v);
    },
    result: () => [...seen.values()],
  };
}

function mergeObjects(): Accumulator {
  const out: Document = {};
  return {
    add(v) {
      if (v === null || v === undefined) return;
      if (!isPlainObject(v)) throw commandError('TypeMismatch', `$mergeObjects requires object inputs, but input ${JSON.stringify(v)} is not an object`);
      Object.assign(out, v);
    },
    result: () => out,
  };
}

function stdDev(sample: boolean): Factory {
  return () => {
    const values: number[] = [];
    return {
      add(v) {
        if (isNumeric(v)) values.push(toNumber(v));
      },
      result() {
        const n = values.length;
        if (n === 0 || (sample && n === 1)) return null;
        const mean = values.reduce((a, b) => a + b, 0) / n;
        const sq = values.reduce((a, b) => a + (b - mean) ** 2, 0);
        return new Double(Math.sqrt(sq / (sample ? n - 1 : n)));
      },
    };
  };
}

export const ACCUMULATORS: Record<string, Factory> = {
  $sum: sum,
  $avg: avg,
  $min: extreme(-1),
  $max: extreme(1),
  $first: first,
  $last: last,
  $push: push,
  $addToSet: addToSet,
  $mergeObjects: mergeObjects,
  $stdDevPop: stdDev(false),
  $stdDevSamp: stdDev(true),
};

/** Runs one accumulator over a list of values (the array forms of `$sum`, `$avg`, ...). */
export function reduceWith(op: string, values: unknown[], collation?: Collation): unknown {
  const acc = ACCUMULATORS[op](collation);
  for (const v of values) acc.add(v);
  return acc.result();
}
