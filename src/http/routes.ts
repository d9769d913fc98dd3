import type { RequestHandler } from 'express';
import type { AnyZodObject } from 'zod';

/**
 * Every route is declared with its access level, so none can be mounted without one and the
 * permission-matrix test can enumerate them all (see test/http/route-matrix.test.ts).
 *  - public: anyone; user: any signed-in user; admin: role admin only.
 */
export type Access = 'public' | 'user' | 'admin';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface OperationDoc {
  parameters?: Record<string, unknown>[];
  /** The zod schema the route parses its query with: its parameters are read from it when the document is built (openapi-query.ts). */
  query?: AnyZodObject;
  /** The zod schema the service parses the JSON body with, in the form the route accepts (e.g. .partial() for a PATCH): read like `query`. */
  body?: AnyZodObject;
  /** A body that is not JSON (a multipart upload), as an OpenAPI Request Body object. */
  requestBody?: Record<string, unknown>;
  response?: Record<string, unknown>;
}

export interface RouteDef {
  method: Method;
  /** Express path, e.g. '/admin/instansi/:id/ubah'. API routes are written relative to '/api/v1'. */
  path: string;
  access: Access;
  /** true for JSON routes under /api/v1 (401 JSON instead of a redirect, Bearer tokens accepted). */
  api?: boolean;
  /** Short description; for API routes it becomes the OpenAPI operation summary. */
  summary: string;
  /** API routes: query parameters, request body and the JSON Schema of the 200 answer. */
  openapi?: OperationDoc;
  handlers: RequestHandler[];
}
