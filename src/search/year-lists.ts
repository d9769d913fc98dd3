/**
 * "Podcast 2021 dan 2022", "kunjungan tahun 2022, 2023 atau 2024": several years named together ask
 * for the records of any of them, and are read off the query into a filter on the records' year,
 * as a span is (year-ranges.ts). As words, every year was asked of each record, which holds only
 * its own: the records of the first year came first, and the others' year was named missing. One
 * year alone stays a word of the query, which puts its records first (query-terms.ts).
 */
import { readPhraseOff } from './phrases.js';

export interface QueryWithYears {
  /** The query without the years and the words joining them, as typed. */
  q: string;
  years: number[];
  /** The words read, as typed. */
  phrase: string;
}

const YEAR = /^(19|20)\d\d$/;
/** Words between the years of a list, and "tahun" before it. */
const JOINERS = new Set(['dan', 'atau', 'serta', 'maupun']);

/** The query with the list of years it names read off; null when it names fewer than two together (or quotes a phrase, taken literally). */
export function readYearList(q: string): QueryWithYears | null {
  const read = readPhraseOff(q, listAt);
  return read && { q: read.q, years: read.read, phrase: read.phrase };
}

/** The list of two years or more starting at typed[i] ("tahun" before it included) and its length; null when none does. */
function listAt(typed: readonly string[], i: number): { length: number; read: number[] } | null {
  const start = typed[i] === 'tahun' ? i + 1 : i;
  if (!YEAR.test(typed[start] ?? '')) return null;
  let last = start;
  for (let next = start + 1; next < typed.length && (YEAR.test(typed[next]) || JOINERS.has(typed[next])); next++) {
    if (YEAR.test(typed[next])) last = next;
  }
  const years = [...new Set(typed.slice(start, last + 1).filter((word) => YEAR.test(word)).map(Number))];
  return years.length >= 2 ? { length: last + 1 - i, read: years } : null;
}
