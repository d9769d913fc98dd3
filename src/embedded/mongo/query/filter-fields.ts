/**
 * The top-level fields a filter reads, so that a scan can decode only those of each document to
 * test it (catalog/field-picker.ts). Null when the filter may read the whole document ($expr,
 * $where, $jsonSchema, $text) or is malformed: the scan then decodes everything, and compiling the
 * filter reports what is wrong with it.
 */
import { DBREF_FIELDS } from './match.js';
import { isPlainObject, type Document } from './types.js';

const NO_FIELDS = new Set(['$comment', '$alwaysTrue', '$alwaysFalse']);

function addFields(filter: unknown, fields: Set<string>): boolean {
  if (!isPlainObject(filter)) return false;
  for (const [key, value] of Object.entries(filter as Document)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || !value.every((branch) => addFields(branch, fields))) return false;
    } else if (NO_FIELDS.has(key)) continue;
    else if (key.startsWith('$') && !DBREF_FIELDS.has(key)) return false;
    else fields.add(key.split('.')[0]);
  }
  return true;
}

export function filterFields(filter: Document | null | undefined): Set<string> | null {
  const fields = new Set<string>();
  return addFields(filter ?? {}, fields) ? fields : null;
}
