/** Dotted-path access with MongoDB's implicit traversal of arrays. */
import { commandError } from '../errors.js';
import { describeValue, asDocumentLike, getOwn, isPlainObject, setOwn, type Document } from './types.js';

const INDEX_RE = /^(0|[1-9][0-9]*)$/;

export function isIndexPart(part: string): boolean {
  return INDEX_RE.test(part);
}

/** A field of a plain object or a DBRef-like object; undefined when absent. */
function fieldOf(v: unknown, key: string): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return getOwn(asDocumentLike(v) as object, key);
}

/**
 * Collects the values that `parts` reach from `value`, descending into arrays for non-numeric
 * parts (each element that is a document), as a query on `a.b` does. A path that reaches nothing
 * on some branch contributes `undefined` (missing) so `null`/`$exists` semantics hold.
 */
export function collectPath(value: unknown, parts: readonly string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[i];
  if (Array.isArray(value)) {
    if (isIndexPart(part)) {
      const idx = Number(part);
      if (idx < value.length) collectPath(value[idx], parts, i + 1, out);
      else out.push(undefined);
      // An element that is a document may also have a field literally named like the index.
      for (const el of value) if (isPlainObject(el) && Object.hasOwn(el, part)) collectPath(el[part], parts, i + 1, out);
      return;
    }
    let reached = false;
    for (const el of value) {
      if (isPlainObject(el) || bsonTagIsDBRef(el)) {
        reached = true;
        collectPath(fieldOf(el, part), parts, i + 1, out);
      }
    }
    if (!reached) out.push(undefined);
    return;
  }
  collectPath(fieldOf(value, part), parts, i + 1, out);
}

function bsonTagIsDBRef(v: unknown): boolean {
  return asDocumentLike(v) !== v;
}

/** The candidate values at a dotted path (at least one entry; `undefined` stands for missing). */
export function getPath(doc: unknown, path: string | readonly string[]): unknown[] {
  const parts = typeof path === 'string' ? path.split('.') : path;
  const out: unknown[] = [];
  collectPath(doc, parts, 0, out);
  return out;
}

/** The single value at a path without array expansion (numeric parts index arrays); for updates. */
export function getExact(doc: unknown, parts: readonly string[]): unknown {
  let cur: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      if (!isIndexPart(part)) return undefined;
      cur = cur[Number(part)];
    } else cur = fieldOf(cur, part);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The container holding the last part of `parts`, created on the way (objects) when `create`. */
export function parentFor(doc: Document, parts: readonly string[], create: boolean): Document | unknown[] | undefined {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: unknown;
    if (Array.isArray(cur)) {
      if (!isIndexPart(part)) {
        if (!create) return undefined;
        throw commandError('PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1]}: ${describeValue(cur)}}`);
      }
      next = cur[Number(part)];
      if (next === undefined || next === null) {
        if (!create) return undefined;
        next = {};
        while (cur.length < Number(part)) cur.push(null);
        cur[Number(part)] = next;
      }
    } else {
      const obj = cur as Document;
      next = getOwn(obj, part);
      if (next === undefined) {
        if (!create) return undefined;
        next = {};
        setOwn(obj, part, next);
      }
    }
    if (next === null || typeof next !== 'object' || !(Array.isArray(next) || isPlainObject(next))) {
      if (!create) return undefined;
      throw commandError('PathNotViable', `Cannot create field '${parts[i + 1]}' in element {${part}: ${describeValue(next)}}`);
    }
    cur = next;
  }
  return cur as Document | unknown[];
}

/** Sets the value at a path, creating sub-documents; arrays are indexed by numeric parts (padding with null). */
export function setPath(doc: Document, path: string | readonly string[], value: unknown): void {
  const parts = typeof path === 'string' ? path.split('.') : path;
  const parent = parentFor(doc, parts, true)!;
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    if (!isIndexPart(last)) {
      throw commandError('PathNotViable', `Cannot create field '${last}' in element {${parts[parts.length - 2]}: ${describeValue(parent)}}`);
    }
    const idx = Number(last);
    while (parent.length < idx) parent.push(null);
    parent[idx] = value;
  } else setOwn(parent, last, value);
}

/** Removes the field at a path; an array element is set to null, as `$unset` does. Returns whether something changed. */
export function unsetPath(doc: Document, path: string | readonly string[]): boolean {
  const parts = typeof path === 'string' ? path.split('.') : path;
  const parent = parentFor(doc, parts, false);
  if (!parent) return false;
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    if (!isIndexPart(last) || Number(last) >= parent.length) return false;
    parent[Number(last)] = null;
    return true;
  }
  if (!Object.hasOwn(parent, last)) return false;
  delete parent[last];
  return true;
}
