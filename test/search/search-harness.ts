/**
 * The embedded search engine for search tests, next to the test database of startTestApp():
 * a temp data dir, a client configured for searchKnowledge, and a sync worker with short delays.
 * `syncNow()` marks records written without a mark, then runs worker cycles until nothing is pending; `stopEngine()`/`restartEngine()` make an
 * outage on the same data dir and port. Always `await h.stop()` in after().
 */
import fs from 'node:fs/promises';
import { after, before } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { startEmbeddedSearch, type EmbeddedSearch } from '../../src/embedded/search/index.js';
import { createSearchClient } from '../../src/search/client.js';
import { clearSearchConfiguration, configureSearch } from '../../src/search/search-context.js';
import { createUser, type CreatedUser } from '../helpers/factories.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { markUnsyncedRecords, SearchSyncWorker, type SyncWorkerOptions } from '../../src/search/sync-worker.js';

const MASTER_KEY = 'test-master-key-for-search-tests';

export interface SearchHarness {
  client: Meilisearch;
  worker: SearchSyncWorker;
  /** Another worker on the same engine and database (e.g. a second app process). */
  newWorker(options?: Partial<SyncWorkerOptions>): SearchSyncWorker;
  syncNow(): Promise<void>;
  stopEngine(): Promise<void>;
  restartEngine(): Promise<void>;
  stop(): Promise<void>;
}

export const FAST_SYNC: Partial<SyncWorkerOptions> = { pollMs: 20, backoffMs: 20, maxBackoffMs: 200, leaseMs: 5_000 };

export async function startSearchHarness(): Promise<SearchHarness> {
  const dbPath = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-search-'));
  const log = () => undefined;
  let engine: EmbeddedSearch | null = await startEmbeddedSearch({ dbPath, port: 0, masterKey: MASTER_KEY, log });
  const port = engine.port;
  const client = createSearchClient({ host: engine.url, apiKey: MASTER_KEY });
  configureSearch(client);
  const workers: SearchSyncWorker[] = [];
  const newWorker = (options: Partial<SyncWorkerOptions> = {}) => {
    const worker = new SearchSyncWorker({ client, ...FAST_SYNC, ...options });
    workers.push(worker);
    return worker;
  };
  const worker = newWorker();
  return {
    client,
    worker,
    newWorker,
    async syncNow() {
      await markUnsyncedRecords();
      for (let round = 0; round < 100; round += 1) {
        if ((await worker.runCycle()) === 0) return;
      }
      throw new Error('search sync did not settle');
    },
    async stopEngine() {
      await engine?.stop();
      engine = null;
    },
    async restartEngine() {
      engine = await startEmbeddedSearch({ dbPath, port, masterKey: MASTER_KEY, log });
    },
    async stop() {
      for (const w of workers) await w.stop();
      await engine?.stop();
      clearSearchConfiguration();
      await fs.rm(dbPath, { recursive: true, force: true });
    },
  };
}

/** The same client, except that `beforeAdd` runs before every addDocuments call (race tests). */
export function withHook(client: Meilisearch, beforeAdd: () => Promise<unknown>): Meilisearch {
  const bound = (target: object, prop: string | symbol) => {
    const value: unknown = Reflect.get(target, prop);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop !== 'index') return bound(target, prop);
      return (uid: string) =>
        new Proxy(target.index(uid), {
          get(index, name) {
            if (name !== 'addDocuments') return bound(index, name);
            return async (...args: Parameters<typeof index.addDocuments>) => {
              await beforeAdd();
              return index.addDocuments(...args);
            };
          },
        });
    },
  });
}

export interface SearchSuite {
  t: TestApp;
  h: SearchHarness;
  staff: CreatedUser;
}

/**
 * Registers the usual before/after hooks of a search suite: the test app with its database, the
 * search harness beside it, and one staff user. Fields are set once the before hook has run.
 */
export function useSearchSuite(): SearchSuite {
  const suite = {} as SearchSuite;
  before(async () => {
    suite.t = await startTestApp();
    suite.h = await startSearchHarness();
    suite.staff = await createUser({ role: 'staff' });
  });
  after(async () => {
    await suite.h.stop();
    await suite.t.stop();
  });
  return suite;
}
