/**
 * What the index keeps of recent search responses (in a WriteCache, forgotten at the next write):
 * a knowledge base is read far more than written, and the same searches (popular topics, page 2
 * of a list, the facet counts of a filter) come back many times between two writes. The budget
 * counts hits, which make up a response's size, plus one per response, so answers without hits
 * (facet counts only) are bounded too.
 */
import type { SearchResponse } from './search.js';

/** About a hundred pages of twenty hits. */
export const RESULT_CACHE_HITS = 2_000;

export function responseSize(response: SearchResponse): number {
  return response.hits.length + 1;
}

/** The key of a request, or null when it must run every time (it asks for timings). */
export function resultKeyOf(params: unknown): string | null {
  if (params === null || typeof params !== 'object' || (params as Record<string, unknown>).showPerformanceDetails === true) return null;
  return JSON.stringify(params);
}
