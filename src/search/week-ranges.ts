/**
 * "Kunjungan minggu lalu", "studi tiru pekan ini", "visits last week" (the weeks of
 * data/relative-dates.json): a week, Monday to Sunday, named by its distance from the current one,
 * is read off the query into a filter on the records' dates. No word can stand for it: records
 * hold the month and year of their date, and "minggu" searched as a word had listed the weekly news
 * programmes (mingguan). Today is taken in WIB, as for "tahun lalu" (relative-dates.ts). A record's
 * date is the calendar day it names, kept as midnight UTC (parseCalendarDate).
 */
import { RELATIVE_WEEKS } from './language-data.js';
import { readPhraseOff, startsAt } from './phrases.js';
import { today } from './relative-dates.js';
import type { FilterClause } from './search-filters.js';

/** Calendar days, YYYY-MM-DD, both included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface QueryWithDayRange {
  /** The query without the words naming the week, as typed. */
  q: string;
  range: DayRange;
  /** The words naming the week, as typed. */
  phrase: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The phrases, the longest first ("minggu yang lalu" before "minggu lalu"). */
const weekPhrases = Object.entries(RELATIVE_WEEKS)
  .map(([text, back]) => ({ words: text.split(' '), back }))
  .sort((a, b) => b.words.length - a.words.length);

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

/** The query with the week it names read off; null when it names none (or quotes a phrase, taken literally). */
export function readWeekRange(q: string, now = new Date()): QueryWithDayRange | null {
  const read = readPhraseOff(q, (typed, i) => {
    const phrase = weekPhrases.find((p) => startsAt(p.words, typed, i));
    return phrase ? { length: phrase.words.length, read: phrase.back } : null;
  });
  return read && { q: read.q, range: weekFrom(now, read.read), phrase: read.phrase };
}

/** The filter clauses keeping the records dated within the days; a record without a date lies in none. */
export function dayRangeFilter(range: DayRange | undefined): FilterClause[] {
  if (!range) return [];
  return [`date >= ${Date.parse(range.from)}`, `date < ${Date.parse(range.to) + DAY_MS}`];
}
