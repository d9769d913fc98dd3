/** Comparison, boolean, conditional, variable and object expression operators. */
import { Int32 } from 'bson';
import { commandError } from '../../errors.js';
import { bsonTypeName, compareValues } from '../compare.js';
import { isNumeric } from '../numeric.js';
import { isPlainObject, type Document } from '../types.js';
import { evalArgsN, evaluate, isTruthy, withVars, type EvalContext, type OperatorFn } from './expressions.js';

/** Aggregation comparison: like BSON order, except that missing sorts before null. */
function aggCompare(a: unknown, b: unknown, ctx: EvalContext): number {
  if (a === undefined && b === null) return -1;
  if (a === null && b === undefined) return 1;
  return compareValues(a, b, ctx.collation);
}

function comparison(op: string, test: (c: number) => boolean): OperatorFn {
  return (args, ctx) => {
    const [a, b] = evalArgsN(op, args, ctx, 2);
    return test(aggCompare(a, b, ctx));
  };
}

function evalCond(args: unknown, ctx: EvalContext): unknown {
  let ifE: unknown, thenE: unknown, elseE: unknown;
  if (Array.isArray(args)) {
    if (args.length !== 3) throw commandError('FailedToParse', `Expression $cond takes exactly 3 arguments. ${args.length} were passed in.`);
    [ifE, thenE, elseE] = args;
  } else if (isPlainObject(args)) {
    for (const k of ['if', 'then', 'else']) if (!(k in args)) throw commandError('FailedToParse', `Missing '${k}' parameter to $cond`);
    ({ if: ifE, then: thenE, else: elseE } = args);
  } else throw commandError('FailedToParse', '$cond requires an array or an object');
  return isTruthy(evaluate(ifE, ctx)) ? evaluate(thenE, ctx) : evaluate(elseE, ctx);
}

function evalSwitch(args: unknown, ctx: EvalContext): unknown {
  if (!isPlainObject(args) || !Array.isArray(args.branches)) throw commandError('FailedToParse', '$switch requires at least one branch.');
  for (const b of args.branches as Document[]) {
    if (!isPlainObject(b) || !('case' in b) || !('then' in b)) throw commandError('FailedToParse', "$switch requires each branch have a 'case' expression and a 'then' expression");
    if (isTruthy(evaluate(b.case, ctx))) return evaluate(b.then, ctx);
  }
  if (!('default' in args)) throw commandError('BadValue', '$switch could not find a matching branch for an input, and no default was specified.');
  return evaluate(args.default, ctx);
}

function evalLet(args: unknown, ctx: EvalContext): unknown {
  if (!isPlainObject(args) || !isPlainObject(args.vars) || !('in' in args)) throw commandError('FailedToParse', "$let requires 'vars' and 'in'");
  const bound: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(args.vars)) bound[k] = evaluate(e, ctx);
  return evaluate(args.in, withVars(ctx, bound));
}

function mergeObjects(args: unknown, ctx: EvalContext): unknown {
  const list = Array.isArray(args) ? args.map((a) => evaluate(a, ctx)) : [evaluate(args, ctx)];
  const sources = list.length === 1 && Array.isArray(list[0]) ? (list[0] as unknown[]) : list;
  const out: Document = {};
  for (const s of sources) {
    if (s === null || s === undefined) continue;
    if (!isPlainObject(s)) throw commandError('TypeMismatch', `$mergeObjects requires object inputs, but input ${JSON.stringify(s)} is of type ${bsonTypeName(s)}`);
    for (const [k, v] of Object.entries(s)) if (v !== undefined) out[k] = v;
  }
  return out;
}

function getField(args: unknown, ctx: EvalContext): unknown {
  const spec = isPlainObject(args) ? args : { field: args, input: '$$CURRENT' };
  const field = evaluate(spec.field, ctx);
  if (typeof field !== 'string') throw commandError('BadValue', '$getField requires \'field\' to evaluate to type String');
  const input = evaluate(spec.input ?? '$$CURRENT', ctx);
  if (!isPlainObject(input)) return input === null || input === undefined ? null : undefined;
  return Object.hasOwn(input, field) ? input[field] : undefined;
}

function setField(args: unknown, ctx: EvalContext): unknown {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$setField requires an object');
  const field = evaluate(args.field, ctx);
  const input = evaluate(args.input, ctx);
  if (input === null || input === undefined) return null;
  if (!isPlainObject(input) || typeof field !== 'string') throw commandError('BadValue', '$setField requires an object input and a string field');
  const out = { ...input };
  const value = evaluate(args.value, ctx);
  if (value === undefined) delete out[field];
  else out[field] = value;
  return out;
}

export const logicOperators: Record<string, OperatorFn> = {
  $literal: (args) => args,
  $eq: comparison('$eq', (c) => c === 0),
  $ne: comparison('$ne', (c) => c !== 0),
  $gt: comparison('$gt', (c) => c > 0),
  $gte: comparison('$gte', (c) => c >= 0),
  $lt: comparison('$lt', (c) => c < 0),
  $lte: comparison('$lte', (c) => c <= 0),
  $cmp: (args, ctx) => {
    const [a, b] = evalArgsN('$cmp', args, ctx, 2);
    return new Int32(Math.sign(aggCompare(a, b, ctx)));
  },
  $and: (args, ctx) => (Array.isArray(args) ? args : [args]).every((a) => isTruthy(evaluate(a, ctx))),
  $or: (args, ctx) => (Array.isArray(args) ? args : [args]).some((a) => isTruthy(evaluate(a, ctx))),
  $not: (args, ctx) => !isTruthy(evalArgsN('$not', args, ctx, 1)[0]),
  $cond: evalCond,
  $ifNull: (args, ctx) => {
    const list = Array.isArray(args) ? args : [args];
    if (list.length < 2) throw commandError('FailedToParse', '$ifNull needs at least two arguments');
    for (let i = 0; i < list.length - 1; i++) {
      const v = evaluate(list[i], ctx);
      if (v !== null && v !== undefined) return v;
    }
    return evaluate(list[list.length - 1], ctx);
  },
  $switch: evalSwitch,
  $let: evalLet,
  $mergeObjects: mergeObjects,
  $getField: getField,
  $setField: setField,
  $unsetField: (args, ctx) => setField({ ...(args as Document), value: '$$REMOVE' }, ctx),
  $type: (args, ctx) => bsonTypeName(evalArgsN('$type', args, ctx, 1)[0]),
  $isNumber: (args, ctx) => isNumeric(evalArgsN('$isNumber', args, ctx, 1)[0]),
  $rand: () => Math.random(),
};
