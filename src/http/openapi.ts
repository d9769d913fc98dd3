/**
 * OpenAPI 3.1 document built from the API RouteDefs, so it cannot drift from what is mounted:
 * every API route appears with its method, summary, path parameters and security, and with its
 * query parameters, request body and answer schema where the route declares them (RouteDef.openapi).
 */
import type { OperationDoc, RouteDef } from './routes.js';
import { API_PREFIX } from './mount.js';
import { SESSION_COOKIE } from '../auth/session.js';
import { queryParameters } from './openapi-query.js';
import { jsonSchemaOf } from './openapi-schema.js';

/** '/agencies/:id' → '/agencies/{id}' (OpenAPI path templating). */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParameters(expressPath: string) {
  return [...expressPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({
    name: match[1], in: 'path', required: true, schema: { type: 'string' },
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function requestBody(doc: OperationDoc | undefined) {
  return doc?.body ? { required: true, content: { 'application/json': { schema: jsonSchemaOf(doc.body) } } } : doc?.requestBody;
}

function operation(route: RouteDef) {
  const schema = route.openapi?.response;
  const responses: Record<string, unknown> = { '200': { description: 'OK', content: { 'application/json': schema ? { schema } : {} } } };
  if (route.method !== 'get') responses['422'] = errorResponse('Validation failed');
  if (route.access !== 'public') {
    responses['401'] = errorResponse('Not signed in, or invalid token');
    responses['403'] = errorResponse('Not allowed');
  }
  const parameters = [...pathParameters(route.path), ...(route.openapi?.query ? queryParameters(route.openapi.query) : []), ...(route.openapi?.parameters ?? [])];
  const body = requestBody(route.openapi);
  return {
    summary: route.summary,
    operationId: `${route.method}${toOpenApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    security: route.access === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
    responses,
  };
}

export function buildOpenApiDocument(routes: RouteDef[], version = '0.1.0') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes.filter((r) => r.api)) {
    const key = toOpenApiPath(route.path);
    paths[key] = { ...paths[key], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Studi Tiru API', version, description: 'JSON API of Studi Tiru. Errors always have the shape {error: {code, message, details}}.' },
    servers: [{ url: API_PREFIX }],
    paths,
    components: {
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Browser session; state-changing requests also need the X-CSRF-Token header.' },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal API token created on the profile page.' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'details'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
