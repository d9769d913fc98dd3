/**
 * Bucket sort in the manner of Meilisearch: the `words` rule splits the candidates into buckets
 * (all words, then fewer as the matching strategy drops them); buckets before the requested
 * window are only counted, and within the buckets that fill it the remaining rules give each
 * document a key vector from which only the needed top documents are selected (bounded heap).
 * Ties end on insertion order, like Meilisearch's internal ids.
 */
import { Bitset } from './bitset.js';
import type { QueryWord } from './query.js';
import { valuesAt, type Doc } from './fields.js';
import { rankingScore, rankingScoreDetails, type ScorePart } from './ranking-score.js';
import { MAX_PAIR_COST } from './pair-costs.js';
import { MAX_POSITION_COST } from './position-cost.js';
import { proximityOf } from './proximity.js';
import { exactAttributeLevel, textKeys, type BucketInput, type TextKeys } from './rule-keys.js';
import { slotsInSortOrder, sortKeys, type SortColumn } from './sort-columns.js';
import type { MatchingStrategy, SortCriterion } from './search-params.js';
import { KeyArena } from './key-arena.js';
import { leadingWeights, narrowBucket } from './bucket-narrowing.js';
import type { TermIndex } from './term-index.js';
import { LazyKey, selectTop, type RankKey } from './top-k.js';
import { matchWord, type WordMatch } from './word-matching.js';

export type TextRule = 'typo' | 'attributeRank' | 'wordPosition' | 'exactness';
export type RankRule = { kind: TextRule | 'proximity' } | { kind: 'sort'; criteria: SortCriterion[] };

export interface RankSource {
  terms: TermIndex;
  docs: readonly (Doc | undefined)[];
  order: readonly number[];
  sortColumn(attribute: string): SortColumn;
  /** Live slots in insertion order. */
  orderedSlots(): Int32Array;
}

export interface RankRequest {
  words: QueryWord[];
  universe: Bitset;
  strategy: MatchingStrategy;
  rules: RankRule[];
  allowedRanks: number;
  /** Window of ranked documents wanted: [from, to). */
  from: number;
  to: number;
  /** When set, every bucket is ranked whole so that duplicates can be dropped in rank order. */
  distinctKey: ((slot: number) => string | null) | null;
  withDetails: boolean;
  /** proximityPrecision "byAttribute": words in the same attribute count as adjacent. */
  proximityByAttribute: boolean;
  /**
   * The rules ranked after the typo rule: as in Meilisearch they read only each word's derivations
   * with the fewest typos it has in the document (its typo bucket's), not a typo variant elsewhere.
   */
  fewestTypos: { proximity: boolean; attributes: boolean };
  /** rankingScoreThreshold: documents scoring below it are left out entirely. */
  scoreThreshold: number | null;
}

export interface RankedHit {
  slot: number;
  score: number;
  details: Record<string, unknown> | null;
}

export interface RankResult {
  candidates: Bitset;
  total: number;
  hits: RankedHit[];
}

/**
 * The `words` rule's buckets, best first, each made only when asked for (most searches fill their
 * page from the first), and `candidates`, all of them together: the universe's documents matching
 * the first kept word (every word, for the "all" strategy). Read-only: none is the caller's own.
 */
interface WordBuckets {
  count: number;
  bucket(i: number): { bits: Bitset; active: number[] };
  candidates: Bitset;
}

function wordBuckets(words: QueryWord[], matches: WordMatch[], universe: Bitset, strategy: MatchingStrategy): WordBuckets {
  if (words.length === 0) return { count: 1, bucket: () => ({ bits: universe, active: [] }), candidates: universe };
  const keep = words.map((_, i) => i);
  if (strategy === 'frequency') {
    const counts = matches.map((m) => m.slots.countAnd(universe));
    keep.sort((a, b) => counts[a] - counts[b] || a - b);
  }
  // prefixes[k]: documents matching the first k kept words.
  const prefixes: Bitset[] = [universe];
  for (const w of keep) prefixes.push(prefixes[prefixes.length - 1].clone().and(matches[w].slots));
  const smallest = strategy === 'all' ? keep.length : 1;
  return {
    count: keep.length - smallest + 1,
    bucket: (i) => {
      const k = keep.length - i;
      return { bits: i === 0 ? prefixes[k] : prefixes[k].clone().andNot(prefixes[k + 1]), active: keep.slice(0, k).sort((a, b) => a - b) };
    },
    candidates: prefixes[smallest],
  };
}

/** The key arrays of the bucket being ranked: buckets are ranked one at a time, and nothing ranked keeps them. */
const arena = new KeyArena();
const keyArray = (n: number): Float64Array => arena.take(n);

/** Ranks one bucket; returns its `need` best slots with their ranking scores. */
function rankBucket(bucket: BucketInput, need: number, req: RankRequest, matches: WordMatch[], source: RankSource): RankedHit[] {
  try {
    return rankWithKeys(narrowed(bucket, need, req, matches), need, req, matches, source);
  } finally {
    arena.release();
  }
}

/**
 * The bucket with only the documents that can make its first `need` (bucket-narrowing.ts). Its
 * bits stay the whole bucket's: they are read only when no rule key is, and then nothing narrows.
 */
function narrowed(bucket: BucketInput, need: number, req: RankRequest, matches: WordMatch[]): BucketInput {
  const weights = bucket.active.length > 0 ? leadingWeights(req.rules) : null;
  const list = weights && narrowBucket(bucket.list, bucket.active, matches, weights, need);
  return list ? { ...bucket, list } : bucket;
}

function rankWithKeys(bucket: BucketInput, need: number, req: RankRequest, matches: WordMatch[], source: RankSource): RankedHit[] {
  const { list, active } = bucket;
  const n = list.length;
  const k = active.length;
  const keys: RankKey[] = [];
  const parts: ScorePart[] = [];
  if (req.words.length > 0) {
    const total = req.words.length;
    parts.push({ name: 'words', deficit: () => total - k, max: total - 1, detail: () => ({ matchingWords: k, maxMatchingWords: total }) });
  }
  const needsText = k > 0 && req.rules.some((r) => r.kind !== 'sort' && r.kind !== 'proximity');
  const text = needsText ? textKeys(bucket, matches, keyArray) : null;
  const fields = Math.max(1, source.terms.searchableFieldCount());
  const criteria = req.rules.flatMap((rule) => (rule.kind === 'sort' ? rule.criteria : []));
  // Without words, one sort criterion is the only key: the precomputed order of the column answers.
  const sortedOnly = k === 0 && criteria.length === 1;
  for (const rule of req.rules) {
    if (rule.kind === 'sort') {
      for (const criterion of rule.criteria) {
        if (!sortedOnly) keys.push(...sortKeys(list, source.sortColumn(criterion.attribute), criterion, keyArray));
        const name = `${criterion.attribute}:${criterion.descending ? 'desc' : 'asc'}`;
        parts.push({ name, deficit: null, max: 0, detail: (p) => ({ value: valuesAt(source.docs[list[p]] as Doc, criterion.attribute)[0] ?? null }) });
      }
      continue;
    }
    if (k === 0) continue;
    if (rule.kind === 'proximity') {
      const proximity = proximityOf(bucket, req.words, source.terms, req.proximityByAttribute, req.fewestTypos.proximity ? matches : null);
      const key = new LazyKey(keyArray(n), proximity.bound, proximity.value, proximity.floor);
      if (k > 1) keys.push(key);
      parts.push({ name: 'proximity', deficit: (p) => (k > 1 ? key.get(p) - (k - 1) : 0), max: (MAX_PAIR_COST - 1) * (k - 1), detail: () => ({}) });
      continue;
    }
    const values = (text as TextKeys)[rule.kind];
    if (rule.kind === 'exactness') {
      parts.push(exactnessPart(bucket, req, source, keys, values));
      continue;
    }
    keys.push(values);
    if (rule.kind === 'typo') {
      const maxTypos = active.reduce((sum, w) => sum + req.words[w].maxTypos, 0);
      parts.push({ name: 'typo', deficit: (p) => values[p], max: maxTypos, detail: (p) => ({ typoCount: values[p], maxTypoCount: maxTypos }) });
    } else if (rule.kind === 'attributeRank') {
      parts.push({ name: 'attributeRank', deficit: (p) => values[p], max: k * (fields - 1), detail: () => ({}) });
    } else {
      parts.push({ name: 'wordPosition', deficit: (p) => values[p], max: k * MAX_POSITION_COST, detail: () => ({}) });
    }
  }
  const top = sortedOnly
    ? firstAmong(bucket, need, slotsInSortOrder(source.sortColumn(criteria[0].attribute), criteria[0], source.order))
    : keys.length === 0
      ? firstAmong(bucket, need, source.orderedSlots())
      : selectTop(n, need, inInsertionOrder(list, source) ? keys : [...keys, insertionOrder(list, source)]);
  return Array.from(top, (p) => ({
    slot: list[p],
    score: rankingScore(parts, p),
    details: req.withDetails ? rankingScoreDetails(parts, p) : null,
  }));
}

/**
 * Whether the bucket's slots are in insertion order: then the selection's own last tie-break
 * (position in the bucket) is insertion order, and no key array is needed for it. Slots leave
 * insertion order only when documents were replaced.
 */
function inInsertionOrder(list: Int32Array, source: RankSource): boolean {
  const { order } = source;
  for (let p = 1; p < list.length; p++) if (order[list[p]] < order[list[p - 1]]) return false;
  return true;
}

/** The last tie-break: each bucket document's insertion order. */
function insertionOrder(list: Int32Array, source: RankSource): Float64Array {
  const out = keyArray(list.length);
  for (let p = 0; p < list.length; p++) out[p] = source.order[list[p]];
  return out;
}

const MATCH_TYPES = ['exactMatch', 'matchesStart', 'noExactMatch'];

/**
 * Exactness as two keys: the attribute level (a value equal to the query, starting with it,
 * neither — read from the forward index, lazily, only for documents whose words all matched as
 * typed), then the number of words matched as typed.
 */
function exactnessPart(bucket: BucketInput, req: RankRequest, source: RankSource, keys: RankKey[], exactCounts: Float64Array): ScorePart {
  const k = bucket.active.length;
  const exactIds = bucket.active.map((w) => [...req.words[w].derivations.values()].find((d) => d.exact)?.termId ?? -1);
  const level = exactAttributeLevel(bucket, source.terms, exactIds);
  const everyWordTyped = !exactIds.includes(-1);
  const allExact = (p: number): boolean => everyWordTyped && -exactCounts[p] === k;
  const levels = new LazyKey(keyArray(bucket.list.length), (p) => (allExact(p) ? 0 : 2), (p) => (allExact(p) ? level(p) : 2));
  keys.push(levels, exactCounts);
  return {
    name: 'exactness',
    deficit: (p) => levels.get(p) * (k + 1) + k + exactCounts[p],
    max: 3 * (k + 1) - 1,
    detail: (p) => ({ matchType: MATCH_TYPES[levels.get(p)] }),
  };
}

/** The first `need` documents of the bucket along a ranked list of slots, as positions in the bucket's list. */
function firstAmong(bucket: BucketInput, need: number, ranked: Int32Array): Int32Array {
  const { list, bits } = bucket;
  const out: number[] = [];
  for (const slot of ranked) {
    if (out.length >= need) break;
    if (!bits.has(slot)) continue;
    // list is in ascending slot order: find the slot's position by binary search.
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < slot) lo = mid + 1;
      else hi = mid;
    }
    out.push(lo);
  }
  return Int32Array.from(out);
}

/**
 * Ranks every candidate: needed when duplicates (distinct) or low scores (rankingScoreThreshold)
 * are dropped, since those documents count neither in the window nor in the totals and facets.
 */
function rankAll(req: RankRequest, source: RankSource, buckets: WordBuckets, matches: WordMatch[]): RankResult {
  const seen = new Set<string>();
  const candidates = new Bitset(req.universe.size);
  const kept: RankedHit[] = [];
  for (let i = 0; i < buckets.count; i++) {
    const { bits, active } = buckets.bucket(i);
    const list = bits.toArray();
    for (const hit of rankBucket({ list, bits, active }, list.length, req, matches, source)) {
      if (req.scoreThreshold !== null && hit.score < req.scoreThreshold) continue;
      const key = req.distinctKey ? req.distinctKey(hit.slot) : null;
      if (key !== null && seen.has(key)) continue;
      if (key !== null) seen.add(key);
      kept.push(hit);
      candidates.add(hit.slot);
    }
  }
  return { candidates, total: kept.length, hits: kept.slice(req.from, req.to) };
}

export function rank(req: RankRequest, source: RankSource): RankResult {
  const matches = req.words.map((word) => matchWord(word, source.terms, req.allowedRanks, req.fewestTypos.attributes));
  const buckets = wordBuckets(req.words, matches, req.universe, req.strategy);
  if (req.distinctKey || req.scoreThreshold !== null) return rankAll(req, source, buckets, matches);
  const hits: RankedHit[] = [];
  // pos: how many ranked documents come before the current bucket.
  let pos = 0;
  for (let i = 0; i < buckets.count && pos < req.to; i++) {
    const { bits, active } = buckets.bucket(i);
    const size = bits.count();
    if (size === 0) continue;
    if (pos + size <= req.from) {
      pos += size;
      continue;
    }
    const take = Math.min(size, req.to - pos);
    const ranked = rankBucket({ list: bits.toArray(), bits, active }, take, req, matches, source);
    hits.push(...ranked.slice(Math.max(0, req.from - pos)));
    pos += take;
  }
  return { candidates: buckets.candidates, total: buckets.candidates.count(), hits };
}
