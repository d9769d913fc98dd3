/**
 * Connects a command-line tool (seed, user:create) to the database the app uses: MONGODB_URI when
 * set, else the embedded engine on <DATA_DIR>/mongo with the app's database name (see
 * src/db/engines.ts), started in this process on a free port. Only MongoDB is needed here, so
 * the search engine is not started.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../src/config.js';
import { connectDatabase, disconnectDatabase } from '../src/db/connection.js';
import { EMBEDDED_DATABASE_NAME } from '../src/db/engines.js';
import { startEmbeddedMongo } from '../src/embedded/mongo/index.js';

export async function withDatabase<T>(config: Readonly<Config>, work: () => Promise<T>): Promise<T> {
  let stopEngine: (() => Promise<void>) | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    const dbPath = path.join(config.dataDir, 'mongo');
    await mkdir(dbPath, { recursive: true });
    const engine = await startEmbeddedMongo({ dbPath, port: 0 }).catch((error: unknown) => {
      // Most often the app itself is running on the same DATA_DIR and holds the engine's lock.
      throw new Error(`${error instanceof Error ? error.message : String(error)}. Stop the app using ${config.dataDir} first, or set MONGODB_URI.`);
    });
    stopEngine = () => engine.stop();
    uri = `${engine.uri.replace(/\/$/, '')}/${EMBEDDED_DATABASE_NAME}`;
  }
  try {
    await connectDatabase(uri);
    return await work();
  } finally {
    await disconnectDatabase();
    await stopEngine?.();
  }
}
