/**
 * The cluster's primary process (WEB_CONCURRENCY > 1): starts the engines once, then forks that many
 * app processes, which share the port and find the engines and the session secret in their
 * environment. A worker that dies while serving is replaced, unless workers keep dying right after
 * starting; SIGTERM/SIGINT stop the workers (each finishes its in-flight requests), then the engines.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { startEngines } from './db/engines.js';

/** A worker dying sooner than this after it started counts towards a crash loop. */
const EARLY_DEATH_MS = 10_000;
const MAX_EARLY_DEATHS = 3;

/**
 * What a worker needs to find the primary's engines and share its sessions, and the number of
 * processes (each takes its share of the per-address login limit; with the engines' addresses in
 * its environment a worker would count the default for engines elsewhere).
 */
export function workerEnvironment(engines: { mongodbUri: string; searchHost: string; searchApiKey: string | undefined }, config: { sessionSecret: string; webConcurrency: number }): Record<string, string> {
  return {
    WEB_CONCURRENCY: String(config.webConcurrency),
    MONGODB_URI: engines.mongodbUri,
    MEILI_HOST: engines.searchHost,
    ...(engines.searchApiKey ? { MEILI_MASTER_KEY: engines.searchApiKey } : {}),
    SESSION_SECRET: config.sessionSecret,
  };
}

export async function runClusterPrimary(config: Readonly<Config> & { sessionSecret: string }, logger: Logger): Promise<void> {
  const engines = await startEngines(config, logger);
  const env = workerEnvironment(engines, config);
  const startedAt = new Map<Worker, number>();
  let earlyDeaths = 0;
  let stopping = false;
  let listening = false;

  const fork = (): void => {
    startedAt.set(cluster.fork(env), Date.now());
  };
  const stop = async (exitCode: number): Promise<never> => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map((worker) => new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      })),
    );
    await engines.stop().catch((err: unknown) => logger.error({ err }, 'error while stopping the engines'));
    logger.info('stopped');
    logger.flush?.();
    process.exit(exitCode);
  };

  cluster.on('listening', () => {
    listening = true;
  });
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    // A worker that never served (bad port, unreachable database) has already said why on stderr.
    if (!listening) return void stop(1);
    earlyDeaths = lived < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    logger.error({ workerPid: worker.process.pid, code, signal }, 'app process died');
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      logger.error('app processes keep dying right after starting: stopping');
      return void stop(1);
    }
    fork();
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    logger.info({ signal }, 'shutting down: stopping the app processes');
    void stop(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  for (let i = 0; i < config.webConcurrency; i++) fork();
  logger.info({ processes: config.webConcurrency }, 'app processes started');
}
