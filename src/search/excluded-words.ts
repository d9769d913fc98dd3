/**
 * "Podcast -malang", "aduan -\"media sosial\"": a "-" at the start of a word or a quoted phrase, at
 * the start of the query or after a space, excludes the records holding it, as Meilisearch (1.8 and
 * later) and the embedded engine read it. The app reads the query's words before the engine does,
 * and had dropped the dash: "malang" was read as a place named, and its records came first.
 * The words excluded are read off the query and handed to the engine before the others: the
 * engine matches them as written (no typo, no root, no synonym), and words past its first ten are
 * not read. A dash between words (e-office, se-Jawa, 2020-2023) excludes nothing.
 */
import { words } from './stemmer.js';

export interface QueryWithExclusions {
  /** The query without the words and phrases excluded, as typed. */
  q: string;
  /** Each word or phrase excluded, its words joined by a space. */
  excluded: string[];
}

/** A dash opening a quoted phrase or a word, at the start or after a space. */
const EXCLUSION = /(^|\s)-("[^"]*"|[^\s"]+)/gu;

/** The query with its exclusions read off; null when it has none. */
export function readExclusions(q: string): QueryWithExclusions | null {
  const excluded: string[] = [];
  const rest = q.replace(EXCLUSION, (whole, space: string, term: string) => {
    const read = words(term).join(' ');
    if (read === '') return whole;
    excluded.push(read);
    return space;
  });
  return excluded.length > 0 ? { q: rest.replace(/\s+/g, ' ').trim(), excluded: [...new Set(excluded)] } : null;
}

/** The engine's exclusions of these words and phrases, each followed by a space: they go first in its query. */
export function exclusionsFirst(excluded: readonly string[] | undefined): string {
  return (excluded ?? []).map((term) => (term.includes(' ') ? `-"${term}" ` : `-${term} `)).join('');
}
