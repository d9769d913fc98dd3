/** Shared setup for the embedded search HTTP tests: an engine in a temp dir and clients for it. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startEmbeddedSearch } from '../../../src/embedded/search/index.js';
import type { EmbeddedSearch, EmbeddedSearchOptions } from '../../../src/embedded/search/index.js';

export const MASTER_KEY = 'test-master-key-0123456789';

export interface TestEngine {
  engine: EmbeddedSearch;
  dbPath: string;
  client: Meilisearch;
  /** Stops the engine and removes its directory. */
  close(): Promise<void>;
}

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'embedded-search-'));
}

export async function startTestEngine(options: Partial<EmbeddedSearchOptions> = {}): Promise<TestEngine> {
  const dbPath = options.dbPath ?? (await makeTempDir());
  const engine = await startEmbeddedSearch({ port: 0, masterKey: MASTER_KEY, log: () => undefined, ...options, dbPath });
  const client = new Meilisearch({ host: engine.url, apiKey: options.masterKey === null ? undefined : (options.masterKey ?? MASTER_KEY), defaultWaitOptions: { interval: 5 } });
  return {
    engine,
    dbPath,
    client,
    async close() {
      await engine.stop();
      await fs.rm(dbPath, { recursive: true, force: true });
    },
  };
}

/** A raw HTTP call, for what the client cannot send (bad bodies, missing headers). */
export async function rawRequest(
  url: string,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${init.path}`, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
}

/** The `cause` of a MeilisearchApiError: Meilisearch's `{message, code, type, link}`. */
export async function apiError(promise: Promise<unknown>): Promise<{ code: string; type: string; message: string; link: string }> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: { code: string; type: string; message: string; link: string } }).cause;
    if (cause) return cause;
    throw err;
  }
  throw new Error('expected the request to fail');
}
