import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import supertest from 'supertest';
import type { Express } from 'express';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/embedded/mongo/index.js';
import { buildTestApp } from '../helpers/test-app.js';

// An app whose MongoDB engine is stopped under it: /readyz must name mongo, /healthz stays up.
describe('readiness with MongoDB down', () => {
  let dataDir: string;
  let mongo: EmbeddedMongo;
  let app: Express;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-mongo-down-'));
    mongo = await startEmbeddedMongo({ dbPath: dataDir, port: 0 });
    await mongoose.connect(`${mongo.uri.replace(/\/$/, '')}/studitiru_test`, { serverSelectionTimeoutMS: 5_000 });
    app = buildTestApp({ env: { DATA_DIR: dataDir } }).app;
  });
  after(async () => {
    await mongoose.disconnect();
    await mongo.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  test('readyz – mongo answers – 200 status ok', async () => {
    const res = await supertest(app).get('/readyz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  test('readyz – mongo engine stopped – 503 naming mongo only, within the probe timeout', async () => {
    await mongo.stop();
    const started = Date.now();
    const res = await supertest(app).get('/readyz');
    const elapsed = Date.now() - started;
    assert.equal(res.status, 503);
    assert.deepEqual(res.body, { status: 'unavailable', failing: ['mongo'] });
    assert.ok(elapsed < 3_000, `answered in ${elapsed} ms`);
  });

  test('healthz – mongo engine stopped – still 200 status ok', async () => {
    const res = await supertest(app).get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });
});
