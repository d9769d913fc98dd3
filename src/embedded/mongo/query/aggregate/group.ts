/** Grouping stages: `$group`, `$bucket`, `$bucketAuto`, `$sortByCount`. */
import { Int32 } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { compareValues } from '../compare.js';
import { isNumeric, toNumber } from '../numeric.js';
import { isPlainObject, type Document } from '../types.js';
import { ACCUMULATORS, type Accumulator } from './accumulators.js';
import { evaluate, type EvalContext } from './expressions.js';
import { valueKey } from './value-key.js';

type Ctx = (doc: Document) => EvalContext;

interface AccSpec {
  field: string;
  op: string;
  expr: unknown;
}

function parseAccumulators(spec: Document, skip: string): AccSpec[] {
  const out: AccSpec[] = [];
  for (const [field, def] of Object.entries(spec)) {
    if (field === skip) continue;
    if (field.includes('.')) throw new MongoCommandError(40235, 'Location40235', `The field name '${field}' cannot contain '.'`);
    if (!isPlainObject(def) || Object.keys(def).length !== 1) throw new MongoCommandError(40234, 'Location40234', `The field '${field}' must be an accumulator object`);
    const [op] = Object.keys(def);
    if (op === '$count') {
      out.push({ field, op: '$sum', expr: 1 });
      continue;
    }
    if (!ACCUMULATORS[op]) {
      if (['$accumulator', '$function'].includes(op)) throw commandError('NotImplemented', `${op} is not supported by the embedded MongoDB engine (no server-side JavaScript)`);
      throw new MongoCommandError(15952, 'Location15952', `Unknown group operator '${op}'`);
    }
    out.push({ field, op, expr: def[op] });
  }
  return out;
}

/** Groups documents by a key expression and folds each group's accumulators (groups keep first-seen order). */
function groupBy(input: Iterable<Document>, keyOf: (d: Document) => unknown, accs: AccSpec[], ctxOf: Ctx, idField = '_id'): Document[] {
  const groups = new Map<string, { id: unknown; accs: Accumulator[] }>();
  for (const doc of input) {
    const id = keyOf(doc);
    const k = valueKey(id, ctxOf(doc).collation);
    let g = groups.get(k);
    if (!g) {
      g = { id: id === undefined ? null : id, accs: accs.map((a) => ACCUMULATORS[a.op](ctxOf(doc).collation)) };
      groups.set(k, g);
    }
    const ctx = ctxOf(doc);
    accs.forEach((a, i) => g.accs[i].add(evaluate(a.expr, ctx), doc));
  }
  return [...groups.values()].map((g) => {
    const out: Document = { [idField]: g.id };
    accs.forEach((a, i) => (out[a.field] = g.accs[i].result()));
    return out;
  });
}

export function groupStage(input: Iterable<Document>, spec: unknown, ctxOf: Ctx): Document[] {
  if (!isPlainObject(spec)) throw new MongoCommandError(15947, 'Location15947', 'a group\'s fields must be specified in an object');
  if (!('_id' in spec)) throw new MongoCommandError(15955, 'Location15955', 'a group specification must include an _id');
  const accs = parseAccumulators(spec, '_id');
  const idExpr = spec._id;
  return groupBy(input, (d) => evaluate(idExpr, ctxOf(d)), accs, ctxOf);
}

export function sortByCountStage(input: Document[], expr: unknown, ctxOf: Ctx): Document[] {
  const groups = groupBy(input, (d) => evaluate(expr, ctxOf(d)), [{ field: 'count', op: '$sum', expr: 1 }], ctxOf);
  return groups.sort((a, b) => toNumber(b.count) - toNumber(a.count));
}

export function bucketStage(input: Document[], spec: unknown, ctxOf: Ctx): Document[] {
  if (!isPlainObject(spec) || !('groupBy' in spec) || !Array.isArray(spec.boundaries)) {
    throw new MongoCommandError(40198, 'Location40198', "$bucket requires 'groupBy' and 'boundaries' to be specified.");
  }
  const bounds = spec.boundaries as unknown[];
  if (bounds.length < 2) throw new MongoCommandError(40192, 'Location40192', '$bucket requires at least two boundaries');
  for (let i = 1; i < bounds.length; i++) {
    if (compareValues(bounds[i - 1], bounds[i]) >= 0) throw new MongoCommandError(40194, 'Location40194', "The 'boundaries' option to $bucket must be sorted in ascending order");
  }
  const hasDefault = 'default' in spec;
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  const accs = parseAccumulators(output, '');
  const keyOf = (d: Document) => {
    const v = evaluate(spec.groupBy, ctxOf(d));
    if (compareValues(v, bounds[0]) >= 0 && compareValues(v, bounds[bounds.length - 1]) < 0) {
      let i = 0;
      while (compareValues(v, bounds[i + 1]) >= 0) i++;
      return bounds[i];
    }
    if (!hasDefault) {
      throw new MongoCommandError(40066, 'Location40066', `$switch could not find a matching branch for an input, and no default was specified.`);
    }
    return spec.default;
  };
  const groups = groupBy(input, keyOf, accs, ctxOf);
  const order = (id: unknown) => {
    const i = bounds.findIndex((b) => compareValues(b, id) === 0);
    return i < 0 ? bounds.length : i;
  };
  return groups.sort((a, b) => order(a._id) - order(b._id));
}

export function bucketAutoStage(input: Document[], spec: unknown, ctxOf: Ctx): Document[] {
  if (!isPlainObject(spec) || !('groupBy' in spec) || !isNumeric(spec.buckets)) {
    throw new MongoCommandError(40246, 'Location40246', "$bucketAuto requires 'groupBy' and 'buckets' to be specified");
  }
  const n = toNumber(spec.buckets);
  if (!Number.isInteger(n) || n <= 0) throw new MongoCommandError(40243, 'Location40243', "The $bucketAuto 'buckets' field must be greater than 0");
  if (spec.granularity !== undefined) throw commandError('NotImplemented', '$bucketAuto granularity is not supported by the embedded MongoDB engine');
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  const accs = parseAccumulators(output, '');
  const keyed = input.map((doc) => ({ doc, key: evaluate(spec.groupBy, ctxOf(doc)) ?? null }));
  keyed.sort((a, b) => compareValues(a.key, b.key));
  const per = Math.ceil(keyed.length / n);
  const out: Document[] = [];
  let i = 0;
  while (i < keyed.length) {
    let end = Math.min(i + per, keyed.length);
    // Equal keys never straddle two buckets.
    while (end < keyed.length && compareValues(keyed[end].key, keyed[end - 1].key) === 0) end++;
    const chunk = keyed.slice(i, end);
    const max = end < keyed.length ? keyed[end].key : chunk[chunk.length - 1].key;
    const [g] = groupBy(chunk.map((c) => c.doc), () => 0, accs, ctxOf);
    out.push({ _id: { min: chunk[0].key, max }, ...Object.fromEntries(Object.entries(g).filter(([k]) => k !== '_id')) });
    i = end;
  }
  return out;
}

export function countStage(input: Document[], name: unknown): Document[] {
  if (typeof name !== 'string' || name === '') throw new MongoCommandError(40156, 'Location40156', 'the count field must be a non-empty string');
  if (name.startsWith('$')) throw new MongoCommandError(40158, 'Location40158', "the count field cannot be a $-prefixed path");
  if (name.includes('.')) throw new MongoCommandError(40160, 'Location40160', "the count field cannot contain '.'");
  return input.length === 0 ? [] : [{ [name]: new Int32(input.length) }];
}
