/**
 * Dates as people read them: "Selasa, 31 Mei 2022" in the configured zone (WIB by default).
 * Intl's formatters do the zone and language work; one formatter per (language, zone, shape) is
 * kept, because building one costs far more than using it and a results page formats dozens of dates.
 */
import type { Language } from './i18n.js';
import { memoized } from './memo.js';

export type DateInput = Date | string | number | null | undefined;

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const SHAPES = {
  date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  offset: { timeZoneName: 'longOffset' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, lang: Language, tz: string, shape: keyof typeof SHAPES): Record<string, string> {
  const key = `${lang}|${tz}|${shape}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[lang], { ...SHAPES[shape], timeZone: tz });
    formatters.set(key, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Dates already formatted, by language and zone, then by time: record dates repeat (whole days) and one formatToParts costs about 5 µs. */
const formattedDates = new Map<string, (time: string) => string>();
const REMEMBERED_DATES = 10_000;

export function formatDate(value: DateInput, tz: string, lang: Language = 'id'): string {
  const date = toDate(value);
  if (!date) return '';
  const zone = `${lang}|${tz}`;
  let format = formattedDates.get(zone);
  if (!format) {
    format = memoized((time) => {
      const { weekday, day, month, year } = partsOf(new Date(Number(time)), lang, tz, 'date');
      return `${weekday}, ${day} ${month} ${year}`;
    }, REMEMBERED_DATES);
    formattedDates.set(zone, format);
  }
  return format(String(date.getTime()));
}

/** Date plus time with the zone's abbreviation, e.g. "Selasa, 31 Mei 2022 14.05 WIB". */
export function formatDateTime(value: DateInput, tz: string, lang: Language = 'id'): string {
  const date = toDate(value);
  if (!date) return '';
  const { hour, minute } = partsOf(date, lang, tz, 'time');
  return `${formatDate(date, tz, lang)} ${hour}${lang === 'id' ? '.' : ':'}${minute} ${zoneLabel(date, tz)}`;
}

const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT',
};

function zoneLabel(date: Date, tz: string): string {
  const named = INDONESIAN_ZONES[tz];
  if (named) return named;
  // longOffset reads "GMT+07:00", or "GMT" alone for a zero offset.
  const offset = partsOf(date, 'en', tz, 'offset').timeZoneName.replace(/^GMT/, '');
  return `UTC${offset || '+00:00'}`;
}
