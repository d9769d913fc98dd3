/**
 * startEngines: both embedded engines start side by side and stop together; when one cannot start,
 * the other is stopped again, so its data dir is free for the next start.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../src/config.js';
import { startEngines } from '../../src/db/engines.js';
import { createLogger } from '../../src/http/logger.js';

const logger = createLogger('silent');
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studitiru-engines-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const config = () => loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' });

test('startEngines – search data dir unusable – fails, and the MongoDB engine it started is stopped again', { timeout: 120_000 }, async () => {
  // A file where the search engine's directory should be: its start fails.
  fs.writeFileSync(path.join(dir, 'search'), 'not a directory');
  await assert.rejects(startEngines(config(), logger));
  fs.rmSync(path.join(dir, 'search'));
  // The MongoDB engine of the failed start let go of its data dir: a new start opens it.
  const engines = await startEngines(config(), logger);
  try {
    const client = await new MongoClient(engines.mongodbUri).connect();
    assert.deepEqual((await client.db().command({ ping: 1 })).ok, 1);
    await client.close();
    assert.equal((await fetch(`${engines.searchHost}/health`)).status, 200);
  } finally {
    await engines.stop();
  }
});
