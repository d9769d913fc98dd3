/**
 * The search page GET /cari: one GET form (query, sort, facet checkboxes, "Terapkan") that works
 * without JavaScript, results across all types with highlighted snippets, pagination, an empty
 * state with suggestions, and a friendly 503 page when the engine is down.
 */
import type { RequestHandler, Response } from 'express';
import { isAdmin, type ActingUser } from '../auth/acting-user.js';
import { actingUser } from '../auth/current-user.js';
import { ServiceUnavailableError, ValidationError } from '../http/errors.js';
import { redirectedToLastPage } from '../http/last-page.js';
import { parseInput } from '../http/validate.js';
import { DEFAULT_PER_PAGE, FILTER_PARAMS, SEARCH_SORTS, searchQuerySchema, toSearchParams, type FilterParam, type SearchQuery } from './search.schemas.js';
import type { FacetValue } from './facet-values.js';
import { asksContact } from './key-phrases.js';
import { searchedWords } from './query-terms.js';
import { searchKnowledge } from './search.service.js';
import type { SearchHit, SearchResult } from './search-types.js';
import type { YearRange } from './year-ranges.js';

export const SEARCH_PATH = '/cari';
/** Options shown before the "more" disclosure of a long facet group. */
const VISIBLE_OPTIONS = 8;
const POPULAR_TOPICS = 8;
/** Facets whose values are stable codes translated here; the others carry names from the database. */
const TRANSLATED: Partial<Record<FilterParam, string>> = { type: 'search:types.', stage: 'search:stages.', status: 'search:statuses.' };

interface FacetOptionView {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

interface FacetGroupView {
  name: FilterParam;
  options: FacetOptionView[];
  more: FacetOptionView[];
}

interface HitView {
  url: string;
  typeKey: string;
  titleHtml: string;
  snippet: string;
  relatedHtml: string | null;
  agencies: string;
  provinces: string;
  date: Date | null;
  topics: string;
  stageKey: string | null;
  /** Tags of a practice in a lineage of replication; a replicated one's with how many adopted it. */
  lineageTags: { key: string; count?: number }[];
  draft: boolean;
  /** A practice's contact person with their position, shown when the query asks whom to contact; null otherwise. */
  contact: string | null;
}

/** The current search as a URL, without `page` (pagination adds it) and without defaults. */
function searchUrl(query: Pick<SearchQuery, 'q' | 'sort' | 'perPage' | FilterParam>, overrides: Partial<Record<'q' | FilterParam, string[]>> = {}): string {
  const params = new URLSearchParams();
  const q = overrides.q?.[0] ?? query.q;
  if (q) params.set('q', q);
  for (const name of FILTER_PARAMS) for (const value of overrides[name] ?? query[name]) params.append(name, String(value));
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.perPage !== DEFAULT_PER_PAGE) params.set('perPage', String(query.perPage));
  const text = params.toString();
  return text ? `${SEARCH_PATH}?${text}` : SEARCH_PATH;
}

/** `showContact`: the query asks whom to contact (narahubung podcast), and a practice's contact person answers it. */
function presentHit(hit: SearchHit, showContact: boolean): HitView {
  const person = showContact ? hit.contactPerson : undefined;
  return {
    url: hit.url,
    typeKey: `search:types.${hit.type}`,
    titleHtml: hit.titleHtml,
    snippet: hit.snippet,
    relatedHtml: hit.relatedHtml ?? null,
    agencies: hit.agencyNames.join(', '),
    provinces: hit.provinceNames.join(', '),
    date: hit.date,
    topics: hit.topics.join(', '),
    stageKey: hit.stage ? `search:stages.${hit.stage}` : null,
    lineageTags: (hit.lineage ?? []).map((role) => ({ key: `search:lineage.${role}`, ...(role === 'replicated' && hit.replications ? { count: hit.replications } : {}) })),
    draft: hit.status === 'draft',
    contact: person ? (person.position ? `${person.name} (${person.position})` : person.name) : null,
  };
}

/** The span of years the query named, as the page says it (tahun 2025–2026, tahun 2023 dan sesudahnya); null when none. */
function yearRangeText(range: YearRange | undefined, res: Response): string | null {
  if (!range) return null;
  const { from, to } = range;
  if (from !== undefined && to !== undefined) return res.locals.t(from === to ? 'search:page.year_range_one' : 'search:page.year_range_between', { from, to });
  return from !== undefined ? res.locals.t('search:page.year_range_from', { from }) : res.locals.t('search:page.year_range_to', { to });
}

/** The places the query left out, as the page says it (Tanpa catatan yang melibatkan Sumatera Barat.); null when none. */
function placesLeftOutText(left: SearchResult['placesLeftOut'], res: Response): string | null {
  if (!left) return null;
  const texts = [
    ...(left.involved.length > 0 ? [res.locals.t('search:page.places_left_out', { places: left.involved.join(', ') })] : []),
    ...(left.visited.length > 0 ? [res.locals.t('search:page.places_visited_left_out', { places: left.visited.join(', ') })] : []),
  ];
  return texts.join(' ');
}

/** Facet values with their checked state; a selected value no hit holds is among them (0), so it can be unticked (facet-values.ts). */
function presentFacets(result: SearchResult, query: SearchQuery, res: Response): FacetGroupView[] {
  return FILTER_PARAMS.map((name) => {
    const selected = query[name].map(String);
    const values: FacetValue[] = result.facets[name] ?? [];
    const prefix = TRANSLATED[name];
    const options = values.map((v) => ({
      value: v.value,
      label: prefix ? res.locals.t(`${prefix}${v.value}`, { defaultValue: v.label }) : v.label,
      count: v.count,
      checked: selected.includes(v.value),
    }));
    // Ticked options always stay in sight; the rest of a long list folds away.
    const visible = options.filter((o, i) => o.checked || i < VISIBLE_OPTIONS);
    return { name, options: visible, more: options.filter((o) => !visible.includes(o)) };
  }).filter((group) => group.options.length > 0);
}

type TopicLink = { label: string; url: string };
/** Popularity changes slowly, and counting topics over every record is one of the dearest searches. */
const POPULAR_TTL_MS = 5 * 60_000;
const popularCache = new Map<string, { at: number; topics: TopicLink[] }>();

/** For an empty result: the topics with the most records the user may see (drafts differ per agency, hence the key). */
async function popularTopics(actor: ActingUser): Promise<TopicLink[]> {
  const key = isAdmin(actor) ? 'admin' : actor.agencyId;
  const cached = popularCache.get(key);
  if (cached && Date.now() - cached.at < POPULAR_TTL_MS) return cached.topics;
  const all = await searchKnowledge(actor, { q: '', perPage: 1 });
  const topics = all.facets.topic.slice(0, POPULAR_TOPICS).map((topic) => ({ label: topic.label, url: `${SEARCH_PATH}?topic=${encodeURIComponent(topic.value)}` }));
  popularCache.set(key, { at: Date.now(), topics });
  return topics;
}

const EMPTY_QUERY: SearchQuery = { q: '', type: [], province: [], agency: [], topic: [], stage: [], status: [], year: [], sort: 'relevance', page: 1, perPage: DEFAULT_PER_PAGE };

export const searchPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  let query: SearchQuery;
  try {
    query = parseInput(searchQuerySchema, req.query);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    res.status(422).render('search/results', { query: { ...EMPTY_QUERY, q }, errors: err.details, result: null, sorts: SEARCH_SORTS });
    return;
  }
  let result: SearchResult;
  let popular: TopicLink[];
  try {
    result = await searchKnowledge(actor, toSearchParams(query));
    popular = result.totalHits === 0 ? await popularTopics(actor) : [];
  } catch (err) {
    if (!(err instanceof ServiceUnavailableError)) throw err;
    req.log?.warn({ err: err.cause }, 'search page: search engine unavailable');
    res.status(503).render('search/unavailable', { q: query.q });
    return;
  }
  if (redirectedToLastPage(req, res, query.page, result.totalPages)) return;
  const activeFilters = FILTER_PARAMS.reduce((count, name) => count + query[name].length, 0);
  const showContact = asksContact(searchedWords(query.q));
  const present = (hit: SearchHit): HitView => presentHit(hit, showContact);
  res.render('search/results', {
    query,
    errors: {},
    sorts: SEARCH_SORTS,
    result: {
      total: result.totalHits,
      page: result.page,
      totalPages: result.totalPages,
      hits: result.hits.map(present),
      facets: presentFacets(result, query, res),
      baseUrl: searchUrl(query),
      filtered: activeFilters > 0,
      activeFilters,
      suggestion: result.suggestion ? { text: result.suggestion, url: searchUrl(query, { q: [result.suggestion] }) } : null,
      missingWords: result.missingWords ?? [],
      partial: result.partial === true,
      partialFrom: result.partialFrom ?? null,
      placeAbsent: result.placeAbsent ?? null,
      withoutFirstWord: result.withoutFirstWord ? { word: result.withoutFirstWord.word, hits: result.withoutFirstWord.hits.map(present) } : null,
      kindNamed: result.kindNamed ?? null,
      kindYears: result.kindYears?.join(', ') ?? null,
      yearRange: yearRangeText(result.yearRange, res),
      years: result.years ? res.locals.t('search:page.years_list', { years: result.years.join(', ') }) : null,
      dayRange: result.dayRange ? res.locals.t('search:page.day_range', { from: res.locals.formatDate(result.dayRange.from), to: res.locals.formatDate(result.dayRange.to) }) : null,
      placesLeftOut: placesLeftOutText(result.placesLeftOut, res),
      unreplicated: result.unreplicated === true,
      nonDigital: result.nonDigital === true,
      either: result.either?.join(', ') ?? null,
      excluded: result.excluded ? result.excluded.map((term) => (term.includes(' ') ? `“${term}”` : term)).join(', ') : null,
      sort: result.sort,
      popularTopics: popular,
    },
  });
};
