/** Calendar fields of an instant in a time zone (UTC, a fixed "+hh:mm" offset, or an IANA name). */
import { MongoCommandError } from '../../errors.js';
import { bsonTag } from '../types.js';
import type { ObjectId, Timestamp } from 'bson';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Sunday ... 7 = Saturday, as `$dayOfWeek`. */
  dayOfWeek: number;
  dayOfYear: number;
  /** Minutes east of UTC at that instant. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET_RE = /^([+-])(\d{2}):?(\d{2})?$/;

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new MongoCommandError(40485, 'Location40485', `unrecognized time zone identifier: "${tz}"`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Minutes east of UTC for `tz` at instant `ms`. */
export function tzOffset(ms: number, tz: string | undefined): number {
  if (tz === undefined || tz === 'UTC' || tz === 'GMT' || tz === 'Z') return 0;
  const m = OFFSET_RE.exec(tz);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

export function dateParts(date: Date, tz?: string): DateParts {
  const offset = tzOffset(date.getTime(), tz);
  const d = new Date(date.getTime() + offset * 60000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    dayOfWeek: d.getUTCDay() + 1,
    dayOfYear: Math.floor((d.getTime() - startOfYear) / 86400000) + 1,
    offset,
  };
}

/** The instant whose wall-clock time in `tz` is the given local UTC-based milliseconds. */
export function fromLocal(localMs: number, tz?: string): Date {
  const guess = localMs - tzOffset(localMs, tz) * 60000;
  return new Date(localMs - tzOffset(guess, tz) * 60000);
}

/** Week of the year with weeks starting on Sunday (0–53), as `$week` and `%U`. */
export function sundayWeek(p: DateParts): number {
  return Math.floor((p.dayOfYear - 1 + 7 - (p.dayOfWeek - 1)) / 7);
}

/** ISO 8601 week number and week-numbering year. */
export function isoWeek(p: DateParts): { week: number; year: number } {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const dow = (p.dayOfWeek + 5) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return { week, year };
}

/** A Date from the date-like bson values mongod accepts; undefined for null/missing. */
export function asDate(op: string, v: unknown): Date | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  const tag = bsonTag(v);
  if (tag === 'Timestamp') return new Date((v as Timestamp).t * 1000);
  if (tag === 'ObjectId') return (v as ObjectId).getTimestamp();
  throw new MongoCommandError(16006, 'Location16006', `can't convert from BSON type ${typeof v === 'string' ? 'string' : (tag ?? typeof v)} to Date (${op})`);
}
