import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { startEmbeddedSearch, type EmbeddedSearch } from '../../src/embedded/search/index.js';
import { createSearchClient, engineErrorCode } from '../../src/search/client.js';
import { httpTransport } from '../../src/search/http-transport.js';

const KEY = 'kunci-uji-transport-yang-cukup-panjang';

describe('search client over the node:http transport', () => {
  let engine: EmbeddedSearch;
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-transport-'));
    engine = await startEmbeddedSearch({ dbPath: dir, port: 0, masterKey: KEY, log: () => undefined });
  });
  after(async () => {
    await engine.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('writes and searches – task awaited, UTF-8 text round-trips, hits parsed', async () => {
    const client = createSearchClient({ host: engine.url, apiKey: KEY });
    const task = await client.index('uji').addDocuments([{ id: 1, judul: 'Siaran pers Diskominfo — “Sumbar Madani”' }], { primaryKey: 'id' });
    assert.equal((await client.tasks.waitForTask(task.taskUid)).status, 'succeeded');
    const { results } = await client.multiSearch({ queries: [{ indexUid: 'uji', q: 'madani' }] });
    assert.deepEqual(results[0].hits.map((h) => h.judul), ['Siaran pers Diskominfo — “Sumbar Madani”']);
  });

  test('error status – the engine error (status, code) inside the client error', async () => {
    const client = createSearchClient({ host: engine.url, apiKey: KEY });
    await assert.rejects(client.index('tidak-ada').getRawInfo(), (err: unknown) => {
      assert.ok(err instanceof MeilisearchRequestError);
      assert.ok(err.cause instanceof MeilisearchApiError);
      assert.equal(err.cause.response.status, 404);
      assert.equal(engineErrorCode(err), 'index_not_found');
      return true;
    });
  });

  test('wrong key – 403 engine error, code invalid_api_key', async () => {
    const client = createSearchClient({ host: engine.url, apiKey: 'kunci-yang-salah-sama-sekali-xx' });
    await assert.rejects(client.getIndexes(), (err: unknown) => err instanceof MeilisearchRequestError && err.cause instanceof MeilisearchApiError && err.cause.response.status === 403 && engineErrorCode(err) === 'invalid_api_key');
  });

  test('engine unreachable – MeilisearchRequestError without an engine code', async () => {
    const closed = await startEmbeddedSearch({ dbPath: await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-transport-')), port: 0, masterKey: KEY, log: () => undefined });
    const url = closed.url;
    await closed.stop();
    const client = createSearchClient({ host: url, apiKey: KEY });
    await assert.rejects(client.health(), (err: unknown) => err instanceof MeilisearchRequestError && engineErrorCode(err) === undefined);
  });

  test('engine accepts but never answers – the request fails after the idle timeout instead of hanging', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    await assert.rejects(httpTransport(150)(`http://127.0.0.1:${port}/health`), /sent nothing for 150 ms/);
    assert.ok(Date.now() - started < 5_000);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
