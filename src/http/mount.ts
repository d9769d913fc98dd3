/**
 * Mounts RouteDefs with the access check their declaration asks for, so no route can be added
 * without one. HTML: anonymous → 302 /masuk?next=…; API (under /api/v1): anonymous → 401 JSON.
 * Signed in with the wrong role → 403 either way. Express 5 forwards rejected promises from async
 * handlers to the error handler, so thrown AppErrors need no wrapper.
 */
import type { Express, RequestHandler } from 'express';
import type { RouteDef } from './routes.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

export const API_PREFIX = '/api/v1';

export function fullPath(route: Pick<RouteDef, 'path' | 'api'>): string {
  return route.api ? `${API_PREFIX}${route.path}` : route.path;
}

/** Only same-site relative paths are accepted as a post-sign-in destination (no open redirect). */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

export function accessGuard(route: Pick<RouteDef, 'access' | 'api'>): RequestHandler {
  return (req, res, next) => {
    if (route.access === 'public') return next();
    if (!req.user) {
      if (route.api) return next(new UnauthorizedError());
      // Only a page can be returned to after signing in; a form post cannot be replayed.
      return res.redirect(302, req.method === 'GET' ? `/masuk?next=${encodeURIComponent(req.originalUrl)}` : '/masuk');
    }
    if (route.access === 'admin' && req.user.role !== 'admin') return next(new ForbiddenError());
    next();
  };
}

export function mountRoutes(app: Express, routes: RouteDef[]): void {
  for (const route of routes) {
    app[route.method](fullPath(route), accessGuard(route), ...route.handlers);
  }
}
