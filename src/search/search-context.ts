/**
 * The engine the search room talks to, set once at boot (server.ts) or by a test. Searching before
 * it is set behaves like an engine outage.
 */
import type { Meilisearch } from 'meilisearch';
import { ServiceUnavailableError } from '../http/errors.js';
import { KNOWLEDGE_INDEX } from './knowledge-index.js';

export interface SearchTarget {
  client: Meilisearch;
  indexUid: string;
}

let current: SearchTarget | null = null;

export function configureSearch(client: Meilisearch, indexUid = KNOWLEDGE_INDEX): SearchTarget {
  current = { client, indexUid };
  return current;
}

export function clearSearchConfiguration(): void {
  current = null;
}

export function searchTarget(): SearchTarget {
  if (!current) throw new ServiceUnavailableError();
  return current;
}
