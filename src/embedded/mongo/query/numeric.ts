/**
 * MongoDB's numeric type rules over bson values: int+int → int (long on overflow), long stays long,
 * any double → double, decimal wins. Plain JS numbers count as int when they are int32 integers.
 */
import { Decimal128, Double, Int32, Long } from 'bson';
import { decimalArith, toDec } from './decimal.js';
import { bsonTag } from './types.js';

export type NumKind = 'int' | 'long' | 'double' | 'decimal';

const RANK: Record<NumKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function numKind(v: unknown): NumKind | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? 'int' : 'double';
  switch (bsonTag(v)) {
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    default:
      return undefined;
  }
}

export function isNumeric(v: unknown): boolean {
  return numKind(v) !== undefined;
}

/** The value as a JS number (Decimal128 and Long may lose precision). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  switch (bsonTag(v)) {
    case 'Int32':
    case 'Double':
      return (v as Int32 | Double).value;
    case 'Long':
      return (v as Long).toNumber();
    case 'Decimal128':
      return Number((v as Decimal128).toString());
    default:
      return NaN;
  }
}

function toBigInt(v: unknown): bigint {
  if (bsonTag(v) === 'Long') return (v as Long).toBigInt();
  return BigInt(Math.trunc(toNumber(v)));
}

export function wider(a: NumKind, b: NumKind): NumKind {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Wraps a JS number in the bson class of `kind` (ints that overflow widen to long, then double). */
export function makeNumber(n: number, kind: NumKind): unknown {
  switch (kind) {
    case 'int':
      if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX) return new Int32(n);
      return makeNumber(n, 'long');
    case 'long':
      if (Number.isSafeInteger(n)) return Long.fromNumber(n);
      return new Double(n);
    case 'double':
      return new Double(n);
    case 'decimal':
      return Decimal128.fromString(decimalString(n));
  }
}

function decimalString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n);
}

function fromBigInt(n: bigint, kind: 'int' | 'long'): unknown {
  if (kind === 'int' && n >= BigInt(INT32_MIN) && n <= BigInt(INT32_MAX)) return new Int32(Number(n));
  if (n >= INT64_MIN && n <= INT64_MAX) return Long.fromBigInt(n);
  return new Double(Number(n));
}

type Op = 'add' | 'subtract' | 'multiply';

/** Integer-exact arithmetic for int/long operands, float arithmetic otherwise. */
export function arith(op: Op, a: unknown, b: unknown): unknown {
  const kind = wider(numKind(a) ?? 'double', numKind(b) ?? 'double');
  if (kind === 'int' || kind === 'long') {
    const x = toBigInt(a);
    const y = toBigInt(b);
    const r = op === 'add' ? x + y : op === 'subtract' ? x - y : x * y;
    return fromBigInt(r, kind);
  }
  if (kind === 'decimal') {
    const da = toDec(a);
    const db = toDec(b);
    if (da && db) return decimalArith(op, da, db);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  return makeNumber(op === 'add' ? x + y : op === 'subtract' ? x - y : x * y, kind);
}

/** A JS result of a computation over `inputs`, typed as MongoDB types the widest input. */
export function sameKindAs(n: number, ...inputs: unknown[]): unknown {
  let kind: NumKind = 'int';
  for (const v of inputs) kind = wider(kind, numKind(v) ?? 'double');
  return makeNumber(n, kind);
}
