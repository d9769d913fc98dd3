/**
 * createApp(deps) builds the Express app: middleware in a deliberate order, then every RouteDef
 * from src/http/route-table.ts, then the 404 and error handlers. No I/O happens at import time and
 * nothing listens here (server.ts does), so tests drive the app with supertest.
 */
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { MongoClient } from 'mongodb';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { setAppContext } from './http/app-context.js';
import { requestLogger } from './http/logger.js';
import { noStoreForSignedIn, securityHeaders } from './http/security.js';
import { createI18n } from './http/i18n.js';
import { languageMiddleware } from './http/language.js';
import { createCsrf } from './http/csrf.js';
import { takeFlash } from './http/flash.js';
import { currentUserLocal, viewLocals } from './http/view-locals.js';
import { readCookies } from './http/cookies.js';
import { configureViews, VIEWS_DIR } from './http/views.js';
import { API_PREFIX, mountRoutes } from './http/mount.js';
import { allRoutes } from './http/route-table.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { sessionMiddleware } from './auth/session.js';
import { configurePassport } from './auth/passport.js';
import { bearerAuth } from './auth/api-tokens/bearer-auth.js';

export interface AppDeps {
  /** With sessionSecret resolved (see ensureSessionSecret). */
  config: Readonly<Config> & { sessionSecret: string };
  logger: Logger;
  /** mongoose's client, shared by the session store. */
  mongoClient: MongoClient;
  databaseHealthy: () => Promise<boolean>;
  searchHealthy: () => Promise<boolean>;
}

/** Middleware that runs only for HTML pages (not the JSON API). */
function htmlOnly(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (req.path.startsWith(`${API_PREFIX}/`) ? next() : middleware(req, res, next));
}

export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  setAppContext(app, deps);

  app.set('env', config.nodeEnv);
  app.set('trust proxy', config.trustProxy);
  configureViews(app, config.nodeEnv === 'production');
  app.disable('x-powered-by');
  // Every page carries a fresh CSRF token and signed-in answers are no-store, so an ETag (a hash of
  // each body) could never match; static assets keep their own (express.static).
  app.set('etag', false);

  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use('/assets', express.static(path.join(VIEWS_DIR, 'assets'), { maxAge: config.nodeEnv === 'production' ? '1d' : 0, index: false }));
  app.use(readCookies);
  app.use(languageMiddleware(createI18n()));
  app.use(viewLocals(config.tz));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(express.json({ limit: '1mb' }));

  const passport = configurePassport();
  app.use(sessionMiddleware(deps.mongoClient, config.sessionSecret));
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(bearerAuth);

  const csrf = createCsrf(config.sessionSecret);
  app.use(csrf.protect);
  app.use(htmlOnly(csrf.exposeToken));
  app.use(htmlOnly(takeFlash));
  app.use(currentUserLocal);
  app.use(noStoreForSignedIn);

  mountRoutes(app, allRoutes());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
