/**
 * "Kunjungan mendatang", "studi tiru yang akan datang", "upcoming visits" (`upcoming` in
 * data/relative-dates.json): the days from today on, a year of them, are read off the query into a
 * filter on the records' dates, as the days up to today are (recent-days.ts); a visit planned is
 * recorded with its date. The words had been searched: "kunjungan yang akan datang" had listed two
 * lessons saying "kunjungan warga". After a period's word (tahun mendatang, bulan yang akan datang)
 * the phrase names that period, which relative-dates.ts and calendar-ranges.ts read.
 */
import { STOP_WORD_SET, UPCOMING_PHRASES } from './language-data.js';
import { readPhraseOff, startsAt } from './phrases.js';
import { today } from './relative-dates.js';
import { DAY_MS, isoDay, type QueryWithDayRange } from './calendar-ranges.js';

/** As far ahead as visits are planned: a year, as the days back are bounded (recent-days.ts). */
const DAYS_AHEAD = 365;
const PERIOD_WORDS = new Set(['tahun', 'bulan', 'minggu', 'pekan']);
const phrases = UPCOMING_PHRASES.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);

/** Whether the word before typed[i], stop words aside, names a period (tahun yang akan datang). */
const afterPeriod = (typed: readonly string[], i: number): boolean => PERIOD_WORDS.has(typed.slice(0, i).filter((word) => !STOP_WORD_SET.has(word)).at(-1) ?? '');

/** The query with the days from today on read off; null when it names none (or quotes a phrase, taken literally). */
export function readUpcomingDays(q: string, now = new Date()): QueryWithDayRange | null {
  const read = readPhraseOff(q, (typed, i) => {
    const phrase = phrases.find((words) => startsAt(words, typed, i));
    if (!phrase || afterPeriod(typed, i)) return null;
    const { year, month, day } = today(now);
    const from = Date.UTC(year, month, day);
    return { length: phrase.length, read: { from: isoDay(from), to: isoDay(from + DAYS_AHEAD * DAY_MS) } };
  });
  return read && { q: read.q, range: read.read, phrase: read.phrase };
}
