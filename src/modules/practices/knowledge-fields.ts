/**
 * Zod pieces (and the date-only format) shared by the practice and lesson schemas, records and presenters. Form fields arrive as strings (an empty
 * field means "not given"), API bodies as JSON; both go through the same schema.
 */
import mongoose from 'mongoose';
import { z } from 'zod';
import { withJsonSchema } from '../../http/json-schema-hint.js';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export const requiredText = (min: number, max: number, missing: string, tooLong: string) =>
  z.preprocess((v) => trimmed(v ?? ''), z.string({ invalid_type_error: missing }).min(min, missing).max(max, tooLong));

export const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => trimmed(v ?? ''), z.string({ invalid_type_error: tooLong }).max(max, tooLong));

/** "2022-05-31" (a longer ISO string is cut to its date) → that day at 00:00 UTC. */
export function parseDateOnly(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? date : null;
}

/** The inverse of parseDateOnly: the stored day as "2022-05-31", null when the field is empty. */
export function dateOnlyString(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** A refine-style check, so its message survives parseInput's contextual error map. */
export const dateOnly = (message: string) =>
  withJsonSchema(
    z.preprocess(
      (v) => (v instanceof Date ? v : typeof v === 'string' ? parseDateOnly(v) : null),
      z.custom<Date>((v) => v instanceof Date && !Number.isNaN(v.getTime()), message),
    ),
    { type: 'string', format: 'date', description: 'YYYY-MM-DD (a longer ISO date is cut to its day).' },
  );

export const optionalDate = (message: string) =>
  z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), dateOnly(message).nullable());

/** A list from an array (API) or one string split on newlines/commas (form). Empty items dropped, duplicates removed. */
export const stringList = (maxItems: number, maxLength: number, message: string, separators = /[\n,;]/) =>
  z.preprocess(
    (v) => {
      const items = typeof v === 'string' ? v.split(separators) : v === undefined || v === null ? [] : v;
      return Array.isArray(items) ? [...new Set(items.map(trimmed).filter((s) => s !== ''))] : items;
    },
    z.array(z.string({ invalid_type_error: message }).max(maxLength, message), { invalid_type_error: message }).max(maxItems, message),
  );

export const objectId = (message: string) =>
  z.preprocess(trimmed, z.string({ invalid_type_error: message, required_error: message }).refine((s) => mongoose.isValidObjectId(s) && /^[0-9a-f]{24}$/i.test(s), message));

export const optionalObjectId = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), objectId(message).nullable());

/** Checkbox ("1"/"on"), JSON boolean, or absent (= false). */
export const checkbox = z.preprocess((v) => v === true || v === '1' || v === 'on' || v === 'true', z.boolean());

/** Ids from repeated form fields or a JSON array; duplicates removed. */
export const objectIdList = (maxItems: number, message: string) =>
  z.preprocess(
    (v) => {
      const items = typeof v === 'string' ? (v === '' ? [] : [v]) : v === undefined || v === null ? [] : v;
      return Array.isArray(items) ? [...new Set(items.map(trimmed).filter((s) => s !== ''))] : items;
    },
    z.array(objectId(message), { invalid_type_error: message }).max(maxItems, message),
  );

/** List query pieces shared by both lists (agency, province, topic, year, status, sort, paging). */
export const listQueryBase = {
  q: z.string().trim().max(100).optional().default('').describe("Text held as typed (any case) in the record's name or title, its other texts or its tags; GET /search ranks across every kind of record."),
  agency: z.string().regex(/^([0-9a-f]{24})?$/i).optional().default('').describe("Id of the practice's owning agency, the lesson's recording agency."),
  province: z.string().regex(/^(\d{2})?$/).optional().default('').describe("Province of that agency, by code (two digits: 13 is Sumatera Barat)."),
  topic: z.string().trim().max(60).optional().default('').describe('Topic code (GET /topics).'),
  year: z.string().regex(/^(\d{4})?$/).optional().default('').describe("Year of the practice's start date, of the lesson's observation date."),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20),
};
