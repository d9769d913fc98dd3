/**
 * The search operators people type from other search engines. "Podcast -malang", "aduan -\"media
 * sosial\"": a "-" at the start of a word or a quoted phrase, at the start of the query or after a
 * space, excludes the records holding it, as Meilisearch (1.8 and later) and the embedded engine
 * read it; "NOT malang" in capitals is read the same way. The app reads the query's words before
 * the engine does, and had dropped the dash: "malang" was read as a place named, and its records
 * came first. The words excluded are read off the query and handed to the engine before the others:
 * the engine matches them as written (no typo, root or synonym), and Meilisearch reads no word past
 * its tenth. A dash between words (e-office, se-Jawa, 2020-2023) excludes nothing. "AND" in
 * capitals is left out: every word is asked for already, the first ones most, and no record holds
 * it. "OR" in capitals is read as "atau", which joins alternatives (either-words.ts): "ppid OR kim"
 * had named "OR" missing.
 */
import { words } from './stemmer.js';

export interface QueryWithExclusions {
  /** The query without the operators and the words and phrases excluded, as typed. */
  q: string;
  /** Each word or phrase excluded, its words joined by a space; none when only AND or OR were read. */
  excluded: string[];
}

/** A dash, or NOT in capitals and a space, opening a quoted phrase or a word, at the start or after a space. */
const EXCLUSION = /(^|\s)(?:-|NOT\s+)("[^"]*"|[^\s"]+)/gu;
/** AND and OR in capitals, between spaces or at either end. */
const JOINING = /(^|\s)(AND|OR)(?=\s|$)/gu;

/** The query with its operators read off; null when it has none. */
export function readExclusions(q: string): QueryWithExclusions | null {
  const excluded: string[] = [];
  const rest = q
    .replace(EXCLUSION, (whole, space: string, term: string) => {
      const read = words(term).join(' ');
      if (read === '') return whole;
      excluded.push(read);
      return space;
    })
    .replace(JOINING, (_whole, space: string, joiner: string) => (joiner === 'OR' ? `${space}atau` : space));
  return rest === q ? null : { q: rest.replace(/\s+/g, ' ').trim(), excluded: [...new Set(excluded)] };
}

/** The engine's exclusions of these words and phrases, each followed by a space: they go first in its query. */
export function exclusionsFirst(excluded: readonly string[] | undefined): string {
  return (excluded ?? []).map((term) => (term.includes(' ') ? `-"${term}" ` : `-${term} `)).join('');
}
