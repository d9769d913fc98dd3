/**
 * GET /api/v1/search/suggest?q=: a few matching titles for search-as-you-type (views/assets/search.js).
 * Plain text only — the script puts titles into the page with textContent, never as HTML — and
 * the same permission filter as every search, since it runs through searchKnowledge. Without facet
 * counts: the list shows titles only, and it runs on every keystroke.
 */
import type { RequestHandler } from 'express';
import { actingUser } from '../auth/current-user.js';
import { parseInput } from '../http/validate.js';
import { searchOrUnavailable } from './search.api.js';
import { suggestQuerySchema } from './search.schemas.js';
import { searchKnowledge } from './search.service.js';

export const SUGGESTION_COUNT = 6;
/** Shorter input matches too much to be useful as you type. */
export const MIN_SUGGEST_LENGTH = 2;

export const suggestJson: RequestHandler = async (req, res) => {
  const { q } = parseInput(suggestQuerySchema, req.query);
  if (q.length < MIN_SUGGEST_LENGTH) {
    res.json({ data: [] });
    return;
  }
  const result = await searchOrUnavailable(() => searchKnowledge(actingUser(req), { q, perPage: SUGGESTION_COUNT, facets: false, typing: true }));
  res.json({ data: result.hits.map((hit) => ({ type: hit.type, typeLabel: res.locals.t(`search:types.${hit.type}`), title: hit.title, url: hit.url })) });
};
