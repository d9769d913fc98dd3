/** Shared shapes and small type guards for the query language. */

export type Document = Record<string, unknown>;

export interface Collation {
  locale: string;
  strength?: number;
  caseLevel?: boolean;
  numericOrdering?: boolean;
}

/** The `_bsontype` tag of a bson class instance, or undefined for plain JS values. */
export function bsonTag(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const tag = (v as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** A plain sub-document: not an array, not a bson value, not a Date/RegExp/Buffer. */
export function isPlainObject(v: unknown): v is Document {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) || v instanceof Date || v instanceof RegExp || v instanceof Uint8Array) return false;
  return bsonTag(v) === undefined;
}

/** An object whose first key starts with `$`: an operator document such as `{$gt: 1}`. */
export function isOperatorObject(v: unknown): v is Document {
  if (!isPlainObject(v)) return false;
  for (const k in v) return k.startsWith('$');
  return false;
}

/** null or missing: the values most expression operators answer null for. */
export function isNullish(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** A value as text for error messages (JSON where possible). */
export function describeValue(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** An own property only (never one inherited from Object.prototype such as `constructor`). */
export function getOwn(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Document)[key] : undefined;
}

/** Sets an own property, also for the key `__proto__` (which plain assignment would treat as the prototype). */
export function setOwn(obj: Document, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** A DBRef value seen as the `{$ref, $id, $db}` document it is stored as; other values unchanged. */
export function asDocumentLike(v: unknown): unknown {
  if (bsonTag(v) === 'DBRef') return (v as { toJSON(): unknown }).toJSON();
  return v;
}

/** Copies plain objects and arrays; bson values, Dates and Buffers are shared (never mutated). */
export function cloneDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneDeep) as T;
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k of Object.keys(v)) setOwn(out, k, cloneDeep(v[k]));
    return out as T;
  }
  return v;
}
