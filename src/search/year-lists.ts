/**
 * "Podcast 2021 dan 2022", "kunjungan tahun 2022, 2023 atau 2024": several years named together ask
 * for the records of any of them, and are read off the query into a filter on the records' year,
 * as a span is (year-ranges.ts). As words, every year was asked of each record, which holds only
 * its own: the records of the first year came first, and the others' year was named missing. One
 * year alone stays a word of the query, which puts its records first (query-terms.ts).
 */
import { words } from './stemmer.js';

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
  if (q.includes('"')) return null;
  const tokens = q.trim().split(/\s+/).filter(Boolean);
  // Each token as the words are matched: lower case, no punctuation around it (2022, → 2022).
  const typed = tokens.map((token) => words(token).join(' '));
  for (let start = 0; start < typed.length; start++) {
    if (!YEAR.test(typed[start])) continue;
    let end = start + 1;
    let last = start;
    while (end < typed.length && (YEAR.test(typed[end]) || JOINERS.has(typed[end]))) {
      if (YEAR.test(typed[end])) last = end;
      end++;
    }
    const years = [...new Set(typed.slice(start, last + 1).filter((word) => YEAR.test(word)).map(Number))];
    if (years.length < 2) continue;
    const from = typed[start - 1] === 'tahun' ? start - 1 : start;
    return { q: [...tokens.slice(0, from), ...tokens.slice(last + 1)].join(' '), years, phrase: tokens.slice(from, last + 1).join(' ') };
  }
  return null;
}
