/**
 * POST /indexes/:uid/facet-search: the values of one filterable attribute among the documents
 * matching `q` and `filter`, kept when one of their words starts with `facetQuery` (case and
 * diacritics folded), in alphabetical order with their document counts.
 */
import { MeiliError } from '../errors.js';
import { elapsedMs } from '../tasks/task-model.js';
import { combineFilters } from '../auth/tenant-token.js';
import { requireJson } from '../http/body.js';
import { asObject, checkIndexUid, knownFields } from './route-helpers.js';
import type { Engine } from './route-helpers.js';
import type { Route } from '../http/router.js';

const MAX_FACET_HITS = 100;
const FIELDS = ['facetName', 'facetQuery', 'q', 'filter', 'matchingStrategy', 'attributesToSearchOn', 'exhaustiveFacetCount', 'locales'];

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matchesPrefix(value: string, query: string): boolean {
  const folded = fold(value);
  return folded.startsWith(query) || folded.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(query));
}

export function facetSearchRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  return [
    {
      method: 'POST',
      pattern: '/indexes/:uid/facet-search',
      action: 'search',
      handler: ({ req, raw, params, tenantFilter }) => {
        const started = performance.now();
        const index = catalog.get(checkIndexUid(params.uid)).index;
        const body = asObject(requireJson(req, raw));
        knownFields(body, FIELDS);
        const { facetName, facetQuery, exhaustiveFacetCount: _exhaustive, locales: _locales, ...search } = body;
        if (facetName === undefined) throw new MeiliError('missing_facet_search_facet_name', 'Missing field `facetName`');
        if (typeof facetName !== 'string') throw new MeiliError('invalid_facet_search_facet_name', `Invalid value type at \`.facetName\`: expected a string, but found ${JSON.stringify(facetName)}`);
        if (facetQuery !== undefined && facetQuery !== null && typeof facetQuery !== 'string') {
          throw new MeiliError('invalid_facet_search_facet_query', `Invalid value type at \`.facetQuery\`: expected a string, but found ${JSON.stringify(facetQuery)}`);
        }
        let distribution: Record<string, number>;
        try {
          const filter = combineFilters(tenantFilter(params.uid), search.filter);
          distribution = index.search({ ...search, filter, facets: [facetName], limit: 0 }).facetDistribution?.[facetName] ?? {};
        } catch (err) {
          if (err instanceof MeiliError && err.code === 'invalid_search_facets') throw new MeiliError('invalid_facet_search_facet_name', err.message);
          throw err;
        }
        const query = typeof facetQuery === 'string' ? fold(facetQuery.trim()) : '';
        const facetHits = Object.entries(distribution)
          .filter(([value]) => query === '' || matchesPrefix(value, query))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .slice(0, MAX_FACET_HITS)
          .map(([value, count]) => ({ value, count }));
        return { status: 200, body: { facetHits, facetQuery: facetQuery ?? null, processingTimeMs: elapsedMs(started) } };
      },
    },
  ];
}
