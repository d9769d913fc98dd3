/** Type conversion operators: `$convert` and its `$toX` shorthands. */
import { Decimal128, Double, Int32, Long, ObjectId, serialize, type Binary } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { BSON_TYPE_NUMBERS, bsonTypeName } from '../compare.js';
import { isNumeric, numKind, toNumber } from '../numeric.js';
import { isNullish, isPlainObject } from '../types.js';
import { asDate } from './date-parts.js';
import { parseDateString } from './date-parse.js';
import { evalArgsN, evaluate, type OperatorFn } from './expressions.js';


function failure(msg: string): MongoCommandError {
  return new MongoCommandError(241, 'ConversionFailure', msg);
}

function unsupported(v: unknown, to: string): MongoCommandError {
  return failure(`Unsupported conversion from ${bsonTypeName(v)} to ${to} in $convert with no onError value`);
}

function parseNumberString(s: string, integral: boolean): number {
  const ok = integral ? /^\s*[+-]?\d+\s*$/.test(s) : /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$|^[+-]?(Infinity|inf|NaN)$/i.test(s);
  if (!ok) throw failure(`Failed to parse number '${s}' in $convert with no onError value: Did not consume whole string.`);
  const lower = s.trim().toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(s);
}

function toIntegral(v: unknown, to: 'int' | 'long'): unknown {
  let n: number;
  if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (typeof v === 'string') n = parseNumberString(v, true);
  else if (v instanceof Date && to === 'long') return Long.fromNumber(v.getTime());
  else if (isNumeric(v)) {
    if (numKind(v) === 'long' && to === 'long') return v;
    n = Math.trunc(toNumber(v));
    if (!Number.isFinite(n)) throw failure(`Attempt to convert ${toNumber(v)} to ${to} out of range in $convert with no onError value`);
  } else throw unsupported(v, to);
  if (to === 'int') {
    if (n < -2147483648 || n > 2147483647) throw failure(`Conversion would overflow target type in $convert with no onError value: ${n}`);
    return new Int32(n);
  }
  return Long.fromNumber(n);
}

function toDoubleValue(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return parseNumberString(v, false);
  if (v instanceof Date) return v.getTime();
  if (isNumeric(v)) return toNumber(v);
  throw unsupported(v, 'double');
}

export function convertToString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (numKind(v) === 'decimal' || numKind(v) === 'long') return String(v);
  if (isNumeric(v)) return String(toNumber(v));
  if (v instanceof ObjectId || bsonTypeName(v) === 'objectId') return (v as ObjectId).toHexString();
  throw unsupported(v, 'string');
}

function convertValue(v: unknown, to: string): unknown {
  switch (to) {
    case 'double':
      return new Double(toDoubleValue(v));
    case 'decimal':
      return Decimal128.fromString(numKind(v) === 'decimal' ? String(v) : String(toDoubleValue(v)));
    case 'int':
    case 'long':
      return toIntegral(v, to);
    case 'bool':
      return isNumeric(v) ? toNumber(v) !== 0 : typeof v === 'boolean' ? v : true;
    case 'string':
      return convertToString(v);
    case 'objectId':
      if (bsonTypeName(v) === 'objectId') return v;
      if (typeof v === 'string' && /^[0-9a-fA-F]{24}$/.test(v)) return new ObjectId(v);
      if (typeof v === 'string') throw failure(`Failed to parse objectId '${v}' in $convert with no onError value: Invalid string length for parsing to OID, expected 24 but found ${v.length}`);
      throw unsupported(v, 'objectId');
    case 'date':
      if (typeof v === 'string') return parseDateString(v, undefined, undefined);
      if (numKind(v) === 'long' || numKind(v) === 'double' || numKind(v) === 'decimal') return new Date(toNumber(v));
      if (isNumeric(v) || typeof v === 'boolean') throw unsupported(v, 'date');
      try {
        return asDate('$convert', v);
      } catch {
        throw unsupported(v, 'date');
      }
    default:
      throw commandError('BadValue', `Unknown type name: ${to}`);
  }
}

function targetName(to: unknown): string {
  if (typeof to === 'string') {
    if (!(to in BSON_TYPE_NUMBERS)) throw commandError('BadValue', `Unknown type name: ${to}`);
    return to;
  }
  if (isNumeric(to)) {
    const entry = Object.entries(BSON_TYPE_NUMBERS).find(([, n]) => n === toNumber(to));
    if (!entry) throw commandError('BadValue', `Invalid type code: ${toNumber(to)}`);
    return entry[0];
  }
  throw commandError('FailedToParse', "$convert's 'to' argument must be a string or number");
}

const convert: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args) || !('input' in args) || !('to' in args)) throw commandError('FailedToParse', "$convert requires 'input' and 'to' arguments");
  const input = evaluate(args.input, ctx);
  const toRaw = evaluate(args.to, ctx);
  if (isNullish(input)) return 'onNull' in args ? evaluate(args.onNull, ctx) : null;
  if (isNullish(toRaw)) return null;
  try {
    return convertValue(input, targetName(toRaw));
  } catch (e) {
    if ('onError' in args) return evaluate(args.onError, ctx);
    throw e;
  }
};

function shorthand(op: string, to: string): OperatorFn {
  return (args, ctx) => {
    const [v] = evalArgsN(op, args, ctx, 1);
    return isNullish(v) ? null : convertValue(v, to);
  };
}

/** `$bsonSize` / `$binarySize`: byte sizes of a document, a string or binary data. */
const sizes: Record<string, OperatorFn> = {
  $bsonSize: (args, ctx) => {
    const [v] = evalArgsN('$bsonSize', args, ctx, 1);
    if (isNullish(v)) return null;
    if (!isPlainObject(v)) throw commandError('TypeMismatch', `$bsonSize requires a document input, found: ${bsonTypeName(v)}`);
    return new Int32(serialize(v).length);
  },
  $binarySize: (args, ctx) => {
    const [v] = evalArgsN('$binarySize', args, ctx, 1);
    if (isNullish(v)) return null;
    if (typeof v === 'string') return new Int32(Buffer.byteLength(v));
    if (v instanceof Uint8Array) return new Int32(v.length);
    if (bsonTypeName(v) === 'binData') return new Int32((v as Binary).length());
    throw commandError('TypeMismatch', `$binarySize requires a string or BinData argument, found: ${bsonTypeName(v)}`);
  },
};

export const conversionOperators: Record<string, OperatorFn> = {
  ...sizes,
  $convert: convert,
  $toString: shorthand('$toString', 'string'),
  $toInt: shorthand('$toInt', 'int'),
  $toLong: shorthand('$toLong', 'long'),
  $toDouble: shorthand('$toDouble', 'double'),
  $toDecimal: shorthand('$toDecimal', 'decimal'),
  $toBool: shorthand('$toBool', 'bool'),
  $toObjectId: shorthand('$toObjectId', 'objectId'),
  $toDate: shorthand('$toDate', 'date'),
};
