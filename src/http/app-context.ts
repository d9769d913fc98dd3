/**
 * What route handlers may need from the running app (config, health probes), reached through
 * req.app so RouteDef arrays can stay static module exports and several apps can live in one
 * process (tests).
 */
import type { Express, Request } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

export interface AppContext {
  config: Readonly<Config>;
  logger: Logger;
  /** true when MongoDB answers a ping. */
  databaseHealthy: () => Promise<boolean>;
  /** true when the search engine answers its health check. */
  searchHealthy: () => Promise<boolean>;
}

const CONTEXT_KEY = 'studiTiruContext';

export function setAppContext(app: Express, context: AppContext): void {
  app.locals[CONTEXT_KEY] = context;
}

export function appContext(req: Request): AppContext {
  const context = req.app.locals[CONTEXT_KEY] as AppContext | undefined;
  if (!context) throw new Error('createApp() did not set the app context');
  return context;
}
