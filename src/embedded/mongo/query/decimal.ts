/**
 * Exact decimal arithmetic and comparison for Decimal128 values (a coefficient and a power of ten,
 * as BigInt), so that 0.1 + 0.2 stays 0.3 and long decimals compare exactly.
 */
import { Decimal128 } from 'bson';
import { bsonTag } from './types.js';

interface Dec {
  coef: bigint;
  exp: number;
}

const DEC_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 34;

/** The exact decimal value of a finite number-like value; undefined for NaN and infinities. */
export function toDec(v: unknown): Dec | undefined {
  let text: string;
  const tag = bsonTag(v);
  if (typeof v === 'number') text = String(v);
  else if (tag === 'Decimal128') text = (v as Decimal128).toString();
  else if (tag === 'Int32' || tag === 'Double') text = String((v as { value: number }).value);
  else if (tag === 'Long') text = String(v);
  else return undefined;
  const m = DEC_RE.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  const coef = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

export function compareDec(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rounds to Decimal128's 34 significant digits (half to even) and builds the value. */
function toDecimal128(coef: bigint, exp: number): Decimal128 {
  let c = coef;
  let e = exp;
  const neg = c < 0n;
  if (neg) c = -c;
  while (c.toString().length > MAX_DIGITS) {
    const q = c / 10n;
    const r = c % 10n;
    c = r > 5n || (r === 5n && q % 2n === 1n) ? q + 1n : q;
    e++;
  }
  return Decimal128.fromString(`${neg ? '-' : ''}${c}E${e}`);
}

export function decimalArith(op: 'add' | 'subtract' | 'multiply', a: Dec, b: Dec): Decimal128 {
  if (op === 'multiply') return toDecimal128(a.coef * b.coef, a.exp + b.exp);
  const [x, y, exp] = align(a, b);
  return toDecimal128(op === 'add' ? x + y : x - y, exp);
}
