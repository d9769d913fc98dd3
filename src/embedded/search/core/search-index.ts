/**
 * One index: documents (stored as given), their primary key, settings, and the structures built
 * from them (term index, facet index, sort columns). Every write gives a document a new internal slot; the
 * document keeps its original insertion order, which is the order of placeholder search and the
 * final tie-break, as Meilisearch keeps internal ids on replacement. Dead slots are compacted away
 * once they are an eighth of the live ones: the structures drop them and renumber the others.
 */
import { isDeepStrictEqual } from 'node:util';
import { MeiliError } from '../errors.js';
import { Bitset } from './bitset.js';
import { documentIdOf, inferPrimaryKey } from './document-id.js';
import { FacetCandidatesCache } from './facet-candidates.js';
import { FacetIndex } from './facet-index.js';
import { pickAttributes, type Doc } from './fields.js';
import { filterAttributes, parseFilter, type FilterNode } from './filter/index.js';
import { AskedOnce, RESULT_CACHE_HITS, responseSize, resultKeyOf } from './result-cache.js';
import { executeSearch, type SearchResponse } from './search.js';
import { defaultSettings, filterablePatterns, matchesAnyPattern, mergeSettings, type Settings } from './settings.js';
import { buildSortColumn, type SortColumn } from './sort-columns.js';
import { TermIndex } from './term-index.js';
import { WriteCache } from './write-cache.js';
import { Tokenizer } from './tokenizer.js';

const COMPACTION_MIN_DEAD = 1000;
/**
 * Dead slots are compacted away once there is one for this many live ones. Every per-slot array
 * of a search grows with them, and the derived cache (term-index.ts) holds fewer words: at 100,000
 * documents all replaced once (as when the app pushes every record again after a change of what
 * its documents hold), half the slots dead, the app's long-tail searches took 8–14 times the
 * engine's CPU until it restarted. A compaction reads no document again: about 0.3 s at 100,000.
 */
const LIVE_PER_DEAD_SLOT = 8;
/** Distinct filters kept between writes, the least recently used leaving first. */
const FILTER_CACHE_SIZE = 64;
/** Bits of the facet candidate sets kept between writes: 1,000 sets at 100,000 documents. */
const FACET_CANDIDATES_BYTES = 12_500_000;

/** "\n<start>:<end> <expression>" pointing at the attribute, as Meilisearch appends to filter errors. */
function locate(filter: unknown, attribute: string): string {
  const expressions = typeof filter === 'string' ? [filter] : Array.isArray(filter) ? filter.flat().filter((f) => typeof f === 'string') : [];
  for (const expression of expressions as string[]) {
    const at = expression.indexOf(attribute);
    if (at !== -1) return `\n${at + 1}:${at + attribute.length + 1} ${expression}`;
  }
  return '';
}

export interface DocumentsQuery {
  offset?: number;
  limit?: number;
  fields?: string[] | null;
  filter?: unknown;
}

export interface IndexState {
  settings: Settings;
  primaryKey: string | null;
  documents: Doc[];
}

export class SearchIndex {
  readonly isIndexing = false;
  /** Document by slot; undefined for dead slots. */
  docs: (Doc | undefined)[] = [];
  /** Insertion order of the document held by each slot. */
  order: number[] = [];
  live = new Bitset(64);
  private slotOf = new Map<string, number>();
  private nextOrder = 0;
  private dead = 0;
  private orderedCache: Int32Array | null = null;
  private sortColumns = new Map<string, SortColumn>();
  private readonly results = new WriteCache<SearchResponse>(RESULT_CACHE_HITS, responseSize);
  private readonly askedOnce = new AskedOnce();
  /** Matching slots by parsed filter until the next write: the same filters (permissions) repeat across searches. */
  private readonly filterCache = new WriteCache<Bitset>(FILTER_CACHE_SIZE);
  /** Facet counts by candidate set until the next write (facet-candidates.ts). */
  readonly facetCandidates = new FacetCandidatesCache(FACET_CANDIDATES_BYTES);
  terms!: TermIndex;
  facets!: FacetIndex;
  tokenizer!: Tokenizer;

  constructor(
    public settings: Settings,
    public primaryKey: string | null,
  ) {
    this.rebuild();
  }

  static importState(state: unknown): SearchIndex {
    const { settings, primaryKey, documents } = state as IndexState;
    // Settings saved by an older version may lack newer fields: complete them with the defaults.
    const index = new SearchIndex(mergeSettings(defaultSettings(), settings), primaryKey);
    if (documents.length > 0) index.addDocuments(documents, 'replace');
    return index;
  }

  exportState(): IndexState {
    return { settings: this.settings, primaryKey: this.primaryKey, documents: this.orderedDocs() };
  }

  get numberOfDocuments(): number {
    return this.slotOf.size;
  }

  /** Live slots in insertion order. */
  orderedSlots(): Int32Array {
    if (!this.orderedCache) {
      const slots = this.live.toArray();
      const order = this.order;
      // Slots are mostly in insertion order already; sort only when a replacement broke it.
      for (let i = 1; i < slots.length; i++) {
        if (order[slots[i - 1]] > order[slots[i]]) {
          slots.sort((a, b) => order[a] - order[b]);
          break;
        }
      }
      this.orderedCache = slots;
    }
    return this.orderedCache;
  }

  /** Sort values of an attribute for every slot, built on first use after a write. */
  sortColumn(attribute: string): SortColumn {
    let column = this.sortColumns.get(attribute);
    if (!column) this.sortColumns.set(attribute, (column = buildSortColumn(this.docs, attribute)));
    return column;
  }

  private orderedDocs(): Doc[] {
    return Array.from(this.orderedSlots(), (slot) => this.docs[slot] as Doc);
  }

  addDocuments(input: object[], mode: 'replace' | 'update', primaryKey?: string): { indexedDocuments: number } {
    const docs = input as Doc[];
    if (primaryKey && this.primaryKey && primaryKey !== this.primaryKey) {
      throw new MeiliError('index_primary_key_already_exists', `Index already has a primary key: \`${this.primaryKey}\`.`);
    }
    const key = this.primaryKey ?? primaryKey ?? (docs.length > 0 ? inferPrimaryKey(docs[0]) : null);
    if (key === null) return { indexedDocuments: 0 };
    // Validate the whole batch before touching anything: a bad document fails it whole.
    const ids = docs.map((doc) => {
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new MeiliError('malformed_payload', `Invalid document: expected an object, found \`${JSON.stringify(doc)}\`.`);
      }
      return documentIdOf(doc, key);
    });
    this.primaryKey = key;
    docs.forEach((doc, i) => {
      const existing = this.slotOf.get(ids[i]);
      const merged = mode === 'update' && existing !== undefined ? { ...(this.docs[existing] as Doc), ...doc } : doc;
      this.write(ids[i], merged, existing);
    });
    this.compactIfNeeded();
    return { indexedDocuments: docs.length };
  }

  /**
   * Everything kept between searches describes the documents as they were: forgotten before any
   * change, so that no failure halfway through a write can leave a stale result behind.
   */
  private forgetDerived(): void {
    this.orderedCache = null;
    if (this.sortColumns.size > 0) this.sortColumns.clear();
    this.filterCache.clear();
    this.facetCandidates.clear();
    this.results.clear();
  }

  private write(id: string, doc: Doc, existing: number | undefined): void {
    this.forgetDerived();
    const slot = this.docs.length;
    let order = this.nextOrder;
    if (existing !== undefined) {
      order = this.order[existing];
      this.kill(existing);
    } else this.nextOrder++;
    this.docs.push(doc);
    this.order.push(order);
    this.slotOf.set(id, slot);
    if (slot >= this.live.size) {
      const bigger = new Bitset(Math.max(64, this.live.size * 2));
      bigger.words.set(this.live.words);
      this.live = bigger;
    }
    this.live.add(slot);
    this.terms.addDocument(slot, doc);
    this.facets.addDocument(slot, doc);
  }

  private kill(slot: number): void {
    this.forgetDerived();
    this.docs[slot] = undefined;
    this.live.delete(slot);
    this.terms.removeDocument(slot);
    this.dead++;
  }

  private compactIfNeeded(): void {
    if (this.dead >= COMPACTION_MIN_DEAD && this.dead * LIVE_PER_DEAD_SLOT > this.slotOf.size) this.compact();
  }

  /** Drops the dead slots from every structure and renumbers the live ones in slot order, without indexing any document again. */
  private compact(): void {
    this.forgetDerived();
    const renumbered = new Int32Array(this.docs.length).fill(-1);
    let slots = 0;
    this.docs.forEach((doc, slot) => {
      if (doc !== undefined) renumbered[slot] = slots++;
    });
    this.docs = this.docs.filter((doc) => doc !== undefined);
    this.order = this.order.filter((_, slot) => renumbered[slot] !== -1);
    for (const [id, slot] of this.slotOf) this.slotOf.set(id, renumbered[slot]);
    this.live = Bitset.fromSlots(Math.max(64, slots), renumbered.filter((slot) => slot !== -1));
    this.terms.compact(renumbered, slots);
    this.facets.compact(renumbered);
    this.dead = 0;
  }

  /** Rebuilds every derived structure from the live documents, renumbering slots in order. */
  private rebuild(): void {
    const docs = this.docs.length > 0 ? this.orderedDocs() : [];
    this.forgetDerived();
    const s = this.settings;
    this.tokenizer = new Tokenizer(s);
    this.terms = new TermIndex({
      tokenizer: this.tokenizer,
      searchableAttributes: s.searchableAttributes,
      typoDisabledAttributes: s.typoTolerance.disableOnAttributes,
    });
    const filterable = filterablePatterns(s);
    this.facets = new FacetIndex((field) => matchesAnyPattern(filterable, field));
    this.docs = [];
    this.order = [];
    this.live = new Bitset(Math.max(64, docs.length));
    this.slotOf = new Map();
    this.nextOrder = 0;
    this.dead = 0;
    for (const doc of docs) this.write(documentIdOf(doc, this.primaryKey as string), doc, undefined);
  }

  /**
   * Applies new settings; structures depending on them are rebuilt. The same settings again (every
   * app process applies its settings when it starts) change nothing and rebuild nothing: at 100k
   * documents a rebuild holds the engine for seconds.
   */
  updateSettings(settings: Settings): void {
    if (isDeepStrictEqual(settings, this.settings)) return;
    this.settings = settings;
    this.rebuild();
  }

  deleteDocuments(ids: (string | number)[]): number {
    let deleted = 0;
    for (const raw of ids) {
      const id = typeof raw === 'number' ? String(raw) : raw;
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slotOf.delete(id);
      this.kill(slot);
      deleted++;
    }
    this.compactIfNeeded();
    return deleted;
  }

  /** Parses a filter and checks that it only reads filterable attributes. */
  parseCheckedFilter(filter: unknown, code: string): FilterNode {
    let node: FilterNode;
    try {
      node = parseFilter(filter);
    } catch (error) {
      if (error instanceof MeiliError && code !== error.code) throw new MeiliError(code, error.message);
      throw error;
    }
    const patterns = filterablePatterns(this.settings);
    for (const attribute of filterAttributes(node)) {
      if (!matchesAnyPattern(patterns, attribute)) {
        const available =
          patterns.length === 0
            ? 'This index does not have configured filterable attributes.'
            : `Available filterable attribute patterns are: ${[...patterns].sort().map((p) => `\`${p}\``).join(', ')}.`;
        throw new MeiliError(code, `Attribute \`${attribute}\` is not filterable. ${available}${locate(filter, attribute)}`);
      }
    }
    return node;
  }

  /** The live documents matching a filter: kept until the next write, so read, never changed (copy it to narrow it). */
  filterSlots(node: FilterNode): Bitset {
    return this.filterCache.get(JSON.stringify(node), () => this.facets.evaluate(node, this.live, this.docs));
  }

  deleteByFilter(filter: unknown): number {
    const node = this.parseCheckedFilter(filter, 'invalid_document_filter');
    const slots = this.filterSlots(node).toArray();
    const ids: string[] = [];
    for (const slot of slots) ids.push(documentIdOf(this.docs[slot] as Doc, this.primaryKey as string));
    return this.deleteDocuments(ids);
  }

  deleteAll(): number {
    const count = this.slotOf.size;
    this.docs = [];
    this.rebuild();
    return count;
  }

  getDocument(id: string | number, fields?: string[] | null): Doc {
    const key = String(id);
    const slot = this.slotOf.get(key);
    if (slot === undefined) throw new MeiliError('document_not_found', `Document \`${key}\` not found.`, 404);
    const doc = this.docs[slot] as Doc;
    return fields && fields.length > 0 ? pickAttributes(doc, fields) : { ...doc };
  }

  getDocuments(query: DocumentsQuery = {}): { results: Doc[]; offset: number; limit: number; total: number } {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    let slots = this.orderedSlots();
    if (query.filter !== undefined && query.filter !== null) {
      const matching = this.filterSlots(this.parseCheckedFilter(query.filter, 'invalid_document_filter'));
      slots = slots.filter((slot) => matching.has(slot));
    }
    const fields = query.fields;
    const results = Array.from(slots.subarray(offset, offset + limit), (slot) => {
      const doc = this.docs[slot] as Doc;
      return fields && fields.length > 0 ? pickAttributes(doc, fields) : { ...doc };
    });
    return { results, offset, limit, total: slots.length };
  }

  /** How many documents have each top-level attribute. */
  fieldDistribution(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const slot of this.orderedSlots()) {
      for (const key of Object.keys(this.docs[slot] as Doc)) counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** A search asked again between two writes is answered from the result cache from its third time on (the same response, processingTimeMs 0). */
  search(params: unknown): SearchResponse {
    const key = resultKeyOf(params);
    if (key === null || !(this.results.has(key) || this.askedOnce.askedAgain(key))) return executeSearch(this, params);
    let fresh: SearchResponse | undefined;
    const response = this.results.get(key, () => (fresh = executeSearch(this, params)));
    return response === fresh ? response : { ...response, processingTimeMs: 0 };
  }
}
