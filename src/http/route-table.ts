/**
 * Every route of the app in mount order. The permission-matrix test and the OpenAPI document
 * read this list, so a route added here is automatically checked and documented.
 */
import type { RequestHandler } from 'express';
import type { RouteDef } from './routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { healthRoutes } from './health.routes.js';
import { homeRoutes } from '../modules/home/home.routes.js';
import { loginRoutes } from '../auth/login.routes.js';
import { meApiRoutes } from '../auth/me.api.js';
import { apiTokenRoutes } from '../auth/api-tokens/api-token.routes.js';
import { agencyRoutes } from '../modules/agencies/agency.routes.js';
import { userRoutes } from '../modules/users/user.routes.js';
import { profileRoutes } from '../modules/users/profile.routes.js';
import { topicRoutes } from '../modules/topics/topic.routes.js';
import { attachmentRoutes } from '../modules/attachments/attachment.routes.js';
import { visitRoutes } from '../modules/visits/visit.routes.js';
import { agencyProfileRoutes } from '../modules/visits/agency-profile.routes.js';
import { practiceRoutes } from '../modules/practices/practice.routes.js';
import { lessonRoutes } from '../modules/lessons/lesson.routes.js';
import { searchAdminRoutes } from '../search/admin-status.routes.js';
import { searchRoutes } from '../search/search.routes.js';

function moduleRoutes(): RouteDef[] {
  return [...healthRoutes, ...loginRoutes, ...homeRoutes, ...apiTokenRoutes, ...meApiRoutes, ...agencyRoutes, ...userRoutes, ...profileRoutes, ...topicRoutes, ...attachmentRoutes, ...visitRoutes, ...agencyProfileRoutes, ...practiceRoutes, ...lessonRoutes, ...searchRoutes, ...searchAdminRoutes];
}

const serveOpenApi: RequestHandler = (_req, res) => {
  res.json(buildOpenApiDocument(allRoutes()));
};

const openApiRoute: RouteDef = { method: 'get', path: '/openapi.json', access: 'public', api: true, summary: 'This OpenAPI document', handlers: [serveOpenApi] };

export function allRoutes(): RouteDef[] {
  return [...moduleRoutes(), openApiRoute];
}
