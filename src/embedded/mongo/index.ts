/**
 * The embedded MongoDB-compatible engine: `startEmbeddedMongo({dbPath, port})` opens (and, after a
 * crash, recovers) the data under dbPath, then serves the MongoDB wire protocol on 127.0.0.1.
 */
import { Catalog } from './catalog/catalog.js';
import { CursorStore } from './commands/cursors.js';
import { createDispatcher } from './commands/dispatch.js';
import type { Metrics, ServerContext } from './commands/context.js';
import { Storage } from './storage/storage.js';
import { sweepExpired } from './ttl.js';
import { listenWire, type WireServer } from './wire/server.js';

export interface EmbeddedMongoOptions {
  dbPath: string;
  /** 0 picks any free port. Default 27017. */
  port?: number;
  /** Compaction threshold (journal size); default 64 MB. Small values are for tests. */
  compactMinBytes?: number;
  /** How often the TTL monitor runs; default 1000 ms. */
  ttlIntervalMs?: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  /** Runs the TTL monitor now; returns how many documents expired. */
  sweepExpired(): number;
  /** Closes connections, syncs the journal to disk and releases the data directory. */
  stop(): Promise<void>;
}

function newMetrics(): Metrics {
  return {
    opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
    document: { inserted: 0, returned: 0, updated: 0, deleted: 0 },
    collectionScans: 0,
  };
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const catalog = new Catalog();
  const storage = Storage.open(options.dbPath, catalog, { compactMinBytes: options.compactMinBytes });
  const cursors = new CursorStore();
  let wire: WireServer | undefined;
  const sweep = (): number => {
    const removed = sweepExpired(catalog);
    storage.journal.commit();
    return removed;
  };
  const ctx: ServerContext = {
    catalog,
    storage,
    cursors,
    metrics: newMetrics(),
    startedAt: new Date(),
    connections: () => ({ current: wire?.connectionCount() ?? 0, totalCreated: wire?.totalConnections() ?? 0 }),
    sweepExpired: sweep,
  };
  try {
    wire = await listenWire(options.port ?? 27017, createDispatcher(ctx));
  } catch (err) {
    await storage.close();
    throw err;
  }
  const timer = setInterval(() => {
    try {
      sweep();
      cursors.expireIdle();
      storage.maybeCompact();
    } catch (err) {
      process.stderr.write(`[embedded-mongo] background task failed: ${String(err)}\n`);
    }
  }, options.ttlIntervalMs ?? 1000);
  timer.unref();

  const server = wire;
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${server.port}/`,
    port: server.port,
    sweepExpired: sweep,
    stop: () => {
      stopping ??= (async () => {
        clearInterval(timer);
        await server.close();
        cursors.clear();
        await storage.close();
      })();
      return stopping;
    },
  };
}
