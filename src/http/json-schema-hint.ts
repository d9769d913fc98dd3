/**
 * JSON Schema for a zod schema the OpenAPI conversion cannot read (a z.custom check comes out as
 * {}, a refine hides the values it allows), given where the schema is made. Validation is
 * untouched: the schema itself is returned. Apart from the conversion (openapi-schema.ts), so
 * module schemas depend on this registry only.
 */
import type { ZodTypeAny, ZodTypeDef } from 'zod';

type JsonSchema = Record<string, unknown>;

/** Keyed by the definition, which wrappers keep (.optional(), .nullable(), .partial(), .pick()); .describe() makes a new one. */
const hints = new WeakMap<ZodTypeDef, JsonSchema>();

export function withJsonSchema<T extends ZodTypeAny>(schema: T, jsonSchema: JsonSchema): T {
  hints.set(schema._def, jsonSchema);
  return schema;
}

export function jsonSchemaHint(def: ZodTypeDef): JsonSchema | undefined {
  return hints.get(def);
}
