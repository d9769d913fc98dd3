/**
 * What the index keeps of recent search responses (in a WriteCache, forgotten at the next write):
 * a knowledge base is read far more than written, and the same searches (popular topics, page 2
 * of a list, the facet counts of a filter) come back many times between two writes; a search is
 * kept from its second time on (AskedOnce). The budget counts hits, which make up a response's
 * size, plus one per response, so answers without hits (facet counts only) are bounded too.
 */
import type { SearchResponse } from './search.js';

/** About a hundred pages of twenty hits. */
export const RESULT_CACHE_HITS = 2_000;

/** How many searches asked once are remembered, waiting to be asked again. */
export const ASKED_ONCE_KEYS = 1_000;

/**
 * The searches asked once lately, by key: a response is kept only when its search comes a second
 * time. Kept at once, the response of every one-off search (most of a long tail) lived through a
 * few young-generation collections before the cache forgot it, and copying those made the
 * engine's collections about three times as long (2.0–2.2 s of 20 s under long-tail load, against
 * 0.7–0.8 s without the cache). A key is some hundred bytes; a response, tens of kilobytes.
 */
export class AskedOnce {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = ASKED_ONCE_KEYS) {}

  /** Whether `key` was asked before (then it is forgotten here: the cache keeps its response); otherwise remembers it. */
  askedAgain(key: string): boolean {
    if (this.keys.delete(key)) return true;
    this.keys.add(key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value as string);
    return false;
  }
}

export function responseSize(response: SearchResponse): number {
  return response.hits.length + 1;
}

/** The key of a request, or null when it must run every time (it asks for timings). */
export function resultKeyOf(params: unknown): string | null {
  if (params === null || typeof params !== 'object' || (params as Record<string, unknown>).showPerformanceDetails === true) return null;
  return JSON.stringify(params);
}
