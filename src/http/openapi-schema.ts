/**
 * The JSON Schema of a zod schema that parses a route's query or body (zod-to-json-schema), so the
 * OpenAPI document says what the route accepts and cannot drift from it. Run when the document is
 * built, never at import.
 */
import { ZodFirstPartyTypeKind, type ZodTypeAny, type ZodTypeDef } from 'zod';
import { ignoreOverride, zodToJsonSchema, type JsonSchema7Type } from 'zod-to-json-schema';
import { jsonSchemaHint } from './json-schema-hint.js';

export function jsonSchemaOf(schema: ZodTypeAny): Record<string, unknown> {
  const { $schema: _dialect, ...json } = zodToJsonSchema(schema, {
    // OpenAPI 3.1 schemas are JSON Schema, where null is a type (`nullable` is OpenAPI 3.0 only).
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
    // zod drops unknown keys without an error, so they are not declared forbidden; .strict() objects still are.
    removeAdditionalStrategy: 'strict',
    allowedAdditionalProperties: undefined,
    // A copy: the converter may add a description to what it returns.
    override: (def) => {
      const hint = jsonSchemaHint(def);
      return hint ? { ...hint } : ignoreOverride;
    },
    postProcess: (json, def) => (isOptional(def) && json ? withoutDefault(json) : json),
  });
  return json;
}

/**
 * .optional() lets an absent value through before an inner .default() could fill it, so that
 * default never applies: a PATCH body's .partial() fields keep the stored value, not the default.
 */
const isOptional = (def: ZodTypeDef) => (def as { typeName?: unknown }).typeName === ZodFirstPartyTypeKind.ZodOptional;

function withoutDefault({ default: _unreached, ...json }: JsonSchema7Type): JsonSchema7Type {
  return json;
}
