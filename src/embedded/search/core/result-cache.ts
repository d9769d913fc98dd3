/**
 * Responses of recent searches on one index, valid until its next write (the index clears it on
 * every document or settings change). A knowledge base is read far more than written, and the
 * same searches (popular topics, page 2 of a list, the facet counts of a filter) come back many
 * times between two writes. Bounded twice: by entries (least recently used first out) and by
 * response size — a search asking for more than MAX_CACHED_HITS hits is not kept.
 */
import type { SearchResponse } from './search.js';

export const RESULT_CACHE_ENTRIES = 128;
export const MAX_CACHED_HITS = 100;

export class ResultCache {
  private readonly entries = new Map<string, SearchResponse>();

  constructor(private readonly capacity = RESULT_CACHE_ENTRIES) {}

  /** The key of a request, or null when it must run every time (it asks for timings). */
  static keyOf(params: unknown): string | null {
    if (params === null || typeof params !== 'object' || (params as Record<string, unknown>).showPerformanceDetails === true) return null;
    return JSON.stringify(params);
  }

  get(key: string): SearchResponse | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, response: SearchResponse): void {
    if (response.hits.length > MAX_CACHED_HITS) return;
    this.entries.set(key, response);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    if (this.entries.size > 0) this.entries.clear();
  }
}
