/**
 * Turns untrusted input into typed data with a zod schema, or throws ValidationError whose
 * details map each field path ('name', 'address.city') to an i18n key. A message given in the
 * schema (e.g. `z.string().min(1, 'agencies:errors.name_required')`) wins over the defaults here.
 */
import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.js';

type Bounded = z.ZodTooSmallIssue['type'];

/** What is out of bounds, by the kind of value: a text's length, a list's size, a number, a date. */
const TOO_SMALL: Record<Bounded, string> = { string: 'too_short', array: 'too_few', set: 'too_few', number: 'too_low', bigint: 'too_low', date: 'too_early' };
const TOO_BIG: Record<Bounded, string> = { string: 'too_long', array: 'too_many', set: 'too_many', number: 'too_high', bigint: 'too_high', date: 'too_late' };

/** Default i18n keys (namespace errors, resolved through i18next's fallback namespace). */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' || issue.received === 'null' ? 'errors.field.required' : 'errors.field.invalid' };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string' && issue.minimum === 1) return { message: 'errors.field.required' };
      return { message: `errors.field.${TOO_SMALL[issue.type]}` };
    case z.ZodIssueCode.too_big:
      return { message: `errors.field.${TOO_BIG[issue.type]}` };
    case z.ZodIssueCode.invalid_string:
      return { message: issue.validation === 'email' ? 'errors.field.email' : issue.validation === 'url' ? 'errors.field.url' : 'errors.field.invalid' };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: 'errors.field.choice' };
    case z.ZodIssueCode.invalid_date:
      return { message: 'errors.field.date' };
    default:
      return { message: ctx.defaultError === 'Required' ? 'errors.field.required' : 'errors.field.invalid' };
  }
};

export function fieldErrors(error: z.ZodError): FieldErrors {
  const details: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    details[key] ??= issue.message;
  }
  return details;
}

export function parseInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown): T {
  const result = schema.safeParse(data, { errorMap });
  if (!result.success) throw new ValidationError(fieldErrors(result.error));
  return result.data;
}
