/**
 * "Kunjungan tahun lalu", "studi tiru bulan ini": a year or a month named by its distance from today
 * is read as the year (2025) or the month and year (oktober 2026) it names, which the records'
 * dates are searched by (`stemmed` ends with the month and year of a record's own date; a kind named
 * with years lists that kind's records of those years). Today is taken in Western Indonesia (WIB):
 * Indonesia's zones are at most two hours apart, so only the first hours of a new year or month in
 * WITA or WIT still read the one before.
 */
import { RELATIVE_MONTHS, RELATIVE_YEARS } from './language-data.js';
import { monthName } from './months.js';
import { startsAt } from './phrases.js';

interface RelativePhrase {
  words: string[];
  /** The words it is read as, given today's year and month (0–11). */
  read: (year: number, month: number) => string[];
}

const phrases: RelativePhrase[] = [
  ...Object.entries(RELATIVE_YEARS).map(([text, back]) => ({ words: text.split(' '), read: (year: number) => [String(year + back)] })),
  ...Object.entries(RELATIVE_MONTHS).map(([text, back]) => ({
    words: text.split(' '),
    read: (year: number, month: number) => {
      const named = new Date(Date.UTC(year, month + back, 1));
      return [monthName(named), String(named.getUTCFullYear())];
    },
  })),
  // The longest phrase first: "dua tahun lalu" before "tahun lalu".
].sort((a, b) => b.words.length - a.words.length);

/** The phrases by their first word: a query's words are looked up, not tried against every phrase. */
const byFirstWord = new Map<string, RelativePhrase[]>();
for (const p of phrases) byFirstWord.set(p.words[0], [...(byFirstWord.get(p.words[0]) ?? []), p]);

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: 'numeric', day: 'numeric' });

/** Today's year, month (0–11) and day of the month in Western Indonesia. */
export function today(now: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(TODAY.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month) - 1, day: Number(parts.day) };
}

/** The typed words in runs: a phrase naming a date from `now` with the words it is read as, or a word as it is. */
function runs(typed: readonly string[], now: Date): { at: number; length: number; read: string[] }[] {
  // Today is read only for a query that names a date so (most do not): the zone's calendar costs microseconds.
  let date: { year: number; month: number } | null = null;
  const out: { at: number; length: number; read: string[] }[] = [];
  for (let i = 0; i < typed.length; ) {
    const phrase = byFirstWord.get(typed[i])?.find((p) => startsAt(p.words, typed, i));
    if (phrase) date ??= today(now);
    const length = phrase ? phrase.words.length : 1;
    out.push({ at: i, length, read: phrase && date ? phrase.read(date.year, date.month) : [typed[i]] });
    i += length;
  }
  return out;
}

/** Phrases naming a period by its distance from the current one (0: the current), as their words. */
export interface PhraseBack {
  words: string[];
  back: number;
}

/** A table of phrases naming a period by its distance back, the longest phrase first ("dua tahun lalu" before "tahun lalu"). */
export function phrasesBack(table: Readonly<Record<string, number>>): PhraseBack[] {
  return Object.entries(table)
    .map(([text, back]) => ({ words: text.split(' '), back }))
    .sort((a, b) => b.words.length - a.words.length);
}

const yearPhrases = phrasesBack(RELATIVE_YEARS);

/** The year a phrase starting at typed[i] names from `now` (tahun lalu → 2025) and the phrase's length; null when none starts there. */
export function relativeYearAt(typed: readonly string[], i: number, now = new Date()): { year: number; length: number } | null {
  const phrase = yearPhrases.find((p) => startsAt(p.words, typed, i));
  return phrase ? { year: today(now).year + phrase.back, length: phrase.words.length } : null;
}

/** The words with each phrase naming a year or a month by its distance from `now` read as the year, or the month and year, it names. */
export function withRelativeDatesRead(typed: readonly string[], now = new Date()): string[] {
  if (!typed.some((word) => byFirstWord.has(word))) return [...typed];
  return runs(typed, now).flatMap((run) => run.read);
}

/** Where the typed words hold the phrase read as `word` (tahun lalu for 2025): its first word and length; null when none does. */
export function datePhraseReadAs(word: string, typed: readonly string[], now = new Date()): { at: number; length: number } | null {
  const run = runs(typed, now).find((r) => r.length > 1 && r.read.includes(word));
  return run ? { at: run.at, length: run.length } : null;
}
