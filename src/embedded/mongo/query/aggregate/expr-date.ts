/** Date expression operators; every one accepts an optional IANA or "+hh:mm" `timezone`. */
import { Int32, Long } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { isNumeric, toNumber } from '../numeric.js';
import { isNullish, isPlainObject, type Document } from '../types.js';
import { asDate, dateParts, fromLocal, isoWeek, sundayWeek, tzOffset, type DateParts } from './date-parts.js';
import { parseDateString } from './date-parse.js';
import { evaluate, type EvalContext, type OperatorFn } from './expressions.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function timezoneOf(spec: Document, ctx: EvalContext): string | undefined | null {
  if (spec.timezone === undefined) return undefined;
  const tz = evaluate(spec.timezone, ctx);
  if (isNullish(tz)) return null;
  if (typeof tz !== 'string') throw new MongoCommandError(40517, 'Location40517', 'timezone must evaluate to a string');
  return tz;
}

/** `$year`-style operators: a date expression, or `{date, timezone}`. */
function part(op: string, pick: (p: DateParts) => number): OperatorFn {
  return (args, ctx) => {
    const spec: Document = isPlainObject(args) && 'date' in args ? args : { date: Array.isArray(args) ? args[0] : args };
    const tz = timezoneOf(spec, ctx);
    const d = asDate(op, evaluate(spec.date, ctx));
    if (!d || tz === null) return null;
    return new Int32(pick(dateParts(d, tz)));
  };
}

function offsetString(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(d: Date, format: string, tz?: string): string {
  const p = dateParts(d, tz);
  const iso = isoWeek(p);
  const codes: Record<string, () => string> = {
    d: () => pad(p.day), G: () => pad(iso.year, 4), H: () => pad(p.hour), j: () => pad(p.dayOfYear, 3), L: () => pad(p.millisecond, 3),
    m: () => pad(p.month), M: () => pad(p.minute), S: () => pad(p.second), u: () => String(((p.dayOfWeek + 5) % 7) + 1),
    U: () => pad(sundayWeek(p)), V: () => pad(iso.week), w: () => String(p.dayOfWeek), Y: () => pad(p.year, 4),
    z: () => offsetString(p.offset, false), Z: () => String(p.offset), '%': () => '%',
    b: () => MONTHS[p.month - 1].slice(0, 3), B: () => MONTHS[p.month - 1],
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      out += format[i];
      continue;
    }
    const fn = codes[format[++i]];
    if (!fn) throw new MongoCommandError(18536, 'Location18536', `Invalid format character '%${format[i] ?? ''}' in format string`);
    out += fn();
  }
  return out;
}

const dateToString: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args) || !('date' in args)) throw new MongoCommandError(18628, 'Location18628', "Missing 'date' parameter to $dateToString");
  const tz = timezoneOf(args, ctx);
  const raw = evaluate(args.date, ctx);
  if (isNullish(raw)) return 'onNull' in args ? evaluate(args.onNull, ctx) : null;
  const d = asDate('$dateToString', raw)!;
  if (tz === null) return null;
  const isUtc = !tz || /^(UTC|GMT|Etc\/UTC|Z|[+-]00(:?00)?)$/.test(tz);
  const format = args.format === undefined ? (isUtc ? '%Y-%m-%dT%H:%M:%S.%LZ' : '%Y-%m-%dT%H:%M:%S.%L') : evaluate(args.format, ctx);
  if (typeof format !== 'string') throw new MongoCommandError(18533, 'Location18533', '$dateToString requires that \'format\' be a string');
  return formatDate(d, format, tz);
};

const dateFromString: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args) || !('dateString' in args)) throw new MongoCommandError(40542, 'Location40542', "Missing 'dateString' parameter to $dateFromString");
  const s = evaluate(args.dateString, ctx);
  if (isNullish(s)) return 'onNull' in args ? evaluate(args.onNull, ctx) : null;
  const tz = timezoneOf(args, ctx);
  const format = args.format === undefined ? undefined : evaluate(args.format, ctx);
  try {
    if (typeof s !== 'string') throw new MongoCommandError(241, 'ConversionFailure', `$dateFromString requires that 'dateString' be a string, found: ${typeof s}`);
    return parseDateString(s, typeof format === 'string' ? format : undefined, tz ?? undefined);
  } catch (e) {
    if ('onError' in args) return evaluate(args.onError, ctx);
    throw e;
  }
};

const UNIT_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000 };
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function unitOf(op: string, v: unknown): string {
  const unit = typeof v === 'string' ? v : '';
  if (!(unit in UNIT_MS) && !['month', 'quarter', 'year'].includes(unit)) throw commandError('FailedToParse', `${op}: unknown time unit value: ${String(v)}`);
  return unit;
}

/** Moves a date by `amount` units in the calendar of `tz` (months clamp to the month's last day). */
function addUnits(d: Date, unit: string, amount: number, tz?: string): Date {
  if (unit in UNIT_MS && unit !== 'day' && unit !== 'week') return new Date(d.getTime() + amount * UNIT_MS[unit]);
  const local = new Date(d.getTime() + tzOffset(d.getTime(), tz) * 60000);
  if (unit === 'day' || unit === 'week') local.setUTCDate(local.getUTCDate() + amount * (unit === 'week' ? 7 : 1));
  else {
    const months = amount * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1);
    const day = local.getUTCDate();
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() + months);
    const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    local.setUTCDate(Math.min(day, last));
  }
  return fromLocal(local.getTime(), tz);
}

function dateArith(op: string, sign: 1 | -1): OperatorFn {
  return (args, ctx) => {
    if (!isPlainObject(args)) throw commandError('FailedToParse', `${op} expects an object`);
    const tz = timezoneOf(args, ctx);
    const start = asDate(op, evaluate(args.startDate, ctx));
    const amount = evaluate(args.amount, ctx);
    const unit = evaluate(args.unit, ctx);
    if (!start || isNullish(amount) || isNullish(unit) || tz === null) return null;
    if (!isNumeric(amount) || !Number.isInteger(toNumber(amount))) throw commandError('BadValue', `${op} requires startDate to be convertible to a date and amount to be an integer`);
    return addUnits(start, unitOf(op, unit), sign * toNumber(amount), tz);
  };
}

/** Local-calendar ordinal of the unit period containing `d` (for `$dateDiff`). */
function periodIndex(d: Date, unit: string, tz: string | undefined, startOfWeek: number): number {
  const local = d.getTime() + tzOffset(d.getTime(), tz) * 60000;
  const p = dateParts(d, tz);
  switch (unit) {
    case 'year':
      return p.year;
    case 'quarter':
      return p.year * 4 + Math.floor((p.month - 1) / 3);
    case 'month':
      return p.year * 12 + p.month - 1;
    case 'week': {
      const days = Math.floor(local / 86400000);
      // 1970-01-01 was a Thursday (index 4).
      return Math.floor((days + 4 - startOfWeek + 7) / 7);
    }
    default:
      return Math.floor(local / UNIT_MS[unit]);
  }
}

const dateDiff: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$dateDiff expects an object');
  const tz = timezoneOf(args, ctx);
  const s = asDate('$dateDiff', evaluate(args.startDate, ctx));
  const e = asDate('$dateDiff', evaluate(args.endDate, ctx));
  const unit = evaluate(args.unit, ctx);
  if (!s || !e || isNullish(unit) || tz === null) return null;
  const u = unitOf('$dateDiff', unit);
  const sow = args.startOfWeek === undefined ? 0 : DAYS.indexOf(String(evaluate(args.startOfWeek, ctx)).toLowerCase());
  return Long.fromNumber(periodIndex(e, u, tz, sow) - periodIndex(s, u, tz, sow));
};

const dateTrunc: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$dateTrunc expects an object');
  const tz = timezoneOf(args, ctx);
  const d = asDate('$dateTrunc', evaluate(args.date, ctx));
  const unit = evaluate(args.unit, ctx);
  if (!d || isNullish(unit) || tz === null) return null;
  const u = unitOf('$dateTrunc', unit);
  const bin = args.binSize === undefined ? 1 : toNumber(evaluate(args.binSize, ctx));
  const p = dateParts(d, tz);
  let local: number;
  if (u === 'year' || u === 'quarter' || u === 'month') {
    const months = (p.year - 2000) * 12 + p.month - 1;
    const size = bin * (u === 'year' ? 12 : u === 'quarter' ? 3 : 1);
    const m = Math.floor(months / size) * size;
    local = Date.UTC(2000 + Math.floor(m / 12), ((m % 12) + 12) % 12, 1);
  } else {
    const ms = d.getTime() + p.offset * 60000;
    const ref = Date.UTC(2000, 0, 1);
    let origin = ref;
    if (u === 'week') {
      const sow = args.startOfWeek === undefined ? 0 : DAYS.indexOf(String(evaluate(args.startOfWeek, ctx)).toLowerCase());
      origin = ref + ((sow - 6 + 7) % 7) * 86400000; // 2000-01-01 was a Saturday (index 6)
    }
    const size = bin * UNIT_MS[u];
    local = origin + Math.floor((ms - origin) / size) * size;
  }
  return fromLocal(local, tz);
};

const dateToParts: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$dateToParts expects an object');
  const tz = timezoneOf(args, ctx);
  const d = asDate('$dateToParts', evaluate(args.date, ctx));
  if (!d || tz === null) return null;
  const p = dateParts(d, tz);
  if (evaluate(args.iso8601, ctx) === true) {
    const iw = isoWeek(p);
    return { isoWeekYear: new Int32(iw.year), isoWeek: new Int32(iw.week), isoDayOfWeek: new Int32(((p.dayOfWeek + 5) % 7) + 1), hour: new Int32(p.hour), minute: new Int32(p.minute), second: new Int32(p.second), millisecond: new Int32(p.millisecond) };
  }
  return { year: new Int32(p.year), month: new Int32(p.month), day: new Int32(p.day), hour: new Int32(p.hour), minute: new Int32(p.minute), second: new Int32(p.second), millisecond: new Int32(p.millisecond) };
};

const dateFromParts: OperatorFn = (args, ctx) => {
  if (!isPlainObject(args)) throw commandError('FailedToParse', '$dateFromParts expects an object');
  const tz = timezoneOf(args, ctx);
  const num = (k: string, dflt: number) => (args[k] === undefined ? dflt : evaluate(args[k], ctx));
  const fields = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'].map((k, i) => num(k, i === 1 || i === 2 ? 1 : 0));
  if (fields.some(isNullish) || tz === null) return null;
  const [y, mo, d, h, mi, s, ms] = fields.map(toNumber);
  return fromLocal(Date.UTC(y, mo - 1, d, h, mi, s, ms), tz);
};

export const dateOperators: Record<string, OperatorFn> = {
  $year: part('$year', (p) => p.year),
  $month: part('$month', (p) => p.month),
  $dayOfMonth: part('$dayOfMonth', (p) => p.day),
  $dayOfWeek: part('$dayOfWeek', (p) => p.dayOfWeek),
  $dayOfYear: part('$dayOfYear', (p) => p.dayOfYear),
  $hour: part('$hour', (p) => p.hour),
  $minute: part('$minute', (p) => p.minute),
  $second: part('$second', (p) => p.second),
  $millisecond: part('$millisecond', (p) => p.millisecond),
  $week: part('$week', sundayWeek),
  $isoWeek: part('$isoWeek', (p) => isoWeek(p).week),
  $isoWeekYear: part('$isoWeekYear', (p) => isoWeek(p).year),
  $isoDayOfWeek: part('$isoDayOfWeek', (p) => ((p.dayOfWeek + 5) % 7) + 1),
  $dateToString: dateToString,
  $dateFromString: dateFromString,
  $dateAdd: dateArith('$dateAdd', 1),
  $dateSubtract: dateArith('$dateSubtract', -1),
  $dateDiff: dateDiff,
  $dateTrunc: dateTrunc,
  $dateToParts: dateToParts,
  $dateFromParts: dateFromParts,
};
