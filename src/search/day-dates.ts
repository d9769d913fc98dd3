/**
 * A date typed to the day (31 mei 2022, tanggal 31 Mei, 31/5/2022, 2022-05-31) is read as its month
 * and year: records are searched by the month and year of their date (`stemmed` ends with them), not
 * by its day. The day had led the engine query: "kunjungan 31 mei 2022" had listed the one practice
 * saying "31" and named mei and 2022 missing. Numbers are read day first, as Indonesian writes them.
 */
import { YEAR } from './engine-order.js';
import { MONTH_NAMES, monthName } from './months.js';

/** The word a date to the day may open with: tanggal 31 mei, tgl 31/5/2022. */
const DATE_WORDS = new Set(['tanggal', 'tgl']);

const numberIn = (word: string | undefined, max: number): number | null => {
  const n = word !== undefined && /^\d{1,2}$/.test(word) ? Number(word) : 0;
  return n >= 1 && n <= max ? n : null;
};
const isDay = (word: string | undefined): boolean => numberIn(word, 31) !== null;
/** The month a number names (5, 05 → mei), or null. */
const monthNumbered = (word: string | undefined): string | null => {
  const n = numberIn(word, 12);
  return n === null ? null : monthName(new Date(Date.UTC(2000, n - 1, 1)));
};

/** The words read at typed[i] when a date to the day starts there, and how many words it takes; null when none does. */
function dateAt(typed: readonly string[], i: number): { read: string[]; length: number } | null {
  const [first, second, third] = [typed[i], typed[i + 1], typed[i + 2]];
  const month = monthNumbered(second);
  // 31/5/2022, 31-05-2022, 31 5 2022.
  if (isDay(first) && month && YEAR.test(third ?? '')) return { read: [month, third], length: 3 };
  // 2022-05-31.
  if (YEAR.test(first) && month && isDay(third)) return { read: [month, first], length: 3 };
  // 31 mei (2022): the month and the year, if any, follow as typed.
  if (isDay(first) && MONTH_NAMES.has(second ?? '')) return { read: [], length: 1 };
  return null;
}

/** The words with each date typed to the day read as its month and year (a word "tanggal" before it dropped). */
export function withDayDatesRead(typed: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    const date = dateAt(typed, i);
    if (!date) {
      out.push(typed[i]);
      continue;
    }
    if (DATE_WORDS.has(out.at(-1) ?? '')) out.pop();
    out.push(...date.read);
    i += date.length - 1;
  }
  return out;
}
