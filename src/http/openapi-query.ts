/**
 * The query parameters of an API route's OpenAPI operation, read from the zod schema that parses
 * them (zod-to-json-schema), so the document says what the route accepts and cannot drift from it.
 * A parameter's description is its schema's (`.describe()`).
 */
import type { AnyZodObject } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

interface ObjectSchema {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

export function queryParameters(schema: AnyZodObject): Record<string, unknown>[] {
  const json = zodToJsonSchema(schema, { target: 'openApi3', $refStrategy: 'none' }) as ObjectSchema;
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: property,
  }));
}
