/** Reading fields of stored JSON documents: dotted paths, flattening, and attribute selection. */

export type Doc = Record<string, unknown>;

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Calls `visit(fieldName, leafValue)` for every leaf of the document, with nested objects
 * flattened to dotted names and arrays flattened into their elements (as Meilisearch does).
 * `visit` also receives `elementStart` true at the start of each array element, so callers can
 * keep array elements apart (proximity does not cross them).
 */
export function forEachLeaf(doc: Doc, visit: (field: string, value: unknown, elementStart: boolean) => void): void {
  const walk = (prefix: string, value: unknown, elementStart: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(prefix, item, true);
    } else if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, inner, elementStart);
    } else {
      visit(prefix, value, elementStart);
    }
  };
  for (const [key, value] of Object.entries(doc)) walk(key, value, false);
}

/** All leaf values at a dotted path, through nested objects and arrays (`a.b` on `{a: [{b: 1}, {b: 2}]}` → [1, 2]). */
export function valuesAt(doc: Doc, path: string): unknown[] {
  const out: unknown[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) collect(item);
    else out.push(value);
  };
  for (const value of rawValuesAt(doc, path)) collect(value);
  return out;
}

/** The raw (unflattened) value at a dotted path, or undefined; used by EXISTS / IS NULL / IS EMPTY. */
export function rawValuesAt(doc: Doc, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, rest: string): void => {
    if (rest === '') {
      out.push(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, rest);
      return;
    }
    if (!isPlainObject(value)) return;
    let dot = -1;
    do {
      dot = rest.indexOf('.', dot + 1);
      const key = dot === -1 ? rest : rest.slice(0, dot);
      if (key in value) walk(value[key], dot === -1 ? '' : rest.slice(dot + 1));
    } while (dot !== -1);
  };
  walk(doc, path);
  return out;
}

/**
 * Keeps only the selected attributes (`*`, top-level names, or dotted paths into nested
 * objects), in the document's own key order.
 */
export function pickAttributes(doc: Doc, selection: readonly string[]): Doc {
  return attributePicker(selection)(doc);
}

/** pickAttributes with the selection analysed once, for picking from many documents. */
export function attributePicker(selection: readonly string[]): (doc: Doc) => Doc {
  if (selection.includes('*')) return (doc) => ({ ...doc });
  const whole = new Set(selection);
  // Top-level key → the paths selected inside it ("a.b.c" is inside "a" as "b.c" and inside a key "a.b" as "c").
  const nested = new Map<string, string[]>();
  for (const path of selection) {
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const key = path.slice(0, dot);
      let inner = nested.get(key);
      if (!inner) nested.set(key, (inner = []));
      inner.push(path.slice(dot + 1));
    }
  }
  return (doc) => {
    const out: Doc = {};
    for (const key of Object.keys(doc)) {
      const value = doc[key];
      if (whole.has(key)) {
        out[key] = value;
        continue;
      }
      const inner = nested.get(key);
      if (inner === undefined) continue;
      if (isPlainObject(value)) {
        const picked = pickAttributes(value, inner);
        if (Object.keys(picked).length > 0) out[key] = picked;
      } else if (Array.isArray(value)) {
        const picked = value.filter(isPlainObject).map((item) => pickAttributes(item, inner)).filter((o) => Object.keys(o).length > 0);
        if (picked.length > 0) out[key] = picked;
      }
    }
    return out;
  };
}
