/**
 * The search sync worker: polls MongoDB for marked records while it holds the sync lease, pushes
 * them in batches (sync-batch.ts), and retries failures with exponential backoff, so changes
 * written while the engine was down land once it is back, without anyone acting.
 */
import { randomUUID } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { engineErrorText } from './client.js';
import { settleDocumentVersion } from './document-version.js';
import { applyKnowledgeSettings, KNOWLEDGE_INDEX } from './knowledge-index.js';
import { KNOWLEDGE_SOURCES } from './knowledge-sources.js';
import { markRecordsOfChangedAgencies, markRecordsOfChangedTopics } from './reference-changes.js';
import { markRecordsLinkingChanged } from './linked-records.js';
import { syncPendingBatch } from './sync-batch.js';
import { SyncLease } from './sync-lease.js';
import { recordSyncError, recordSyncSuccess } from './sync-status.js';

export const SYNC_LEASE_NAME = 'knowledge-sync';

export interface SyncLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SyncWorkerOptions {
  client: Meilisearch;
  indexUid?: string;
  batchSize?: number;
  /** Pause between polls when nothing is pending. */
  pollMs?: number;
  /** First retry delay; doubles per consecutive failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  leaseMs?: number;
  logger?: SyncLogger;
  /** Called with the number of documents each successful push sent (metrics, tests). */
  onPush?: (pushed: number) => void;
}

export class SearchSyncWorker {
  readonly owner = randomUUID();
  private readonly lease: SyncLease;
  private readonly indexUid: string;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;
  private failures = 0;
  private indexReady = false;

  constructor(private readonly options: SyncWorkerOptions) {
    this.indexUid = options.indexUid ?? KNOWLEDGE_INDEX;
    this.lease = new SyncLease(SYNC_LEASE_NAME, this.owner, options.leaseMs ?? 30_000);
  }

  start(): this {
    if (this.running) return this;
    this.stopped = false;
    this.running = this.loop();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
    await this.lease.release().catch(() => undefined);
  }

  /**
   * One cycle: take/renew the lease, make sure the index's documents are of this code's shape
   * (document-version.ts) and that the index and its settings exist, push one batch.
   * Returns how many marks were handled (0: nothing pending, or another process holds the lease).
   */
  async runCycle(): Promise<number> {
    if (!(await this.lease.acquire())) return 0;
    try {
      const shape = await settleDocumentVersion(this.options.client, this.indexUid);
      if (shape === 'newer') {
        // A newer version of the app runs too (a rolling upgrade): its worker pushes, in its own shape.
        await this.lease.release();
        return 0;
      }
      // 'older' includes an engine that lost its data: the index must exist with its settings before
      // the first push, or adding documents would create it without them.
      if (!this.indexReady || shape === 'older') {
        await applyKnowledgeSettings(this.options.client, this.indexUid);
        this.indexReady = true;
      }
      await markRecordsOfChangedAgencies();
      await markRecordsOfChangedTopics();
      await markRecordsLinkingChanged();
      const { handled, pushed } = await syncPendingBatch(this.options.client, this.indexUid, this.options.batchSize ?? 200);
      if (pushed > 0) {
        this.options.onPush?.(pushed);
        await recordSyncSuccess(pushed);
      }
      return handled;
    } catch (err) {
      // The engine may come back empty (a new server): settings are applied again before the next push.
      this.indexReady = false;
      throw err;
    }
  }

  private backoffDelay(): number {
    const base = this.options.backoffMs ?? 500;
    const delay = Math.min(base * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 30_000);
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }

  private async loop(): Promise<void> {
    await markUnsyncedRecords().catch(() => undefined);
    while (!this.stopped) {
      let delay = this.options.pollMs ?? 1000;
      try {
        const handled = await this.runCycle();
        if (this.failures > 0) this.options.logger?.info({ after: this.failures }, 'search sync recovered');
        this.failures = 0;
        if (handled > 0) delay = 0;
      } catch (err) {
        this.failures += 1;
        delay = this.backoffDelay();
        this.options.logger?.warn({ err: engineErrorText(err), failures: this.failures, retryInMs: delay }, 'search sync failed; will retry');
        await recordSyncError(err).catch(() => undefined);
      }
      if (delay > 0 && !this.stopped) await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Records written before sync marks existed (no `searchSync` field) are marked once, at start. */
export async function markUnsyncedRecords(): Promise<void> {
  for (const source of KNOWLEDGE_SOURCES) {
    await source.model.collection.updateMany({ searchSync: { $exists: false } }, { $set: { searchSync: { pending: true, version: 1 } } });
  }
}
