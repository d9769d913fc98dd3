/** `applyUpdate`: replacement documents, operator documents and update pipelines, as mongod applies them. */
import { commandError } from '../errors.js';
import { bsonTypeName, compareValues } from './compare.js';
import { runPipeline } from './aggregate/pipeline.js';
import { FIELD_OPERATORS, type OpContext } from './update-operators.js';
import { compileArrayFilters, resolveUpdatePath, type PositionalContext } from './update-positional.js';
import { describeValue, cloneDeep, isPlainObject, type Collation, type Document } from './types.js';
import { isIndexPart, setPath, unsetPath } from './paths.js';

export interface UpdateOptions {
  arrayFilters?: Document[];
  isInsert?: boolean;
  matchedFilter?: Document;
  collation?: Collation;
  now?: Date;
}

export interface UpdateResult {
  doc: Document;
  modified: boolean;
}

const PIPELINE_STAGES = new Set(['$set', '$addFields', '$unset', '$project', '$replaceRoot', '$replaceWith']);

/** Deep equality that also requires identical bson types and field order (for `nModified`). */
function identical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (bsonTypeName(a) !== bsonTypeName(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, i) => identical(v, y[i]));
  }
  if (isPlainObject(a)) {
    const y = b as Document;
    const ka = Object.keys(a);
    const kb = Object.keys(y);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && identical(a[k], y[k]));
  }
  return compareValues(a, b) === 0;
}

function idFirst(doc: Document): Document {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function checkId(before: Document, after: Document, isInsert: boolean): void {
  if (isInsert || !('_id' in before)) return;
  if (!('_id' in after) || !identical(before._id, after._id)) {
    throw commandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

function replaceDocument(doc: Document, replacement: Document, isInsert: boolean): Document {
  for (const k of Object.keys(replacement)) {
    if (k.startsWith('$')) {
      throw commandError('DollarPrefixedFieldName', `The dollar ($) prefixed field '${k}' in '${k}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`);
    }
  }
  if ('_id' in replacement && '_id' in doc && !isInsert && !identical(replacement._id, doc._id)) {
    throw commandError('ImmutableField', `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${describeValue(replacement._id)}`);
  }
  const out: Document = '_id' in doc ? { _id: doc._id } : {};
  for (const [k, v] of Object.entries(replacement)) out[k] = cloneDeep(v);
  return idFirst(out);
}

function pipelineUpdate(doc: Document, stages: unknown[], opts: UpdateOptions): Document {
  for (const s of stages) {
    const name = isPlainObject(s) ? Object.keys(s)[0] : undefined;
    if (!name || !PIPELINE_STAGES.has(name)) {
      throw commandError('InvalidOptions', `${name ?? 'stage'} is not allowed to be used within an update`);
    }
  }
  const ctx = {
    lookupCollection: () => {
      throw commandError('InvalidOptions', 'collection lookups are not allowed within an update');
    },
    collation: opts.collation,
    now: opts.now,
  };
  const [out] = runPipeline([doc], stages as Document[], ctx);
  if (!out) throw commandError('BadValue', 'update pipeline removed the document');
  if ('_id' in doc && !('_id' in out)) return idFirst({ _id: doc._id, ...out });
  return idFirst(out);
}

interface Action {
  parts: string[];
  run: () => void;
}

/** Orders paths as mongod 5+ applies them: field names lexicographically, array indexes numerically. */
function comparePaths(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    if (isIndexPart(a[i]) && isIndexPart(b[i])) return Number(a[i]) - Number(b[i]);
    return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function checkConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur === prev || cur.startsWith(prev + '.')) {
      throw commandError('ConflictingUpdateOperators', `Updating the path '${cur}' would create a conflict at '${prev}'`);
    }
  }
}

function renameActions(work: Document, from: string, to: unknown, pc: PositionalContext): Action[] {
  if (typeof to !== 'string') throw commandError('BadValue', `The 'to' field for $rename must be a string: ${from}: ${describeValue(to)}`);
  if (from === to) throw commandError('BadValue', `The source and target field for $rename must differ: ${from}: "${to}"`);
  for (const p of [from, to]) {
    if (p.split('.').some((part) => part.startsWith('$'))) throw commandError('BadValue', `The source and target field for $rename must not contain positional operators: ${p}`);
  }
  const src = resolveUpdatePath(work, from, pc)[0];
  let cur: unknown = work;
  for (const part of src) {
    if (Array.isArray(cur)) throw commandError('BadValue', `The source field cannot be an array element, '${from}' in doc with ${describeValue(work._id)}`);
    cur = isPlainObject(cur) ? cur[part] : undefined;
  }
  if (cur === undefined) return [];
  const value = cur;
  const dest = to.split('.');
  return [
    { parts: src, run: () => void unsetPath(work, src) },
    { parts: dest, run: () => setPath(work, dest, value) },
  ];
}

function operatorUpdate(doc: Document, update: Document, opts: UpdateOptions): Document {
  const work = cloneDeep(doc);
  const pc: PositionalContext = {
    original: doc,
    matchedFilter: opts.matchedFilter,
    arrayFilters: compileArrayFilters(opts.arrayFilters, opts.collation),
    usedFilters: new Set(),
    isInsert: !!opts.isInsert,
    collation: opts.collation,
  };
  const ctx: OpContext = { doc: work, collation: opts.collation, now: opts.now ?? new Date() };
  const rawPaths: string[] = [];
  const actions: Action[] = [];
  for (const [op, fields] of Object.entries(update)) {
    const fn = FIELD_OPERATORS[op];
    if (!fn && op !== '$rename') {
      throw commandError('FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(fields)) {
      throw commandError('FailedToParse', `Modifiers operate on fields but we found type ${bsonTypeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${describeValue(fields)}}`);
    }
    for (const [path, arg] of Object.entries(fields)) {
      if (path === '') throw commandError('BadValue', 'An empty update path is not valid.');
      rawPaths.push(path);
      if (op === '$setOnInsert' && !opts.isInsert) continue;
      if (op === '$rename') {
        rawPaths.push(String(arg));
        actions.push(...renameActions(work, path, arg, pc));
        continue;
      }
      for (const parts of resolveUpdatePath(work, path, pc)) actions.push({ parts, run: () => fn(parts, arg, ctx, path) });
    }
  }
  checkConflicts(rawPaths);
  for (const id of pc.arrayFilters.keys()) {
    if (!pc.usedFilters.has(id)) throw commandError('FailedToParse', `The array filter for identifier '${id}' was not used in the update ${describeValue(update)}`);
  }
  actions.sort((a, b) => comparePaths(a.parts, b.parts));
  for (const a of actions) a.run();
  return opts.isInsert ? idFirst(work) : work;
}

/** Applies an update to a document, returning a new document; the input is never mutated. */
export function applyUpdate(doc: Document, update: Document | Document[], opts: UpdateOptions = {}): UpdateResult {
  let out: Document;
  if (Array.isArray(update)) out = pipelineUpdate(doc, update, opts);
  else if (!isPlainObject(update)) throw commandError('FailedToParse', 'Update argument must be either an object or an array');
  else {
    const keys = Object.keys(update);
    const isOperator = keys.length > 0 && keys[0].startsWith('$');
    if (isOperator) out = operatorUpdate(doc, update, opts);
    else out = replaceDocument(doc, update, !!opts.isInsert);
  }
  checkId(doc, out, !!opts.isInsert);
  return { doc: out, modified: !identical(doc, out) };
}
