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

export async function startEngines(config: Readonly<Config>, logger: Logger): Promise<Engines> {
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne();
  };
  try {
    let mongodbUri = config.mongodbUri;
    if (!mongodbUri) {
      const dbPath = path.join(config.dataDir, 'mongo');
      await fs.mkdir(dbPath, { recursive: true });
      const mongo = await startEngineProcess({ name: 'mongo', cli: new URL('../embedded/mongo/cli.ts', import.meta.url), args: ['--port', '0', '--dbpath', dbPath], logger });
      stoppers.push(mongo.stop);
      mongodbUri = `${mongo.url.replace(/\/$/, '')}/${EMBEDDED_DATABASE_NAME}`;
      logger.info({ dbPath, url: mongo.url, enginePid: mongo.pid }, 'embedded MongoDB engine started');
    }

    let searchHost = config.meiliHost;
    let searchApiKey = config.meiliMasterKey;
    if (!searchHost) {
      const dbPath = path.join(config.dataDir, 'search');
      await fs.mkdir(dbPath, { recursive: true });
      // Only this process talks to the embedded engine, so a fresh key per boot is enough.
      searchApiKey ??= randomBytes(24).toString('base64url');
      const search = await startEngineProcess({
        name: 'search',
        cli: new URL('../embedded/search/cli.ts', import.meta.url),
        args: ['--port', '0', '--db-path', dbPath],
        env: { MEILI_MASTER_KEY: searchApiKey },
        logger,
      });
      stoppers.push(search.stop);
      searchHost = search.url;
      logger.info({ dbPath, url: search.url, enginePid: search.pid }, 'embedded search engine started');
    }
    return { mongodbUri, searchHost, searchApiKey, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
