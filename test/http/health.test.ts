import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedSearch, type EmbeddedSearch } from '../../src/embedded/search/index.js';
import { createSearchClient, searchHealthy } from '../../src/search/client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('health and readiness', () => {
  let t: TestApp;
  let search: EmbeddedSearch;
  let searchDir: string;
  before(async () => {
    searchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-search-'));
    search = await startEmbeddedSearch({ dbPath: searchDir, port: 0, masterKey: 'kunci-uji-coba-yang-panjang' });
    const client = createSearchClient({ host: search.url, apiKey: 'kunci-uji-coba-yang-panjang' });
    t = await startTestApp({ searchHealthy: () => searchHealthy(client) });
  });
  after(async () => {
    await t.stop();
    await fs.rm(searchDir, { recursive: true, force: true });
  });

  test('healthz – process up – 200 status ok, no session cookie', async () => {
    const res = await t.agent().get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test('readyz – mongo and search answer – 200 status ok', async () => {
    const res = await t.agent().get('/readyz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  test('readyz – search engine stopped – 503 naming search only', async () => {
    await search.stop();
    const res = await t.agent().get('/readyz');
    assert.equal(res.status, 503);
    assert.deepEqual(res.body, { status: 'unavailable', failing: ['search'] });
  });
});
