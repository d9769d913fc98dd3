/**
 * Values of the filterable attributes: for each field, its distinct values (numbers, and strings
 * normalised as Meilisearch compares them) with the list of document slots holding each.
 * Filters become bitsets by testing each distinct value once and OR-ing its slots; facet counts
 * intersect the same lists with the candidate bitset, so they cover all hits, not just one page.
 */
import { Bitset } from './bitset.js';
import { forEachLeaf, type Doc } from './fields.js';
import { evaluateFilter, normalizeFacetValue, scalarPredicate, type FilterNode } from './filter/index.js';
import { IntList } from './int-list.js';

interface FacetValue {
  /** The value as reported in facetDistribution (the first spelling seen for strings). */
  display: string;
  /** The value tested by filters: the number, or the original string / boolean. */
  raw: number | string | boolean;
  slots: IntList;
}

export type FacetOrder = 'alpha' | 'count';

export class FacetIndex {
  private readonly fields = new Map<string, Map<string, FacetValue>>();
  private readonly fieldIsFilterable = new Map<string, boolean>();

  constructor(private readonly isFilterable: (field: string) => boolean) {}

  private filterable(field: string): boolean {
    let yes = this.fieldIsFilterable.get(field);
    if (yes === undefined) {
      yes = this.isFilterable(field);
      this.fieldIsFilterable.set(field, yes);
    }
    return yes;
  }

  addDocument(slot: number, doc: Doc): void {
    forEachLeaf(doc, (field, value) => {
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return;
      if (!this.filterable(field)) return;
      let values = this.fields.get(field);
      if (!values) this.fields.set(field, (values = new Map()));
      const key = typeof value === 'number' ? `n:${value}` : `s:${normalizeFacetValue(String(value))}`;
      let entry = values.get(key);
      if (!entry) values.set(key, (entry = { display: String(value), raw: value, slots: new IntList(2) }));
      // Arrays may repeat a value within one document: count the document once.
      if (entry.slots.length === 0 || entry.slots.data[entry.slots.length - 1] !== slot) entry.slots.push(slot);
    });
  }

  /** Names of the fields holding facet values. */
  fieldNames(): string[] {
    return [...this.fields.keys()];
  }

  /** The documents matching `node`, among `live`; `docs` serves conditions on structure (EXISTS…). */
  evaluate(node: FilterNode, live: Bitset, docs: readonly (Doc | undefined)[]): Bitset {
    switch (node.type) {
      case 'all':
        return live.clone();
      case 'and':
        return node.children.reduce((acc, child) => acc.and(this.evaluate(child, live, docs)), live.clone());
      case 'or':
        return node.children.reduce((acc, child) => acc.or(this.evaluate(child, live, docs)), new Bitset(live.size));
      case 'not':
        return live.clone().andNot(this.evaluate(node.child, live, docs));
      case 'compare':
        if (node.operator === '!=') {
          return live.clone().andNot(this.evaluate({ ...node, operator: '=' }, live, docs));
        }
    }
    const predicate = scalarPredicate(node);
    const out = new Bitset(live.size);
    if (predicate && 'attribute' in node) {
      const values = this.fields.get(node.attribute);
      if (values) for (const entry of values.values()) if (predicate(entry.raw)) out.addList(entry.slots.data, entry.slots.length);
      return out.and(live);
    }
    // EXISTS / IS NULL / IS EMPTY read the document's structure.
    for (const slot of live.toArray()) {
      const doc = docs[slot];
      if (doc && evaluateFilter(node, doc)) out.add(slot);
    }
    return out;
  }

  /** Value → count over `candidates`, ordered as asked and cut at `maxValues`. */
  distribution(field: string, candidates: Bitset, maxValues: number, order: FacetOrder): Record<string, number> {
    const counted: { display: string; count: number; raw: number | string | boolean; key: string }[] = [];
    for (const [key, entry] of this.fields.get(field) ?? []) {
      let count = 0;
      const { data, length } = entry.slots;
      for (let i = 0; i < length; i++) if (candidates.has(data[i])) count++;
      if (count > 0) counted.push({ display: entry.display, count, raw: entry.raw, key });
    }
    const alpha = (a: (typeof counted)[number], b: (typeof counted)[number]): number => {
      const an = typeof a.raw === 'number';
      const bn = typeof b.raw === 'number';
      if (an && bn) return (a.raw as number) - (b.raw as number);
      if (an !== bn) return an ? -1 : 1;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    };
    counted.sort(order === 'count' ? (a, b) => b.count - a.count || alpha(a, b) : alpha);
    const out: Record<string, number> = {};
    for (const item of counted.slice(0, maxValues)) out[item.display] = item.count;
    return out;
  }

  /** {min, max} of the numeric values of `field` among `candidates`, or null when there are none. */
  stats(field: string, candidates: Bitset): { min: number; max: number } | null {
    let min = Infinity;
    let max = -Infinity;
    for (const entry of this.fields.get(field)?.values() ?? []) {
      if (typeof entry.raw !== 'number' || (entry.raw >= min && entry.raw <= max)) continue;
      const { data, length } = entry.slots;
      for (let i = 0; i < length; i++) {
        if (candidates.has(data[i])) {
          min = Math.min(min, entry.raw);
          max = Math.max(max, entry.raw);
          break;
        }
      }
    }
    return min === Infinity ? null : { min, max };
  }
}
