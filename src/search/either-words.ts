/**
 * "Podcast atau radio", "ppid, kim atau pid", "media sosial OR website", "baik podcast maupun
 * radio": words joined by "atau" (or "maupun") ask for the records holding any of them. As words,
 * each was asked of every record, and the "last" strategy keeps a query's first word: "podcast
 * atau radio" listed the podcast records only, and nothing said the radio records were left out. The alternatives are read off the query, and each
 * is searched with the other words after it, leaving out the records holding an alternative before
 * it (alternativeSearches): every record is found by one search only, so their counts add up.
 * Alternatives are words of a subject, or a synonym phrase (media sosial): no place (two places
 * joined, Sumbar atau Riau, are read as places are), kind of record, date or aspect.
 */
import { SYNONYM_PHRASES, synonymMap } from './language-data.js';
import { namesPlaceKind, placeNameWords, type PlaceNames } from './place-names.js';
import { startsAt, typedTokens } from './phrases.js';
import { isSubjectWord } from './query-terms.js';
import { stemWord, words } from './stemmer.js';

export interface QueryWithAlternatives {
  /** Each alternative as typed, first to last, two at least. */
  alternatives: string[];
  /** The query without the alternatives and the words joining them, as typed. */
  rest: string;
  /** Whether the last alternative ends the query. */
  endsQuery: boolean;
}

/** One search of a query's alternatives: the query it asks, and the words and phrases it leaves out. */
export interface AlternativeSearch {
  q: string;
  excluded: string[];
}

/** "Maupun" (as well as) asks for the records on each as "atau" does: "baik podcast maupun radio". */
const JOINERS = new Set(['atau', 'ataupun', 'maupun', 'or']);

/** How many tokens before the first alternative open the pair: "baik" of "baik … maupun …", not of "praktik baik". */
function pairOpening(typed: readonly string[], first: number, joinAt: number): number {
  return typed[joinAt] === 'maupun' && typed[first - 1] === 'baik' && typed[first - 2] !== 'praktik' ? 1 : 0;
}

/** A token typed with a comma after it ("podcast,") lists an alternative before the next. */
const endsList = (token: string): boolean => token.endsWith(',');

/** The query with the alternatives it joins read off; null when it joins none (or quotes a phrase, taken literally). */
export function readAlternatives(q: string, places: PlaceNames | null): QueryWithAlternatives | null {
  const split = typedTokens(q);
  if (!split) return null;
  const { tokens, typed } = split;
  const joinAt = typed.findIndex((word, i) => i > 0 && JOINERS.has(word));
  if (joinAt < 0) return null;
  const placeWords = places ? placeNameWords(typed.flatMap((word) => word.split(' ')), places) : new Set<string>();
  const isAlternativeWord = (word: string): boolean => word !== '' && !placeWords.has(word) && !namesPlaceKind(word) && !/^\d+$/.test(word) && isSubjectWord(word);
  // The tokens from start to end, a token holding the words of a dashed one (e-office).
  const isAlternative = (start: number, end: number): boolean => start >= 0 && start < end && end <= typed.length && typed.slice(start, end).every((token) => token.split(' ').every(isAlternativeWord));
  const spans: [number, number][] = [];
  // Backwards from the joiner: the alternative before it, then those listed before that with a comma.
  let start = joinAt;
  do {
    const length = phraseLengthEndingAt(typed, start);
    if (!isAlternative(start - length, start)) break;
    start -= length;
    spans.unshift([start, start + length]);
  } while (start > 0 && endsList(tokens[start - 1]));
  if (spans.length === 0) return null;
  // Forwards: the alternative after it, then each after another joiner.
  let end = joinAt;
  while (end < typed.length && JOINERS.has(typed[end])) {
    const from = end + 1;
    const length = phraseLengthStartingAt(typed, from);
    if (!isAlternative(from, from + length)) break;
    spans.push([from, from + length]);
    end = from + length;
  }
  const alternatives = [...new Set(spans.map(([from, to]) => tokens.slice(from, to).join(' ').replace(/,$/, '')))];
  if (spans.length < 2 || alternatives.length < 2 || spans[spans.length - 1][0] < joinAt) return null;
  const first = spans[0][0];
  return { alternatives, rest: [...tokens.slice(0, first - pairOpening(typed, first, joinAt)), ...tokens.slice(end)].join(' '), endsQuery: end === tokens.length };
}

/** How many words the longest synonym phrase ending right before typed[end] has, 1 when none does. */
function phraseLengthEndingAt(typed: readonly string[], end: number): number {
  return Math.max(1, ...SYNONYM_PHRASES.filter((phrase) => startsAt(phrase, typed, end - phrase.length)).map((phrase) => phrase.length));
}

/** How many words the longest synonym phrase starting at typed[from] has, 1 when none does. */
function phraseLengthStartingAt(typed: readonly string[], from: number): number {
  return Math.max(1, ...SYNONYM_PHRASES.filter((phrase) => startsAt(phrase, typed, from)).map((phrase) => phrase.length));
}

let synonyms: Record<string, string[]> | undefined;

/**
 * What an alternative's search finds it by, to be left out of the searches after it: its words as
 * written, the root the engine is also asked for, and its synonyms. A record holding only a typo or
 * a longer word it starts may still be found twice: the hits show it once.
 */
function foundBy(alternative: string): string[] {
  synonyms ??= synonymMap();
  const read = words(alternative);
  const term = read.join(' ');
  const root = read.length === 1 ? [stemWord(term)] : [];
  return [term, ...root, ...(synonyms[term] ?? []).map((synonym) => words(synonym).join(' '))];
}

/**
 * One search per alternative, led by it, the other words after it; each leaves out what the
 * alternatives before it find, and what the query excluded. `typing`: the query is still being
 * typed, its last word a prefix only while it is last (query-terms.ts), so when the query ends
 * inside its last alternative the other words go before each alternative.
 */
export function alternativeSearches(read: QueryWithAlternatives, excluded: readonly string[] = [], typing = false): AlternativeSearch[] {
  const restFirst = typing && read.endsQuery && read.rest !== '';
  return read.alternatives.map((alternative, i) => ({
    q: (restFirst ? `${read.rest} ${alternative}` : `${alternative} ${read.rest}`).trim(),
    excluded: [...new Set([...excluded, ...read.alternatives.slice(0, i).flatMap(foundBy)])],
  }));
}

/**
 * The query searched again with only the words kept (missing-words.ts), the alternatives it joined
 * still joined: "podcast atau radio xqzvw" without its missing word had listed the podcast records
 * only. The alternatives kept go first, joined by "atau", then the other words kept.
 */
export function withAlternativesJoined(q: string, kept: readonly string[]): string {
  const read = readAlternatives(q, null);
  const alternatives = (read?.alternatives ?? []).map((alternative) => words(alternative)).filter((alternative) => alternative.every((word) => kept.includes(word)));
  if (alternatives.length < 2) return kept.join(' ');
  const joined = new Set(alternatives.flat());
  return [alternatives.map((alternative) => alternative.join(' ')).join(' atau '), ...kept.filter((word) => !joined.has(word))].join(' ');
}
