/** One search request end to end: validation, candidates, ranking, facets, formatting, response shape. */
import { MeiliError } from '../errors.js';
import type { Bitset } from './bitset.js';
import { valuesAt, type Doc } from './fields.js';
import { HitFormatter, type FormatOptions, type TermMatcher } from './formatter.js';
import { buildQuery, type QueryWord } from './query.js';
import { rank, type RankRule } from './ranking.js';
import { matchWord } from './word-matching.js';
import { rankMask } from './rule-keys.js';
import type { SearchIndex } from './search-index.js';
import { parseSortCriteria, validateSearchParams, type SearchParams, type SortCriterion } from './search-params.js';
import { filterablePatterns, matchesAnyPattern, type Settings } from './settings.js';
import { normalizeText } from './tokenizer.js';

export interface SearchResponse {
  hits: Doc[];
  query: string;
  processingTimeMs: number;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  hitsPerPage?: number;
  page?: number;
  totalPages?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  [key: string]: unknown;
}

function listed(patterns: string[]): string {
  return [...patterns].sort().join(', ');
}

function checkSort(settings: Settings, sort: string[] | null): SortCriterion[] {
  if (!sort || sort.length === 0) return [];
  const criteria = parseSortCriteria(sort, 'invalid_search_sort');
  for (const { attribute } of criteria) {
    if (!matchesAnyPattern(settings.sortableAttributes, attribute)) {
      const available =
        settings.sortableAttributes.length === 0
          ? 'This index does not have configured sortable attributes.'
          : `Available sortable attributes are: \`${listed(settings.sortableAttributes)}\`.`;
      throw new MeiliError('invalid_search_sort', `Attribute \`${attribute}\` is not sortable. ${available}`);
    }
  }
  if (!settings.rankingRules.includes('sort')) {
    throw new MeiliError(
      'invalid_search_sort',
      'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.',
    );
  }
  return criteria;
}

function checkFacets(index: SearchIndex, facets: string[] | null): string[] {
  if (facets === null) return [];
  const patterns = filterablePatterns(index.settings);
  const known = index.facets.fieldNames();
  const out: string[] = [];
  for (const facet of facets) {
    if (facet === '*') {
      out.push(...known.filter((field) => matchesAnyPattern(patterns, field)));
      continue;
    }
    if (!matchesAnyPattern(patterns, facet)) {
      throw new MeiliError(
        'invalid_search_facets',
        patterns.length === 0
          ? 'Invalid facet distribution, this index does not have configured filterable attributes.'
          : `Invalid facet distribution, attribute \`${facet}\` is not filterable. The available filterable attribute patterns are \`${listed(patterns)}\`.`,
      );
    }
    out.push(facet);
  }
  return [...new Set(out)];
}

function checkSearchOn(index: SearchIndex, attributes: string[] | null): number {
  if (attributes === null) return rankMask(null);
  const searchable = index.settings.searchableAttributes;
  for (const attribute of attributes) {
    if (!searchable.includes('*') && !matchesAnyPattern(searchable, attribute)) {
      throw new MeiliError(
        'invalid_search_attributes_to_search_on',
        `Attribute \`${attribute}\` is not searchable. Available searchable attributes are: \`${searchable.join(', ')}\`.`,
      );
    }
  }
  return rankMask(index.terms.ranksFor(attributes));
}

function checkDistinct(index: SearchIndex, distinct: string | null): string | null {
  if (distinct === null) return index.settings.distinctAttribute;
  const patterns = filterablePatterns(index.settings);
  if (!matchesAnyPattern(patterns, distinct)) {
    throw new MeiliError(
      'invalid_search_distinct',
      `Attribute \`${distinct}\` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: \`${listed(patterns)}\`.`,
    );
  }
  return distinct;
}

/** Whether the typo rule comes before the rule `kind`. */
function typoRanksBefore(rules: RankRule[], kind: RankRule['kind']): boolean {
  const typo = rules.findIndex((rule) => rule.kind === 'typo');
  return typo >= 0 && rules.findIndex((rule) => rule.kind === kind) > typo;
}

function rankingRules(settings: Settings, sort: SortCriterion[]): RankRule[] {
  const rules: RankRule[] = [];
  for (const rule of settings.rankingRules) {
    if (rule === 'words') continue;
    if (rule === 'sort') {
      if (sort.length > 0) rules.push({ kind: 'sort', criteria: sort });
    } else if (rule === 'attribute') rules.push({ kind: 'attributeRank' }, { kind: 'wordPosition' });
    else if (rule === 'typo' || rule === 'proximity' || rule === 'attributeRank' || rule === 'wordPosition' || rule === 'exactness') {
      rules.push({ kind: rule });
    } else rules.push({ kind: 'sort', criteria: parseSortCriteria([rule], 'invalid_settings_ranking_rules', 'rankingRules') });
  }
  return rules;
}

/** What gets highlighted: the words' terms one by one, and phrases (quoted, multi-word synonyms, split words) only where they occur whole. */
function highlightedMatches(index: SearchIndex, words: QueryWord[]): { matcher: TermMatcher; phrases: string[][] } {
  const whole = new Set<string>();
  const prefixes = words.flatMap((w) => (w.highlightPrefix ? [w.highlightPrefix] : []));
  for (const word of words) {
    for (const d of word.derivations.values()) {
      const term = index.terms.terms[d.termId];
      const isPrefixExtension = word.highlightPrefix !== null && !d.typo && term.startsWith(word.highlightPrefix);
      if (!isPrefixExtension || d.exact) whole.add(term);
    }
  }
  const phrases: string[][] = [];
  for (const ids of words.flatMap((word) => (word.split ? [...word.phrases, word.split] : word.phrases))) {
    const terms = ids.map((id) => index.terms.terms[id]);
    // A phrase of one word occurs wherever its word does: highlighted as a whole word, without the phrase pass.
    if (terms.length === 1) whole.add(terms[0]);
    else phrases.push(terms);
  }
  const matcher: TermMatcher = (term) => {
    if (whole.has(term)) return Infinity;
    const prefix = prefixes.find((p) => term.startsWith(p));
    return prefix ? prefix.length : 0;
  };
  return { matcher, phrases };
}

function formatOptions(index: SearchIndex, params: SearchParams): FormatOptions {
  const crop = new Map<string, number>();
  for (const entry of params.attributesToCrop) {
    const colon = entry.lastIndexOf(':');
    if (colon > 0 && /^\d+$/.test(entry.slice(colon + 1))) crop.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
    else crop.set(entry, params.cropLength);
  }
  return {
    displayed: index.settings.displayedAttributes,
    retrieve: params.attributesToRetrieve,
    highlight: params.attributesToHighlight,
    crop,
    preTag: params.highlightPreTag,
    postTag: params.highlightPostTag,
    cropMarker: params.cropMarker,
    showMatchesPosition: params.showMatchesPosition,
  };
}

function facetResults(index: SearchIndex, facets: string[], candidates: Bitset): Pick<SearchResponse, 'facetDistribution' | 'facetStats'> {
  const { maxValuesPerFacet, sortFacetValuesBy } = index.settings.faceting;
  const facetDistribution: Record<string, Record<string, number>> = {};
  const facetStats: Record<string, { min: number; max: number }> = {};
  const counted = index.facetCandidates.of(candidates);
  for (const facet of facets) {
    const order = sortFacetValuesBy[facet] ?? sortFacetValuesBy['*'] ?? 'alpha';
    const { distribution, stats } = index.facets.summarize(facet, counted, maxValuesPerFacet, order);
    facetDistribution[facet] = distribution;
    if (stats) facetStats[facet] = stats;
  }
  return { facetDistribution, facetStats };
}

function distinctKeyOf(index: SearchIndex, attribute: string | null): ((slot: number) => string | null) | null {
  if (attribute === null) return null;
  return (slot) => {
    const values = valuesAt(index.docs[slot] as Doc, attribute).filter((v) => v !== null && typeof v !== 'object');
    return values.length === 0 ? null : values.map((v) => (typeof v === 'string' ? normalizeText(v) : `${typeof v}:${String(v)}`)).join('\u0000');
  };
}

/** Records how long each step took, for showPerformanceDetails. */
class StepTimer {
  private last = performance.now();
  readonly steps: Record<string, string> = {};

  lap(name: string): void {
    const now = performance.now();
    this.steps[`search > ${name}`] = `${(now - this.last).toFixed(2)}ms`;
    this.last = now;
  }
}

/** The window of ranked documents to return, [from, to), capped by pagination.maxTotalHits. */
function windowOf(params: SearchParams, maxTotalHits: number): { from: number; to: number; pageMode: boolean; page: number; hitsPerPage: number } {
  const pageMode = params.page !== null || params.hitsPerPage !== null;
  const hitsPerPage = params.hitsPerPage ?? 20;
  const page = params.page ?? 1;
  const from = pageMode ? Math.max(0, page - 1) * hitsPerPage : params.offset;
  const to = pageMode ? (page === 0 ? 0 : from + hitsPerPage) : params.offset + params.limit;
  return { from: Math.min(from, maxTotalHits), to: Math.min(to, maxTotalHits), pageMode, page, hitsPerPage };
}

export function executeSearch(index: SearchIndex, body: unknown): SearchResponse {
  const started = performance.now();
  const timer = new StepTimer();
  const params = validateSearchParams(body);
  const settings = index.settings;
  const filter = params.filter === null ? null : index.parseCheckedFilter(params.filter, 'invalid_search_filter');
  const sort = checkSort(settings, params.sort);
  const facets = checkFacets(index, params.facets);
  const allowedRanks = checkSearchOn(index, params.attributesToSearchOn);
  const distinct = checkDistinct(index, params.distinct);
  // The index's own set, read only: copied when excluded words narrow it.
  const matching = filter ? index.filterSlots(filter) : index.live;
  timer.lap('filter');
  index.terms.beginSearch();
  const { words, excluded } = buildQuery(params.q, settings, index.terms);
  const universe = excluded.length > 0 ? matching.clone() : matching;
  for (const word of excluded) universe.andNot(matchWord(word, index.terms, rankMask(null), false).slots);
  timer.lap('tokenize and derive');
  const maxTotalHits = settings.pagination.maxTotalHits;
  const { from, to, pageMode, page, hitsPerPage } = windowOf(params, maxTotalHits);
  const rules = rankingRules(settings, sort);
  const distinctKey = distinctKeyOf(index, distinct);
  const result = rank(
    {
      words,
      universe,
      strategy: params.matchingStrategy,
      rules,
      allowedRanks,
      from,
      to,
      distinctKey,
      withDetails: params.showRankingScoreDetails,
      proximityByAttribute: settings.proximityPrecision === 'byAttribute',
      fewestTypos: { proximity: typoRanksBefore(rules, 'proximity'), attributes: typoRanksBefore(rules, 'attributeRank') || typoRanksBefore(rules, 'wordPosition') },
      scoreThreshold: params.rankingScoreThreshold,
    },
    index,
  );
  timer.lap('bucket sort');
  const { matcher, phrases } = highlightedMatches(index, words);
  const formatter = new HitFormatter(index.tokenizer, matcher, formatOptions(index, params), phrases);
  const hits = result.hits.map(({ slot, score, details }) => {
    const { hit, formatted, matchesPosition } = formatter.format(index.docs[slot] as Doc);
    if (formatted) hit._formatted = formatted;
    if (matchesPosition) hit._matchesPosition = matchesPosition;
    if (params.showRankingScore) hit._rankingScore = score;
    if (details) hit._rankingScoreDetails = details;
    // No embedders run here: the vectors of a document are an empty set.
    if (params.retrieveVectors) hit._vectors = {};
    return hit;
  });
  timer.lap('format');
  const total = Math.min(result.total, maxTotalHits);
  const response: SearchResponse = { hits, query: params.q, processingTimeMs: 0 };
  if (pageMode) {
    Object.assign(response, { hitsPerPage, page, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage), totalHits: total });
  } else {
    Object.assign(response, { limit: params.limit, offset: params.offset, estimatedTotalHits: total });
  }
  if (params.facets !== null) {
    Object.assign(response, facetResults(index, facets, result.candidates));
    timer.lap('facet distribution');
  }
  response.processingTimeMs = Math.round(performance.now() - started);
  if (params.showPerformanceDetails) response.performanceDetails = timer.steps;
  return response;
}
