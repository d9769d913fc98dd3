/**
 * When a query finds nothing, each of its words is looked up on its own, with the same permission
 * and filters; this runs only on the empty path. Words that no record holds are named and the
 * search runs again without them: with the "last" strategy a word nobody wrote ("contoh SOP PPID",
 * "tv streaming pemda") empties the whole result. A word found only as typed is a typo that reads
 * as an affixed word of another root ("pengadun" → adun, which then leads the query and no record
 * holds): the search runs again with the word the engine's typo tolerance matched.
 */
import type { ActingUser } from '../auth/acting-user.js';
import { searchedWords } from './query-terms.js';
import { words } from './stemmer.js';
import type { SearchParams, SearchResult } from './search.service.js';

/** Each word costs a search or two of its own: a longer query is left as it is. */
const MAX_WORDS_COUNTED = 8;

type Search = (actor: ActingUser, params: SearchParams) => Promise<SearchResult>;

/** How a word of the query is found on its own: by its root as every word is, only as typed, or not at all. */
async function howFound(actor: ActingUser, params: SearchParams, word: string, search: Search): Promise<'found' | 'asTyped' | 'missing'> {
  const alone = { ...params, q: word, page: 1, perPage: 1, facets: false };
  if ((await search(actor, alone)).totalHits > 0) return 'found';
  return (await search(actor, { ...alone, stemming: false })).totalHits > 0 ? 'asTyped' : 'missing';
}

/** The search again without the missing words, and with the words found only as typed searched so; null when that changes nothing or still finds nothing. */
export async function withoutMissingWords(actor: ActingUser, params: SearchParams, search: Search): Promise<SearchResult | null> {
  const typed = [...new Set(searchedWords(params.q))];
  if (typed.length === 0 || typed.length > MAX_WORDS_COUNTED) return null;
  const found = await Promise.all(typed.map((word) => howFound(actor, params, word, search)));
  const missingWords = typed.filter((_, i) => found[i] === 'missing');
  const asTyped = typed.filter((_, i) => found[i] === 'asTyped');
  if (missingWords.length === typed.length || (missingWords.length === 0 && asTyped.length === 0)) return null;
  const result = await search(actor, { ...params, q: typed.filter((_, i) => found[i] !== 'missing').join(' '), asTyped });
  if (result.totalHits === 0) return null;
  return missingWords.length > 0 ? { ...result, missingWords: missingWords.map((word) => spelledAsIn(word, params.q)) } : result;
}

/** The word as the query spells it ("SOP" for sop). */
function spelledAsIn(word: string, q: string): string {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).find((token) => words(token)[0] === word) ?? word;
}
