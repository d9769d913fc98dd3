import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { withJsonSchema } from '../../http/json-schema-hint.js';
import { parseInput } from '../../http/validate.js';

/**
 * One of a fixed list, with our own message for a missing or unknown value. (A z.enum errorMap
 * would lose to parseInput's contextual error map; a refine message does not.)
 */
export function choice<const T extends readonly string[]>(values: T, message: string) {
  return withJsonSchema(
    z.preprocess(
      (v) => v ?? '',
      z.string({ invalid_type_error: message }).refine((v): v is T[number] => values.includes(v), message),
    ),
    { type: 'string', enum: [...values] },
  );
}

/** A web address people can open: http(s) with a dotted host name (not "localhost" or a bare word). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * parseInput that collects instead of throwing: field errors go into `errors`, the result is null
 * when there were any. Lets a service run its database checks too and report every problem of a
 * form at once.
 */
export function collectInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, errors: FieldErrors): T | null {
  try {
    return parseInput(schema, raw);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const [field, key] of Object.entries(error.details ?? {})) errors[field] ??= key;
    return null;
  }
}

/** The object form of a request body (anything else counts as empty). */
export function bodyObject(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** MongoDB's E11000: a unique index refused the write (a race the service's own check lost). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
