/** The field update operators ($set, $inc, $push, ...) applied to one concrete path of a working copy. */
import { Int32, Timestamp } from 'bson';
import { commandError } from '../errors.js';
import { bsonTypeName, compareValues, valuesEqual } from './compare.js';
import { compileCondition, compileFilter, isDocumentQuery } from './match.js';
import { arith, isNumeric, toNumber } from './numeric.js';
import { getExact, setPath, unsetPath } from './paths.js';
import { makeComparator } from './sort.js';
import { describeValue, asDocumentLike, cloneDeep, isPlainObject, type Collation, type Document } from './types.js';

export interface OpContext {
  doc: Document;
  collation?: Collation;
  now: Date;
}

/** Applies one operator's argument at one concrete path. */
export type FieldOperator = (parts: string[], arg: unknown, ctx: OpContext, rawPath: string) => void;

function idOf(ctx: OpContext): string {
  return `{_id: ${describeValue(ctx.doc._id)}}`;
}

function arithmetic(name: '$inc' | '$mul', op: 'add' | 'multiply'): FieldOperator {
  return (parts, arg, ctx, raw) => {
    if (!isNumeric(arg)) {
      const verb = name === '$inc' ? 'increment' : 'multiply';
      throw commandError('TypeMismatch', `Cannot ${verb} with non-numeric argument: {${raw}: ${describeValue(arg)}}`);
    }
    const cur = getExact(ctx.doc, parts);
    if (cur === undefined) {
      setPath(ctx.doc, parts, op === 'add' ? arg : arith('multiply', new Int32(0), arg));
      return;
    }
    if (!isNumeric(cur)) {
      throw commandError('TypeMismatch', `Cannot apply ${name} to a value of non-numeric type. ${idOf(ctx)} has the field '${parts[parts.length - 1]}' of non-numeric type ${bsonTypeName(cur)}`);
    }
    setPath(ctx.doc, parts, arith(op, cur, arg));
  };
}

function minMax(sign: 1 | -1): FieldOperator {
  return (parts, arg, ctx) => {
    const cur = getExact(ctx.doc, parts);
    if (cur === undefined || sign * compareValues(arg, cur, ctx.collation) > 0) setPath(ctx.doc, parts, cloneDeep(arg));
  };
}

function arrayAt(parts: string[], ctx: OpContext, op: string): unknown[] | undefined {
  const cur = getExact(ctx.doc, parts);
  if (cur === undefined) return undefined;
  if (!Array.isArray(cur)) {
    const field = parts[parts.length - 1];
    if (op === '$addToSet') throw commandError('BadValue', `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${bsonTypeName(cur)}`);
    if (op === '$pop') throw commandError('TypeMismatch', `Path '${parts.join('.')}' contains an element of non-array type '${bsonTypeName(cur)}'`);
    if (op === '$pull' || op === '$pullAll') throw commandError('BadValue', 'Cannot apply $pull to a non-array value');
    throw commandError('BadValue', `The field '${parts.join('.')}' must be an array but is of type ${bsonTypeName(cur)} in document ${idOf(ctx)}`);
  }
  return cur;
}

const PUSH_CLAUSES = new Set(['$each', '$slice', '$sort', '$position']);

function sortForPush(list: unknown[], spec: unknown, collation?: Collation): void {
  if (isPlainObject(spec)) {
    list.sort(makeComparator(spec as Record<string, 1 | -1>, collation));
    return;
  }
  const dir = toNumber(spec);
  if (dir !== 1 && dir !== -1) throw commandError('BadValue', 'The $sort element value must be either 1 or -1');
  list.sort((a, b) => dir * compareValues(a, b, collation));
}

const push: FieldOperator = (parts, arg, ctx) => {
  let items: unknown[] = [arg];
  let mods: Document = {};
  if (isPlainObject(arg) && '$each' in arg) {
    for (const k of Object.keys(arg)) if (!PUSH_CLAUSES.has(k)) throw commandError('BadValue', `Unrecognized clause in $push: ${k}`);
    if (!Array.isArray(arg.$each)) throw commandError('BadValue', `The argument to $each in $push must be an array but it was of type: ${bsonTypeName(arg.$each)}`);
    items = arg.$each;
    mods = arg;
  }
  const list = [...(arrayAt(parts, ctx, '$push') ?? [])];
  let pos = list.length;
  if (mods.$position !== undefined) {
    const p = Math.trunc(toNumber(mods.$position));
    if (!Number.isInteger(p)) throw commandError('BadValue', 'The value for $position must be an integer value');
    pos = p < 0 ? Math.max(0, list.length + p) : Math.min(p, list.length);
  }
  list.splice(pos, 0, ...items.map(cloneDeep));
  if (mods.$sort !== undefined) sortForPush(list, mods.$sort, ctx.collation);
  let result = list;
  if (mods.$slice !== undefined) {
    const n = Math.trunc(toNumber(mods.$slice));
    if (!Number.isInteger(n)) throw commandError('BadValue', 'The value for $slice must be an integer value');
    result = n >= 0 ? list.slice(0, n) : list.slice(Math.max(0, list.length + n));
  }
  setPath(ctx.doc, parts, result);
};

const addToSet: FieldOperator = (parts, arg, ctx) => {
  let items = [arg];
  if (isPlainObject(arg) && '$each' in arg) {
    if (!Array.isArray(arg.$each)) throw commandError('TypeMismatch', `The argument to $each in $addToSet must be an array but it was of type ${bsonTypeName(arg.$each)}`);
    items = arg.$each;
  }
  const list = [...(arrayAt(parts, ctx, '$addToSet') ?? [])];
  for (const item of items) if (!list.some((el) => valuesEqual(el, item))) list.push(cloneDeep(item));
  setPath(ctx.doc, parts, list);
};

const pop: FieldOperator = (parts, arg, ctx) => {
  const n = toNumber(arg);
  if (n !== 1 && n !== -1) throw commandError('FailedToParse', `$pop expects 1 or -1, found: ${describeValue(arg)}`);
  const list = arrayAt(parts, ctx, '$pop');
  if (!list || list.length === 0) return;
  setPath(ctx.doc, parts, n === 1 ? list.slice(0, -1) : list.slice(1));
};

/** `$pull`'s element test: a query for document elements, an operator condition, or a value. */
function pullTest(arg: unknown, collation?: Collation): (el: unknown) => boolean {
  if (isPlainObject(arg) && !isDocumentQuery(arg)) {
    const pred = compileCondition(arg, { collation });
    return (el) => pred([el]);
  }
  if (isPlainObject(arg)) {
    const pred = compileFilter(arg, { collation });
    return (el) => isPlainObject(asDocumentLike(el)) && pred(asDocumentLike(el));
  }
  return (el) => valuesEqual(el, arg, collation);
}

const pull: FieldOperator = (parts, arg, ctx) => {
  const list = arrayAt(parts, ctx, '$pull');
  if (!list) return;
  const test = pullTest(arg, ctx.collation);
  setPath(ctx.doc, parts, list.filter((el) => !test(el)));
};

const pullAll: FieldOperator = (parts, arg, ctx) => {
  if (!Array.isArray(arg)) throw commandError('BadValue', `$pullAll requires an array argument but was given a ${bsonTypeName(arg)}`);
  const list = arrayAt(parts, ctx, '$pullAll');
  if (!list) return;
  setPath(ctx.doc, parts, list.filter((el) => !arg.some((v) => valuesEqual(el, v, ctx.collation))));
};

const currentDate: FieldOperator = (parts, arg, ctx) => {
  let type = 'date';
  if (isPlainObject(arg)) {
    type = String(arg.$type);
    if (type !== 'date' && type !== 'timestamp') throw commandError('BadValue', "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}");
  } else if (typeof arg !== 'boolean') throw commandError('BadValue', `${parts.join('.')} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`);
  const value = type === 'date' ? new Date(ctx.now.getTime()) : new Timestamp({ t: Math.floor(ctx.now.getTime() / 1000), i: 1 });
  setPath(ctx.doc, parts, value);
};

export const FIELD_OPERATORS: Record<string, FieldOperator> = {
  $set: (parts, arg, ctx) => setPath(ctx.doc, parts, cloneDeep(arg)),
  $setOnInsert: (parts, arg, ctx) => setPath(ctx.doc, parts, cloneDeep(arg)),
  $unset: (parts, _arg, ctx) => void unsetPath(ctx.doc, parts),
  $inc: arithmetic('$inc', 'add'),
  $mul: arithmetic('$mul', 'multiply'),
  $min: minMax(-1),
  $max: minMax(1),
  $push: push,
  $addToSet: addToSet,
  $pop: pop,
  $pull: pull,
  $pullAll: pullAll,
  $currentDate: currentDate,
};
