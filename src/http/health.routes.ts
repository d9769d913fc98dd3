/**
 * Probes for orchestrators: /healthz says the process answers; /readyz says its dependencies
 * answer (MongoDB ping, search health), naming the failing ones with 503. Each check is bounded
 * so a hanging dependency cannot hang the probe.
 */
import type { RequestHandler } from 'express';
import type { RouteDef } from './routes.js';
import { appContext } from './app-context.js';

const CHECK_TIMEOUT_MS = 2_000;

async function withinTimeout(check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const healthz: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'no-store').json({ status: 'ok' });
};

const readyz: RequestHandler = async (req, res) => {
  const { databaseHealthy, searchHealthy } = appContext(req);
  const [mongo, search] = await Promise.all([withinTimeout(databaseHealthy), withinTimeout(searchHealthy)]);
  const failing = [...(mongo ? [] : ['mongo']), ...(search ? [] : ['search'])];
  res.set('Cache-Control', 'no-store');
  if (failing.length > 0) {
    res.status(503).json({ status: 'unavailable', failing });
    return;
  }
  res.json({ status: 'ok' });
};

export const healthRoutes: RouteDef[] = [
  { method: 'get', path: '/healthz', access: 'public', summary: 'Process is up', handlers: [healthz] },
  { method: 'get', path: '/readyz', access: 'public', summary: 'MongoDB and search are reachable', handlers: [readyz] },
];
