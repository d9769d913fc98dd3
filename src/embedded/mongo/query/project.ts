/**
 * Projections for find (`$slice`, `$elemMatch`, `a.$`, expressions) and for the aggregation
 * `$project` stage. Inclusion keeps the stored field order and appends computed fields.
 */
import { commandError } from '../errors.js';
import { evaluate, type EvalContext } from './aggregate/expressions.js';
import { compileElemMatch } from './match.js';
import { isNumeric, toNumber } from './numeric.js';
import { isOperatorObject, isPlainObject, setOwn, type Collation, type Document } from './types.js';
import { textScoreValue } from './text.js';
import { matchedIndex } from './update-positional.js';

type Leaf =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'expr'; expr: unknown }
  | { kind: 'slice'; skip: number; limit?: number }
  | { kind: 'elemMatch'; pred: (doc: unknown) => boolean }
  | { kind: 'positional'; path: string[] }
  | { kind: 'textScore' };

interface Node {
  children: Map<string, Node | Leaf>;
  /** Whether this subtree adds computed fields (expressions, text scores). */
  computed?: boolean;
}

function isNode(v: Node | Leaf): v is Node {
  return 'children' in v;
}

export interface ProjectionOptions {
  matchedFilter?: Document;
  collation?: Collation;
  vars?: Record<string, unknown>;
  now?: Date;
}

interface Compiled {
  tree: Node;
  inclusion: boolean;
}

function parseSlice(arg: unknown): Leaf {
  if (isNumeric(arg)) {
    const n = Math.trunc(toNumber(arg));
    return n >= 0 ? { kind: 'slice', skip: 0, limit: n } : { kind: 'slice', skip: n };
  }
  if (Array.isArray(arg) && arg.length === 2 && isNumeric(arg[0]) && isNumeric(arg[1])) {
    const limit = Math.trunc(toNumber(arg[1]));
    if (limit <= 0) throw commandError('BadValue', `$slice limit must be positive`);
    return { kind: 'slice', skip: Math.trunc(toNumber(arg[0])), limit };
  }
  throw commandError('BadValue', '$slice only supports numbers and [skip, limit] arrays');
}

function leafFor(path: string, value: unknown, agg: boolean, collation?: Collation): Leaf | Document {
  if (typeof value === 'boolean' || isNumeric(value)) {
    return (typeof value === 'boolean' ? value : toNumber(value) !== 0) ? { kind: 'include' } : { kind: 'exclude' };
  }
  if (isOperatorObject(value)) {
    const op = Object.keys(value)[0];
    if (op === '$meta') {
      if (value.$meta === 'textScore') return { kind: 'textScore' };
      throw commandError('BadValue', `$meta projections of '${String(value.$meta)}' are not supported by the embedded MongoDB engine`);
    }
    if (!agg && op === '$slice' && Object.keys(value).length === 1) return parseSlice(value.$slice);
    if (!agg && op === '$elemMatch') {
      if (path.includes('.')) throw commandError('BadValue', 'Cannot use $elemMatch projection on a nested field.');
      if (!isPlainObject(value.$elemMatch)) throw commandError('BadValue', 'elemMatch: Invalid argument, object required.');
      return { kind: 'elemMatch', pred: compileElemMatch(value.$elemMatch, { collation }) };
    }
    return { kind: 'expr', expr: value };
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) throw commandError('BadValue', `An empty sub-projection is not a valid value. Found empty object at path ${path}`);
    return value;
  }
  return { kind: 'expr', expr: value };
}

function insert(tree: Node, parts: string[], leaf: Leaf, fullPath: string): void {
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const existing = node.children.get(parts[i]);
    if (existing && !isNode(existing)) throw commandError('Location31250', `Path collision at ${fullPath} remaining portion ${parts.slice(i + 1).join('.')}`);
    let next = existing as Node | undefined;
    if (!next) {
      next = { children: new Map() };
      node.children.set(parts[i], next);
    }
    node = next;
  }
  const last = parts[parts.length - 1];
  if (node.children.has(last)) throw commandError('Location31250', `Path collision at ${fullPath}`);
  node.children.set(last, leaf);
}

/** Parses a projection and decides inclusion or exclusion mode, rejecting mixtures as mongod does. */
function compileProjection(spec: Document, agg: boolean, collation?: Collation): Compiled {
  const tree: Node = { children: new Map() };
  let mode: 'include' | 'exclude' | undefined;
  let idExcluded = false;
  let idIncluded = false;
  let sawElemMatch = false;
  const walk = (obj: Document, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      let path = prefix ? `${prefix}.${key}` : key;
      if (key.startsWith('$') && !(key === '$' && prefix)) throw commandError('BadValue', `FieldPath field names may not start with '$'. Consider using $getField or $setField.`);
      let leaf = leafFor(path, value, agg, collation);
      if (!('kind' in leaf)) {
        walk(leaf as Document, path);
        continue;
      }
      if (path.endsWith('.$')) {
        if (agg) throw commandError('BadValue', `Cannot use positional projection in aggregation projection`);
        path = path.slice(0, -2);
        leaf = { kind: 'positional', path: path.split('.') };
      }
      const l = leaf as Leaf;
      if (path === '_id' && (l.kind === 'include' || l.kind === 'exclude')) {
        idExcluded = l.kind === 'exclude';
        idIncluded = !idExcluded;
        if (idExcluded) insert(tree, ['_id'], l, path);
        continue;
      }
      const effect = l.kind === 'exclude' ? 'exclude' : ['slice', 'elemMatch', 'textScore'].includes(l.kind) ? undefined : 'include';
      if (l.kind === 'elemMatch') sawElemMatch = true;
      if (effect && mode && effect !== mode) {
        if (mode === 'include') throw commandError('Location31254', `Cannot do exclusion on field ${path} in inclusion projection`);
        throw commandError('Location31253', `Cannot do inclusion on field ${path} in exclusion projection`);
      }
      if (effect) mode = effect;
      insert(tree, path.split('.'), l, path);
    }
  };
  walk(spec, '');
  markComputed(tree);
  const inclusion = mode === 'include' || (mode === undefined && (sawElemMatch || idIncluded));
  if (inclusion && !idExcluded && !tree.children.has('_id')) tree.children = new Map([['_id', { kind: 'include' } as Leaf], ...tree.children]);
  return { tree, inclusion };
}

function markComputed(node: Node): boolean {
  let computed = false;
  for (const child of node.children.values()) {
    if (isNode(child) ? markComputed(child) : child.kind === 'expr' || child.kind === 'textScore') computed = true;
  }
  node.computed = computed;
  return computed;
}

function slice(value: unknown, leaf: Extract<Leaf, { kind: 'slice' }>): unknown {
  if (!Array.isArray(value)) return value;
  const start = leaf.skip < 0 ? Math.max(0, value.length + leaf.skip) : Math.min(leaf.skip, value.length);
  return leaf.limit === undefined ? value.slice(start) : value.slice(start, start + leaf.limit);
}

interface ApplyContext {
  root: Document;
  /** The expression context, built on first use (most projections have no expressions). */
  eval: () => EvalContext;
  matchedFilter?: Document;
  collation?: Collation;
}

/** A leaf applied to an existing value; undefined drops the field. */
function applyLeaf(leaf: Leaf, value: unknown, ac: ApplyContext): unknown {
  switch (leaf.kind) {
    case 'include':
      return value;
    case 'exclude':
      return undefined;
    case 'slice':
      return slice(value, leaf);
    case 'elemMatch': {
      if (!Array.isArray(value)) return undefined;
      const found = value.find((el) => leaf.pred(el));
      return found === undefined ? undefined : [found];
    }
    case 'positional': {
      if (!Array.isArray(value)) return value;
      const idx = ac.matchedFilter ? matchedIndex(ac.root, leaf.path, ac.matchedFilter, ac.collation) : -1;
      if (idx < 0) throw commandError('BadValue', "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
      return [value[idx]];
    }
    case 'expr':
      return evaluate(leaf.expr, ac.eval());
    case 'textScore':
      return textScoreValue(ac.root);
  }
}

function includeValue(value: unknown, node: Node, ac: ApplyContext): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const el of value) {
      if (Array.isArray(el) || isPlainObject(el)) out.push(includeValue(el, node, ac));
    }
    return out;
  }
  if (!isPlainObject(value)) return undefined;
  return includeObject(value, node, ac);
}

function includeObject(obj: Document, node: Node, ac: ApplyContext): Document {
  const out: Document = {};
  for (const key in obj) {
    const child = node.children.get(key);
    if (!child || !Object.hasOwn(obj, key) || (!isNode(child) && (child.kind === 'expr' || child.kind === 'textScore'))) continue;
    const r = isNode(child) ? includeValue(obj[key], child, ac) : applyLeaf(child, obj[key], ac);
    if (r !== undefined) setOwn(out, key, r);
  }
  if (node.computed) addComputed(out, node, ac);
  return out;
}

/** Appends computed fields in projection order, creating sub-documents for dotted names. */
function addComputed(out: Document, node: Node, ac: ApplyContext): void {
  for (const [key, child] of node.children) {
    if (isNode(child)) {
      if (!child.computed) continue;
      const base = isPlainObject(out[key]) ? (out[key] as Document) : {};
      addComputed(base, child, ac);
      if (Object.keys(base).length > 0 || isPlainObject(out[key])) out[key] = base;
    } else if (child.kind === 'expr' || child.kind === 'textScore') {
      const v = applyLeaf(child, undefined, ac);
      if (v !== undefined) out[key] = v;
    }
  }
}

function excludeValue(value: unknown, node: Node, ac: ApplyContext): unknown {
  if (Array.isArray(value)) return value.map((el) => (Array.isArray(el) || isPlainObject(el) ? excludeValue(el, node, ac) : el));
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = node.children.get(key);
    const v = value[key];
    const r = !child ? v : isNode(child) ? excludeValue(v, child, ac) : applyLeaf(child, v, ac);
    if (r !== undefined) setOwn(out, key, r);
  }
  return out;
}

function makeApplier(spec: Document, agg: boolean, collation?: Collation): (doc: Document, opts?: ProjectionOptions) => Document {
  const { tree, inclusion } = compileProjection(spec, agg, collation);
  return (doc, opts = {}) => {
    let ec: EvalContext | undefined;
    const ac: ApplyContext = {
      root: doc,
      eval: () => (ec ??= { root: doc, current: doc, vars: opts.vars ?? {}, collation: opts.collation ?? collation, now: opts.now ?? new Date() }),
      matchedFilter: opts.matchedFilter,
      collation: opts.collation ?? collation,
    };
    if (inclusion) return includeObject(doc, tree, ac);
    const out = excludeValue(doc, tree, ac) as Document;
    if (tree.computed) addComputed(out, tree, ac);
    return out;
  };
}

/** A find projection applied to one document (returns the document itself for an empty projection). */
export function applyProjection(doc: Document, projection: Document | null | undefined, opts: ProjectionOptions = {}): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  // Callers apply one projection object to a whole result set: compile it once.
  let apply = compiledFind.get(projection);
  if (!apply || opts.collation) {
    apply = makeApplier(projection, false, opts.collation);
    if (!opts.collation) compiledFind.set(projection, apply);
  }
  return apply(doc, opts);
}

const compiledFind = new WeakMap<Document, (doc: Document, opts?: ProjectionOptions) => Document>();

/** The aggregation `$project` stage's projection, compiled once. */
export function compileAggProjection(spec: Document, collation?: Collation): (doc: Document, opts?: ProjectionOptions) => Document {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw commandError('Location51272', '$project requires at least one output field');
  return makeApplier(spec, true, collation);
}
