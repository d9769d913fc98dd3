/**
 * Federated multi-search (`POST /multi-search` with `federation`): every query runs on its index,
 * hits are merged by ranking score times the query's weight, then paginated once. Facets are
 * reported per index (`facetsByIndex`) or merged (`mergeFacets`).
 */
import { MeiliError } from '../errors.js';
import { elapsedMs } from '../tasks/task-model.js';
import { asObject, checkIndexUid, knownFields } from './route-helpers.js';
import type { SearchResponse } from '../core/index.js';

type Hit = Record<string, unknown>;
type Distribution = Record<string, Record<string, number>>;
type Stats = Record<string, { min: number; max: number }>;

export interface FederatedQuery {
  indexUid: string;
  params: Record<string, unknown>;
  weight: number;
}

/** Runs one search on an index; the caller checks access and existence. */
export type RunSearch = (indexUid: string, params: Record<string, unknown>) => SearchResponse & { primaryKey: string | null };

function nonNegative(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new MeiliError(`invalid_multi_search_federation_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, `Invalid value type at \`.federation.${name}\`: expected a positive integer, but found ${JSON.stringify(value)}`);
  }
  return value;
}

export function splitFederationOptions(query: Record<string, unknown>, position: number): FederatedQuery {
  const { indexUid, federationOptions, ...params } = query;
  const options = federationOptions === undefined || federationOptions === null ? {} : asObject(federationOptions);
  const weight = options.weight ?? 1;
  if (typeof weight !== 'number' || weight < 0) {
    throw new MeiliError('invalid_multi_search_weight', `Inside \`.queries[${position}]\`: Invalid value at \`.federationOptions.weight\`: the value of \`weight\` is invalid, expected a positive float (>= 0.0).`);
  }
  for (const paging of ['offset', 'limit', 'page', 'hitsPerPage']) {
    if (params[paging] !== undefined) {
      throw new MeiliError('invalid_multi_search_query_pagination', `Inside \`.queries[${position}]\`: Using pagination options is not allowed in federated queries.\n - Hint: remove \`${paging}\` from query #${position} or remove \`federation\` from the request`);
    }
  }
  return { indexUid: checkIndexUid(indexUid), params, weight };
}

function mergeInto(distribution: Distribution, stats: Stats, response: Pick<SearchResponse, 'facetDistribution' | 'facetStats'>): void {
  for (const [facet, counts] of Object.entries(response.facetDistribution ?? {})) {
    const target = (distribution[facet] ??= {});
    for (const [value, count] of Object.entries(counts)) target[value] = (target[value] ?? 0) + count;
  }
  for (const [facet, { min, max }] of Object.entries(response.facetStats ?? {})) {
    const current = stats[facet];
    stats[facet] = current ? { min: Math.min(current.min, min), max: Math.max(current.max, max) } : { min, max };
  }
}

function capValues(distribution: Distribution, maxValues: number): Distribution {
  const out: Distribution = {};
  for (const [facet, counts] of Object.entries(distribution)) {
    out[facet] = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, maxValues));
  }
  return out;
}

export function federatedSearch(federationRaw: unknown, queries: FederatedQuery[], run: RunSearch): Record<string, unknown> {
  const started = performance.now();
  const federation = asObject(federationRaw);
  knownFields(federation, ['offset', 'limit', 'page', 'hitsPerPage', 'facetsByIndex', 'mergeFacets', 'distinct', 'showPerformanceDetails'], 'invalid_multi_search_federation');
  const offset = nonNegative(federation.offset, 'offset', 0);
  const limit = nonNegative(federation.limit, 'limit', 20);

  const scored: { hit: Hit; score: number; key: string }[] = [];
  let estimatedTotalHits = 0;
  queries.forEach(({ indexUid, params, weight }, position) => {
    const wantsScore = params.showRankingScore === true;
    const response = run(indexUid, { ...params, showRankingScore: true, offset: 0, limit: offset + limit });
    estimatedTotalHits += response.estimatedTotalHits ?? response.hits.length;
    for (const raw of response.hits) {
      const { _rankingScore, ...rest } = raw;
      const score = (typeof _rankingScore === 'number' ? _rankingScore : 0) * weight;
      const hit: Hit = { ...rest, _federation: { indexUid, queriesPosition: position, weightedRankingScore: score } };
      if (wantsScore) hit._rankingScore = _rankingScore;
      const id = response.primaryKey === null ? JSON.stringify(rest) : String(rest[response.primaryKey]);
      scored.push({ hit, score, key: `${indexUid}\u0000${id}` });
    }
  });
  // Best score first; the same document found by several queries counts once.
  scored.sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const distinct = typeof federation.distinct === 'string' ? federation.distinct : null;
  const merged = scored.filter(({ hit, key }) => {
    const dedupKey = distinct === null ? key : `distinct\u0000${JSON.stringify(hit[distinct] ?? key)}`;
    if (seen.has(dedupKey)) return false;
    seen.add(dedupKey);
    return true;
  });

  const body: Record<string, unknown> = {
    hits: merged.slice(offset, offset + limit).map((s) => s.hit),
    processingTimeMs: elapsedMs(started),
    limit,
    offset,
    // When every query returned all its hits the merged count is exact.
    estimatedTotalHits: merged.length < offset + limit ? merged.length : estimatedTotalHits,
  };
  if (federation.facetsByIndex !== undefined && federation.facetsByIndex !== null) {
    const byIndex = facetsByIndex(asObject(federation.facetsByIndex), queries, run);
    if (federation.mergeFacets !== undefined && federation.mergeFacets !== null) {
      const distribution: Distribution = {};
      const stats: Stats = {};
      for (const facets of Object.values(byIndex)) mergeInto(distribution, stats, { facetDistribution: facets.distribution, facetStats: facets.stats });
      const maxValues = nonNegative(asObject(federation.mergeFacets).maxValuesPerFacet, 'maxValuesPerFacet', 100);
      Object.assign(body, { facetDistribution: capValues(distribution, maxValues), facetStats: stats });
    } else body.facetsByIndex = byIndex;
  }
  if (federation.showPerformanceDetails === true) body.performanceDetails = { total: `${elapsedMs(started)}ms` };
  return body;
}

/** Facet counts over the matches of every query aimed at each listed index. */
function facetsByIndex(request: Record<string, unknown>, queries: FederatedQuery[], run: RunSearch): Record<string, { distribution: Distribution; stats: Stats }> {
  const out: Record<string, { distribution: Distribution; stats: Stats }> = {};
  for (const [indexUid, facets] of Object.entries(request)) {
    const distribution: Distribution = {};
    const stats: Stats = {};
    for (const query of queries.filter((q) => q.indexUid === indexUid)) {
      mergeInto(distribution, stats, run(indexUid, { ...query.params, facets, limit: 0, offset: 0 }));
    }
    out[indexUid] = { distribution, stats };
  }
  return out;
}
