/** Array and set expression operators, plus `$objectToArray`/`$arrayToObject`. */
import { Int32 } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { bsonTypeName, compareValues, valuesEqual } from '../compare.js';
import { isNumeric, toNumber } from '../numeric.js';
import { isNullish, isPlainObject, type Document } from '../types.js';
import { evalArgs, evalArgsN, evaluate, isTruthy, withVars, type EvalContext, type OperatorFn } from './expressions.js';
import { valueKey } from './value-key.js';


function requireArray(op: string, v: unknown, what = 'argument'): unknown[] {
  if (!Array.isArray(v)) throw commandError('TypeMismatch', `${op}'s ${what} must be an array, but is ${bsonTypeName(v)}`);
  return v;
}

function requireInt(op: string, v: unknown): number {
  if (!isNumeric(v) || !Number.isInteger(toNumber(v))) throw commandError('BadValue', `${op} requires an integral value, found ${bsonTypeName(v)}`);
  return toNumber(v);
}

function elemAt(arr: unknown[], idx: number): unknown {
  const i = idx < 0 ? arr.length + idx : idx;
  return i >= 0 && i < arr.length ? arr[i] : undefined;
}

/** Parses `{input, as, ...}` and runs `fn` per element with the variable bound. */
function iterate(op: string, args: unknown, ctx: EvalContext): { items: unknown[] | null; bind: (el: unknown) => EvalContext; spec: Document } {
  if (!isPlainObject(args) || !('input' in args)) throw commandError('FailedToParse', `Missing 'input' parameter to ${op}`);
  const input = evaluate(args.input, ctx);
  const as = typeof args.as === 'string' ? args.as : 'this';
  const bind = (el: unknown) => withVars(ctx, { [as]: el });
  if (isNullish(input)) return { items: null, bind, spec: args };
  return { items: requireArray(op, input, "input"), bind, spec: args };
}

const filter: OperatorFn = (args, ctx) => {
  const { items, bind, spec } = iterate('$filter', args, ctx);
  if (!items) return null;
  const limit = spec.limit === undefined ? Infinity : requireInt('$filter', evaluate(spec.limit, ctx));
  const out: unknown[] = [];
  for (const el of items) {
    if (out.length >= limit) break;
    if (isTruthy(evaluate(spec.cond, bind(el)))) out.push(el);
  }
  return out;
};

const map: OperatorFn = (args, ctx) => {
  const { items, bind, spec } = iterate('$map', args, ctx);
  if (!items) return null;
  return items.map((el) => evaluate(spec.in, bind(el)) ?? null);
};

const reduce: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$reduce requires an object');
  const input = evaluate(args.input, ctx);
  if (isNullish(input)) return null;
  let value = evaluate(args.initialValue, ctx);
  for (const el of requireArray('$reduce', input, 'input')) value = evaluate(args.in, withVars(ctx, { this: el, value }));
  return value;
};

const slice: OperatorFn = (args, ctx) => {
  const list = evalArgsN('$slice', args, ctx, 2, 3);
  if (list.some(isNullish)) return null;
  const arr = requireArray('$slice', list[0], 'first argument');
  if (list.length === 2) {
    const n = requireInt('$slice', list[1]);
    return n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(0, arr.length + n));
  }
  const pos = requireInt('$slice', list[1]);
  const n = requireInt('$slice', list[2]);
  if (n <= 0) throw commandError('BadValue', `Third argument to $slice must be positive: ${n}`);
  const start = pos < 0 ? Math.max(0, arr.length + pos) : pos;
  return arr.slice(start, start + n);
};

const range: OperatorFn = (args, ctx) => {
  const [s, e, st] = evalArgsN('$range', args, ctx, 2, 3);
  const start = requireInt('$range', s);
  const end = requireInt('$range', e);
  const step = st === undefined ? 1 : requireInt('$range', st);
  if (step === 0) throw new MongoCommandError(34449, 'Location34449', '$range requires a non-zero step value');
  const out: Int32[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(new Int32(i));
  return out;
};

function setArgs(op: string, args: unknown, ctx: EvalContext): unknown[][] | null {
  const list = evalArgs(args, ctx);
  if (list.some(isNullish)) return null;
  return list.map((v) => requireArray(op, v));
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) if (!seen.has(valueKey(v))) seen.set(valueKey(v), v);
  return [...seen.values()];
}

const zip: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$zip requires an object');
  const inputs = evaluate(args.inputs, ctx);
  if (isNullish(inputs)) return null;
  const arrays = requireArray('$zip', inputs, 'inputs');
  if (arrays.some(isNullish)) return null;
  const lists = arrays.map((a) => requireArray('$zip', a, 'inputs element'));
  const longest = args.useLongestLength === true;
  const defaults = Array.isArray(args.defaults) ? (evaluate(args.defaults, ctx) as unknown[]) : [];
  const n = lists.length === 0 ? 0 : longest ? Math.max(...lists.map((l) => l.length)) : Math.min(...lists.map((l) => l.length));
  return Array.from({ length: n }, (_, i) => lists.map((l, j) => (i < l.length ? l[i] : (defaults[j] ?? null))));
};

const arrayToObject: OperatorFn = (args, ctx) => {
  const [v] = evalArgsN('$arrayToObject', args, ctx, 1);
  if (isNullish(v)) return null;
  const out: Document = {};
  for (const pair of requireArray('$arrayToObject', v)) {
    if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string') out[pair[0]] = pair[1];
    else if (isPlainObject(pair) && typeof pair.k === 'string' && 'v' in pair) out[pair.k] = pair.v;
    else throw new MongoCommandError(40398, 'Location40398', '$arrayToObject requires an array of key-value pairs');
  }
  return out;
};

const sortArray: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$sortArray requires an object');
  const input = evaluate(args.input, ctx);
  if (isNullish(input)) return null;
  const arr = [...requireArray('$sortArray', input, 'input')];
  const by = args.sortBy;
  if (isPlainObject(by)) {
    const keys = Object.entries(by);
    arr.sort((a, b) => {
      for (const [k, dir] of keys) {
        const c = compareValues(isPlainObject(a) ? a[k] : undefined, isPlainObject(b) ? b[k] : undefined, ctx.collation);
        if (c !== 0) return c * toNumber(dir);
      }
      return 0;
    });
  } else arr.sort((a, b) => compareValues(a, b, ctx.collation) * toNumber(by));
  return arr;
};

export const arrayOperators: Record<string, OperatorFn> = {
  $size: (args, ctx) => {
    const [v] = evalArgsN('$size', args, ctx, 1);
    if (!Array.isArray(v)) throw new MongoCommandError(17124, 'Location17124', `The argument to $size must be an array. Type of argument is ${bsonTypeName(v)}`);
    return new Int32(v.length);
  },
  $arrayElemAt: (args, ctx) => {
    const [arr, idx] = evalArgsN('$arrayElemAt', args, ctx, 2);
    if (isNullish(arr) || isNullish(idx)) return null;
    return elemAt(requireArray('$arrayElemAt', arr, 'first argument'), requireInt('$arrayElemAt', idx));
  },
  $first: (args, ctx) => {
    const [arr] = evalArgsN('$first', args, ctx, 1);
    return isNullish(arr) ? null : elemAt(requireArray('$first', arr), 0);
  },
  $last: (args, ctx) => {
    const [arr] = evalArgsN('$last', args, ctx, 1);
    return isNullish(arr) ? null : elemAt(requireArray('$last', arr), -1);
  },
  $filter: filter,
  $map: map,
  $reduce: reduce,
  $in: (args, ctx) => {
    const [v, arr] = evalArgsN('$in', args, ctx, 2);
    if (!Array.isArray(arr)) throw new MongoCommandError(40081, 'Location40081', `$in requires an array as a second argument, found: ${bsonTypeName(arr)}`);
    return arr.some((el) => valuesEqual(el, v, ctx.collation));
  },
  $concatArrays: (args, ctx) => {
    const list = evalArgs(args, ctx);
    if (list.some(isNullish)) return null;
    return list.flatMap((v) => requireArray('$concatArrays', v));
  },
  $slice: slice,
  $isArray: (args, ctx) => Array.isArray(evalArgsN('$isArray', args, ctx, 1)[0]),
  $reverseArray: (args, ctx) => {
    const [v] = evalArgsN('$reverseArray', args, ctx, 1);
    return isNullish(v) ? null : [...requireArray('$reverseArray', v)].reverse();
  },
  $range: range,
  $indexOfArray: (args, ctx) => {
    const [arr, v, s, e] = evalArgsN('$indexOfArray', args, ctx, 2, 4);
    if (isNullish(arr)) return null;
    const list = requireArray('$indexOfArray', arr, 'first argument');
    const start = s === undefined ? 0 : requireInt('$indexOfArray', s);
    const end = e === undefined ? list.length : Math.min(list.length, requireInt('$indexOfArray', e));
    for (let i = start; i < end; i++) if (valuesEqual(list[i], v, ctx.collation)) return new Int32(i);
    return new Int32(-1);
  },
  $setUnion: (args, ctx) => {
    const sets = setArgs('$setUnion', args, ctx);
    return sets && dedupe(sets.flat());
  },
  $setIntersection: (args, ctx) => {
    const sets = setArgs('$setIntersection', args, ctx);
    if (!sets) return null;
    if (sets.length === 0) return [];
    const keys = sets.slice(1).map((s) => new Set(s.map((x) => valueKey(x))));
    return dedupe(sets[0]).filter((v) => keys.every((k) => k.has(valueKey(v))));
  },
  $setDifference: (args, ctx) => {
    const sets = setArgs('$setDifference', args, ctx);
    if (!sets) return null;
    const other = new Set(sets[1].map((x) => valueKey(x)));
    return dedupe(sets[0]).filter((v) => !other.has(valueKey(v)));
  },
  $setEquals: (args, ctx) => {
    const sets = setArgs('$setEquals', args, ctx) ?? [];
    const keyed = sets.map((s) => new Set(s.map((x) => valueKey(x))));
    return keyed.every((k) => k.size === keyed[0].size && [...k].every((x) => keyed[0].has(x)));
  },
  $setIsSubset: (args, ctx) => {
    const sets = setArgs('$setIsSubset', args, ctx) ?? [[], []];
    const sup = new Set(sets[1].map((x) => valueKey(x)));
    return sets[0].every((v) => sup.has(valueKey(v)));
  },
  $anyElementTrue: (args, ctx) => requireArray('$anyElementTrue', evalArgsN('$anyElementTrue', args, ctx, 1)[0]).some(isTruthy),
  $allElementsTrue: (args, ctx) => requireArray('$allElementsTrue', evalArgsN('$allElementsTrue', args, ctx, 1)[0]).every(isTruthy),
  $zip: zip,
  $objectToArray: (args, ctx) => {
    const [v] = evalArgsN('$objectToArray', args, ctx, 1);
    if (isNullish(v)) return null;
    if (!isPlainObject(v)) throw new MongoCommandError(40390, 'Location40390', `$objectToArray requires a document input, found: ${bsonTypeName(v)}`);
    return Object.entries(v).map(([k, val]) => ({ k, v: val }));
  },
  $arrayToObject: arrayToObject,
  $sortArray: sortArray,
};
