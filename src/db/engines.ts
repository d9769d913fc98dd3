/**
 * Chooses the data engines (database and search): the configured servers, or the embedded engines with
 * their data in DATA_DIR/mongo and DATA_DIR/search, each in its own child process. Returns where to
 * connect and how to stop whatever was started here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEngineProcess } from './engine-process.js';

export const EMBEDDED_DATABASE_NAME = 'studitiru';

export interface Engines {
  mongodbUri: string;
  searchHost: string;
  searchApiKey: string | undefined;
  /** Stops the embedded engines that were started (the external ones are left alone). */
  stop(): Promise<void>;
}

interface Started {
  /** Where to connect: a MongoDB URI or the search engine's URL. */
  url: string;
  /** Stops the embedded engine; undefined for a configured server, which is left alone. */
  stop?: () => Promise<void>;
}

async function startMongo(config: Readonly<Config>, logger: Logger): Promise<Started> {
  if (config.mongodbUri) return { url: config.mongodbUri };
  const dbPath = path.join(config.dataDir, 'mongo');
  await fs.mkdir(dbPath, { recursive: true });
  const mongo = await startEngineProcess({ name: 'mongo', cli: new URL('../embedded/mongo/cli.ts', import.meta.url), args: ['--port', '0', '--dbpath', dbPath], logger });
  logger.info({ dbPath, url: mongo.url, enginePid: mongo.pid }, 'embedded MongoDB engine started');
  return { url: `${mongo.url.replace(/\/$/, '')}/${EMBEDDED_DATABASE_NAME}`, stop: mongo.stop };
}

async function startSearch(config: Readonly<Config>, apiKey: string, logger: Logger): Promise<Started> {
  if (config.meiliHost) return { url: config.meiliHost };
  const dbPath = path.join(config.dataDir, 'search');
  await fs.mkdir(dbPath, { recursive: true });
  const search = await startEngineProcess({
    name: 'search',
    cli: new URL('../embedded/search/cli.ts', import.meta.url),
    args: ['--port', '0', '--db-path', dbPath],
    env: { MEILI_MASTER_KEY: apiKey },
    logger,
  });
  logger.info({ dbPath, url: search.url, enginePid: search.pid }, 'embedded search engine started');
  return { url: search.url, stop: search.stop };
}

/**
 * Both engines load their data at the same time (each in its own process: at 100k records each
 * takes seconds). If one fails to start, the other is stopped again.
 */
export async function startEngines(config: Readonly<Config>, logger: Logger): Promise<Engines> {
  // Only this process talks to an embedded search engine, so a fresh key per boot is enough.
  const searchApiKey = config.meiliMasterKey ?? (config.meiliHost ? undefined : randomBytes(24).toString('base64url'));
  const results = await Promise.allSettled([startMongo(config, logger), startSearch(config, searchApiKey ?? '', logger)]);
  const stoppers = results.flatMap((r) => (r.status === 'fulfilled' && r.value.stop ? [r.value.stop] : []));
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne();
  };
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop().catch(() => undefined);
    throw failed.reason;
  }
  const [mongo, search] = results.map((r) => (r as PromiseFulfilledResult<Started>).value);
  return { mongodbUri: mongo.url, searchHost: search.url, searchApiKey, stop };
}
