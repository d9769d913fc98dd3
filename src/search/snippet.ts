/**
 * Highlighted text from the engine's `_formatted` fields, safe to put in HTML: the engine marks
 * matches and crops with control characters that never occur in indexed text (search-documents.ts
 * strips them), the text is HTML-escaped, then the marks become <mark> elements and the crop an
 * ellipsis.
 */
import { escapeHtml } from '../http/html-escape.js';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
/**
 * Where the engine cropped a text. Not '…' itself: a single character above Latin-1 makes the whole
 * engine answer a two-byte string, which the app then reads about a third slower (190 against 130
 * µs for a page of 20 hits).
 */
export const CROP_MARK = '\u0004';

const MARKUP = new RegExp(`[${MARK_START}${MARK_END}${CROP_MARK}]`, 'g');
const MARKUP_HTML: Record<string, string> = { [MARK_START]: '<mark>', [MARK_END]: '</mark>', [CROP_MARK]: '…' };

export function markedHtml(formatted: string): string {
  return escapeHtml(formatted).replace(MARKUP, (c) => MARKUP_HTML[c]);
}

/** A marked run of text; global, so replace() and matchAll() walk every one (both start at 0). */
const MARKED = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');

export function hasMark(formatted: unknown): formatted is string {
  return typeof formatted === 'string' && formatted.includes(MARK_START);
}

/** The words the engine marked (what it matched, typos and synonyms included). */
export function markedWords(formatted: string): string[] {
  const found: string[] = [];
  for (const match of formatted.matchAll(MARKED)) found.push(match[1].toLowerCase());
  return found;
}

/** A run the engine marked, or a word outside one. */
const MARKED_OR_WORD = new RegExp(`${MARK_START}[^${MARK_END}]*${MARK_END}|[\\p{L}\\p{N}]+`, 'gu');

/**
 * Marks the words of `text` whose root is one of `roots`, those the engine marked left as they are:
 * the engine highlights only the forms it matched in that field, so a match through the stemmed
 * field ("mempublikasikan" for the query "dipublikasikan") is highlighted here instead.
 */
export function markRoots(text: string, roots: ReadonlySet<string>, rootOf: (word: string) => string): string {
  if (roots.size === 0) return text;
  return text.replace(MARKED_OR_WORD, (run) => (run[0] !== MARK_START && roots.has(rootOf(run.toLowerCase())) ? `${MARK_START}${run}${MARK_END}` : run));
}

/**
 * Removes the marks around stop words (the engine may mark them as part of a multi-word synonym),
 * and around a letter alone but where it prefixes a word: "e" is searched for e-musrenbang
 * (engine-order.ts), and matches the E of E-Office, not the one of an academic title (S.E.).
 */
export function unmarkStopWordsAndLetters(formatted: string, stopWords: ReadonlySet<string>): string {
  if (!formatted.includes(MARK_START)) return formatted;
  return formatted.replace(MARKED, (whole, word: string, at: number) => {
    const letterAlone = /^\p{L}$/u.test(word) && formatted[at + whole.length] !== '-';
    return letterAlone || stopWords.has(word.toLowerCase()) ? word : whole;
  });
}
