/**
 * An app for integration tests: the embedded MongoDB engine on a temp dir, mongoose connected to
 * it, createApp() with a test config. Drive it with supertest (`request(t.app)` or `t.agent()`,
 * which keeps cookies). Always `await t.stop()` in after(): it disconnects and removes the data.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/http/logger.js';
import { databaseHealthy } from '../../src/db/connection.js';
import { startEmbeddedMongo } from '../../src/embedded/mongo/index.js';

export interface TestApp {
  app: Express;
  config: Readonly<Config> & { sessionSecret: string };
  /** A client that keeps cookies between requests, like one browser. */
  agent(): ReturnType<typeof supertest.agent>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables for loadConfig (e.g. LOGIN_MAX_FAILURES). */
  env?: Record<string, string>;
  /** Readiness of the search engine as /readyz sees it; default: ready. */
  searchHealthy?: () => Promise<boolean>;
  /** The driver emits commandStarted for every command (to count what a request asks the database). */
  monitorCommands?: boolean;
}

/** Another app on the already connected test database (e.g. with different settings). */
export function buildTestApp(options: TestAppOptions = {}): { app: Express; config: TestApp['config'] } {
  const loaded = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: os.tmpdir(),
    LOG_LEVEL: 'silent',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    // One app process, as a test app is.
    WEB_CONCURRENCY: '1',
    ...options.env,
  });
  const config = { ...loaded, sessionSecret: loaded.sessionSecret as string };
  const app = createApp({
    config,
    logger: createLogger(config.logLevel),
    mongoClient: mongoose.connection.getClient(),
    databaseHealthy,
    searchHealthy: options.searchHealthy ?? (() => Promise.resolve(true)),
  });
  return { app, config };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-test-'));
  const mongo = await startEmbeddedMongo({ dbPath: path.join(dataDir, 'mongo'), port: 0 });
  try {
    await mongoose.connect(`${mongo.uri.replace(/\/$/, '')}/studitiru_test`, { serverSelectionTimeoutMS: 5_000, monitorCommands: options.monitorCommands ?? false });
    const { app, config } = buildTestApp({ ...options, env: { DATA_DIR: dataDir, ...options.env } });
    return {
      app,
      config,
      agent: () => supertest.agent(app),
      stop: async () => {
        await mongoose.disconnect();
        await mongo.stop();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await mongoose.disconnect().catch(() => undefined);
    await mongo.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
