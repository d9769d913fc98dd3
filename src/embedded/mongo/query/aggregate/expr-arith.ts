/** Arithmetic expression operators with MongoDB's null propagation and numeric type rules. */
import { Decimal128, Double, Long } from 'bson';
import { commandError } from '../../errors.js';
import { bsonTypeName } from '../compare.js';
import { arith, isNumeric, makeNumber, numKind, sameKindAs, toNumber, wider } from '../numeric.js';
import { reduceWith } from './accumulators.js';
import { evalArgs, evalArgsN, type OperatorFn } from './expressions.js';
import { isNullish } from '../types.js';


function requireNumber(op: string, v: unknown): void {
  if (!isNumeric(v)) throw commandError('TypeMismatch', `${op} only supports numeric types, not ${bsonTypeName(v)}`);
}

const add: OperatorFn = (args, ctx) => {
  const list = evalArgs(args, ctx);
  if (list.some(isNullish)) return null;
  let date: Date | undefined;
  let total: unknown = 0;
  for (const v of list) {
    if (v instanceof Date) {
      if (date) throw commandError('TypeMismatch', 'only one date allowed in an $add expression');
      date = v;
    } else if (isNumeric(v)) total = arith('add', total, v);
    else throw commandError('TypeMismatch', `$add only supports numeric or date types, not ${bsonTypeName(v)}`);
  }
  return date ? new Date(date.getTime() + Math.round(toNumber(total))) : total;
};

const subtract: OperatorFn = (args, ctx) => {
  const [a, b] = evalArgsN('$subtract', args, ctx, 2);
  if (isNullish(a) || isNullish(b)) return null;
  if (a instanceof Date && b instanceof Date) return Long.fromNumber(a.getTime() - b.getTime());
  if (a instanceof Date && isNumeric(b)) return new Date(a.getTime() - Math.round(toNumber(b)));
  if (isNumeric(a) && isNumeric(b)) return arith('subtract', a, b);
  throw commandError('TypeMismatch', `can't $subtract ${bsonTypeName(b)} from ${bsonTypeName(a)}`);
};

const multiply: OperatorFn = (args, ctx) => {
  const list = evalArgs(args, ctx);
  if (list.some(isNullish)) return null;
  let total: unknown = 1;
  for (const v of list) {
    requireNumber('$multiply', v);
    total = arith('multiply', total, v);
  }
  return total;
};

const divide: OperatorFn = (args, ctx) => {
  const [a, b] = evalArgsN('$divide', args, ctx, 2);
  if (isNullish(a) || isNullish(b)) return null;
  requireNumber('$divide', a);
  requireNumber('$divide', b);
  if (toNumber(b) === 0) throw commandError('BadValue', "can't $divide by zero");
  const r = toNumber(a) / toNumber(b);
  return numKind(a) === 'decimal' || numKind(b) === 'decimal' ? Decimal128.fromString(String(r)) : new Double(r);
};

const mod: OperatorFn = (args, ctx) => {
  const [a, b] = evalArgsN('$mod', args, ctx, 2);
  if (isNullish(a) || isNullish(b)) return null;
  requireNumber('$mod', a);
  requireNumber('$mod', b);
  if (toNumber(b) === 0) throw commandError('BadValue', "can't $mod by zero");
  return sameKindAs(toNumber(a) % toNumber(b), a, b);
};

/** A one-argument numeric function keeping the input's type (`$abs`) or rounding to an integer value. */
function unary(op: string, fn: (n: number) => number, result: 'same' | 'double' = 'same'): OperatorFn {
  return (args, ctx) => {
    const [v] = evalArgsN(op, args, ctx, 1);
    if (isNullish(v)) return null;
    requireNumber(op, v);
    const r = fn(toNumber(v));
    if (result === 'double') return numKind(v) === 'decimal' ? Decimal128.fromString(String(r)) : new Double(r);
    return makeNumber(r, numKind(v)!);
  };
}

function rounding(op: '$round' | '$trunc'): OperatorFn {
  return (args, ctx) => {
    const [v, placeArg] = evalArgsN(op, args, ctx, 1, 2);
    if (isNullish(v) || (placeArg !== undefined && isNullish(placeArg))) return null;
    requireNumber(op, v);
    const place = placeArg === undefined ? 0 : toNumber(placeArg);
    if (!Number.isInteger(place) || place < -20 || place > 100) throw commandError('BadValue', `${op} requires "place" argument to be an integer between -20 and 100`);
    const f = 10 ** place;
    const n = toNumber(v) * f;
    // $round uses round-half-to-even, as mongod does.
    const r = op === '$trunc' ? Math.trunc(n) : Math.abs(n % 1) === 0.5 ? 2 * Math.round(n / 2) : Math.round(n);
    return makeNumber(r / f, numKind(v)!);
  };
}

const pow: OperatorFn = (args, ctx) => {
  const [a, b] = evalArgsN('$pow', args, ctx, 2);
  if (isNullish(a) || isNullish(b)) return null;
  requireNumber('$pow', a);
  requireNumber('$pow', b);
  if (toNumber(a) === 0 && toNumber(b) < 0) throw commandError('BadValue', '$pow cannot take a base of 0 and a negative exponent');
  const r = toNumber(a) ** toNumber(b);
  const kind = wider(numKind(a)!, numKind(b)!);
  if ((kind === 'int' || kind === 'long') && toNumber(b) < 0) return new Double(r);
  return makeNumber(r, kind);
};

function logarithm(op: string, fn: (n: number) => number, domain: (n: number) => boolean, msg: string): OperatorFn {
  return (args, ctx) => {
    const [v] = evalArgsN(op, args, ctx, 1);
    if (isNullish(v)) return null;
    requireNumber(op, v);
    if (!domain(toNumber(v))) throw commandError('BadValue', msg);
    return new Double(fn(toNumber(v)));
  };
}

/** `$sum`/`$avg`/`$min`/`$max`/`$stdDev*` as expressions: over one array argument, or over the arguments. */
function listReducer(op: string): OperatorFn {
  return (args, ctx) => {
    const list = evalArgs(args, ctx);
    const values = list.length === 1 && Array.isArray(list[0]) ? list[0] : list;
    return reduceWith(op, values, ctx.collation);
  };
}

export const arithmeticOperators: Record<string, OperatorFn> = {
  $add: add,
  $subtract: subtract,
  $multiply: multiply,
  $divide: divide,
  $mod: mod,
  $abs: unary('$abs', Math.abs),
  $ceil: unary('$ceil', Math.ceil),
  $floor: unary('$floor', Math.floor),
  $round: rounding('$round'),
  $trunc: rounding('$trunc'),
  $pow: pow,
  $sqrt: logarithm('$sqrt', Math.sqrt, (n) => n >= 0, "$sqrt's argument must be greater than or equal to 0"),
  $exp: unary('$exp', Math.exp, 'double'),
  $ln: logarithm('$ln', Math.log, (n) => n > 0, "$ln's argument must be a positive number"),
  $log10: logarithm('$log10', Math.log10, (n) => n > 0, "$log10's argument must be a positive number"),
  $log: (args, ctx) => {
    const [v, base] = evalArgsN('$log', args, ctx, 2);
    if (isNullish(v) || isNullish(base)) return null;
    requireNumber('$log', v);
    requireNumber('$log', base);
    return new Double(Math.log(toNumber(v)) / Math.log(toNumber(base)));
  },
  $sin: unary('$sin', Math.sin, 'double'),
  $cos: unary('$cos', Math.cos, 'double'),
  $tan: unary('$tan', Math.tan, 'double'),
  $asin: unary('$asin', Math.asin, 'double'),
  $acos: unary('$acos', Math.acos, 'double'),
  $atan: unary('$atan', Math.atan, 'double'),
  $degreesToRadians: unary('$degreesToRadians', (n) => (n * Math.PI) / 180, 'double'),
  $radiansToDegrees: unary('$radiansToDegrees', (n) => (n * 180) / Math.PI, 'double'),
  $atan2: (args, ctx) => {
    const [y, x] = evalArgsN('$atan2', args, ctx, 2);
    if (isNullish(y) || isNullish(x)) return null;
    requireNumber('$atan2', y);
    requireNumber('$atan2', x);
    return new Double(Math.atan2(toNumber(y), toNumber(x)));
  },
  $sum: listReducer('$sum'),
  $avg: listReducer('$avg'),
  $min: listReducer('$min'),
  $max: listReducer('$max'),
  $stdDevPop: listReducer('$stdDevPop'),
  $stdDevSamp: listReducer('$stdDevSamp'),
};
