/**
 * When a query finds nothing, or no hit holds all its words, each of its words is counted on its
 * own, with the same permission and filters, in one round trip. Words that no record holds are
 * named and the search runs again without them: with the "last" strategy a word nobody wrote
 * empties the whole result when it comes first ("contoh SOP PPID", "tv streaming pemda"), and
 * otherwise silently drops every word after it ("pengikut instagram dinas" kept only "pengikut").
 * A word found only as typed is a typo that reads as an affixed word of another root ("pengadun" →
 * adun, which then leads the query and no record holds): the search runs again with that word kept
 * as typed, and the engine's typo tolerance finds "pengaduan".
 */
import type { ActingUser } from '../auth/acting-user.js';
import { withAlternativesJoined } from './either-words.js';
import { englishFor, isEnglishWord } from './english-words.js';
import { keyPhraseWordsIn } from './key-phrases.js';
import { longPhrasesRead } from './long-phrases.js';
import { SYNONYM_PHRASES } from './language-data.js';
import { startsAt } from './phrases.js';
import { readAsEnglish, searchedWords, superlativeTypedAt } from './query-terms.js';
import { datePhraseReadAs } from './relative-dates.js';
import { stemWord, words } from './stemmer.js';
import type { SearchParams, SearchResult } from './search-types.js';

/** A longer query is left as it is. */
const MAX_WORDS_COUNTED = 8;

/**
 * A word counted on its own: by its root or as typed; `whole`: not as the start of a longer word;
 * `allWords`: a phrase whose every word a record must hold (or a synonym of the whole).
 */
export type CountedWord = Pick<SearchParams, 'q' | 'stemming'> & { whole: boolean; allWords?: boolean };

interface Engine {
  search: (actor: ActingUser, params: SearchParams) => Promise<SearchResult>;
  /** How many records each query finds for the actor with the filters of `params`. */
  count: (actor: ActingUser, params: SearchParams, queries: CountedWord[]) => Promise<number[]>;
  /** The word the search's engine query ends with and reads as the start of a longer one, if any (prefixWordOf). */
  prefixWord: string | null;
}

/** The search again without the missing words, and with the words found only as typed searched so; null when that changes nothing or still finds nothing; no hit when no record holds a word but a letter of a phrase (e-budgeting). */
export async function withoutMissingWords(actor: ActingUser, params: SearchParams, engine: Engine): Promise<SearchResult | null> {
  // A long synonym phrase (or one repeating a word: undang-undang) is searched as its one-word
  // member (long-phrases.ts), so that member is counted, and named missing as the phrase typed.
  const { words: searched, phrases: standIns } = longPhrasesRead(searchedWords(params.q));
  // "Luar provinsi", "diadopsi" are read as their keys (the visits across that border, the practices
  // replicated), whatever words the records hold.
  const keyed = keyPhraseWordsIn(searched);
  const typed = [...new Set(searched)].filter((word) => !keyed.has(word));
  if (typed.length === 0 || typed.length > MAX_WORDS_COUNTED) return null;
  // Each word by its root as every word is searched, then as typed over the text itself; whole, as
  // the engine reads every word of its query but the last ("in" is no start of "informasi" there).
  // That is the query's own last word: one typed last may come earlier there (dilihat pengunjung
  // asks `pengunjung "lihat" dilihat`), and counted as a prefix it had counted the records
  // holding "mengunjungi" through a typo, which the search itself never reads.
  const whole = (word: string): boolean => word !== engine.prefixWord;
  // A word of a synonym phrase typed whole is also counted as the phrase, which the engine reads
  // with its synonyms: "payung hukum" finds "dasar hukum", though no record says "payung". Every
  // word of it: "e budgeting" would otherwise count the records holding "e" (e-office).
  const phrases = synonymPhrasesIn(searched);
  const phraseQueries = [...new Set(phrases.values())];
  const counts = await engine.count(actor, params, [
    ...typed.map((q) => ({ q, whole: whole(q) })),
    ...typed.map((q) => ({ q, stemming: false, whole: whole(q) })),
    ...phraseQueries.map((q) => ({ q, whole: whole(q.split(' ').pop() ?? q), allWords: true })),
  ]);
  const phraseFound = (word: string): boolean => phrases.has(word) && counts[2 * typed.length + phraseQueries.indexOf(phrases.get(word) ?? '')] > 0;
  // A phrase no record holds, beside other words, is missing whole: "standar operasional prosedur
  // PPID" would otherwise lead with "standar" and drop "PPID". Alone, its words found are all there is.
  const besidePhrases = typed.some((word) => !phrases.has(word));
  const phraseMissing = (word: string): boolean => besidePhrases && phrases.has(word) && !phraseFound(word);
  // An English word of a query not read as English was searched as typed: its reading found nothing of it.
  const english = readAsEnglish(params.q);
  // A letter of a phrase not found whole (the e of e-katalog) is no word alone: records holding it
  // hold some other e-thing (e-office).
  const lone = (word: string): boolean => word.length === 1 && phrases.has(word) && !phraseFound(word);
  const unheld = (word: string): boolean => phraseMissing(word) || lone(word);
  const found = (i: number) => !unheld(typed[i]) && ((counts[i] > 0 && (english || !isEnglishWord(typed[i]))) || phraseFound(typed[i]));
  const foundAsTyped = (i: number) => !unheld(typed[i]) && counts[typed.length + i] > 0;
  const missing = typed.filter((_, i) => !found(i) && !foundAsTyped(i));
  // Such a word that its reading finds is kept when the words kept are read as English: "dashboard
  // covid" (covid a word of neither language) had named both missing and found nothing.
  const foundByReading = missing.filter((word) => isEnglishWord(word) && counts[typed.indexOf(word)] > 0);
  const keptInEnglish = foundByReading.length > 0 && readAsEnglish(typed.filter((word) => !missing.includes(word) || foundByReading.includes(word)).join(' '));
  const missingWords = keptInEnglish ? missing.filter((word) => !foundByReading.includes(word)) : missing;
  const asTyped = typed.filter((_, i) => !found(i) && foundAsTyped(i));
  // A form found by its root alone ("pelayan", records saying "pelayanan") is left out beside its
  // root: the engine would ask for it before the words after it, which no hit was then ranked by.
  const rootsOnly = typed.filter((word, i) => found(i) && !foundAsTyped(i) && stemWord(word) !== word);
  // Nothing holds any word but such a letter: the records it found are no answer (e-budgeting).
  if (missingWords.length === typed.length) return typed.some((word) => lone(word)) ? nothingHeld(actor, params, engine) : null;
  if (missingWords.length === 0 && asTyped.length === 0 && rootsOnly.length === 0) return null;
  const kept = [...new Set(searched)].filter((word) => !missingWords.includes(word));
  const result = await engine.search(actor, { ...params, q: withAlternativesJoined(params.q, kept), asTyped, rootsOnly });
  if (result.totalHits === 0) return null;
  const named = missingWords.map((word) => {
    const phrase = unheld(word) ? phrases.get(word) : standIns.get(word);
    return phrase !== undefined ? phraseAsIn(phrase, params.q) : spelledAsIn(word, params.q);
  });
  return missingWords.length > 0 ? { ...result, missingWords: [...new Set(named)] } : result;
}

/** The search with no hit, facets and paging as the engine counts them: the query quoted, which no record holds as typed. */
function nothingHeld(actor: ActingUser, params: SearchParams, engine: Engine): Promise<SearchResult> {
  return engine.search(actor, { ...params, q: `"${searchedWords(params.q).join(' ')}"` });
}

/** A phrase as the query writes it, separators and all ("E-Budgeting" for e budgeting). */
function phraseAsIn(phrase: string, q: string): string {
  const tokens = [...q.matchAll(/[\p{L}\p{N}]+/gu)];
  const lower = tokens.map((token) => words(token[0])[0]);
  const wanted = phrase.split(' ');
  const at = lower.findIndex((_, i) => startsAt(wanted, lower, i));
  if (at < 0) return phrase;
  const last = tokens[at + wanted.length - 1];
  return q.slice(tokens[at].index, last.index + last[0].length);
}

/** Each word of a synonym phrase the query's words hold whole, with that phrase. */
function synonymPhrasesIn(searched: readonly string[]): Map<string, string> {
  const phraseOf = new Map<string, string>();
  searched.forEach((_, i) => {
    for (const phrase of SYNONYM_PHRASES) if (startsAt(phrase, searched, i)) phrase.forEach((word) => phraseOf.set(word, phrase.join(' ')));
  });
  return phraseOf;
}

/** The word as the query spells it ("SOP" for sop; "waste" for sampah, read from English). */
export function spelledAsIn(word: string, q: string): string {
  const tokens = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = tokens.map((token) => words(token)[0]);
  let at = lower.indexOf(word);
  const english = at < 0 ? englishFor(word, lower) : undefined;
  if (english) at = lower.indexOf(english);
  // A year or month read from a phrase (2026 from "tahun ini") is named as typed, and so is a superlative (terpenting from "paling penting").
  const dated = at < 0 ? datePhraseReadAs(word, lower) : null;
  if (dated) return tokens.slice(dated.at, dated.at + dated.length).join(' ');
  const superlative = at < 0 ? superlativeTypedAt(word, lower) : -1;
  if (superlative >= 0) return tokens.slice(superlative, superlative + 2).join(' ');
  return at >= 0 ? tokens[at] : word;
}
