/**
 * "Kunjungan 3 bulan terakhir", "pelajaran sebulan terakhir", "visits in the last 30 days" (`recent`
 * in data/relative-dates.json): the days up to today, counted in days, weeks or months, are read off
 * the query into a filter on the records' dates, as a week named is (calendar-ranges.ts). The count
 * and "terakhir" had been searched as words, and "kunjungan 3 bulan terakhir" had listed two
 * practices saying "3 hari" and "terakhir". Today is taken in WIB (relative-dates.ts) and is the
 * last day; a count of months goes back to the same day of the month (the month's last when it
 * has fewer days).
 */
import { COUNT_WORDS, RECENT_DAYS, type RecentUnit } from './language-data.js';
import { readPhraseOff, startsAt } from './phrases.js';
import { today } from './relative-dates.js';
import { DAY_MS, isoDay, type DayRange, type QueryWithDayRange } from './calendar-ranges.js';

/** Longer spans are no "recent days" anyone means; a year or more is a span of years (year-ranges.ts). */
const MAX_DAYS = 366;

const units = new Map(Object.entries(RECENT_DAYS.units));
const singles = new Map(Object.entries(RECENT_DAYS.single));
const lastAfter = RECENT_DAYS.last.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
const lastBefore = new Set(RECENT_DAYS.lastBefore);

function countOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  const n = /^\d+$/.test(word) ? Number(word) : (COUNT_WORDS[word] ?? null);
  return n !== null && n >= 1 ? n : null;
}

/** The days from `count` units back to today, both included. */
export function daysBack(now: Date, count: number, unit: RecentUnit): DayRange | null {
  const { year, month, day } = today(now);
  const end = Date.UTC(year, month, day);
  let start: number;
  if (unit === 'month') {
    const lastDay = new Date(Date.UTC(year, month - count + 1, 0)).getUTCDate();
    start = Date.UTC(year, month - count, Math.min(day, lastDay)) + DAY_MS;
  } else start = end - (count * (unit === 'week' ? 7 : 1) - 1) * DAY_MS;
  return end - start < MAX_DAYS * DAY_MS ? { from: isoDay(start), to: isoDay(end) } : null;
}

/** The span typed at word i: its count, unit and how many words it takes; null when none starts there. */
function spanAt(typed: readonly string[], i: number): { count: number; unit: RecentUnit; length: number } | null {
  const lastFrom = (at: number): number => lastAfter.find((phrase) => startsAt(phrase, typed, at))?.length ?? 0;
  const single = singles.get(typed[i]);
  if (single && lastFrom(i + 1) > 0) return { count: 1, unit: single, length: 1 + lastFrom(i + 1) };
  const count = countOf(typed[i]);
  const unit = units.get(typed[i + 1]);
  if (count !== null && unit && lastFrom(i + 2) > 0) return { count, unit, length: 2 + lastFrom(i + 2) };
  // English: "the last 3 months", "past 30 days".
  const englishCount = countOf(typed[i + 1]);
  const englishUnit = units.get(typed[i + 2]);
  if (lastBefore.has(typed[i]) && englishCount !== null && englishUnit) return { count: englishCount, unit: englishUnit, length: 3 };
  return null;
}

/** The query with the recent days it names read off; null when it names none (or quotes a phrase, taken literally). */
export function readRecentDays(q: string, now = new Date()): QueryWithDayRange | null {
  const read = readPhraseOff(q, (typed, i) => {
    const span = spanAt(typed, i);
    const range = span ? daysBack(now, span.count, span.unit) : null;
    return span && range ? { length: span.length, read: range } : null;
  });
  return read && { q: read.q, range: read.read, phrase: read.phrase };
}
