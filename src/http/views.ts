/**
 * The EJS views: their folder and the engine's settings, for the app and for tests that render
 * them. Includes name their file from the views folder (`include('/partials/field')`, the `root`
 * option): EJS resolves a relative include with a file system check on every render, about
 * twelve per search page and 3 % of the app's CPU on that page under load.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { escapeHtml } from './html-escape.js';

export const VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'views');

/** The options every render takes: output escaped by escapeHtml, includes from VIEWS_DIR. */
export const VIEW_OPTIONS = { escape: escapeHtml, root: VIEWS_DIR } as const;

export function configureViews(app: Express, production: boolean): void {
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('view cache', production);
  // Template line numbers in errors are for development: tracking them costs each render a fifth of its time.
  app.set('view options', { ...VIEW_OPTIONS, compileDebug: !production });
}
