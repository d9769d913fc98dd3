/**
 * Boot only: config → engines → database connection → listen; graceful shutdown on signals.
 * With WEB_CONCURRENCY > 1 this process becomes the cluster's primary (src/cluster.ts) and each
 * worker runs the same boot with the primary's engines in its environment.
 * Any failure before listening prints one line on stderr and exits with code 1 (no stack).
 */
import cluster from 'node:cluster';
import http from 'node:http';
import net from 'node:net';
import { loadConfig, ConfigError, type Config } from './config.js';
import { createLogger } from './http/logger.js';
import { ensureSessionSecret } from './auth/session-secret.js';
import { startEngines, type Engines } from './db/engines.js';
import { connectDatabase, databaseHealthy, disconnectDatabase, mongoClient } from './db/connection.js';
import { createSearchClient, searchHealthy } from './search/client.js';
import { configureSearch } from './search/search-context.js';
import { SearchSyncWorker } from './search/sync-worker.js';
import { createApp } from './app.js';
import { onShutdownSignal } from './http/graceful-shutdown.js';
import { runClusterPrimary } from './cluster.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function portInUseMessage(port: number): string {
  return `Cannot start: port ${port} is already in use (set PORT)`;
}

/** Before forking: a taken port is reported once, not once per worker. */
function checkPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = await ensureSessionSecret(loadConfig());
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : `Cannot prepare configuration: ${(err as Error).message}`);
  }
  // Local-time Date methods anywhere in the process follow the configured zone (WIB by default).
  process.env.TZ = config.tz;
  const logger = createLogger(config.logLevel);

  if (config.webConcurrency > 1 && cluster.isPrimary) {
    try {
      await checkPortFree(config.port);
      await runClusterPrimary({ ...config, sessionSecret: config.sessionSecret as string }, logger);
    } catch (err) {
      fail((err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? portInUseMessage(config.port) : `Cannot start: ${(err as Error).message}`);
    }
    return;
  }

  let engines: Engines | undefined;
  let searchSync: SearchSyncWorker | undefined;
  try {
    engines = await startEngines(config, logger);
    await connectDatabase(engines.mongodbUri);
    const search = createSearchClient({ host: engines.searchHost, apiKey: engines.searchApiKey });
    configureSearch(search);
    // Applies the index settings on its first cycle, then pushes marked changes; an engine outage only delays it.
    searchSync = new SearchSyncWorker({ client: search, logger }).start();
    const app = createApp({
      config: { ...config, sessionSecret: config.sessionSecret as string },
      logger,
      mongoClient: mongoClient(),
      databaseHealthy,
      searchHealthy: () => searchHealthy(search),
    });
    const server = http.createServer(app);
    onShutdownSignal(server, logger, [() => searchSync?.stop() ?? Promise.resolve(), disconnectDatabase, engines.stop]);
    await listen(server, config.port);
    const address = server.address();
    logger.info({ port: typeof address === 'object' && address ? address.port : config.port, nodeEnv: config.nodeEnv, processes: config.webConcurrency }, 'Studi Tiru is listening');
  } catch (err) {
    await searchSync?.stop().catch(() => undefined);
    await disconnectDatabase().catch(() => undefined);
    await engines?.stop().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? portInUseMessage(config.port) : `Cannot start: ${(err as Error).message}`);
  }
}

void main();
