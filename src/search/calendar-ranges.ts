/**
 * "Kunjungan minggu lalu", "studi tiru pekan ini", "visits last week"; "kunjungan bulan ini",
 * "pelajaran bulan lalu", "visits last month" (the weeks and months of data/relative-dates.json): a
 * week, Monday to Sunday, or a month, its first day to its last, named by its distance from the
 * current one, is read off the query into a filter on the records' dates. As words a week had
 * listed the weekly news programmes ("minggu" of "mingguan"), and a month, read as its name and year
 * (relative-dates.ts, still so while the query is typed), the records of that month in other years
 * first: "kunjungan bulan lalu" in a month without visits had led with the visits of October 2022
 * and 2024. Today is taken in WIB, as for "tahun lalu" (relative-dates.ts). A record's date is the
 * calendar day it names, kept as midnight UTC (parseCalendarDate).
 */
import { RELATIVE_MONTHS, RELATIVE_WEEKS } from './language-data.js';
import { readPhraseOff, startsAt } from './phrases.js';
import { phrasesBack, today, type PhraseBack } from './relative-dates.js';
import type { FilterClause } from './search-filters.js';

/** Calendar days, YYYY-MM-DD, both included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface QueryWithDayRange {
  /** The query without the words naming the days, as typed. */
  q: string;
  range: DayRange;
  /** The words naming the days, as typed. */
  phrase: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

const weekPhrases = phrasesBack(RELATIVE_WEEKS);
const monthPhrases = phrasesBack(RELATIVE_MONTHS);

/** A day's midnight UTC as YYYY-MM-DD. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The week `back` weeks from the current one (0: this week), Monday to Sunday. */
function weekFrom(now: Date, back: number): DayRange {
  const { year, month, day } = today(now);
  const midnight = Date.UTC(year, month, day);
  // getUTCDay: Sunday 0 … Saturday 6; the week starts on Monday.
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY_MS + back * 7 * DAY_MS;
  return { from: isoDay(monday), to: isoDay(monday + 6 * DAY_MS) };
}

/** The month `back` months from the current one (0: this month), its first day to its last. */
function monthFrom(now: Date, back: number): DayRange {
  const { year, month } = today(now);
  // Day 0 of the next month is the last of this one.
  return { from: isoDay(Date.UTC(year, month + back, 1)), to: isoDay(Date.UTC(year, month + back + 1, 0)) };
}

/** The query with the first of the phrases it holds read off, as the days `rangeOf` gives for its distance back; null when it holds none (or quotes a phrase, taken literally). */
function readPeriodOff(q: string, phrases: readonly PhraseBack[], rangeOf: (back: number) => DayRange): QueryWithDayRange | null {
  const read = readPhraseOff(q, (typed, i) => {
    const phrase = phrases.find((p) => startsAt(p.words, typed, i));
    return phrase ? { length: phrase.words.length, read: phrase.back } : null;
  });
  return read && { q: read.q, range: rangeOf(read.read), phrase: read.phrase };
}

/** The query with the week it names read off; null when it names none. */
export function readWeekRange(q: string, now = new Date()): QueryWithDayRange | null {
  return readPeriodOff(q, weekPhrases, (back) => weekFrom(now, back));
}

/** The query with the month it names from the current one read off; null when it names none. */
export function readMonthRange(q: string, now = new Date()): QueryWithDayRange | null {
  return readPeriodOff(q, monthPhrases, (back) => monthFrom(now, back));
}

/** The filter clauses keeping the records dated within the days; a record without a date lies in none. */
export function dayRangeFilter(range: DayRange | undefined): FilterClause[] {
  if (!range) return [];
  return [`date >= ${Date.parse(range.from)}`, `date < ${Date.parse(range.to) + DAY_MS}`];
}
