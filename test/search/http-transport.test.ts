import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
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

  /** Runs `check` against a local HTTP server, closed afterwards even when the check fails. */
  async function withServer(handler: http.RequestListener, check: (url: string) => Promise<void>): Promise<void> {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await check(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test('a kept-alive connection the engine closed – the request is sent again on a new one, once', async () => {
    // Every connection answers its first request and is dropped when the next one arrives on it,
    // as when the engine closes an idle connection just as the client writes on it.
    let received = 0;
    const served = new WeakSet<net.Socket>();
    const handler: http.RequestListener = (req, res) => {
      received++;
      if (served.has(req.socket)) return req.socket.destroy();
      served.add(req.socket);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ n: received }));
    };
    await withServer(handler, async (base) => {
      const transport = httpTransport();
      const url = `${base}/indexes/uji/documents`;
      assert.deepEqual(await transport(url, { method: 'POST', body: '[]' }), { n: 1 });
      assert.deepEqual(await transport(url, { method: 'POST', body: '[]' }), { n: 3 });
      assert.equal(received, 3);
    });
  });

  test('a fresh connection that fails – not sent again', async () => {
    let received = 0;
    const handler: http.RequestListener = (req) => {
      received++;
      req.socket.destroy();
    };
    await withServer(handler, async (base) => {
      await assert.rejects(httpTransport()(`${base}/health`), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET');
      assert.equal(received, 1);
    });
  });
});
