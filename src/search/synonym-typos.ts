/**
 * "Medsoss", "humass", "dinkominfo": a word of the synonym data typed with a typo. The engine's typo
 * tolerance finds the word, but its synonyms apply to words as typed only: "medsoss" found one
 * record where "medsos" finds twenty (media sosial), "pemkott padang" a sixth of "pemkot padang".
 * So with a phrase typed whole but for a typo in it: "daftar informasi publk" found 72 records of
 * the demo saying some of its words, "daftar informasi publik" the 8 on DIP. Such a word is
 * searched as the synonym word it mistypes, unless some record holds it as typed (the caller
 * counts them): "solsel" (Solok Selatan) is no typo of "sulsel" where records say it. A typo that
 * reads as an affixed word of another root ("pengadun": adun) is one only if no record holds that
 * root: "aplikasi pengadun" had put a tourism app first, above the complaints apps titled *Aduan*.
 */
import { EXACT_WORDS, ONE_WAY_SYNONYMS, PLACE_NAME_WORDS, STOP_WORD_SET, SYNONYM_GROUPS, SYNONYM_PHRASES, SYNONYM_WORDS } from './language-data.js';
import { isEnglishWord } from './english-words.js';
import { isDictionaryRoot, stemWord, words } from './stemmer.js';
import { editDistance, typosAllowed } from './suggestion.js';
import { memoized } from '../http/memo.js';

/**
 * The words that have synonyms of their own (humas, medsos, not "pengelola" of a phrase): a typo of
 * a phrase's word gains nothing unless the phrase is typed whole.
 */
const synonymWords = [...new Set([...SYNONYM_GROUPS.flat(), ...Object.keys(ONE_WAY_SYNONYMS)])].filter((word) => /^\p{L}+$/u.test(word));
/** Words never read as a typo: the language data's own, and the words of place names the stemmer keeps whole. */
const knownWords = new Set([...SYNONYM_WORDS, ...EXACT_WORDS, ...PLACE_NAME_WORDS]);
/** Distinct words whose reading is remembered. */
export const REMEMBERED_WORDS = 10_000;

/** A word the engine allows a typo that is no root of the stemmer's dictionary, no English word, nor a word of the language data. */
const unknownWord = (word: string): boolean =>
  typosAllowed(word) > 0 && /^\p{L}+$/u.test(word) && !knownWords.has(word) && !STOP_WORD_SET.has(word) && !isEnglishWord(word) && !isDictionaryRoot(word);

/** Whether a typed word may be a typo: the engine allows it one, and it is no word of the language (its root is in the stemmer's dictionary, or it is English) nor of the language data. */
export const mayBeTypo = memoized((word: string): boolean => unknownWord(word) && !isDictionaryRoot(stemWord(word)), REMEMBERED_WORDS);

/**
 * The root of the dictionary an unknown word reads as, when only that keeps it from being a typo:
 * typos of affixed words often read so ("pengadun": adun, "keterbukan": buk). Such a word is a
 * typo when no record holds that root either (the caller counts it).
 */
export const rootOfAffixedReading = memoized((word: string): string | undefined => {
  if (!unknownWord(word)) return undefined;
  const root = stemWord(word);
  return root !== word && isDictionaryRoot(root) ? root : undefined;
}, REMEMBERED_WORDS);

/** How far `meant` is from the typed word; Infinity beyond the engine's typo reach. */
function typoDistance(word: string, meant: string): number {
  const allowed = typosAllowed(word);
  if (Math.abs(meant.length - word.length) > allowed) return Infinity;
  const distance = editDistance(word, meant);
  return distance <= allowed ? distance : Infinity;
}

/** The word of `candidates` a typed word mistypes: the nearest within the engine's typo reach (the first listed of equals). */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = typoDistance(word, candidate);
    if (distance < (best?.distance ?? Infinity)) best = { word: candidate, distance };
  }
  return best?.word;
}

const nearestSynonymWord = memoized((word: string): string | undefined => nearestWord(word, synonymWords), REMEMBERED_WORDS);

/** The word of a synonym phrase typed whole but for typed[i], which mistypes it (daftar informasi publk: publik); stop words count, as typed. */
function phraseWordMistyped(typed: readonly string[], i: number): string | undefined {
  for (const phrase of SYNONYM_PHRASES) {
    for (let j = 0; j < phrase.length; j++) {
      const start = i - j;
      if (start >= 0 && phrase.every((word, k) => k === j || typed[start + k] === word) && typoDistance(typed[i], phrase[j]) < Infinity) return phrase[j];
    }
  }
  return undefined;
}

/** Each word of the query that may be a synonym word mistyped, alone or in a phrase, with that word; empty for a query with a phrase of its own. */
export function synonymTyposIn(q: string): Map<string, string> {
  const typos = new Map<string, string>();
  if (q.includes('"')) return typos;
  const typed = words(q);
  typed.forEach((word, i) => {
    const root = rootOfAffixedReading(word);
    const meant = mayBeTypo(word) || root !== undefined ? (nearestSynonymWord(word) ?? phraseWordMistyped(typed, i)) : undefined;
    // An affixed form of the word it is near (direplikasi of replikasi) is no typo: its root finds that word.
    if (meant !== undefined && (root === undefined || stemWord(meant) !== root)) typos.set(word, meant);
  });
  return typos;
}

/** The query with the words mistyped replaced by the words they mistype, the rest as typed. */
export function withTyposRead(q: string, typos: ReadonlyMap<string, string>): string {
  return q.replace(/[\p{L}\p{N}]+/gu, (token) => typos.get(words(token)[0] ?? '') ?? token);
}
