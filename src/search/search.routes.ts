import type { RouteDef } from '../http/routes.js';
import { searchJson } from './search.api.js';
import { SEARCH_DOC, SUGGEST_DOC } from './search.openapi.js';
import { SEARCH_PATH, searchPage } from './search.pages.js';
import { suggestJson } from './suggest.api.js';

/** Search across visits, practices and lessons: the page, the API and the as-you-type suggestions. */
export const searchRoutes: RouteDef[] = [
  { method: 'get', path: SEARCH_PATH, access: 'user', summary: 'Search page (results, facets, pages)', handlers: [searchPage] },
  {
    method: 'get',
    path: '/search',
    access: 'user',
    api: true,
    summary: 'Search visits, practices and lessons: q, repeatable filters (type, province, agency, topic, stage, status, year), sort, page, perPage → hits with highlighted snippets, facet counts, paging',
    handlers: [searchJson],
    openapi: SEARCH_DOC,
  },
  { method: 'get', path: '/search/suggest', access: 'user', api: true, summary: 'Search-as-you-type: up to 6 titles {type, typeLabel, title, url} matching q (2+ characters)', handlers: [suggestJson], openapi: SUGGEST_DOC },
];
