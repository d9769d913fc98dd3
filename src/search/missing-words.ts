/**
 * When a query of several words finds nothing, the words that no record holds are named and the
 * search runs again without them: with the "last" strategy a word nobody wrote ("contoh SOP PPID",
 * "tv streaming pemda") empties the whole result. Each word is counted on its own, with the same
 * permission and filters; this runs only on the empty path.
 */
import type { ActingUser } from '../auth/acting-user.js';
import { searchedWords } from './query-terms.js';
import { words } from './stemmer.js';
import type { SearchParams, SearchResult } from './search.service.js';

/** Each word costs a search of its own: a longer query is left as it is. */
const MAX_WORDS_COUNTED = 8;

type Search = (actor: ActingUser, params: SearchParams) => Promise<SearchResult>;

/** The search again without the query's missing words, naming them; null when none or all are missing, or it still finds nothing. */
export async function withoutMissingWords(actor: ActingUser, params: SearchParams, search: Search): Promise<SearchResult | null> {
  const typed = [...new Set(searchedWords(params.q))];
  if (typed.length < 2 || typed.length > MAX_WORDS_COUNTED) return null;
  const counts = await Promise.all(typed.map(async (word) => (await search(actor, { ...params, q: word, page: 1, perPage: 1, facets: false })).totalHits));
  const missingWords = typed.filter((_, i) => counts[i] === 0);
  if (missingWords.length === 0 || missingWords.length === typed.length) return null;
  const result = await search(actor, { ...params, q: typed.filter((_, i) => counts[i] > 0).join(' ') });
  return result.totalHits > 0 ? { ...result, missingWords: missingWords.map((word) => asTyped(word, params.q)) } : null;
}

/** The word as the query spells it ("SOP" for sop). */
function asTyped(word: string, q: string): string {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).find((token) => words(token)[0] === word) ?? word;
}
