/** Document-shaping stages: `$addFields`, `$unset`, `$unwind`, `$replaceRoot`, `$sample`, `$redact`. */
import { Long } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { bsonTypeName } from '../compare.js';
import { isNumeric, toNumber } from '../numeric.js';
import { compileAggProjection } from '../project.js';
import { cloneDeep, isOperatorObject, isPlainObject, type Document } from '../types.js';
import { evaluate, type EvalContext } from './expressions.js';

/** Sets computed fields; a nested literal object merges into an existing sub-document (or each array element). */
function addInto(target: unknown, spec: Document, ctx: EvalContext): Document {
  const out: Document = isPlainObject(target) ? { ...target } : {};
  for (const [rawKey, expr] of Object.entries(spec)) {
    const parts = rawKey.split('.');
    const key = parts[0];
    const sub = parts.length > 1 ? { [parts.slice(1).join('.')]: expr } : undefined;
    if (sub || (isPlainObject(expr) && !isOperatorObject(expr) && Object.keys(expr).length > 0)) {
      const nested = sub ?? (expr as Document);
      const existing = out[key];
      out[key] = Array.isArray(existing) && sub
        ? existing.map((el) => (isPlainObject(el) ? addInto(el, nested, ctx) : addInto({}, nested, ctx)))
        : addInto(existing, nested, ctx);
      continue;
    }
    const v = evaluate(expr, ctx);
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}

export function addFieldsStage(input: Document[], spec: unknown, ctxOf: (d: Document) => EvalContext, name: string): Document[] {
  if (!isPlainObject(spec)) throw new MongoCommandError(40272, 'Location40272', `${name} specification stage must be an object, got ${bsonTypeName(spec)}`);
  return input.map((doc) => addInto(doc, spec, ctxOf(doc)));
}

export function unsetStage(input: Document[], spec: unknown): Document[] {
  const fields = typeof spec === 'string' ? [spec] : spec;
  if (!Array.isArray(fields) || fields.length === 0 || fields.some((f) => typeof f !== 'string')) {
    throw new MongoCommandError(31002, 'Location31002', '$unset specification must be a string or an array containing only string values');
  }
  const project = compileAggProjection(Object.fromEntries(fields.map((f) => [f, 0])));
  return input.map((doc) => project(doc));
}

export function unwindStage(input: Document[], spec: unknown): Document[] {
  const opts = typeof spec === 'string' ? { path: spec } : isPlainObject(spec) ? spec : undefined;
  if (!opts || typeof opts.path !== 'string') throw new MongoCommandError(15981, 'Location15981', `expected either a string or an object as specification for $unwind stage, got ${bsonTypeName(spec)}`);
  if (!opts.path.startsWith('$')) throw new MongoCommandError(28818, 'Location28818', `path option to $unwind stage should be prefixed with a '$': ${opts.path}`);
  const parts = opts.path.slice(1).split('.');
  const indexField = typeof opts.includeArrayIndex === 'string' ? opts.includeArrayIndex : undefined;
  const preserve = opts.preserveNullAndEmptyArrays === true;
  const out: Document[] = [];
  for (const doc of input) {
    const value = getNested(doc, parts);
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((el, i) => {
        const copy = withNested(doc, parts, el);
        if (indexField) copy[indexField] = Long.fromNumber(i);
        out.push(copy);
      });
    } else if (Array.isArray(value) || value === undefined || value === null) {
      if (!preserve) continue;
      const copy = Array.isArray(value) ? withNested(doc, parts, undefined) : { ...doc };
      if (indexField) copy[indexField] = null;
      out.push(copy);
    } else {
      const copy = { ...doc };
      if (indexField) copy[indexField] = null;
      out.push(copy);
    }
  }
  return out;
}

function getNested(doc: unknown, parts: string[]): unknown {
  let cur = doc;
  for (const p of parts) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** A shallow copy of `doc` along `parts` with the leaf replaced (removed when undefined). */
function withNested(doc: Document, parts: string[], value: unknown): Document {
  const out = { ...doc };
  let cur = out;
  for (const p of parts.slice(0, -1)) {
    const next = { ...(cur[p] as Document) };
    cur[p] = next;
    cur = next;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return out;
}

export function replaceRootStage(input: Document[], expr: unknown, ctxOf: (d: Document) => EvalContext): Document[] {
  return input.map((doc) => {
    const v = evaluate(expr, ctxOf(doc));
    if (!isPlainObject(v)) {
      throw new MongoCommandError(40228, 'Location40228', `'newRoot' expression must evaluate to an object, but resulting value was: ${v === undefined ? 'MISSING' : JSON.stringify(v)}. Type of resulting value: '${bsonTypeName(v)}'. Input document: ${JSON.stringify(doc)}`);
    }
    return v;
  });
}

export function sampleStage(input: Document[], spec: unknown): Document[] {
  if (!isPlainObject(spec) || !isNumeric(spec.size) || toNumber(spec.size) < 0) {
    throw new MongoCommandError(28746, 'Location28746', 'size argument to $sample must be a non-negative number');
  }
  const copy = [...input];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, toNumber(spec.size));
}

const DESCEND = '$$DESCEND';

/** `$redact`: evaluates at each document level to `$$KEEP`, `$$PRUNE` or `$$DESCEND`. */
export function redactStage(input: Document[], expr: unknown, ctxOf: (d: Document) => EvalContext): Document[] {
  const visit = (doc: Document, root: EvalContext): Document | undefined => {
    const ctx = { ...root, current: doc, vars: { ...root.vars, KEEP: '$$KEEP', PRUNE: '$$PRUNE', DESCEND } };
    const action = evaluate(expr, ctx);
    if (action === '$$KEEP') return doc;
    if (action === '$$PRUNE') return undefined;
    if (action !== DESCEND) throw new MongoCommandError(17053, 'Location17053', "$redact's expression should not return anything aside from the variables $$KEEP, $$DESCEND, and $$PRUNE");
    const out: Document = {};
    for (const [k, v] of Object.entries(doc)) {
      if (isPlainObject(v)) {
        const r = visit(v, root);
        if (r) out[k] = r;
      } else if (Array.isArray(v)) {
        out[k] = v.flatMap((el) => (isPlainObject(el) ? (visit(el, root) ?? []) : [el]));
      } else out[k] = v;
    }
    return out;
  };
  return input.flatMap((doc): Document[] => {
    const r = visit(doc, ctxOf(doc));
    return r ? [r] : [];
  });
}

export function limitOrSkip(name: '$limit' | '$skip', value: unknown): number {
  if (!isNumeric(value) || !Number.isInteger(toNumber(value))) {
    throw new MongoCommandError(name === '$limit' ? 15957 : 15972, name === '$limit' ? 'Location15957' : 'Location15972', `invalid argument to ${name} stage: Expected an integer: ${name}: ${JSON.stringify(value)}`);
  }
  const n = toNumber(value);
  if (name === '$limit' && n <= 0) throw new MongoCommandError(15958, 'Location15958', 'the limit must be positive');
  if (n < 0) throw new MongoCommandError(15956, 'Location15956', 'invalid argument to $skip stage: Expected a non-negative number');
  return n;
}

export function documentsStage(value: unknown, ctx: EvalContext): Document[] {
  const docs = evaluate(value, ctx);
  if (!Array.isArray(docs) || docs.some((d) => !isPlainObject(d))) throw commandError('FailedToParse', '$documents requires an array of objects');
  return docs.map((d) => cloneDeep(d as Document));
}
