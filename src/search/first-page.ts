/**
 * What the best hit of all tells — that no hit holds every word (`partial`), that no record holding
 * the words involves the place named (`placeAbsent`), the dates no record holds with them
 * (`datesLeftOut`) — read on a later page from the first: a later page's first hit may lack what the
 * first page's hold ("pelayanan publik daring", page 2, had said that no record holds every word).
 * Such a page lists only records holding fewer words than the best: `partialFrom` 0.
 */
import type { ActingUser } from '../auth/acting-user.js';
import type { SearchParams, SearchResult } from './search-types.js';

type Search = (actor: ActingUser, params: SearchParams) => Promise<SearchResult>;

export async function withFirstPageReadings(actor: ActingUser, params: SearchParams, result: SearchResult, search: Search): Promise<SearchResult> {
  // The first page's best lacks no more than a later page's first hit: nothing said there, nothing to undo.
  if (result.page <= 1 || (!result.partial && !result.placeAbsent && !result.datesLeftOut)) return result;
  const first = await search(actor, { ...params, page: 1, perPage: 1, facets: false });
  const { partial: _partial, placeAbsent: _placeAbsent, datesLeftOut: _datesLeftOut, ...read } = result;
  return {
    ...read,
    ...(first.partial ? { partial: first.partial } : result.partial ? { partialFrom: 0 } : {}),
    ...(first.placeAbsent ? { placeAbsent: first.placeAbsent } : {}),
    ...(first.datesLeftOut ? { datesLeftOut: first.datesLeftOut } : {}),
  };
}
