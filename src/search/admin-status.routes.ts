/** GET /admin/pencarian: search sync status for administrators (pending changes, last success, last error). */
import type { RequestHandler } from 'express';
import type { RouteDef } from '../http/routes.js';
import { searchHealthy } from './client.js';
import { searchTarget } from './search-context.js';
import { readSyncStatus } from './sync-status.js';

async function engineUp(): Promise<boolean> {
  try {
    return await searchHealthy(searchTarget().client);
  } catch {
    return false;
  }
}

const statusPage: RequestHandler = async (_req, res) => {
  const [status, up] = await Promise.all([readSyncStatus(), engineUp()]);
  res.render('admin/search-status', { status, engineUp: up });
};

export const searchAdminRoutes: RouteDef[] = [
  { method: 'get', path: '/admin/pencarian', access: 'admin', summary: 'Search sync status', handlers: [statusPage] },
];
