/**
 * Query filters compiled once into closures. A field condition sees the candidate values its
 * path reaches (see paths.ts); equality-like operators also look inside array candidates.
 */
import { commandError } from '../errors.js';
import { evalExpression, isTruthy } from './aggregate/expressions.js';
import { valueKey } from './aggregate/value-key.js';
import { compareValues, typeRank } from './compare.js';
import { compileGeoOperator } from './geo.js';
import { compileSchema } from './json-schema.js';
import { compileTypeTest } from './match-type.js';
import { isNumeric, toNumber } from './numeric.js';
import { collectPath } from './paths.js';
import { buildRegex, isRegexValue, toRegExp } from './regex.js';
import { compileText } from './text.js';
import { compileWhere } from './where.js';
import { asDocumentLike, isOperatorObject, isPlainObject, type Collation, type Document } from './types.js';

export interface MatchOptions {
  collation?: Collation;
  /** Variables visible to `$expr` (e.g. `$lookup`'s `let`). */
  variables?: Record<string, unknown>;
  /** Epoch milliseconds after which `$where` evaluation fails with MaxTimeMSExpired (the command's maxTimeMS). */
  deadline?: number;
  /** The fields of the collection's text index for `$text` (all string fields when absent). */
  textFields?: string[];
}

type DocPred = (doc: unknown) => boolean;
/** Tests the candidate values found at a path. */
export type CandidatePred = (cands: unknown[]) => boolean;
type ValuePred = (v: unknown) => boolean;

/** True when the test holds for a candidate or, for an array candidate, for one of its elements. */
function anyLeaf(cands: unknown[], test: ValuePred): boolean {
  for (const c of cands) {
    if (test(c)) return true;
    if (Array.isArray(c)) for (const el of c) if (test(el)) return true;
  }
  return false;
}

function eqTest(value: unknown, o: MatchOptions): ValuePred {
  if (isRegexValue(value)) {
    const re = toRegExp(value);
    return (x) => (typeof x === 'string' && re.test(x)) || (isRegexValue(x) && compareValues(x, value) === 0);
  }
  const rank = typeRank(value);
  return (x) => typeRank(x) === rank && compareValues(x, value, o.collation) === 0;
}

function rangeTest(op: string, value: unknown, o: MatchOptions): ValuePred {
  const rank = typeRank(value);
  const ok = op === '$gt' ? (c: number) => c > 0 : op === '$gte' ? (c: number) => c >= 0 : op === '$lt' ? (c: number) => c < 0 : (c: number) => c <= 0;
  // MinKey/MaxKey bound everything; otherwise comparisons are bracketed by type.
  if (rank === 1 || rank === 14) return (x) => ok(compareValues(x, value));
  return (x) => typeRank(x) === rank && ok(compareValues(x, value, o.collation));
}

function inTest(list: unknown, o: MatchOptions, op: string): ValuePred {
  if (!Array.isArray(list)) throw commandError('BadValue', `${op} needs an array`);
  // Values compare through their canonical keys (one hash lookup per candidate); regexes and
  // collation-sensitive strings are tested one by one.
  const keys = new Set<string>();
  const others: ValuePred[] = [];
  for (const v of list) {
    if (isOperatorObject(v) && !DBREF_FIELDS.has(Object.keys(v)[0])) throw commandError('BadValue', `cannot nest $ under ${op}`);
    if (isRegexValue(v) || (o.collation && typeof v === 'string')) others.push(eqTest(v, o));
    else keys.add(valueKey(v));
  }
  return (x) => {
    if (keys.size && keys.has(valueKey(x))) return true;
    for (const t of others) if (t(x)) return true;
    return false;
  };
}

function regexOperand(cond: Document): RegExp {
  const src = cond.$regex;
  const opts = cond.$options;
  if (opts !== undefined && typeof opts !== 'string') throw commandError('BadValue', '$options has to be a string');
  if (isRegexValue(src)) {
    const re = toRegExp(src);
    return opts ? buildRegex(re.source, re.flags + opts) : re;
  }
  if (typeof src !== 'string') throw commandError('BadValue', '$regex has to be a string');
  return buildRegex(src, opts ?? '');
}

function modTest(arg: unknown): ValuePred {
  if (!Array.isArray(arg)) throw commandError('BadValue', 'malformed mod, needs to be an array');
  if (arg.length < 2) throw commandError('BadValue', 'malformed mod, not enough elements');
  if (arg.length > 2) throw commandError('BadValue', 'malformed mod, too many elements');
  if (!isNumeric(arg[0]) || !isNumeric(arg[1])) throw commandError('BadValue', 'malformed mod, divisor and remainder must be numbers');
  const d = Math.trunc(toNumber(arg[0]));
  const r = Math.trunc(toNumber(arg[1]));
  if (d === 0) throw commandError('BadValue', 'divisor cannot be 0');
  return (x) => isNumeric(x) && Number.isFinite(toNumber(x)) && Math.trunc(toNumber(x)) % d === r;
}

function bitsTest(op: string, arg: unknown): ValuePred {
  let mask = 0n;
  if (Array.isArray(arg)) for (const p of arg) mask |= 1n << BigInt(toNumber(p));
  else if (isNumeric(arg)) mask = BigInt(Math.trunc(toNumber(arg)));
  else throw commandError('BadValue', `${op} takes an Array, a number, or a BinData but received: ${String(arg)}`);
  return (x) => {
    if (!isNumeric(x) || !Number.isInteger(toNumber(x))) return false;
    const v = BigInt.asUintN(64, BigInt(toNumber(x)));
    const set = v & mask;
    if (op === '$bitsAllSet') return set === mask;
    if (op === '$bitsAnySet') return set !== 0n;
    if (op === '$bitsAllClear') return set === 0n;
    return set !== mask;
  };
}

/** Keys that start with `$` yet name fields: a DBRef's parts. */
export const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);
const LOGICAL = new Set(['$and', '$or', '$nor', '$expr', '$where', '$text', '$comment', '$jsonSchema', '$alwaysTrue', '$alwaysFalse']);

/** Whether an object is a query on a document (`{x: 1, $or: [...]}`) rather than value operators (`{$gt: 1}`). */
export function isDocumentQuery(obj: Document): boolean {
  const first = Object.keys(obj)[0];
  return first === undefined || !first.startsWith('$') || LOGICAL.has(first) || DBREF_FIELDS.has(first);
}

/** The test `$elemMatch` applies to each array element (value form or document form). */
export function compileElemMatch(inner: unknown, o: MatchOptions = {}): ValuePred {
  if (!isPlainObject(inner)) throw commandError('BadValue', '$elemMatch needs an Object');
  if (!isDocumentQuery(inner)) {
    const pred = compileCondition(inner, o);
    return (el) => pred([el]);
  }
  const docPred = compileFilter(inner, o);
  return (el) => {
    const d = asDocumentLike(el);
    return (isPlainObject(d) || Array.isArray(d)) && docPred(d);
  };
}

/** One operator of an operator document, e.g. `$gt: 5`, as a test over candidates. */
function compileOperator(op: string, arg: unknown, cond: Document, o: MatchOptions): CandidatePred | undefined {
  switch (op) {
    case '$eq': {
      const t = eqTest(arg, o);
      return (c) => anyLeaf(c, t);
    }
    case '$ne': {
      const t = eqTest(arg, o);
      return (c) => !anyLeaf(c, t);
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (isRegexValue(arg)) {
        const t = eqTest(arg, o);
        return (c) => anyLeaf(c, t);
      }
      const t = rangeTest(op, arg, o);
      return (c) => anyLeaf(c, t);
    }
    case '$in': {
      const t = inTest(arg, o, op);
      return (c) => anyLeaf(c, t);
    }
    case '$nin': {
      const t = inTest(arg, o, op);
      return (c) => !anyLeaf(c, t);
    }
    case '$exists': {
      const want = isTruthy(arg);
      return (c) => c.some((v) => v !== undefined) === want;
    }
    case '$type': {
      const t = compileTypeTest(arg);
      return (c) => c.some((v) => v !== undefined && t(v)) || anyLeaf(c.filter(Array.isArray), t);
    }
    case '$regex': {
      const re = regexOperand(cond);
      return (c) => anyLeaf(c, (x) => (typeof x === 'string' && re.test(x)) || (isRegexValue(x) && toRegExp(x).source === re.source));
    }
    case '$options':
      if (!('$regex' in cond)) throw commandError('BadValue', '$options needs a $regex');
      return undefined;
    case '$not': {
      if (isRegexValue(arg)) {
        const re = toRegExp(arg);
        return (c) => !anyLeaf(c, (x) => typeof x === 'string' && re.test(x));
      }
      if (!isPlainObject(arg)) throw commandError('BadValue', '$not needs a regex or a document');
      if (Object.keys(arg).length === 0) throw commandError('BadValue', '$not cannot be empty');
      if (!isOperatorObject(arg)) throw commandError('BadValue', `unknown operator: ${Object.keys(arg)[0]}`);
      const inner = compileCondition(arg, o);
      return (c) => !inner(c);
    }
    case '$all': {
      if (!Array.isArray(arg)) throw commandError('BadValue', '$all needs an array');
      if (arg.length === 0) return () => false;
      const parts: CandidatePred[] = arg.map((v) => {
        if (isPlainObject(v) && '$elemMatch' in v) return compileCondition(v, o);
        if (isOperatorObject(v)) throw commandError('BadValue', 'no $ expressions in $all');
        const t = eqTest(v, o);
        return (c: unknown[]) => anyLeaf(c, t);
      });
      return (c) => parts.every((p) => p(c));
    }
    case '$elemMatch': {
      const t = compileElemMatch(arg, o);
      return (c) => c.some((v) => Array.isArray(v) && v.some(t));
    }
    case '$size': {
      if (!isNumeric(arg)) throw commandError('BadValue', '$size needs a number');
      const n = toNumber(arg);
      if (!Number.isInteger(n)) throw commandError('BadValue', `Failed to parse $size. Expected an integer, but found ${n}`);
      if (n < 0) throw commandError('BadValue', `Failed to parse $size. Expected a non-negative number in: $size: ${n}`);
      return (c) => c.some((v) => Array.isArray(v) && v.length === n);
    }
    case '$mod': {
      const t = modTest(arg);
      return (c) => anyLeaf(c, t);
    }
    case '$bitsAllSet':
    case '$bitsAnySet':
    case '$bitsAllClear':
    case '$bitsAnyClear': {
      const t = bitsTest(op, arg);
      return (c) => anyLeaf(c, t);
    }
    case '$comment':
      return undefined;
    case '$geoWithin':
    case '$within':
    case '$geoIntersects':
    case '$near':
    case '$nearSphere':
    case '$maxDistance':
    case '$minDistance':
      return compileGeoOperator(op, arg, cond);
    default:
      throw commandError('BadValue', `unknown operator: ${op}`);
  }
}

/**
 * A field condition: an operator document (`{$gt: 1, $lt: 5}`), a regex, or a value to equal.
 * Also used by `$pull` and `$elemMatch` on single values.
 */
export function compileCondition(cond: unknown, o: MatchOptions = {}): CandidatePred {
  if (isRegexValue(cond)) {
    const t = eqTest(cond, o);
    return (c) => anyLeaf(c, t);
  }
  if (isOperatorObject(cond) && !DBREF_FIELDS.has(Object.keys(cond)[0])) {
    const preds: CandidatePred[] = [];
    for (const [op, arg] of Object.entries(cond)) {
      if (!op.startsWith('$')) throw commandError('BadValue', `unknown operator: ${op}`);
      const p = compileOperator(op, arg, cond, o);
      if (p) preds.push(p);
    }
    if (preds.length === 1) return preds[0];
    return (c) => {
      for (const p of preds) if (!p(c)) return false;
      return true;
    };
  }
  const t = eqTest(cond, o);
  return (c) => anyLeaf(c, t);
}

function compileLogical(op: string, arg: unknown, o: MatchOptions): DocPred {
  if (!Array.isArray(arg)) throw commandError('BadValue', `${op} must be an array`);
  if (arg.length === 0) throw commandError('BadValue', '$and/$or/$nor must be a nonempty array');
  const preds = arg.map((f) => {
    if (!isPlainObject(f)) throw commandError('BadValue', '$or/$and/$nor entries need to be full objects');
    return compileFilter(f, o);
  });
  if (op === '$and') return (d) => preds.every((p) => p(d));
  if (op === '$or') return (d) => preds.some((p) => p(d));
  return (d) => !preds.some((p) => p(d));
}

function compileTopOperator(op: string, arg: unknown, o: MatchOptions): DocPred | undefined {
  switch (op) {
    case '$and':
    case '$or':
    case '$nor':
      return compileLogical(op, arg, o);
    case '$expr': {
      const vars = o.variables ?? {};
      return (d) => isTruthy(evalExpression(arg, d as Document, vars, o.collation));
    }
    case '$comment':
      return undefined;
    case '$alwaysTrue':
      return () => true;
    case '$alwaysFalse':
      return () => false;
    case '$where':
      return compileWhere(arg, o.deadline);
    case '$text':
      return compileText(arg, o.textFields);
    case '$jsonSchema':
      return compileSchema(arg);
    default:
      throw commandError('BadValue', `unknown top level operator: ${op}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`);
  }
}

/** Compiles a query filter into a predicate over documents. */
export function compileFilter(filter: Document | null | undefined, options: MatchOptions = {}): (doc: unknown) => boolean {
  if (filter == null) return () => true;
  if (!isPlainObject(filter)) throw commandError('BadValue', 'query filter must be an object');
  const preds: DocPred[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') && !DBREF_FIELDS.has(key)) {
      const p = compileTopOperator(key, value, options);
      if (p) preds.push(p);
      continue;
    }
    const parts = key.split('.');
    const test = compileCondition(value, options);
    if (parts.length === 1) {
      preds.push((d) => {
        if (Array.isArray(d) || !isPlainObject(d)) return test(collectOnly(d, parts));
        return test([Object.hasOwn(d, key) ? d[key] : undefined]);
      });
    } else preds.push((d) => test(collectOnly(d, parts)));
  }
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0];
  return (d) => {
    for (const p of preds) if (!p(d)) return false;
    return true;
  };
}

function collectOnly(d: unknown, parts: string[]): unknown[] {
  const out: unknown[] = [];
  collectPath(d, parts, 0, out);
  return out;
}
