/** Dates as people read them: "Selasa, 31 Mei 2022" in the configured zone (WIB by default). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import 'dayjs/locale/id.js';
import type { Language } from './i18n.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export type DateInput = Date | string | number | null | undefined;

export function formatDate(value: DateInput, tz: string, lang: Language = 'id'): string {
  if (value === null || value === undefined || value === '') return '';
  const day = dayjs(value);
  if (!day.isValid()) return '';
  return day.tz(tz).locale(lang).format('dddd, D MMMM YYYY');
}

/** Date plus time with the zone's abbreviation, e.g. "Selasa, 31 Mei 2022 14.05 WIB". */
export function formatDateTime(value: DateInput, tz: string, lang: Language = 'id'): string {
  const date = formatDate(value, tz, lang);
  if (date === '') return '';
  const local = dayjs(value).tz(tz);
  const time = lang === 'id' ? local.format('HH.mm') : local.format('HH:mm');
  return `${date} ${time} ${zoneLabel(tz, value)}`;
}

const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT',
};

function zoneLabel(tz: string, value: DateInput): string {
  return INDONESIAN_ZONES[tz] ?? `UTC${dayjs(value ?? undefined).tz(tz).format('Z')}`;
}
