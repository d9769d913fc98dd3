/** `$lookup` (equality, pipeline and combined forms) and `$unionWith`. */
import { Long } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { compileFilter } from '../match.js';
import { toNumber } from '../numeric.js';
import { getPath } from '../paths.js';
import { isPlainObject, type Document } from '../types.js';
import { evaluate, type EvalContext } from './expressions.js';
import type { PipelineContext } from './pipeline.js';
import { valueKey } from './value-key.js';

type RunSub = (input: Document[], pipeline: Document[], ctx: PipelineContext) => Document[];

/** The values a query path reaches, with arrays flattened one level (what `$lookup` matches on). */
function flatValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  for (const v of getPath(doc, path)) {
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

/** Foreign documents indexed by every value their `foreignField` reaches (missing counts as null). */
function indexForeign(foreign: Document[], field: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  foreign.forEach((doc, i) => {
    const cands = getPath(doc, field);
    const keys = new Set<string>();
    for (const c of cands) {
      keys.add(valueKey(c));
      if (Array.isArray(c)) for (const el of c) keys.add(valueKey(el));
    }
    for (const k of keys) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  return index;
}

export function lookupStage(input: Document[], spec: unknown, ctx: PipelineContext, evalCtx: (d: Document) => EvalContext, runSub: RunSub): Document[] {
  if (!isPlainObject(spec)) throw commandError('FailedToParse', 'the $lookup specification must be an Object');
  const { from, as, localField, foreignField, pipeline } = spec;
  if (typeof as !== 'string') throw commandError('FailedToParse', "must specify 'as' field for a $lookup");
  if (typeof from !== 'string') throw commandError('FailedToParse', "must specify 'from' field for a $lookup");
  const hasFields = localField !== undefined || foreignField !== undefined;
  if (hasFields && (typeof localField !== 'string' || typeof foreignField !== 'string')) {
    throw commandError('FailedToParse', "$lookup requires both or neither of 'localField' and 'foreignField' to be specified");
  }
  if (!hasFields && pipeline === undefined) throw commandError('FailedToParse', "$lookup requires either 'pipeline' or both 'localField' and 'foreignField' to be specified");
  if (pipeline !== undefined && !Array.isArray(pipeline)) throw commandError('FailedToParse', "'pipeline' option must be specified as an array");
  const letSpec = isPlainObject(spec.let) ? spec.let : {};
  // The whole foreign collection, read once and only when some document needs it.
  let foreign: Document[] | undefined;
  let index: Map<string, number[]> | undefined;
  const all = (): Document[] => (foreign ??= ctx.lookupCollection(from));
  const equalTo = (values: unknown[]): Document[] => {
    const found = ctx.lookupMatching?.(from, foreignField as string, values);
    if (found) return found;
    index ??= indexForeign(all(), foreignField as string);
    const picked = new Set<number>();
    for (const v of values) for (const i of index.get(valueKey(v)) ?? []) picked.add(i);
    return [...picked].sort((a, b) => a - b).map((i) => all()[i]);
  };

  return input.map((doc) => {
    let matches = hasFields ? equalTo(flatValues(doc, localField as string)) : all();
    if (pipeline) {
      const ec = evalCtx(doc);
      const vars: Record<string, unknown> = { ...ctx.vars };
      for (const [k, e] of Object.entries(letSpec)) vars[k] = evaluate(e, ec) ?? null;
      matches = runSub(matches, pipeline as Document[], { ...ctx, vars });
    }
    const out = { ...doc };
    setAs(out, as, matches);
    return out;
  });
}

function setAs(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    const next = isPlainObject(cur[p]) ? { ...(cur[p] as Document) } : {};
    cur[p] = next;
    cur = next;
  }
  cur[parts[parts.length - 1]] = value;
}

/** `$graphLookup`: breadth-first search over `from`, following connectFromField → connectToField. */
export function graphLookupStage(input: Document[], spec: unknown, ctx: PipelineContext, evalCtx: (d: Document) => EvalContext): Document[] {
  if (!isPlainObject(spec)) throw commandError('FailedToParse', 'the $graphLookup specification must be an Object');
  const { from, startWith, connectFromField, connectToField, as, maxDepth, depthField, restrictSearchWithMatch } = spec;
  for (const [name, v] of Object.entries({ from, connectFromField, connectToField, as })) {
    if (typeof v !== 'string') throw new MongoCommandError(40105, 'Location40105', `$graphLookup requires '${name}' to be a string`);
  }
  if (startWith === undefined) throw new MongoCommandError(40105, 'Location40105', "$graphLookup requires 'startWith'");
  const limit = maxDepth === undefined ? Infinity : toNumber(maxDepth);
  let foreign = ctx.lookupCollection(from as string);
  if (isPlainObject(restrictSearchWithMatch)) foreign = foreign.filter(compileFilter(restrictSearchWithMatch, { collation: ctx.collation }));
  const index = indexForeign(foreign, connectToField as string);
  return input.map((doc) => {
    const start = evaluate(startWith, evalCtx(doc));
    let frontier = Array.isArray(start) ? start : [start];
    const found = new Map<number, number>();
    for (let depth = 0; depth <= limit && frontier.length > 0; depth++) {
      const next: unknown[] = [];
      for (const v of frontier) {
        for (const i of index.get(valueKey(v)) ?? []) {
          if (found.has(i)) continue;
          found.set(i, depth);
          next.push(...flatValues(foreign[i], connectFromField as string));
        }
      }
      frontier = next;
    }
    const results = [...found].map(([i, depth]) => (typeof depthField === 'string' ? { ...foreign[i], [depthField]: Long.fromNumber(depth) } : foreign[i]));
    return { ...doc, [as as string]: results };
  });
}

export function unionWithStage(input: Document[], spec: unknown, ctx: PipelineContext, runSub: RunSub): Document[] {
  const coll = typeof spec === 'string' ? spec : isPlainObject(spec) ? spec.coll : undefined;
  const pipeline = isPlainObject(spec) && Array.isArray(spec.pipeline) ? (spec.pipeline as Document[]) : [];
  if (typeof coll !== 'string') throw commandError('FailedToParse', '$unionWith requires a collection name');
  return [...input, ...runSub(ctx.lookupCollection(coll), pipeline, ctx)];
}
