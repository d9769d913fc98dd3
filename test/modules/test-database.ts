/**
 * A fresh embedded MongoDB engine in a temp directory with mongoose connected to it, for service
 * tests that need no HTTP app. stop() disconnects, stops the engine and removes the directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedMongo } from '../../src/embedded/mongo/index.js';

export interface TestDatabase {
  uri: string;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studitiru-modules-'));
  const engine = await startEmbeddedMongo({ dbPath: dir, port: 0 });
  const uri = `${engine.uri.replace(/\/$/, '')}/modules_test`;
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000 });
  return {
    uri,
    async stop() {
      await mongoose.disconnect();
      await engine.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
