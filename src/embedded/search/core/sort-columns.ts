/**
 * Sort values per document slot for `sort` and `attr:asc|desc` rules, built once per attribute
 * after a write and reused by every search until the next one: a class (0 number, 1 string,
 * 2 missing — numbers before strings and missing values last, in both directions) and, for each
 * direction, the value compared (smallest for ascending, largest for descending; strings by
 * their rank in alphabetical order of normalised text).
 */
import { valuesAt, type Doc } from './fields.js';
import type { SortCriterion } from './search-params.js';
import { normalizeText } from './tokenizer.js';

export interface SortColumn {
  cls: Uint8Array;
  ascending: Float64Array;
  descending: Float64Array;
  /** Every slot in rank order for one direction (ties on insertion order), built on first use. */
  slotsByDirection?: { ascending?: Int32Array; descending?: Int32Array };
}

export function buildSortColumn(docs: readonly (Doc | undefined)[], attribute: string): SortColumn {
  const n = docs.length;
  const cls = new Uint8Array(n).fill(2);
  const ascending = new Float64Array(n);
  const descending = new Float64Array(n);
  const low: (string | null)[] = new Array(n).fill(null);
  const high: (string | null)[] = new Array(n).fill(null);
  for (let slot = 0; slot < n; slot++) {
    const doc = docs[slot];
    if (!doc) continue;
    let min = Infinity;
    let max = -Infinity;
    for (const v of valuesAt(doc, attribute)) {
      if (typeof v === 'number') {
        if (v < min) min = v;
        if (v > max) max = v;
      } else if (typeof v === 'string' || typeof v === 'boolean') {
        const s = normalizeText(String(v));
        if (low[slot] === null || s < (low[slot] as string)) low[slot] = s;
        if (high[slot] === null || s > (high[slot] as string)) high[slot] = s;
      }
    }
    if (min !== Infinity) {
      cls[slot] = 0;
      ascending[slot] = min;
      descending[slot] = -max;
    } else if (low[slot] !== null) cls[slot] = 1;
  }
  const distinct = [...new Set([...low, ...high].filter((s): s is string => s !== null))].sort();
  const rankOf = new Map(distinct.map((s, i) => [s, i]));
  for (let slot = 0; slot < n; slot++) {
    if (cls[slot] !== 1) continue;
    ascending[slot] = rankOf.get(low[slot] as string) as number;
    descending[slot] = -(rankOf.get(high[slot] as string) as number);
  }
  return { cls, ascending, descending };
}

/** The two key arrays of a criterion for the documents of a bucket (`take` gives an array per document). */
export function sortKeys(list: Int32Array, column: SortColumn, criterion: SortCriterion, take: (n: number) => Float64Array): [Float64Array, Float64Array] {
  const values = criterion.descending ? column.descending : column.ascending;
  const cls = take(list.length);
  const value = take(list.length);
  for (let p = 0; p < list.length; p++) {
    cls[p] = column.cls[list[p]];
    value[p] = values[list[p]];
  }
  return [cls, value];
}

/**
 * All slots of the column ranked by one criterion, ties broken by insertion order: a placeholder
 * search sorted on one attribute (the search page before anything is typed) then reads its page
 * off the front instead of ranking every document. Kept with the column until the next write.
 */
export function slotsInSortOrder(column: SortColumn, criterion: SortCriterion, order: readonly number[]): Int32Array {
  const direction = criterion.descending ? 'descending' : 'ascending';
  const cached = (column.slotsByDirection ??= {});
  let slots = cached[direction];
  if (!slots) {
    const values = column[direction];
    const { cls } = column;
    slots = Int32Array.from(cls.keys()).sort((a, b) => cls[a] - cls[b] || values[a] - values[b] || order[a] - order[b]);
    cached[direction] = slots;
  }
  return slots;
}
