/**
 * Did-you-mean for a word mistyped after the first ones ("layanan pengaduan masyrakat"): the engine
 * reads the typo, but only records holding no other word of the query match it, so no hit shown
 * marks the right spelling and the suggestion, read from the best hits' marks (searchOnce), said
 * nothing. When the best hit lacks a word and nothing is suggested, each word is searched alone
 * for its best record, whose marks show the spelling the engine read it as. One round trip, in
 * that case only.
 */
import { keyPhraseWordsIn } from './key-phrases.js';
import { searchedWords } from './query-terms.js';
import { suggestQuery } from './suggestion.js';

/** A longer query is left as it is, as missing-words.ts leaves it. */
const MAX_WORDS_PROBED = 8;

/** Each word's best record, searched alone: its highlighted texts (marks around what matched). */
export type MarkedAlone = (words: string[]) => Promise<string[]>;

/**
 * The query spelled as its words alone were read, or undefined when that changes nothing. `kept`
 * and `oneTypoOnly` as for the suggestion from the best hits (suggestion.ts).
 */
export async function spellingOfWordsAlone(q: string, markedAlone: MarkedAlone, kept: (word: string) => boolean, oneTypoOnly: (word: string) => boolean): Promise<string | undefined> {
  const searched = searchedWords(q);
  const keyed = keyPhraseWordsIn(searched);
  const probed = [...new Set(searched)].filter((word) => !keyed.has(word) && !kept(word));
  if (probed.length === 0 || probed.length > MAX_WORDS_PROBED) return undefined;
  const marked = await markedAlone(probed);
  return suggestQuery(q, marked, kept, oneTypoOnly);
}
