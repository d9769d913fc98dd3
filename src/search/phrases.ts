import { words } from './stemmer.js';

/** Phrases by their first word, for a query's words to be read against those that may start at each. */
export function byFirstWord<T>(items: readonly T[], phraseOf: (item: T) => readonly string[]): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const first = phraseOf(item)[0];
    map.set(first, [...(map.get(first) ?? []), item]);
  }
  return map;
}

/** Whether a phrase, as its words, is what the typed words hold from position i on. */
export function startsAt(phrase: readonly string[], typed: readonly string[], i: number): boolean {
  return phrase.every((word, j) => typed[i + j] === word);
}

/** The words with each pair that `joined` reads as one word (paling populer → terpopuler) replaced by that word. */
export function withPairsJoined(typed: string[], joined: (word: string, next: string) => string | null): string[] {
  const out: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    const one = i + 1 < typed.length ? joined(typed[i], typed[i + 1]) : null;
    if (one) {
      out.push(one);
      i++;
    } else out.push(typed[i]);
  }
  return out;
}

/**
 * A query's tokens as typed, and each as its words are matched (lower case, no punctuation around
 * it: "2022," reads 2022); null for a query quoting a phrase, which is taken literally.
 */
export function typedTokens(q: string): { tokens: string[]; typed: string[] } | null {
  if (q.includes('"')) return null;
  const tokens = q.trim().split(/\s+/).filter(Boolean);
  return { tokens, typed: tokens.map((token) => words(token).join(' ')) };
}

/**
 * The first phrase `match` finds at a token of the query, read off: the query without it and the
 * phrase, both as typed, and what the phrase reads as; null when none is found (or the query
 * quotes a phrase).
 */
export function readPhraseOff<T>(q: string, match: (typed: readonly string[], i: number) => { length: number; read: T } | null): { q: string; phrase: string; read: T } | null {
  const split = typedTokens(q);
  if (!split) return null;
  const { tokens, typed } = split;
  for (let i = 0; i < typed.length; i++) {
    const found = match(typed, i);
    if (!found) continue;
    const end = i + found.length;
    return { q: [...tokens.slice(0, i), ...tokens.slice(end)].join(' '), phrase: tokens.slice(i, end).join(' '), read: found.read };
  }
  return null;
}
