/**
 * The query string of the search page and the search API. Facet parameters may repeat
 * (`type=visit&type=practice`, as checkbox groups send them) or come comma-separated from API
 * clients; empty values are ignored. Every value is checked against its shape so nothing but a
 * known code reaches the engine's filter.
 */
import { z } from 'zod';
import { PRACTICE_STAGES, KNOWLEDGE_STATUSES } from '../modules/practices/practice.model.js';
import { KNOWLEDGE_TYPES } from './knowledge-index.js';
import { MAX_PER_PAGE } from './search.service.js';
import type { SearchParams } from './search-types.js';

/** Relevance; newest first; most replicated first (the practices adopted by the most others). */
export const SEARCH_SORTS = ['relevance', 'newest', 'replicated'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_PER_PAGE = 20;
/** The engine counts at most 1000 hits, so no page beyond 1000 can exist. */
export const MAX_PAGE = 1000;
export const MAX_QUERY_LENGTH = 200;
export const MAX_SUGGEST_QUERY_LENGTH = 100;
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
/** Most values one filter parameter takes. */
export const MAX_FILTER_VALUES = 50;
/** Shapes of the filter values: province code, agency id, topic code. */
export const VALUE_PATTERNS = { province: /^\d{2}$/, agency: /^[0-9a-f]{24}$/, topic: /^[a-z0-9][a-z0-9-]{0,59}$/ } as const;

/** One value, repeated values, or a comma-separated list → a list of trimmed, non-empty, distinct strings. */
function list<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess((value) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const parts = raw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));
    return [...new Set(parts.filter((v) => v !== ''))];
  }, z.array(item).max(MAX_FILTER_VALUES));
}

/** A single value; repeated query parameters keep the first. */
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? undefined;
const blankToUndefined = (value: unknown) => {
  const one = single(value);
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};

export const searchQuerySchema = z.object({
  q: z.preprocess(single, z.string().trim().max(MAX_QUERY_LENGTH).optional().default('')),
  type: list(z.enum(KNOWLEDGE_TYPES)),
  province: list(z.string().regex(VALUE_PATTERNS.province)),
  agency: list(z.string().regex(VALUE_PATTERNS.agency)),
  topic: list(z.string().regex(VALUE_PATTERNS.topic)),
  stage: list(z.enum(PRACTICE_STAGES)),
  status: list(z.enum(KNOWLEDGE_STATUSES)),
  year: list(z.coerce.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max)),
  sort: z.preprocess(blankToUndefined, z.enum(SEARCH_SORTS).optional().default('relevance')),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE).optional().default(1)),
  perPage: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional().default(DEFAULT_PER_PAGE)),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const FILTER_PARAMS = ['type', 'province', 'agency', 'topic', 'stage', 'status', 'year'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The validated query as searchKnowledge's parameters (visibility is never among them). */
export function toSearchParams(query: SearchQuery): SearchParams {
  const { q, type, province, agency, topic, stage, status, year, sort, page, perPage } = query;
  return { q, type, province, agency, topic, stage, status, year, sort, page, perPage };
}

export const suggestQuerySchema = z.object({
  q: z.preprocess(single, z.string().trim().max(MAX_SUGGEST_QUERY_LENGTH).optional().default('')),
});
