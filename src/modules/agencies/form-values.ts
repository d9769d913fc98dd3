import { bodyObject } from './schema-kit.js';

/**
 * What the user typed, kept as strings for a 422 re-render: only the form's own fields, arrays
 * (repeated inputs) joined by newlines, anything else dropped.
 */
export function submittedForm<K extends string>(body: unknown, fields: readonly K[]): Record<K, string> {
  const source = bodyObject(body);
  const values = {} as Record<K, string>;
  for (const field of fields) {
    const value = source[field];
    values[field] = typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n') : '';
  }
  return values;
}

/** A query string without `page`, for the pagination partial's links. */
export function listBaseUrl(path: string, filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** A query-string parameter as a plain string ('' when absent or repeated). */
export function stringParam(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
