/**
 * The embedded Meilisearch-compatible engine: `startEmbeddedSearch` opens the data directory and
 * serves the HTTP API on 127.0.0.1 for the official `meilisearch` client.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { KeyStore } from './auth/key-store.js';
import { DEFAULT_PAYLOAD_LIMIT } from './http/body.js';
import { Router } from './http/router.js';
import { createSearchServer } from './http/server.js';
import { chatSettingsRoutes } from './routes/chat-settings-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { facetSearchRoutes } from './routes/facet-search.js';
import { indexRoutes } from './routes/index-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { taskRoutes } from './routes/task-routes.js';
import { openEngineStore } from './storage/engine-store.js';
import { replaceFileAtomically } from './storage/journal.js';
import type { Engine } from './routes/route-helpers.js';

export interface EmbeddedSearchOptions {
  dbPath: string;
  /** 0 picks a free port. */
  port: number;
  /** Without one, every route is open (as Meilisearch without a master key). */
  masterKey?: string | null;
  /** Largest accepted request body in bytes (default 100 MiB, as Meilisearch). */
  payloadLimit?: number;
  /** Journal size in bytes that triggers a snapshot (default 128 MiB). */
  snapshotThresholdBytes?: number;
  log?: (line: string) => void;
}

export interface EmbeddedSearch {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The instance's creation time, kept so the default keys' dates do not change across restarts. */
function instanceCreatedAt(dbPath: string): string {
  const file = path.join(dbPath, 'meta.json');
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { createdAt: string }).createdAt;
  const createdAt = new Date().toISOString();
  replaceFileAtomically(file, JSON.stringify({ createdAt }));
  return createdAt;
}

export async function startEmbeddedSearch(options: EmbeddedSearchOptions): Promise<EmbeddedSearch> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const masterKey = options.masterKey ? options.masterKey : null;
  fs.mkdirSync(options.dbPath, { recursive: true });
  const store = openEngineStore({ dbPath: options.dbPath, snapshotThresholdBytes: options.snapshotThresholdBytes, log });
  const keys = masterKey === null ? null : new KeyStore(masterKey, options.dbPath, instanceCreatedAt(options.dbPath));
  const engine: Engine = { store, keys, dbPath: options.dbPath };

  const router = new Router();
  router.add([...systemRoutes(engine), ...indexRoutes(engine), ...documentRoutes(engine), ...settingsRoutes(engine), ...chatSettingsRoutes(engine), ...searchRoutes(engine), ...facetSearchRoutes(engine), ...taskRoutes(engine)]);
  const server = createSearchServer({ router, masterKey, keys, payloadLimit: options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT, log });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.close();
      })();
      return stopping;
    },
  };
}
