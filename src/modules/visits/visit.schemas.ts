import mongoose from 'mongoose';
import { z } from 'zod';
import { withJsonSchema } from '../../http/json-schema-hint.js';
import { choice, isHttpUrl } from '../agencies/schema-kit.js';
import { VISIT_STATUSES } from './visit.model.js';

/** Input of a visit in the API's shape; the HTML form is converted to it first (visit-form.ts). */

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

const text = (max: number, tooLong: string) => z.preprocess(trimmed, z.string().max(max, tooLong).optional().default(''));

const requiredText = (max: number, missing: string, tooLong: string) =>
  z.preprocess(trimmed, z.string({ required_error: missing, invalid_type_error: missing }).min(1, missing).max(max, tooLong));

const objectId = (message: string) => z.string({ required_error: message, invalid_type_error: message }).refine((v) => mongoose.isValidObjectId(v), message);

const idList = (missing: string, invalid: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v),
    z.array(objectId(invalid), { invalid_type_error: invalid }).min(1, missing).max(60, 'visits:errors.too_many_agencies'),
  ).transform((ids) => [...new Set(ids)]);

/** 'YYYY-MM-DD' (or a full ISO date from the API) → midnight UTC of that calendar day. */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const sameDay = date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
  return sameDay && date.getUTCFullYear() >= 1990 && date.getUTCFullYear() <= 2100 ? date : null;
}

const calendarDate = (missing: string, invalid: string) =>
  withJsonSchema(
    z.preprocess(trimmed, z.string({ required_error: missing, invalid_type_error: invalid }).min(1, missing))
      .transform((v, ctx) => {
        const date = parseCalendarDate(v);
        if (!date) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: invalid });
          return z.NEVER;
        }
        return date;
      }),
    { type: 'string', format: 'date', description: 'YYYY-MM-DD (a full ISO date is cut to its day), 1990–2100.' },
  );

const stringList = (maxItems: number, maxLength: number, tooLong: string) =>
  z.preprocess(
    (v) => {
      const items = typeof v === 'string' ? v.split(/[\n,;]/) : v === undefined || v === null ? [] : v;
      return Array.isArray(items) ? [...new Set(items.map(trimmed).filter((s) => s !== ''))] : items;
    },
    z.array(z.string().max(maxLength, tooLong)).max(maxItems, 'visits:errors.too_many_items'),
  );

const person = z.object({
  name: requiredText(200, 'visits:errors.person_name_required', 'visits:errors.too_long'),
  position: text(200, 'visits:errors.too_long'),
  agencyId: z.preprocess((v) => (v === '' || v === undefined ? null : v), objectId('visits:errors.agency_invalid').nullable()),
});

const official = person.pick({ name: true, position: true });

const source = z.object({
  url: z.preprocess(trimmed, z.string({ required_error: 'visits:errors.source_url_required' }).min(1, 'visits:errors.source_url_required').max(1000, 'visits:errors.source_url_invalid').refine(isHttpUrl, 'visits:errors.source_url_invalid')),
  title: text(300, 'visits:errors.too_long'),
});

const rows = <T extends z.ZodTypeAny>(row: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : v), z.array(row, { invalid_type_error: 'errors.field.invalid' }).max(max, 'visits:errors.too_many_items'));

export const visitInputSchema = z.object({
  visitingAgencyIds: idList('visits:errors.visiting_required', 'visits:errors.agency_invalid'),
  hostAgencyIds: idList('visits:errors.host_required', 'visits:errors.agency_invalid'),
  startDate: calendarDate('visits:errors.start_date_required', 'visits:errors.date_invalid'),
  endDate: calendarDate('visits:errors.end_date_required', 'visits:errors.date_invalid'),
  place: text(300, 'visits:errors.too_long'),
  purpose: text(3000, 'visits:errors.too_long'),
  topics: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v), z.array(z.string().max(60)).max(30, 'visits:errors.too_many_items')),
  tags: stringList(30, 60, 'visits:errors.tag_too_long'),
  delegation: rows(person, 200),
  hostOfficials: rows(official, 100),
  summary: text(30_000, 'visits:errors.too_long'),
  agenda: text(10_000, 'visits:errors.too_long'),
  sources: rows(source, 50),
  practiceIds: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v),
    z.array(objectId('visits:errors.practice_unknown')).max(100, 'visits:errors.too_many_items'),
  ).transform((ids) => [...new Set(ids)]),
  status: choice(VISIT_STATUSES, 'visits:errors.status_invalid'),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

/** Practices first recorded while recording the visit (created in the practice catalogue on save). */
export const newPracticesSchema = z.object({
  newPractices: rows(
    z.object({
      name: requiredText(200, 'visits:errors.practice_name_required', 'visits:errors.too_long'),
      shortDescription: requiredText(500, 'visits:errors.practice_description_required', 'visits:errors.too_long'),
      ownerAgencyId: z.preprocess((v) => (v === '' ? undefined : v), objectId('visits:errors.practice_owner_required')),
    }),
    20,
  ),
});
export type NewPractice = z.infer<typeof newPracticesSchema>['newPractices'][number];

/** The two dates on their own, so "end before start" is reported even when other fields fail. */
export const visitDatesSchema = visitInputSchema.pick({ startDate: true, endDate: true });

export const VISIT_SORTS = ['date_desc', 'date_asc', 'updated'] as const;
export type VisitSort = (typeof VISIT_SORTS)[number];

const optionalFilter = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const visitListQuerySchema = z.object({
  agency: optionalFilter(objectId('errors.field.invalid')),
  province: optionalFilter(z.string().regex(/^\d{2}$/)),
  topic: optionalFilter(z.string().max(60)),
  year: optionalFilter(z.coerce.number().int().min(1990).max(2100)),
  status: optionalFilter(z.enum(VISIT_STATUSES)),
  deleted: optionalFilter(z.enum(['only'])).describe('only: the deleted visits (admins; ignored for everyone else).'),
  sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(VISIT_SORTS).optional().default('date_desc')),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;
