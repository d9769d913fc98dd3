/**
 * `$setWindowFields`: per partition (sorted by `sortBy`), each output field is an accumulator over
 * a `documents` or `range` window, a rank (`$rank`, `$denseRank`, `$documentNumber`), `$shift` or `$locf`.
 */
import { Int32 } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { compareValues } from '../compare.js';
import { isNumeric, toNumber } from '../numeric.js';
import { setPath } from '../paths.js';
import { sortDocuments } from '../sort.js';
import { cloneDeep, isNullish, isPlainObject, type Collation, type Document } from '../types.js';
import { ACCUMULATORS } from './accumulators.js';
import { evaluate, type EvalContext } from './expressions.js';
import { valueKey } from './value-key.js';

type Bound = number | 'unbounded' | 'current';

interface OutputSpec {
  field: string;
  op: string;
  arg: unknown;
  window?: { kind: 'documents' | 'range'; lo: Bound; hi: Bound; unitMs: number };
}

const UNIT_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000 };
const RANKS = new Set(['$rank', '$denseRank', '$documentNumber']);

function parseBound(v: unknown): Bound {
  if (v === 'unbounded' || v === 'current') return v;
  if (isNumeric(v)) return toNumber(v);
  throw new MongoCommandError(5371601, 'Location5371601', `Window bounds must be 'unbounded', 'current' or a number, found ${JSON.stringify(v)}`);
}

function parseOutputs(output: unknown): OutputSpec[] {
  if (!isPlainObject(output)) throw commandError('FailedToParse', "$setWindowFields requires an 'output' object");
  return Object.entries(output).map(([field, def]) => {
    if (!isPlainObject(def)) throw commandError('FailedToParse', `$setWindowFields output field '${field}' must be an object`);
    const op = Object.keys(def).find((k) => k.startsWith('$'));
    if (!op) throw commandError('FailedToParse', `$setWindowFields output field '${field}' needs a window operator`);
    if (!ACCUMULATORS[op] && !RANKS.has(op) && op !== '$count' && op !== '$shift' && op !== '$locf') {
      throw commandError('NotImplemented', `window operator ${op} is not supported by the embedded MongoDB engine`);
    }
    const w = def.window;
    let window: OutputSpec['window'];
    if (isPlainObject(w)) {
      const kind = Array.isArray(w.documents) ? 'documents' : Array.isArray(w.range) ? 'range' : undefined;
      if (!kind) throw commandError('FailedToParse', "window must have 'documents' or 'range' bounds");
      const [lo, hi] = (w[kind] as unknown[]).map(parseBound);
      const unitMs = typeof w.unit === 'string' ? UNIT_MS[w.unit] : 1;
      if (!unitMs) throw commandError('NotImplemented', `window unit '${String(w.unit)}' is not supported by the embedded MongoDB engine`);
      window = { kind, lo, hi, unitMs };
    }
    return { field, op, arg: def[op], window };
  });
}

/** Indexes [from, to] of the window around position i (inclusive; empty when from > to). */
function windowRange(spec: NonNullable<OutputSpec['window']>, i: number, keys: unknown[]): [number, number] {
  const n = keys.length;
  if (spec.kind === 'documents') {
    const at = (b: Bound, dflt: number) => (b === 'unbounded' ? dflt : b === 'current' ? i : i + b);
    return [Math.max(0, at(spec.lo, 0)), Math.min(n - 1, at(spec.hi, n - 1))];
  }
  const base = keys[i];
  const value = (k: unknown) => (k instanceof Date ? k.getTime() : toNumber(k));
  const lo = spec.lo === 'unbounded' ? -Infinity : value(base) + (spec.lo === 'current' ? 0 : spec.lo * spec.unitMs);
  const hi = spec.hi === 'unbounded' ? Infinity : value(base) + (spec.hi === 'current' ? 0 : spec.hi * spec.unitMs);
  let from = n;
  let to = -1;
  keys.forEach((k, j) => {
    const v = value(k);
    if (v >= lo && v <= hi) {
      from = Math.min(from, j);
      to = Math.max(to, j);
    }
  });
  return [from, to];
}

function rankValues(op: string, keys: unknown[]): Int32[] {
  let rank = 0;
  let dense = 0;
  return keys.map((k, i) => {
    const tie = i > 0 && compareValues(k, keys[i - 1]) === 0;
    if (!tie) {
      rank = i + 1;
      dense++;
    }
    return new Int32(op === '$rank' ? rank : op === '$denseRank' ? dense : i + 1);
  });
}

function computeField(spec: OutputSpec, docs: Document[], sortKeys: unknown[], ctxOf: (d: Document) => EvalContext, collation?: Collation): unknown[] {
  if (RANKS.has(spec.op)) return rankValues(spec.op, sortKeys);
  if (spec.op === '$shift') {
    const a = spec.arg as Document;
    const by = toNumber(a.by);
    return docs.map((_, i) => {
      const j = i + by;
      return j >= 0 && j < docs.length ? (evaluate(a.output, ctxOf(docs[j])) ?? null) : (a.default === undefined ? null : evaluate(a.default, ctxOf(docs[i])));
    });
  }
  const values = docs.map((d) => evaluate(spec.arg, ctxOf(d)));
  if (spec.op === '$locf') {
    let last: unknown = null;
    return values.map((v) => (isNullish(v) ? last : (last = v)));
  }
  const op = spec.op === '$count' ? '$sum' : spec.op;
  const inputs = spec.op === '$count' ? docs.map(() => 1) : values;
  const window = spec.window ?? { kind: 'documents' as const, lo: 'unbounded' as const, hi: 'unbounded' as const, unitMs: 1 };
  return docs.map((_, i) => {
    const [from, to] = windowRange(window, i, sortKeys);
    const acc = ACCUMULATORS[op](collation);
    for (let j = from; j <= to; j++) acc.add(inputs[j], docs[j]);
    return acc.result();
  });
}

export function setWindowFieldsStage(input: Document[], spec: unknown, ctxOf: (d: Document) => EvalContext, collation?: Collation): Document[] {
  if (!isPlainObject(spec)) throw commandError('FailedToParse', '$setWindowFields requires an object');
  const outputs = parseOutputs(spec.output);
  const sortBy = isPlainObject(spec.sortBy) ? spec.sortBy : undefined;
  const sortField = sortBy ? Object.keys(sortBy)[0] : undefined;
  const partitions = new Map<string, { key: unknown; docs: Document[] }>();
  for (const doc of input) {
    const key = spec.partitionBy === undefined ? null : (evaluate(spec.partitionBy, ctxOf(doc)) ?? null);
    const k = valueKey(key);
    if (!partitions.has(k)) partitions.set(k, { key, docs: [] });
    partitions.get(k)!.docs.push(doc);
  }
  const ordered = [...partitions.values()].sort((a, b) => compareValues(a.key, b.key, collation));
  const out: Document[] = [];
  for (const part of ordered) {
    const docs = sortBy ? sortDocuments(part.docs, sortBy, collation) : part.docs;
    const sortKeys = docs.map((d) => (sortField ? evaluate(`$${sortField}`, ctxOf(d)) : null));
    const columns = outputs.map((o) => computeField(o, docs, sortKeys, ctxOf, collation));
    docs.forEach((d, i) => {
      const copy = cloneDeep(d);
      outputs.forEach((o, j) => setPath(copy, o.field, columns[j][i]));
      out.push(copy);
    });
  }
  return out;
}
