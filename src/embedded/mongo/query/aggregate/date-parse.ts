/** `$dateFromString` parsing: ISO 8601 strings, or an explicit `%`-format. */
import { MongoCommandError } from '../../errors.js';
import { fromLocal } from './date-parts.js';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function fail(s: string, why = ''): MongoCommandError {
  return new MongoCommandError(241, 'ConversionFailure', `Error parsing date string '${s}'${why ? `; ${why}` : ''}`);
}

function offsetMinutes(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offset?: number;
}

function toDate(f: Fields, tz: string | undefined, s: string): Date {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 23 || f.minute > 59 || f.second > 59) throw fail(s);
  const local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms);
  if (f.offset !== undefined) return new Date(local - f.offset * 60000);
  return fromLocal(local, tz);
}

const FORMAT_PARTS: Record<string, [string, keyof Fields | 'z' | 'Z' | 'doy']> = {
  Y: ['(\\d{4})', 'year'], m: ['(\\d{1,2})', 'month'], d: ['(\\d{1,2})', 'day'], H: ['(\\d{1,2})', 'hour'],
  M: ['(\\d{1,2})', 'minute'], S: ['(\\d{1,2})', 'second'], L: ['(\\d{1,3})', 'ms'], j: ['(\\d{1,3})', 'doy'],
  z: ['([+-]\\d{2}:?\\d{2})', 'z'], Z: ['([+-]?\\d+)', 'Z'],
};

function parseWithFormat(s: string, format: string, tz: string | undefined): Date {
  let pattern = '^';
  const slots: Array<keyof Fields | 'z' | 'Z' | 'doy'> = [];
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '%') {
      const c = format[++i];
      if (c === '%') pattern += '%';
      else if (FORMAT_PARTS[c]) {
        pattern += FORMAT_PARTS[c][0];
        slots.push(FORMAT_PARTS[c][1]);
      } else throw new MongoCommandError(18536, 'Location18536', `Invalid format character '%${c ?? ''}' in format string`);
    } else pattern += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(pattern + '$').exec(s);
  if (!m) throw fail(s, `format '${format}' does not match`);
  const f: Fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let doy: number | undefined;
  slots.forEach((slot, i) => {
    const v = m[i + 1];
    if (slot === 'z') f.offset = offsetMinutes(v);
    else if (slot === 'Z') f.offset = Number(v);
    else if (slot === 'doy') doy = Number(v);
    else if (slot === 'ms') f.ms = Number(v.padEnd(3, '0'));
    else f[slot] = Number(v);
  });
  if (doy !== undefined) {
    const d = new Date(Date.UTC(f.year, 0, doy));
    f.month = d.getUTCMonth() + 1;
    f.day = d.getUTCDate();
  }
  return toDate(f, tz, s);
}

export function parseDateString(s: string, format: string | undefined, tz: string | undefined): Date {
  if (format !== undefined) return parseWithFormat(s, format, tz);
  const m = ISO_RE.exec(s.trim());
  if (m) {
    return toDate({
      year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0), ms: Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')), offset: m[8] ? offsetMinutes(m[8]) : undefined,
    }, tz, s);
  }
  const t = Date.parse(/(Z|GMT|UTC|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s} UTC`);
  if (Number.isNaN(t)) throw fail(s);
  return new Date(t);
}
