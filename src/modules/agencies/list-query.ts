/** Helpers shared by the paginated list services and their JSON list handlers. */

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}

/** Which page of a list a request asks for (1-based). */
export interface PageRequest {
  page: number;
  perPage: number;
}

/**
 * One page of a list: the page's documents (fetched with the skip and limit the page needs) and
 * the count of all matches, asked for in parallel, mapped to records.
 */
export async function fetchPage<D, R>(
  request: PageRequest,
  fetchDocs: (skip: number, limit: number) => PromiseLike<D[]>,
  countAll: () => PromiseLike<number>,
  toRecord: (doc: D) => R,
): Promise<Page<R>> {
  const { page, perPage } = request;
  const [docs, total] = await Promise.all([fetchDocs((page - 1) * perPage, perPage), countAll()]);
  return { items: docs.map((doc) => toRecord(doc)), page, perPage, total, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

/** The API's list envelope: the page's items as JSON, and where the page stands in the whole. */
export function pageJson<T, J>(result: Page<T>, toJson: (item: T) => J) {
  return {
    data: result.items.map((item) => toJson(item)),
    meta: { page: result.page, perPage: result.perPage, total: result.total, totalPages: result.totalPages },
  };
}

/** User search text goes into a regular expression literally, never as a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
