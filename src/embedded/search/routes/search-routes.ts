/** POST/GET /indexes/:uid/search and POST /multi-search. The search itself is SearchIndex.search. */
import { MeiliError } from '../errors.js';
import { jsonBody, requireJson } from '../http/body.js';
import { asObject, checkIndexUid } from './route-helpers.js';
import { federatedSearch, splitFederationOptions } from './federated-search.js';
import type { Engine } from './route-helpers.js';
import { combineFilters } from '../auth/tenant-token.js';
import type { Route, RequestContext } from '../http/router.js';
import type { SearchResponse } from '../core/index.js';

const NUMBER_PARAMS = ['offset', 'limit', 'page', 'hitsPerPage', 'cropLength', 'rankingScoreThreshold'];
const BOOLEAN_PARAMS = ['showMatchesPosition', 'showRankingScore', 'showRankingScoreDetails', 'retrieveVectors', 'showPerformanceDetails'];
const LIST_PARAMS = ['attributesToRetrieve', 'attributesToCrop', 'attributesToHighlight', 'facets', 'sort', 'attributesToSearchOn', 'locales'];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** GET /search carries everything as strings; lists are comma-joined. */
function paramsFromQuery(query: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, raw] of query) {
    if (NUMBER_PARAMS.includes(name)) {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) {
        throw new MeiliError(`invalid_search_${snake(name)}`, `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`);
      }
      params[name] = n;
    } else if (BOOLEAN_PARAMS.includes(name)) {
      if (raw !== 'true' && raw !== 'false') {
        throw new MeiliError(`invalid_search_${snake(name)}`, `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a boolean, expected either \`true\` or \`false\``);
      }
      params[name] = raw === 'true';
    } else if (LIST_PARAMS.includes(name)) {
      params[name] = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    } else {
      params[name] = raw;
    }
  }
  return params;
}

function inQuery(position: number, err: unknown): unknown {
  if (err instanceof MeiliError && !err.message.startsWith('Inside')) return new MeiliError(err.code, `Inside \`.queries[${position}]\`: ${err.message}`, err.status, err.type);
  return err;
}

export function searchRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  /** One search, with the filter a tenant token imposes on this index ANDed in. */
  const search = (ctx: RequestContext, uid: string, params: Record<string, unknown>): SearchResponse => {
    const index = catalog.get(checkIndexUid(uid)).index;
    const filter = combineFilters(ctx.tenantFilter(uid), params.filter);
    return index.search(filter === undefined ? params : { ...params, filter });
  };
  /** Federation merges hits by document id, so it also needs the index's primary key. */
  const run = (ctx: RequestContext, uid: string, params: Record<string, unknown>) => ({ ...search(ctx, uid, params), primaryKey: catalog.get(uid).index.primaryKey });

  return [
    {
      method: 'POST',
      pattern: '/indexes/:uid/search',
      action: 'search',
      handler: (ctx) => ({ status: 200, body: search(ctx, ctx.params.uid, asObject(jsonBody(ctx.req, ctx.raw))) }),
    },
    {
      method: 'GET',
      pattern: '/indexes/:uid/search',
      action: 'search',
      handler: (ctx) => ({ status: 200, body: search(ctx, ctx.params.uid, paramsFromQuery(ctx.query)) }),
    },
    {
      method: 'POST',
      pattern: '/multi-search',
      action: 'search',
      handler: (ctx) => {
        const body = asObject(requireJson(ctx.req, ctx.raw));
        if (!Array.isArray(body.queries)) throw new MeiliError('invalid_multi_search_queries', 'Invalid value type at `.queries`: expected an array');
        const queries = body.queries.map((item: unknown, i: number) => {
          try {
            const query = asObject(item);
            if (query.indexUid === undefined) throw new MeiliError('missing_index_uid', 'Missing field `indexUid`');
            const uid = checkIndexUid(query.indexUid);
            if (!ctx.canAccessIndex(uid)) throw new MeiliError('invalid_api_key', 'The provided API key is invalid.', 403, 'auth');
            catalog.get(uid);
            return query;
          } catch (err) {
            throw inQuery(i, err);
          }
        });
        if (body.federation !== undefined && body.federation !== null) {
          const federated = queries.map((q, i) => splitFederationOptions(q, i));
          const runAt = (uid: string, params: Record<string, unknown>) => {
            try {
              return run(ctx, uid, params);
            } catch (err) {
              throw inQuery(federated.findIndex((q) => q.indexUid === uid), err);
            }
          };
          return { status: 200, body: federatedSearch(body.federation, federated, runAt) };
        }
        const results = queries.map(({ indexUid, federationOptions: _ignored, ...params }, i) => {
          try {
            return { indexUid, ...search(ctx, indexUid as string, params) };
          } catch (err) {
            throw inQuery(i, err);
          }
        });
        return { status: 200, body: { results } };
      },
    },
  ];
}
