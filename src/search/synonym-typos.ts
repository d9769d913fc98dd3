/**
 * "Medsoss", "humass", "dinkominfo": a word of the synonym data typed with a typo. The engine's typo
 * tolerance finds the word, but its synonyms apply to words as typed only: "medsoss" found one
 * record where "medsos" finds twenty (media sosial), "pemkott padang" a sixth of "pemkot padang".
 * Such a word is searched as the synonym word it mistypes, unless some record holds it as typed
 * (the caller counts them): "solsel" (Solok Selatan) is no typo of "sulsel" where records say it.
 */
import { EXACT_WORDS, ONE_WAY_SYNONYMS, PLACE_NAME_WORDS, STOP_WORD_SET, SYNONYM_GROUPS, SYNONYM_WORDS } from './language-data.js';
import { isEnglishWord } from './english-words.js';
import { isDictionaryRoot, stemWord, words } from './stemmer.js';
import { editDistance, typosAllowed } from './suggestion.js';
import { memoized } from '../http/memo.js';

/**
 * The words that have synonyms of their own (humas, medsos, not "pengelola" of a phrase): a typo of
 * a phrase's word gains nothing.
 */
const synonymWords = [...new Set([...SYNONYM_GROUPS.flat(), ...Object.keys(ONE_WAY_SYNONYMS)])].filter((word) => /^\p{L}+$/u.test(word));
/** Words never read as a typo: the language data's own, and the words of place names the stemmer keeps whole. */
const knownWords = new Set([...SYNONYM_WORDS, ...EXACT_WORDS, ...PLACE_NAME_WORDS]);

/**
 * The synonym word a typed word mistypes, the nearest within the engine's typo reach (the first
 * listed of equals); undefined for a word of the language (its root is in the stemmer's
 * dictionary, or it is English) or of the language data.
 */
const synonymTypoOf = memoized((word: string): string | undefined => {
  const allowed = typosAllowed(word);
  if (allowed === 0 || !/^\p{L}+$/u.test(word) || knownWords.has(word) || STOP_WORD_SET.has(word) || isEnglishWord(word) || isDictionaryRoot(word) || isDictionaryRoot(stemWord(word))) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of synonymWords) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(word, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}, 10_000);

/** Each word of the query that may be a synonym word mistyped, with that word; empty for a query with a phrase of its own. */
export function synonymTyposIn(q: string): Map<string, string> {
  const typos = new Map<string, string>();
  if (q.includes('"')) return typos;
  for (const word of words(q)) {
    const meant = synonymTypoOf(word);
    if (meant !== undefined) typos.set(word, meant);
  }
  return typos;
}

/** The query with those words replaced by the synonym words they mistype, the rest as typed. */
export function withSynonymTyposRead(q: string, typos: ReadonlyMap<string, string>): string {
  return q.replace(/[\p{L}\p{N}]+/gu, (token) => typos.get(words(token)[0] ?? '') ?? token);
}
