/**
 * Aggregation expression evaluator: field paths (`$a.b`), variables (`$$ROOT`, `$$var.x`),
 * literals, expression objects and `{$op: args}` operator calls dispatched to the operator tables.
 */
import { commandError } from '../../errors.js';
import { numKind, toNumber } from '../numeric.js';
import { textScoreValue } from '../text.js';
import { isPlainObject, type Collation, type Document } from '../types.js';
import { arithmeticOperators } from './expr-arith.js';
import { arrayOperators } from './expr-array.js';
import { conversionOperators } from './expr-convert.js';
import { dateOperators } from './expr-date.js';
import { logicOperators } from './expr-logic.js';
import { stringOperators } from './expr-string.js';

export interface EvalContext {
  root: unknown;
  current: unknown;
  vars: Record<string, unknown>;
  collation?: Collation;
  now: Date;
}

/** An operator receives its raw (unevaluated) arguments so it can control evaluation (e.g. `$cond`). */
export type OperatorFn = (args: unknown, ctx: EvalContext) => unknown;

const OPERATORS: Record<string, OperatorFn> = {
  ...logicOperators,
  ...arithmeticOperators,
  ...stringOperators,
  ...arrayOperators,
  ...dateOperators,
  ...conversionOperators,
};

const UNSUPPORTED: Record<string, string> = {
  $function: 'server-side JavaScript', $accumulator: 'server-side JavaScript',
};

/** Aggregation truthiness: false, null, missing, 0 (any numeric type) are false. */
export function isTruthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (numKind(v) !== undefined) return toNumber(v) !== 0;
  return true;
}

/** Resolves path parts from a value; arrays map over their elements and drop missing results. */
export function resolveFieldPath(value: unknown, parts: readonly string[], i = 0): unknown {
  if (i === parts.length) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const el of value) {
      if (!Array.isArray(el) && !isPlainObject(el)) continue;
      const r = resolveFieldPath(el, parts, i);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
  if (!isPlainObject(value)) return undefined;
  const next = Object.hasOwn(value, parts[i]) ? value[parts[i]] : undefined;
  if (next === undefined) return undefined;
  return resolveFieldPath(next, parts, i + 1);
}

function evalVariable(ref: string, ctx: EvalContext): unknown {
  const dot = ref.indexOf('.');
  const name = dot < 0 ? ref : ref.slice(0, dot);
  let base: unknown;
  switch (name) {
    case 'ROOT':
      base = ctx.root;
      break;
    case 'CURRENT':
      base = ctx.current;
      break;
    case 'REMOVE':
      return undefined;
    case 'NOW':
      base = ctx.now;
      break;
    default:
      if (!Object.hasOwn(ctx.vars, name)) throw commandError('FailedToParse', `Use of undefined variable: ${name}`);
      base = ctx.vars[name];
  }
  return dot < 0 ? base : resolveFieldPath(base, ref.slice(dot + 1).split('.'));
}

/** Evaluates `expr` in a context; undefined means "missing". */
export function evaluate(expr: unknown, ctx: EvalContext): unknown {
  if (typeof expr === 'string') {
    if (expr.startsWith('$$')) return evalVariable(expr.slice(2), ctx);
    if (expr.startsWith('$')) {
      if (expr.length === 1) throw commandError('FailedToParse', "'$' by itself is not a valid FieldPath");
      return resolveFieldPath(ctx.current, expr.slice(1).split('.'));
    }
    return expr;
  }
  if (Array.isArray(expr)) return expr.map((e) => nullIfMissing(evaluate(e, ctx)));
  if (!isPlainObject(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length > 0 && keys[0].startsWith('$')) {
    if (keys.length > 1) {
      throw commandError('FailedToParse', `an expression specification must contain exactly one field, the name of the expression. Found ${keys.length} fields in ${JSON.stringify(expr)}`);
    }
    return callOperator(keys[0], expr[keys[0]], ctx);
  }
  const out: Document = {};
  for (const k of keys) {
    const v = evaluate(expr[k], ctx);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function nullIfMissing(v: unknown): unknown {
  return v === undefined ? null : v;
}

function callOperator(op: string, args: unknown, ctx: EvalContext): unknown {
  if (op === '$meta') {
    if (args === 'textScore') return textScoreValue(ctx.root);
    throw commandError('InvalidPipelineOperator', `$meta '${String(args)}' is not supported by the embedded MongoDB engine`);
  }
  const fn = OPERATORS[op];
  if (fn) return fn(args, ctx);
  if (op in UNSUPPORTED) throw commandError('InvalidPipelineOperator', `${op} is not supported by the embedded MongoDB engine (${UNSUPPORTED[op]})`);
  throw commandError('InvalidPipelineOperator', `Unrecognized expression '${op}'`);
}

/** Evaluates an expression against a document with optional user variables (`let`). */
export function evalExpression(expr: unknown, doc: unknown, vars: Record<string, unknown> = {}, collation?: Collation, now?: Date): unknown {
  return evaluate(expr, { root: doc, current: doc, vars, collation, now: now ?? new Date() });
}

/** The evaluated argument list of an operator (a single non-array argument becomes a one-element list). */
export function evalArgs(args: unknown, ctx: EvalContext): unknown[] {
  return Array.isArray(args) ? args.map((a) => evaluate(a, ctx)) : [evaluate(args, ctx)];
}

/** Evaluated arguments, checking the count as mongod does. */
export function evalArgsN(op: string, args: unknown, ctx: EvalContext, min: number, max = min): unknown[] {
  const list = evalArgs(args, ctx);
  if (list.length < min || list.length > max) {
    const want = min === max ? `exactly ${min}` : `between ${min} and ${max}`;
    throw commandError('FailedToParse', `Expression ${op} takes ${want} arguments. ${list.length} were passed in.`);
  }
  return list;
}

/** Runs `fn` with a variable bound (for `$map`, `$filter`, `$let`, ...). */
export function withVars(ctx: EvalContext, vars: Record<string, unknown>): EvalContext {
  return { ...ctx, vars: { ...ctx.vars, ...vars } };
}
