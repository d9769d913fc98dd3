/** Resolves positional update paths (`a.$.b`, `a.$[].b`, `a.$[x].b`) into concrete paths. */
import { commandError } from '../errors.js';
import { compileCondition, compileFilter } from './match.js';
import { getExact, getPath, isIndexPart } from './paths.js';
import { isPlainObject, type Collation, type Document } from './types.js';

const IDENT_RE = /^\$\[([a-z][a-zA-Z0-9]*)?\]$/;

export interface PositionalContext {
  original: Document;
  matchedFilter?: Document;
  arrayFilters: Map<string, (el: unknown) => boolean>;
  usedFilters: Set<string>;
  isInsert: boolean;
  collation?: Collation;
}

/** The top-level names a filter uses, looking inside `$and`/`$or`/`$nor`. */
function identifiersOf(filter: Document): string[] {
  return Object.entries(filter).flatMap(([k, v]) => {
    if (!k.startsWith('$')) return [k.split('.')[0]];
    return Array.isArray(v) ? v.flatMap((f) => (isPlainObject(f) ? identifiersOf(f) : [])) : [];
  });
}

/** Compiles `arrayFilters` by identifier; each filter's fields must all start with one identifier. */
export function compileArrayFilters(filters: Document[] | undefined, collation?: Collation): Map<string, (el: unknown) => boolean> {
  const out = new Map<string, (el: unknown) => boolean>();
  for (const f of filters ?? []) {
    if (!isPlainObject(f)) throw commandError('FailedToParse', 'arrayFilters must contain only objects');
    const ids = new Set(identifiersOf(f));
    if (ids.size !== 1) throw commandError('FailedToParse', 'Error parsing array filter :: caused by :: Expected a single top-level field name, found ' + (ids.size === 0 ? 'none' : [...ids].join(', ')));
    const [id] = ids;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) throw commandError('BadValue', `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`);
    if (out.has(id)) throw commandError('FailedToParse', `Found multiple array filters with the same top-level field name ${id}`);
    const pred = compileFilter(f, { collation });
    out.set(id, (el) => pred({ [id]: el }));
  }
  return out;
}

function conditionsUnder(filter: Document, prefix: string, out: Array<[string, unknown]>): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' || k === '$or') {
      if (Array.isArray(v)) for (const f of v) if (isPlainObject(f)) conditionsUnder(f, prefix, out);
    } else if (k === prefix || k.startsWith(prefix + '.')) out.push([k.slice(prefix.length + 1), v]);
  }
}

/** The index of the first element of the array at `prefix` satisfying the filter's conditions on it, or -1. */
export function matchedIndex(doc: Document, prefix: string[], filter: Document, collation?: Collation): number {
  const arr = getExact(doc, prefix);
  if (!Array.isArray(arr)) return -1;
  const conds: Array<[string, unknown]> = [];
  conditionsUnder(filter, prefix.join('.'), conds);
  if (conds.length === 0) return -1;
  const tests = conds.map(([rest, cond]) => {
    const pred = compileCondition(cond, { collation });
    return (el: unknown) => pred(rest === '' ? [[el]] : getPath(el, rest));
  });
  const all = arr.findIndex((el) => tests.every((t) => t(el)));
  return all >= 0 ? all : arr.findIndex((el) => tests.some((t) => t(el)));
}

/** The `$` operator: the first element of the array at `prefix` that the query matched. */
function positionalIndex(prefix: string[], pc: PositionalContext): number {
  const idx = pc.isInsert || !pc.matchedFilter ? -1 : matchedIndex(pc.original, prefix, pc.matchedFilter, pc.collation);
  if (idx < 0) throw commandError('BadValue', 'The positional operator did not find the match needed from the query.');
  return idx;
}

function expand(value: unknown, parts: string[], i: number, prefix: string[], pc: PositionalContext, path: string, out: string[][]): void {
  if (i === parts.length) {
    out.push(prefix);
    return;
  }
  const part = parts[i];
  if (part === '$') {
    const idx = positionalIndex(prefix, pc);
    expand(Array.isArray(value) ? value[idx] : undefined, parts, i + 1, [...prefix, String(idx)], pc, path, out);
    return;
  }
  const m = IDENT_RE.exec(part);
  if (m) {
    if (!Array.isArray(value)) {
      if (pc.isInsert && value === undefined) return;
      throw commandError('BadValue', `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`);
    }
    let test: ((el: unknown) => boolean) | undefined;
    if (m[1] !== undefined) {
      test = pc.arrayFilters.get(m[1]);
      if (!test) throw commandError('BadValue', `No array filter found for identifier '${m[1]}' in path '${path}'`);
      pc.usedFilters.add(m[1]);
    }
    value.forEach((el, j) => {
      if (!test || test(el)) expand(el, parts, i + 1, [...prefix, String(j)], pc, path, out);
    });
    return;
  }
  let next: unknown;
  if (Array.isArray(value)) next = isIndexPart(part) ? value[Number(part)] : undefined;
  else if (isPlainObject(value)) next = value[part];
  expand(next, parts, i + 1, [...prefix, part], pc, path, out);
}

/** The concrete paths an update path stands for (one unless it contains `$[]`/`$[x]`). */
export function resolveUpdatePath(doc: Document, path: string, pc: PositionalContext): string[][] {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) throw commandError('BadValue', `The update path '${path}' contains an empty field name, which is not allowed.`);
  if (parts.filter((p) => p === '$').length > 1) throw commandError('BadValue', `Too many positional (i.e. '$') elements found in path '${path}'`);
  if (!parts.some((p) => p.startsWith('$'))) return [parts];
  const out: string[][] = [];
  expand(doc, parts, 0, [], pc, path, out);
  return out;
}
