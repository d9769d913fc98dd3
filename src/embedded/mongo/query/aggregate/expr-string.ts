/** String expression operators (code points vs UTF-8 bytes as mongod distinguishes them). */
import { Int32 } from 'bson';
import { commandError } from '../../errors.js';
import { bsonTypeName } from '../compare.js';
import { isNumeric, toNumber } from '../numeric.js';
import { buildRegex, isRegexValue, toRegExp } from '../regex.js';
import { isNullish, isPlainObject, type Document } from '../types.js';
import { evalArgs, evalArgsN, evaluate, type EvalContext, type OperatorFn } from './expressions.js';


/** `$toLower`-style coercion: numbers, dates and strings become strings; null becomes ''. */
function coerceToString(op: string, v: unknown): string {
  if (isNullish(v)) return '';
  if (typeof v === 'string') return v;
  if (isNumeric(v)) return String(toNumber(v));
  if (v instanceof Date) return v.toISOString();
  throw commandError('TypeMismatch', `${op} requires a string argument, found: ${bsonTypeName(v)}`);
}

function requireString(op: string, v: unknown, what = 'argument'): string {
  if (typeof v !== 'string') throw commandError('TypeMismatch', `${op} requires a string ${what}, found: ${bsonTypeName(v)}`);
  return v;
}

const concat: OperatorFn = (args, ctx) => {
  const list = evalArgs(args, ctx);
  if (list.some(isNullish)) return null;
  return list.map((v) => requireString('$concat', v)).join('');
};

function substrBytes(op: string): OperatorFn {
  return (args, ctx) => {
    const [s, start, len] = evalArgsN(op, args, ctx, 3);
    const buf = Buffer.from(coerceToString(op, s), 'utf8');
    const from = Math.max(0, Math.trunc(toNumber(start)));
    const n = toNumber(len) < 0 ? buf.length : Math.trunc(toNumber(len));
    return buf.subarray(from, from + n).toString('utf8');
  };
}

const substrCP: OperatorFn = (args, ctx) => {
  const [s, start, len] = evalArgsN('$substrCP', args, ctx, 3);
  const cps = Array.from(coerceToString('$substrCP', s));
  if (!isNumeric(start) || !isNumeric(len)) throw commandError('TypeMismatch', "$substrCP: starting index and length must be numeric");
  const from = Math.trunc(toNumber(start));
  if (from < 0) throw commandError('BadValue', "$substrCP: starting index must be non-negative");
  return cps.slice(from, from + Math.max(0, Math.trunc(toNumber(len)))).join('');
};

function trimmer(op: string, left: boolean, right: boolean): OperatorFn {
  return (args, ctx) => {
    if (!isPlainObject(args) || !('input' in args)) throw commandError('FailedToParse', `${op} requires an 'input' field`);
    const input = evaluate(args.input, ctx);
    if (isNullish(input)) return null;
    const s = requireString(op, input, "'input'");
    const charsV = args.chars === undefined ? undefined : evaluate(args.chars, ctx);
    if (isNullish(charsV) && args.chars !== undefined) return null;
    const chars = new Set(charsV === undefined ? [' ', '\t', '\n', '\r', '\f', '\v', '\0', '\u00a0', '\u2000', '\u3000'] : Array.from(requireString(op, charsV, "'chars'")));
    const cps = Array.from(s);
    let a = 0;
    let b = cps.length;
    if (left) while (a < b && chars.has(cps[a])) a++;
    if (right) while (b > a && chars.has(cps[b - 1])) b--;
    return cps.slice(a, b).join('');
  };
}

function indexOf(op: string, bytes: boolean): OperatorFn {
  return (args, ctx) => {
    const [s, sub, start, end] = evalArgsN(op, args, ctx, 2, 4);
    if (isNullish(s)) return null;
    const str = requireString(op, s, 'first argument');
    const needle = requireString(op, sub, 'second argument');
    const units = bytes ? [...Buffer.from(str)].map((b) => String.fromCharCode(b)) : Array.from(str);
    const n = bytes ? [...Buffer.from(needle)].map((b) => String.fromCharCode(b)) : Array.from(needle);
    const from = start === undefined ? 0 : Math.trunc(toNumber(start));
    const to = end === undefined ? units.length : Math.min(units.length, Math.trunc(toNumber(end)));
    for (let i = from; i + n.length <= to; i++) {
      let ok = true;
      for (let j = 0; j < n.length && ok; j++) ok = units[i + j] === n[j];
      if (ok) return new Int32(i);
    }
    return new Int32(-1);
  };
}

function regexArgs(op: string, args: unknown, ctx: EvalContext): { input: string; re: RegExp } | null {
  if (!isPlainObject(args)) throw commandError('FailedToParse', `${op} expects an object of named arguments`);
  const input = evaluate(args.input, ctx);
  const regex = evaluate(args.regex, ctx);
  const options = args.options === undefined ? undefined : evaluate(args.options, ctx);
  if (isNullish(input) || isNullish(regex)) return null;
  const str = requireString(op, input, "'input'");
  let re: RegExp;
  if (isRegexValue(regex)) {
    const r = toRegExp(regex);
    re = buildRegex(r.source, r.flags + (typeof options === 'string' ? options : ''));
  } else re = buildRegex(requireString(op, regex, "'regex'"), typeof options === 'string' ? options : '');
  return { input: str, re: new RegExp(re.source, re.flags + 'g') };
}

function matchDoc(m: RegExpExecArray, input: string): Document {
  const idx = Array.from(input.slice(0, m.index)).length;
  return { match: m[0], idx: new Int32(idx), captures: m.slice(1).map((c) => (c === undefined ? null : c)) };
}

function replace(op: string, all: boolean): OperatorFn {
  return (args, ctx) => {
    if (!isPlainObject(args)) throw commandError('FailedToParse', `${op} requires an object as an argument`);
    const [input, find, replacement] = [args.input, args.find, args.replacement].map((e) => evaluate(e, ctx));
    if ([input, find, replacement].some(isNullish)) return null;
    const s = requireString(op, input, "'input'");
    const f = requireString(op, find, "'find'");
    const r = requireString(op, replacement, "'replacement'");
    return all ? s.split(f).join(r) : s.replace(f, () => r);
  };
}

export const stringOperators: Record<string, OperatorFn> = {
  $concat: concat,
  $substr: substrBytes('$substr'),
  $substrBytes: substrBytes('$substrBytes'),
  $substrCP: substrCP,
  $toLower: (args, ctx) => coerceToString('$toLower', evalArgsN('$toLower', args, ctx, 1)[0]).toLowerCase(),
  $toUpper: (args, ctx) => coerceToString('$toUpper', evalArgsN('$toUpper', args, ctx, 1)[0]).toUpperCase(),
  $trim: trimmer('$trim', true, true),
  $ltrim: trimmer('$ltrim', true, false),
  $rtrim: trimmer('$rtrim', false, true),
  $split: (args, ctx) => {
    const [s, sep] = evalArgsN('$split', args, ctx, 2);
    if (isNullish(s)) return null;
    const d = requireString('$split', sep, 'separator');
    if (d === '') throw commandError('BadValue', '$split requires a non-empty separator');
    return requireString('$split', s, 'first argument').split(d);
  },
  $strLenCP: (args, ctx) => new Int32(Array.from(requireString('$strLenCP', evalArgsN('$strLenCP', args, ctx, 1)[0])).length),
  $strLenBytes: (args, ctx) => new Int32(Buffer.byteLength(requireString('$strLenBytes', evalArgsN('$strLenBytes', args, ctx, 1)[0]))),
  $indexOfCP: indexOf('$indexOfCP', false),
  $indexOfBytes: indexOf('$indexOfBytes', true),
  $strcasecmp: (args, ctx) => {
    const [a, b] = evalArgsN('$strcasecmp', args, ctx, 2).map((v) => coerceToString('$strcasecmp', v).toUpperCase());
    return new Int32(a < b ? -1 : a > b ? 1 : 0);
  },
  $regexMatch: (args, ctx) => {
    const r = regexArgs('$regexMatch', args, ctx);
    return r ? r.re.test(r.input) : false;
  },
  $regexFind: (args, ctx) => {
    const r = regexArgs('$regexFind', args, ctx);
    if (!r) return null;
    const m = r.re.exec(r.input);
    return m ? matchDoc(m, r.input) : null;
  },
  $regexFindAll: (args, ctx) => {
    const r = regexArgs('$regexFindAll', args, ctx);
    if (!r) return [];
    return [...r.input.matchAll(r.re)].map((m) => matchDoc(m as RegExpExecArray, r.input));
  },
  $replaceAll: replace('$replaceAll', true),
  $replaceOne: replace('$replaceOne', false),
};
