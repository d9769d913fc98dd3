/**
 * Rebuilds the search index from MongoDB without downtime: every live record goes into a fresh
 * index with the current settings, the fresh index is swapped with the live one (POST
 * /swap-indexes), and the old one is deleted. It holds the sync lease meanwhile, so workers pause;
 * marks written during the rebuild stay pending and the worker pushes them into the new index.
 */
import { randomUUID } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { indexExists } from './client.js';
import { recordDocumentVersion } from './document-version.js';
import { applyKnowledgeSettings, KNOWLEDGE_INDEX, PRIMARY_KEY, waitForTask, type KnowledgeSearchDocument } from './knowledge-index.js';
import { KNOWLEDGE_SOURCES, type StoredRecord } from './knowledge-sources.js';
import { buildSearchDocuments } from './search-documents.js';
import { SyncLease } from './sync-lease.js';
import { SYNC_LEASE_NAME } from './sync-worker.js';

export interface ReindexOptions {
  client: Meilisearch;
  indexUid?: string;
  batchSize?: number;
  /** Called after each batch with records done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** How long to wait for a running worker to let go of the lease. */
  leaseWaitMs?: number;
  leaseMs?: number;
}

export interface ReindexResult {
  indexed: number;
  durationMs: number;
}

const LIVE = { deletedAt: null };

export async function reindexKnowledge(options: ReindexOptions): Promise<ReindexResult> {
  const started = Date.now();
  const { client } = options;
  const liveUid = options.indexUid ?? KNOWLEDGE_INDEX;
  const batchSize = options.batchSize ?? 500;
  const lease = new SyncLease(SYNC_LEASE_NAME, `reindex-${randomUUID()}`, options.leaseMs ?? 60_000);
  if (!(await lease.acquireWithin(options.leaseWaitMs ?? 65_000))) throw new Error('the search sync lease stayed busy; try again');
  const buildUid = `${liveUid}_build_${Date.now()}`;
  try {
    await applyKnowledgeSettings(client, buildUid);
    const counts = await Promise.all(KNOWLEDGE_SOURCES.map((s) => s.model.countDocuments(LIVE)));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    options.onProgress?.(0, total);
    const index = client.index<KnowledgeSearchDocument>(buildUid);
    for (const source of KNOWLEDGE_SOURCES) {
      let batch: StoredRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const documents = await buildSearchDocuments(source, batch);
        await waitForTask(client, (await index.addDocuments(documents, { primaryKey: PRIMARY_KEY })).taskUid, 60_000);
        done += batch.length;
        batch = [];
        options.onProgress?.(done, total);
        if (!(await lease.acquire())) throw new Error('lost the search sync lease during reindex');
      };
      for await (const record of source.model.find(LIVE).sort({ _id: 1 }).lean<StoredRecord[]>().cursor()) {
        batch.push(record as StoredRecord);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    }
    if (!(await indexExists(client, liveUid))) await applyKnowledgeSettings(client, liveUid);
    await waitForTask(client, (await client.swapIndexes([{ indexes: [liveUid, buildUid], rename: false }])).taskUid);
    await waitForTask(client, (await client.deleteIndex(buildUid)).taskUid);
    await recordDocumentVersion(client, liveUid);
    return { indexed: done, durationMs: Date.now() - started };
  } catch (err) {
    await client.deleteIndex(buildUid).catch(() => undefined);
    throw err;
  } finally {
    await lease.release().catch(() => undefined);
  }
}
