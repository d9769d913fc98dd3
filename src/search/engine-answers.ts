/**
 * The engine's answer to a search, in one round trip: its page of highlighted hits and facet
 * counts, a selected facet counted by a query of its own. A query joining alternatives (podcast
 * atau radio) or places (Solok dan Padang Panjang) is several searches, their answers merged into
 * one (either-merge.ts). An
 * unreachable engine becomes ServiceUnavailableError (503).
 */
import type { MultiSearchQuery, SearchResponse } from 'meilisearch';
import { AppError, ServiceUnavailableError } from '../http/errors.js';
import type { EngineQuery } from './engine-query.js';
import { mergedAnswer, summedFacets } from './either-merge.js';
import type { KnowledgeSearchDocument } from './knowledge-index.js';
import { exclusionsFirst } from './query-operators.js';
import { searchTarget } from './search-context.js';
import { FACET_ATTRIBUTES, selectionFilter, type FacetName, type FacetSelection, type FilterClause } from './search-filters.js';
import { HIGHLIGHTED } from './search-hits.js';
import type { SearchSort } from './search.schemas.js';
import { CROP_MARK, MARK_END, MARK_START } from './snippet.js';

/** The summary comes back cropped in _formatted (attributesToCrop), so the whole text is not asked for. */
const RETRIEVED = ['type', 'id', 'url', 'title', 'agencyNames', 'provinceNames', 'dateIso', 'topics', 'topicNames', 'stage', 'status', 'lineage', 'replications', 'contactPerson'];
/** With the keys of a query's places, the hits' keys too: those involving the first place go first among equals (place-first.ts). */
const RETRIEVED_WITH_KEYS = [...RETRIEVED, 'markerKeys'];

/** The engine's sort of each order: after the words rule (knowledge-index.ts); the most replicated of equal count newest first. */
const ENGINE_SORTS: Record<SearchSort, string[] | undefined> = { relevance: undefined, newest: ['date:desc'], replicated: ['replications:desc', 'date:desc'] };

export function engineDown(err: unknown): never {
  if (err instanceof AppError) throw err;
  // The engine's own error stays attached, so the log says why search was unavailable.
  throw Object.assign(new ServiceUnavailableError(), { cause: err });
}

/** An engine query, the words and phrases it leaves out, and the part of the records it is held to (joined-places.ts). */
export type AskedSearch = EngineQuery & { excluded: string[]; filter?: FilterClause[] };

export interface AnswerView {
  page: number;
  perPage: number;
  order: SearchSort;
  /** Every search's filter but the facets selected. */
  allowed: FilterClause[];
  selection: FacetSelection;
  /** The facets counted by the main query; none when the facets are not counted. */
  counted: FacetName[];
  /** The facets selected, each counted by a query of its own without its own selection. */
  selected: FacetName[];
}

export type EngineAnswer = SearchResponse<KnowledgeSearchDocument>;

export interface Answers {
  main: EngineAnswer;
  perFacet: Map<FacetName, Pick<EngineAnswer, 'facetDistribution'>>;
  /** The search each hit came from (empty for one search). */
  from: number[];
  /** How many records each search found. */
  totals: number[];
}

/** The engine's answer to the searches asked, in one round trip; several merged into one. */
export async function engineAnswers(searches: readonly AskedSearch[], view: AnswerView): Promise<Answers> {
  const { client, indexUid } = searchTarget();
  const filterWith = (search: AskedSearch, except?: FacetName): FilterClause[] => [...view.allowed, ...(search.filter ?? []), ...selectionFilter(view.selection, except)];
  const merged = searches.length > 1;
  // Merged, each search answers every hit up to the page's last, with the score they are ranked by.
  const window = merged ? { page: 1, hitsPerPage: view.page * view.perPage, showRankingScore: true } : { page: view.page, hitsPerPage: view.perPage };
  const queries: MultiSearchQuery[] = searches.flatMap((search) => {
    const { asked, excluded, wordsBeforeKeys } = search;
    const common = { indexUid, ...asked, q: exclusionsFirst(excluded) + asked.q };
    return [
      {
        ...common,
        ...window,
        filter: filterWith(search),
        facets: view.counted.map((name) => FACET_ATTRIBUTES[name]),
        sort: ENGINE_SORTS[view.order],
        attributesToRetrieve: wordsBeforeKeys === null ? RETRIEVED : RETRIEVED_WITH_KEYS,
        attributesToHighlight: [...HIGHLIGHTED],
        attributesToCrop: ['summary:40', 'body:30'],
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
        cropMarker: CROP_MARK,
        // The words rule's details of the best hit tell whether any record holds every word.
        showRankingScoreDetails: true,
      },
      // A selected facet counts its values as if it were not selected, so the user can widen the choice.
      ...view.selected.map((name) => ({ ...common, filter: filterWith(search, name), facets: [FACET_ATTRIBUTES[name]], limit: 0 })),
    ];
  });
  const { results } = await client.multiSearch({ queries }).catch(engineDown);
  const answers = results as unknown as EngineAnswer[];
  const each = view.selected.length + 1;
  const ofSearch = searches.map((_, i) => answers.slice(i * each, (i + 1) * each));
  const totals = ofSearch.map(([main]) => main.totalHits ?? main.estimatedTotalHits ?? 0);
  if (!merged) return { main: answers[0], perFacet: new Map(view.selected.map((name, k) => [name, answers[k + 1]])), from: [], totals };
  const { answer, from } = mergedAnswer(ofSearch.map(([main]) => main), (view.page - 1) * view.perPage, view.perPage, view.order);
  const perFacet = new Map(view.selected.map((name, k) => [name, { facetDistribution: summedFacets(ofSearch.map((answered) => answered[k + 1])) }]));
  return { main: answer, perFacet, from, totals };
}
