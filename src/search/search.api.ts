/**
 * GET /api/v1/search: hits, facets and paging as JSON, in the envelope of the app's other list APIs
 * ({data, meta}). Bad parameters → 422 (parseInput); an engine outage → 503 {error: {code:
 * 'unavailable'}} through the error handler. The permission filter comes from the signed-in user.
 */
import type { RequestHandler } from 'express';
import { actingUser } from '../auth/current-user.js';
import { ServiceUnavailableError } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { searchQuerySchema, toSearchParams } from './search.schemas.js';
import { searchKnowledge } from './search.service.js';
import type { SearchResult } from './search-types.js';

/** Runs a search; an outage is reported with the search page's own wording. */
export async function searchOrUnavailable(run: () => Promise<SearchResult>): Promise<SearchResult> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ServiceUnavailableError) throw Object.assign(new ServiceUnavailableError('search:unavailable.message'), { cause: err.cause });
    throw err;
  }
}

export const searchJson: RequestHandler = async (req, res) => {
  const query = parseInput(searchQuerySchema, req.query);
  const result = await searchOrUnavailable(() => searchKnowledge(actingUser(req), toSearchParams(query)));
  res.json({
    data: result.hits,
    ...(result.withoutFirstWord ? { withoutFirstWord: { word: result.withoutFirstWord.word, data: result.withoutFirstWord.hits } } : {}),
    meta: {
      page: result.page,
      perPage: result.perPage,
      total: result.totalHits,
      totalPages: result.totalPages,
      facets: result.facets,
      ...(result.suggestion ? { suggestion: result.suggestion } : {}),
      ...(result.missingWords ? { missingWords: result.missingWords } : {}),
      ...(result.partial ? { partial: true } : {}),
      ...(result.partialFrom !== undefined ? { partialFrom: result.partialFrom } : {}),
      ...(result.placeAbsent ? { placeAbsent: result.placeAbsent } : {}),
      ...(result.kindNamed ? { kindNamed: result.kindNamed } : {}),
      ...(result.kindYears ? { kindYears: result.kindYears } : {}),
      ...(result.yearRange ? { yearRange: result.yearRange } : {}),
      ...(result.years ? { years: result.years } : {}),
      ...(result.dayRange ? { dayRange: result.dayRange } : {}),
      ...(result.placesLeftOut ? { placesLeftOut: result.placesLeftOut } : {}),
      ...(result.unreplicated ? { unreplicated: true } : {}),
      ...(result.nonDigital ? { nonDigital: true } : {}),
      ...(result.excluded ? { excluded: result.excluded } : {}),
      ...(result.either ? { either: result.either } : {}),
      sort: result.sort,
    },
  });
};
