/**
 * Values of the filterable attributes: for each field, its distinct values (numbers, and strings
 * normalised as Meilisearch compares them) with the list of document slots holding each.
 * Filters become bitsets by testing each distinct value once and OR-ing its slots; facet counts
 * walk the candidates through a per-document column of the same values (facet-column.ts), so they
 * cover all hits, not just one page.
 */
import { Bitset } from './bitset.js';
import type { FacetCandidates } from './facet-candidates.js';
import { FacetColumn } from './facet-column.js';
import { forEachLeaf, type Doc } from './fields.js';
import { evaluateFilter, normalizeFacetValue, scalarPredicate, type FilterNode } from './filter/index.js';
import { IntList } from './int-list.js';

interface FacetValue {
  /** The normalised key: `n:<number>` or `s:<normalised string>`. */
  key: string;
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
  /** Per-document columns of the fields faceted since the last write. */
  private readonly columns = new Map<string, { values: FacetValue[]; column: FacetColumn }>();

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
    if (this.columns.size > 0) this.columns.clear();
    forEachLeaf(doc, (field, value) => {
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return;
      if (!this.filterable(field)) return;
      let values = this.fields.get(field);
      if (!values) this.fields.set(field, (values = new Map()));
      const key = typeof value === 'number' ? `n:${value}` : `s:${normalizeFacetValue(String(value))}`;
      let entry = values.get(key);
      if (!entry) values.set(key, (entry = { key, display: String(value), raw: value, slots: new IntList(2) }));
      // Arrays may repeat a value within one document: count the document once.
      if (entry.slots.length === 0 || entry.slots.data[entry.slots.length - 1] !== slot) entry.slots.push(slot);
    });
  }

  /** Drops the slots `renumbered` maps to -1 and renumbers the others; a value (and a field) left in no document goes. */
  compact(renumbered: Int32Array): void {
    this.columns.clear();
    for (const [field, values] of this.fields) {
      for (const [key, entry] of values) {
        entry.slots.keepRenumbered(renumbered);
        if (entry.slots.length === 0) values.delete(key);
      }
      if (values.size === 0) this.fields.delete(field);
    }
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

  /** The field's values with their per-document column, built on first use after a write. */
  private columnOf(field: string): { values: FacetValue[]; column: FacetColumn } | null {
    let cached = this.columns.get(field);
    if (!cached) {
      const entries = this.fields.get(field);
      if (!entries) return null;
      const values = [...entries.values()];
      cached = { values, column: new FacetColumn(values) };
      this.columns.set(field, cached);
    }
    return cached;
  }

  /**
   * Value → count over `candidates` (live slots), ordered as asked and cut at `maxValues`
   * (facetDistribution), and {min, max} of the numeric values present among them, or null when
   * there are none (facetStats).
   */
  summarize(field: string, candidates: FacetCandidates, maxValues: number, order: FacetOrder): { distribution: Record<string, number>; stats: { min: number; max: number } | null } {
    const distribution: Record<string, number> = {};
    const found = this.columnOf(field);
    if (!found) return { distribution, stats: null };
    const { values, column } = found;
    const counts = candidates.countsOf(field, () => column.count(candidates));
    let min = Infinity;
    let max = -Infinity;
    const present: number[] = [];
    for (const id of column.alphaOrder) {
      if (counts[id] === 0) continue;
      present.push(id);
      const raw = values[id].raw;
      if (typeof raw === 'number') {
        min = Math.min(min, raw);
        max = Math.max(max, raw);
      }
    }
    if (order === 'count') present.sort((a, b) => counts[b] - counts[a] || column.alphaRank[a] - column.alphaRank[b]);
    for (let i = 0; i < present.length && i < maxValues; i++) distribution[values[present[i]].display] = counts[present[i]];
    return { distribution, stats: min === Infinity ? null : { min, max } };
  }
}
