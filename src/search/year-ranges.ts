/**
 * "Kunjungan sejak 2023", "pelajaran sebelum tahun 2022", "inovasi 2020 sampai 2023" (2020 s/d
 * 2023, 2020-2023), "studi tiru sejak tahun lalu", "inovasi dua tahun terakhir"
 * (data/year-ranges.json): a span of years is read off the query into a filter on
 * the records' year. No word can stand for it: the engine would require every year named of each
 * record, and "sejak 2023" had listed the records of 2023 only. The rest of the query is searched
 * as typed. A record without a date of its own lies in no span. The current year is taken in WIB,
 * as for "tahun lalu" (relative-dates.ts).
 */
import { COUNT_WORDS, YEAR_RANGE_WORDS } from './language-data.js';
import { typedTokens } from './phrases.js';
import { relativeYearAt, today } from './relative-dates.js';
import type { FilterClause } from './search-filters.js';
import { words } from './stemmer.js';

/** The years of a span, both ends included; an end left open is absent. */
export interface YearRange {
  from?: number;
  to?: number;
}

export interface QueryWithYearRange {
  /** The query without the words naming the span, as typed. */
  q: string;
  range: YearRange;
  /** The words naming the span, as typed. */
  phrase: string;
}

type Bound = 'from' | 'after' | 'before' | 'until';

const BOUNDS: readonly Bound[] = ['from', 'after', 'before', 'until'];
/** By each word as a token reads (s/d and s.d. read "s d"). */
const boundOf = new Map(BOUNDS.flatMap((bound) => YEAR_RANGE_WORDS[bound].map((word) => [words(word).join(' '), bound] as const)));
const lastWords = new Set(YEAR_RANGE_WORDS.last);
const YEAR = /^(19|20)\d\d$/;
/** Two years joined by a dash in one token: 2020-2023, 2020–2023. */
const DASHED_YEARS = /^((?:19|20)\d\d)[-–—]((?:19|20)\d\d)$/;
/** "50 tahun terakhir" still reads; a larger count is no span anyone means. */
const MAX_YEARS_BACK = 50;

/** How many years a word counts (2, dua, setahun before "terakhir"); null when it is no count. */
function countOf(word: string): number | null {
  const n = /^\d{1,2}$/.test(word) ? Number(word) : (COUNT_WORDS[word] ?? null);
  return n !== null && n >= 1 && n <= MAX_YEARS_BACK ? n : null;
}

const yearAt = (typed: readonly string[], i: number): number | null => (YEAR.test(typed[i] ?? '') ? Number(typed[i]) : null);

/** The year named from typed[i] on (2023, tahun 2023, tahun lalu) and how many words name it; null when none. */
function yearNamedAt(typed: readonly string[], i: number, now: Date): { year: number; length: number } | null {
  const relative = relativeYearAt(typed, i, now);
  if (relative) return relative;
  const at = typed[i] === 'tahun' ? i + 1 : i;
  const year = yearAt(typed, at);
  return year === null ? null : { year, length: at - i + 1 };
}

/** The query with the span of years it names read off; null when it names none (or quotes a phrase, taken literally). */
export function readYearRange(q: string, now = new Date()): QueryWithYearRange | null {
  const split = typedTokens(q);
  if (!split) return null;
  const { tokens, typed } = split;
  const taken = new Set<number>();
  const range: YearRange = {};
  const narrow = (from: number | undefined, to: number | undefined): void => {
    if (from !== undefined) range.from = Math.max(range.from ?? from, from);
    if (to !== undefined) range.to = Math.min(range.to ?? to, to);
  };
  const take = (first: number, last: number): void => {
    for (let i = first; i <= last; i++) taken.add(i);
  };
  for (let i = 0; i < typed.length; i++) {
    const dashed = DASHED_YEARS.exec(tokens[i].replace(/^[^\p{N}]+|[^\p{N}]+$/gu, ''));
    if (dashed) {
      take(i, i);
      narrow(Number(dashed[1]), Number(dashed[2]));
      continue;
    }
    const bound = boundOf.get(typed[i]);
    if (bound) {
      // "sejak 2023", "sejak tahun 2023", "sejak tahun lalu"
      const named = yearNamedAt(typed, i + 1, now);
      if (named === null) continue;
      const { year } = named;
      const at = i + named.length;
      // "2020 sampai 2023": the year before the word opens the span.
      const opening = bound === 'until' && !taken.has(i - 1) ? yearAt(typed, i - 1) : null;
      take(opening === null ? i : i - 1, at);
      if (bound === 'from') narrow(year, undefined);
      if (bound === 'after') narrow(year + 1, undefined);
      if (bound === 'before') narrow(undefined, year - 1);
      if (bound === 'until') narrow(opening ?? undefined, year);
      i = at;
      continue;
    }
    // "dua tahun terakhir", "setahun terakhir"
    const back = typed[i] === 'setahun' && lastWords.has(typed[i + 1]) ? { n: 1, length: 2 } : typed[i + 1] === 'tahun' && lastWords.has(typed[i + 2]) ? { n: countOf(typed[i]), length: 3 } : null;
    if (back?.n) {
      const { year } = today(now);
      take(i, i + back.length - 1);
      narrow(year - back.n + 1, year);
      i += back.length - 1;
    }
  }
  if (taken.size === 0) return null;
  return { q: tokens.filter((_, i) => !taken.has(i)).join(' '), range, phrase: tokens.filter((_, i) => taken.has(i)).join(' ') };
}

/** The filter clauses keeping the records of the span's years. */
export function yearRangeFilter(range: YearRange | undefined): FilterClause[] {
  if (!range) return [];
  return [...(range.from !== undefined ? [`year >= ${range.from}`] : []), ...(range.to !== undefined ? [`year <= ${range.to}`] : [])];
}
