/** `$group` accumulators; the same reducers back `$sum`/`$avg`/`$min`/`$max`/`$stdDev*` over arrays. */
import { Decimal128, Double, Int32 } from 'bson';
import { commandError } from '../../errors.js';
import { compareValues } from '../compare.js';
import { arith, isNumeric, numKind, toNumber } from '../numeric.js';
import { sortDocuments } from '../sort.js';
import { isPlainObject, type Collation, type Document } from '../types.js';
import { valueKey } from './value-key.js';

export interface Accumulator {
  /** `value` is the evaluated operand; `doc` the grouped document (for `$top`/`$bottom` sort keys). */
  add(value: unknown, doc?: unknown): void;
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

function addToSet(collation?: Collation): Accumulator {
  const seen = new Map<string, unknown>();
  return {
    add(v) {
      if (v === undefined) return;
      const k = valueKey(v, collation);
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

/** The `n` of the N-accumulators: a positive integer. */
function countOf(op: string, spec: unknown): number {
  const n = isPlainObject(spec) ? spec.n : undefined;
  if (!isNumeric(n) || !Number.isInteger(toNumber(n)) || toNumber(n) < 1) {
    throw commandError('BadValue', `${op} requires 'n' to be a positive integer, found ${JSON.stringify(n)}`);
  }
  return toNumber(n);
}

function inputOf(spec: unknown): unknown {
  return isPlainObject(spec) ? spec.input : undefined;
}

/** `$firstN`/`$lastN`: the first or last n inputs (missing counts as null). */
function firstLastN(op: string, last: boolean): Factory {
  return () => {
    let out: unknown[] = [];
    let n = 0;
    return {
      add(spec) {
        n = countOf(op, spec);
        const v = inputOf(spec) ?? null;
        if (last) out = [...out, v].slice(-n);
        else if (out.length < n) out.push(v);
      },
      result: () => out,
    };
  };
}

/** `$maxN`/`$minN`: the n largest or smallest non-null inputs. */
function extremeN(op: string, sign: 1 | -1): Factory {
  return (collation) => {
    const values: unknown[] = [];
    let n = 0;
    return {
      add(spec) {
        n = countOf(op, spec);
        const v = inputOf(spec);
        if (v !== null && v !== undefined) values.push(v);
      },
      result: () => values.sort((a, b) => -sign * compareValues(a, b, collation)).slice(0, n),
    };
  };
}

/** `$top`/`$bottom`(`N`): outputs of the first or last documents in `sortBy` order. */
function topBottom(op: string, bottom: boolean, many: boolean): Factory {
  return (collation) => {
    const rows: Array<{ doc: unknown; out: unknown }> = [];
    let sortBy: Document = {};
    let n = 1;
    return {
      add(spec, doc) {
        if (!isPlainObject(spec) || !isPlainObject(spec.sortBy)) throw commandError('FailedToParse', `${op} requires a 'sortBy' object`);
        sortBy = spec.sortBy;
        if (many) n = countOf(op, spec);
        rows.push({ doc, out: spec.output === undefined ? null : spec.output });
      },
      result() {
        const outputs = new Map(rows.map((r) => [r.doc, r.out]));
        const order = sortDocuments(rows.map((r) => r.doc as Document), sortBy, collation).map((d) => outputs.get(d));
        const picked = bottom ? order.slice(-n) : order.slice(0, n);
        return many ? picked : (picked[0] ?? null);
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
  $firstN: firstLastN('$firstN', false),
  $lastN: firstLastN('$lastN', true),
  $maxN: extremeN('$maxN', 1),
  $minN: extremeN('$minN', -1),
  $top: topBottom('$top', false, false),
  $topN: topBottom('$topN', false, true),
  $bottom: topBottom('$bottom', true, false),
  $bottomN: topBottom('$bottomN', true, true),
};

/** Runs one accumulator over a list of values (the array forms of `$sum`, `$avg`, ...). */
export function reduceWith(op: string, values: unknown[], collation?: Collation): unknown {
  const acc = ACCUMULATORS[op](collation);
  for (const v of values) acc.add(v);
  return acc.result();
}
