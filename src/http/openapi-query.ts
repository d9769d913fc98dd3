/**
 * The query parameters of an API route's OpenAPI operation, read from the zod schema that parses
 * them (openapi-schema.ts). A parameter's description is its schema's (`.describe()`).
 */
import type { AnyZodObject } from 'zod';
import { jsonSchemaOf } from './openapi-schema.js';

interface ObjectSchema {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

export function queryParameters(schema: AnyZodObject): Record<string, unknown>[] {
  const json = jsonSchemaOf(schema) as ObjectSchema;
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: property,
  }));
}
