/** Shared set-up for the engine's tests: an engine on a free port over a fresh temp directory. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from '../../../src/embedded/mongo/index.js';

export interface TestEngine {
  engine: EmbeddedMongo;
  dbPath: string;
  client: MongoClient;
  /** Stops client and engine and removes the data directory. */
  close(): Promise<void>;
}

export async function makeTempDir(prefix = 'embedded-mongo-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function startTestEngine(options: Partial<EmbeddedMongoOptions> = {}): Promise<TestEngine> {
  const dbPath = options.dbPath ?? (await makeTempDir());
  const engine = await startEmbeddedMongo({ port: 0, ...options, dbPath });
  const client = await new MongoClient(engine.uri, { serverSelectionTimeoutMS: 5000 }).connect();
  return {
    engine,
    dbPath,
    client,
    close: async () => {
      await client.close();
      await engine.stop();
      await fs.rm(dbPath, { recursive: true, force: true });
    },
  };
}

/** Documents with any `_id` type, for tests that use strings and numbers as ids. */
export interface AnyDoc {
  _id?: string | number;
  [key: string]: unknown;
}
