/**
 * The search engine client (Meilisearch API; the real server or the embedded engine). src/search
 * is the only importer of 'meilisearch'.
 */
import { Meilisearch } from 'meilisearch';

export interface SearchConnection {
  host: string;
  apiKey?: string;
}

export function createSearchClient({ host, apiKey }: SearchConnection): Meilisearch {
  return new Meilisearch({ host, apiKey });
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
