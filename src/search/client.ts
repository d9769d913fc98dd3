/**
 * The search engine client (Meilisearch API; the real server or the embedded engine). src/search
 * is the only importer of 'meilisearch'.
 */
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { httpTransport } from './http-transport.js';

export interface SearchConnection {
  host: string;
  apiKey?: string;
}

export function createSearchClient({ host, apiKey }: SearchConnection): Meilisearch {
  // httpClient is marked deprecated in meilisearch-js (to be replaced, issue 1824); pinned, and
  // http-transport.test.ts checks the client's answers and errors through it.
  return new Meilisearch({ host, apiKey, httpClient: httpTransport() });
}

/**
 * The engine's error code (`index_not_found`, …) of a failed call. Through a custom transport the
 * client wraps the engine's MeilisearchApiError in a MeilisearchRequestError, so it is looked for
 * along the causes.
 */
export function engineErrorCode(err: unknown): string | undefined {
  for (let at: unknown = err; at instanceof Error; at = at.cause) {
    if (at instanceof MeilisearchApiError) return at.cause?.code;
  }
  return undefined;
}

/**
 * A failed call's message with those of its causes: the client says only "Request to … has failed",
 * the reason (connect ECONNREFUSED, socket hang up, the engine's own message) is in its cause.
 */
export function engineErrorText(err: unknown): string {
  const messages: string[] = [];
  for (let at: unknown = err; at !== undefined && at !== null && messages.length < 5; at = at instanceof Error ? at.cause : undefined) {
    const message = at instanceof Error ? at.message : String(at);
    if (message && !messages.includes(message)) messages.push(message);
  }
  return messages.join(': ');
}

/** For /readyz: the engine's own health endpoint answers "available". */
export async function searchHealthy(client: Meilisearch): Promise<boolean> {
  try {
    const health = await client.health();
    return health.status === 'available';
  } catch {
    return false;
  }
}

/** Whether the engine has the index (false on index_not_found; other errors are thrown). */
export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.index(uid).getRawInfo();
    return true;
  } catch (err) {
    if (engineErrorCode(err) === 'index_not_found') return false;
    throw err;
  }
}
