import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Meilisearch } from 'meilisearch';
import { MASTER_KEY, apiError, bearer, rawRequest, startTestEngine } from './helpers.js';
import type { TestEngine } from './helpers.js';

describe('embedded search system routes and auth', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine({ payloadLimit: 64 * 1024 });
  });
  after(async () => {
    await t.close();
  });

  const keyNamed = async (name: string): Promise<string> => {
    const { results } = await t.client.getKeys();
    const found = results.find((k) => k.name === name);
    assert.ok(found, `key ${name} listed`);
    return found.key;
  };

  test('health – without any key – answers available', async () => {
    const anonymous = new Meilisearch({ host: t.engine.url });
    assert.deepEqual(await anonymous.health(), { status: 'available' });
  });

  test('version – with the master key – reports a 1.x package version', async () => {
    const version = await t.client.getVersion();
    assert.match(version.pkgVersion, /^1\.\d+\.\d+$/);
    assert.equal(typeof version.commitSha, 'string');
  });

  test('stats – after adding documents – counts them per index', async () => {
    await t.client.index('stats_idx').addDocuments([{ id: 1, title: 'a' }, { id: 2, title: 'b', extra: true }]).waitTask();
    const global = await t.client.getStats();
    assert.equal(global.indexes.stats_idx.numberOfDocuments, 2);
    assert.ok(global.databaseSize > 0);
    const stats = await t.client.index('stats_idx').getStats();
    assert.equal(stats.numberOfDocuments, 2);
    assert.equal(stats.isIndexing, false);
    assert.deepEqual(stats.fieldDistribution, { id: 2, title: 2, extra: 1 });
  });

  test('keys – listing – holds the default search and admin keys with pagination', async () => {
    const keys = await t.client.getKeys();
    assert.equal(keys.total, 2);
    const search = keys.results.find((k) => k.name === 'Default Search API Key');
    assert.deepEqual(search?.actions, ['search']);
    assert.equal(search?.description, 'Use it to search from the frontend');
    assert.match(search?.key ?? '', /^[0-9a-f]{64}$/);
    const page = await t.client.getKeys({ offset: 1, limit: 1 });
    assert.equal(page.results.length, 1);
    assert.equal(page.offset, 1);
    const admin = await t.client.getKey(await keyNamed('Default Admin API Key'));
    assert.deepEqual(admin.actions, ['*']);
  });

  test('auth – missing or wrong key – 401 missing_authorization_header then 403 invalid_api_key', async () => {
    const missing = await rawRequest(t.engine.url, { path: '/indexes' });
    assert.equal(missing.status, 401);
    assert.equal((missing.body as { code: string }).code, 'missing_authorization_header');
    const wrong = new Meilisearch({ host: t.engine.url, apiKey: 'not-the-key' });
    const err = await apiError(wrong.getIndexes());
    assert.equal(err.code, 'invalid_api_key');
    assert.equal(err.type, 'auth');
  });

  test('auth – default search key – can search but cannot write or list keys', async () => {
    await t.client.index('auth_idx').addDocuments([{ id: 1, title: 'sekolah' }]).waitTask();
    const searcher = new Meilisearch({ host: t.engine.url, apiKey: await keyNamed('Default Search API Key') });
    const res = await searcher.index('auth_idx').search('sekolah');
    assert.equal(res.hits.length, 1);
    assert.equal((await apiError(searcher.index('auth_idx').addDocuments([{ id: 2 }]))).code, 'invalid_api_key');
    assert.equal((await apiError(searcher.getKeys())).code, 'invalid_api_key');
    assert.equal((await apiError(searcher.createIndex('nope'))).code, 'invalid_api_key');
  });

  test('auth – default admin key – writes and manages keys', async () => {
    const admin = new Meilisearch({ host: t.engine.url, apiKey: await keyNamed('Default Admin API Key'), defaultWaitOptions: { interval: 5 } });
    const task = await admin.createIndex('admin_idx').waitTask();
    assert.equal(task.status, 'succeeded');
    const keys = await admin.getKeys();
    assert.equal(keys.results.length >= 2, true);
  });

  test('keys – scoped custom key – enforces actions, indexes and can be updated and deleted', async () => {
    const created = await t.client.createKey({ description: 'docs for products', actions: ['documents.add', 'tasks.get'], indexes: ['products*'], expiresAt: new Date('2090-01-01T00:00:00Z') });
    assert.equal(created.expiresAt, '2090-01-01T00:00:00Z');
    const scoped = new Meilisearch({ host: t.engine.url, apiKey: created.key, defaultWaitOptions: { interval: 5 } });
    const ok = await scoped.index('products_a').addDocuments([{ id: 1 }]).waitTask();
    assert.equal(ok.status, 'succeeded');
    assert.equal((await apiError(scoped.index('other').addDocuments([{ id: 1 }]))).code, 'invalid_api_key');
    assert.equal((await apiError(scoped.index('products_a').search(''))).code, 'invalid_api_key');
    const updated = await t.client.updateKey(created.uid, { name: 'Products' });
    assert.equal(updated.name, 'Products');
    assert.equal((await apiError(t.client.updateKey(created.uid, { actions: ['*'] } as never))).code, 'immutable_api_key_actions');
    await t.client.deleteKey(created.key);
    assert.equal((await apiError(t.client.getKey(created.uid))).code, 'api_key_not_found');
    assert.equal((await apiError(scoped.index('products_a').addDocuments([{ id: 2 }]))).code, 'invalid_api_key');
  });

  test('keys – invalid creation – missing actions and past expiry are refused', async () => {
    assert.equal((await apiError(t.client.createKey({ indexes: ['*'], expiresAt: null } as never))).code, 'missing_api_key_actions');
    const past = await apiError(t.client.createKey({ actions: ['search'], indexes: ['*'], expiresAt: new Date('2001-01-01T00:00:00Z') }));
    assert.equal(past.code, 'invalid_api_key_expires_at');
  });

  test('keys – key past its expiresAt – refused with invalid_api_key', async () => {
    await t.client.index('exp_idx').addDocuments([{ id: 1 }]).waitTask();
    const expiresAt = Date.now() + 1500;
    const created = await t.client.createKey({ actions: ['search'], indexes: ['*'], expiresAt: new Date(expiresAt) });
    const short = new Meilisearch({ host: t.engine.url, apiKey: created.key });
    assert.equal((await short.index('exp_idx').search('')).hits.length, 1);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));
    assert.equal((await apiError(short.index('exp_idx').search(''))).code, 'invalid_api_key');
  });

  test('request bodies – garbage on every write route – 4xx answers and the engine stays up', async () => {
    const routes = [
      ['POST', '/indexes'],
      ['PATCH', '/indexes/g'],
      ['POST', '/indexes/g/documents'],
      ['PUT', '/indexes/g/documents'],
      ['POST', '/indexes/g/documents/fetch'],
      ['POST', '/indexes/g/documents/delete-batch'],
      ['POST', '/indexes/g/documents/delete'],
      ['PATCH', '/indexes/g/settings'],
      ['PUT', '/indexes/g/settings/synonyms'],
      ['POST', '/indexes/g/search'],
      ['POST', '/multi-search'],
      ['POST', '/swap-indexes'],
      ['POST', '/keys'],
    ];
    const bodies = ['', 'null', '42', '"text"', '[1, {"a": [}', '{"uid": {"deep": [1, 2, {"x": null}]}}', '[[[]]]', '\u0000\u0001'];
    for (const [method, route] of routes) {
      for (const body of bodies) {
        const res = await rawRequest(t.engine.url, { method, path: route, headers: bearer(MASTER_KEY), body: method === 'GET' ? undefined : body });
        assert.ok(res.status < 500, `${method} ${route} with ${JSON.stringify(body)} answered ${res.status}`);
      }
    }
    assert.equal((await t.client.health()).status, 'available');
  });

  test('request body – over the payload limit – 413 payload_too_large', async () => {
    const docs = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, text: 'x'.repeat(50) })));
    const res = await rawRequest(t.engine.url, { method: 'POST', path: '/indexes/big/documents', headers: bearer(MASTER_KEY), body: docs });
    assert.equal(res.status, 413);
    assert.equal((res.body as { code: string }).code, 'payload_too_large');
    assert.equal((await t.client.health()).status, 'available');
  });

  test('request body – malformed JSON – 400 malformed_payload and the engine keeps serving', async () => {
    const res = await rawRequest(t.engine.url, { method: 'POST', path: '/indexes', headers: bearer(MASTER_KEY), body: '{"uid": "x",' });
    assert.equal(res.status, 400);
    const body = res.body as { code: string; type: string; link: string };
    assert.equal(body.code, 'malformed_payload');
    assert.equal(body.type, 'invalid_request');
    assert.match(body.link, /malformed_payload$/);
    const docs = await rawRequest(t.engine.url, { method: 'POST', path: '/indexes/x/documents', headers: bearer(MASTER_KEY), body: '[{"id": 1}' });
    assert.equal((docs.body as { code: string }).code, 'malformed_payload');
    const deep = `[{"id": 1, "a": ${'['.repeat(5000)}${']'.repeat(5000)}}]`;
    const tooDeep = await rawRequest(t.engine.url, { method: 'POST', path: '/indexes/x/documents', headers: bearer(MASTER_KEY), body: deep });
    assert.equal(tooDeep.status, 400);
    assert.match((tooDeep.body as { message: string }).message, /recursion limit exceeded/);
  });

  test('request body – wrong content type – 415 invalid_content_type', async () => {
    const res = await rawRequest(t.engine.url, { method: 'POST', path: '/indexes/x/documents', headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(res.status, 415);
    assert.equal((res.body as { code: string }).code, 'invalid_content_type');
  });

  test('routing – unknown route – empty 404 as Meilisearch answers', async () => {
    const res = await rawRequest(t.engine.url, { path: '/nope/nothing', headers: bearer(MASTER_KEY) });
    assert.equal(res.status, 404);
    assert.equal(res.body, undefined);
  });

  test('CORS – preflight and answers – any origin is allowed', async () => {
    const preflight = await fetch(`${t.engine.url}/indexes/x/search`, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const health = await fetch(`${t.engine.url}/health`);
    assert.equal(health.headers.get('access-control-allow-origin'), '*');
  });
});

describe('embedded search without a master key', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine({ masterKey: null });
  });
  after(async () => {
    await t.close();
  });

  test('auth – no master key – every route is open and /keys reports missing_master_key', async () => {
    const task = await t.client.createIndex('open').waitTask();
    assert.equal(task.status, 'succeeded');
    const err = await apiError(t.client.getKeys());
    assert.equal(err.code, 'missing_master_key');
  });
});
