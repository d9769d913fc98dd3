/**
 * The task queue: writes are journaled when enqueued, then run one batch at a time in uid order
 * (task cancelations and deletions first).
 * A batch's results are appended to the journal and fdatasync'd before any of its tasks is
 * reported finished, so a task seen as `succeeded` survives kill -9 and power loss.
 */
import { MeiliError } from '../errors.js';
import { isoDuration, preciseTimestamp } from './task-model.js';
import { matchesFilter } from './task-filter.js';
import type { Catalog } from './catalog.js';
import type { Journal } from '../storage/journal.js';
import type { Doc, Task, TaskFilter, TaskPayload, TaskType } from './task-model.js';

export type JournalRecord =
  | { t: 'enq'; task: Task; payload: TaskPayload }
  | { t: 'fin'; task: Task; deletedUids?: number[] };

export interface QueueOptions {
  /** Finished tasks kept for GET /tasks; the oldest are forgotten beyond this. */
  maxTasks: number;
  /** Called between batches when the journal has grown past the snapshot threshold. */
  onBatchDone: () => void;
  log: (line: string) => void;
}

const MAX_BATCH_TASKS = 64;
/** GET /tasks/:uid/documents serves the documents of the most recent addition tasks only. */
const RETAINED_DOCUMENT_TASKS = 16;
const RETAINED_DOCUMENTS = 20_000;
const FINAL = new Set(['succeeded', 'failed', 'canceled']);

export function isFinished(task: Task): boolean {
  return FINAL.has(task.status);
}

export class TaskQueue {
  readonly tasks = new Map<number, Task>();
  private readonly payloads = new Map<number, TaskPayload>();
  private readonly recentDocuments = new Map<number, Doc[]>();
  private pending: number[] = [];
  nextUid = 0;
  nextBatchUid = 0;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Set when the journal could not be written: no task may then be reported as done, so the queue stops. */
  private storageFailure: Error | null = null;

  constructor(
    private readonly catalog: Catalog,
    private readonly journal: Journal,
    private readonly options: QueueOptions,
  ) {}

  enqueue(indexUid: string | null, type: TaskType, details: Record<string, unknown> | null, payload: TaskPayload, customMetadata?: string): Task {
    if (this.storageFailure) throw new MeiliError('io_error', `The task queue stopped after a storage error: ${this.storageFailure.message}`, 500, 'system');
    if (this.stopped) throw new MeiliError('internal', 'The engine is shutting down.', 503, 'internal');
    const task: Task = {
      uid: this.nextUid,
      batchUid: null,
      indexUid,
      status: 'enqueued',
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: preciseTimestamp(),
      startedAt: null,
      finishedAt: null,
      ...(customMetadata === undefined ? {} : { customMetadata }),
    };
    this.journal.append({ t: 'enq', task, payload } satisfies JournalRecord);
    this.nextUid += 1;
    this.tasks.set(task.uid, task);
    this.payloads.set(task.uid, payload);
    this.pending.push(task.uid);
    this.kick();
    return task;
  }

  get(uid: number): Task | undefined {
    return this.tasks.get(uid);
  }

  /** The documents a task received, while enqueued and for a few recent tasks after; [] otherwise. */
  documentsOf(uid: number): Doc[] {
    const payload = this.payloads.get(uid);
    if (payload?.kind === 'addDocuments') return payload.documents;
    return this.recentDocuments.get(uid) ?? [];
  }

  private retainDocuments(uid: number, payload: TaskPayload): void {
    if (payload.kind !== 'addDocuments' || payload.documents.length > RETAINED_DOCUMENTS) return;
    this.recentDocuments.set(uid, payload.documents);
    let total = 0;
    for (const docs of this.recentDocuments.values()) total += docs.length;
    for (const [oldest, docs] of this.recentDocuments) {
      if (this.recentDocuments.size <= RETAINED_DOCUMENT_TASKS && total <= RETAINED_DOCUMENTS) break;
      this.recentDocuments.delete(oldest);
      total -= docs.length;
    }
  }

  /** Matching tasks, newest first. */
  find(filter: TaskFilter): Task[] {
    const out: Task[] = [];
    for (const task of this.tasks.values()) if (matchesFilter(task, filter)) out.push(task);
    return out.sort((a, b) => b.uid - a.uid);
  }

  pendingRecords(): JournalRecord[] {
    return this.pending.map((uid) => ({ t: 'enq', task: this.tasks.get(uid) as Task, payload: this.payloads.get(uid) as TaskPayload }));
  }

  /** Every task with a uid up to this one has finished (cancelations run first, so later uids may have too). */
  finishedThroughUid(): number {
    // `pending` stays in uid order.
    return (this.pending.length > 0 ? this.pending[0] : this.nextUid) - 1;
  }

  isIndexing(indexUid: string): boolean {
    return this.pending.some((uid) => this.tasks.get(uid)?.indexUid === indexUid);
  }

  /** Rebuilds state from journal records (after any snapshot has been loaded). */
  replay(records: unknown[], alreadyApplied: (uid: number) => boolean): void {
    for (const raw of records) {
      const record = raw as JournalRecord;
      const uid = record.task.uid;
      this.nextUid = Math.max(this.nextUid, uid + 1);
      if (record.task.batchUid !== null) this.nextBatchUid = Math.max(this.nextBatchUid, record.task.batchUid + 1);
      if (alreadyApplied(uid)) continue;
      if (record.t === 'enq') {
        this.tasks.set(uid, record.task);
        this.payloads.set(uid, record.payload);
        continue;
      }
      const payload = this.payloads.get(uid);
      if (record.task.status === 'succeeded' && payload && payload.kind !== 'cancelTasks' && payload.kind !== 'deleteTasks') {
        try {
          this.catalog.apply(record.task.indexUid, payload, record.task.startedAt ?? record.task.enqueuedAt);
        } catch (err) {
          this.options.log(`journal replay: task ${uid} no longer applies (${(err as Error).message})`);
        }
      }
      for (const deleted of record.deletedUids ?? []) this.tasks.delete(deleted);
      this.tasks.set(uid, record.task);
      this.payloads.delete(uid);
    }
    // Tasks journaled but never finished run again, in order.
    this.pending = [...this.payloads.keys()].sort((a, b) => a - b);
    for (const uid of this.pending) {
      const task = this.tasks.get(uid) as Task;
      this.tasks.set(uid, { ...task, status: 'enqueued', batchUid: null, startedAt: null });
    }
    this.kick();
  }

  /** Resolves once every enqueued task has finished. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.drain();
  }

  private kick(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.loop())
      .catch((err: Error) => {
        // The batch's tasks stay "processing": their results never reached the disk.
        this.storageFailure = err;
        this.stopped = true;
        this.options.log(`search task queue stopped: journal write failed: ${err.stack ?? err.message}`);
      })
      .finally(() => {
        this.running = null;
        if (!this.stopped) this.kick();
      });
  }

  private async loop(): Promise<void> {
    while (this.pending.length > 0) {
      await this.runBatch(this.takeBatch());
      this.options.onBatchDone();
    }
  }

  /**
   * Task cancelation and deletion run first and alone, as in Meilisearch (a cancelation must reach
   * the tasks still waiting); other consecutive tasks share a batch.
   */
  private takeBatch(): number[] {
    const isQueueTask = (uid: number): boolean => {
      const kind = this.payloads.get(uid)?.kind;
      return kind === 'cancelTasks' || kind === 'deleteTasks';
    };
    const urgent = this.pending.findIndex(isQueueTask);
    if (urgent >= 0) return this.pending.splice(urgent, 1);
    return this.pending.splice(0, MAX_BATCH_TASKS);
  }

  private async runBatch(uids: number[]): Promise<void> {
    const batchUid = this.nextBatchUid++;
    const records: JournalRecord[] = [];
    const sideEffects: (() => void)[] = [];
    for (const uid of uids) {
      const task = this.tasks.get(uid) as Task;
      const payload = this.payloads.get(uid) as TaskPayload;
      const started = Date.now();
      const startedAt = preciseTimestamp(started);
      this.tasks.set(uid, { ...task, status: 'processing', batchUid, startedAt });
      let result: Pick<Task, 'status' | 'details' | 'error'>;
      let deletedUids: number[] | undefined;
      try {
        if (payload.kind === 'cancelTasks') {
          result = { status: 'succeeded', error: null, details: { ...task.details, canceledTasks: this.cancel(uid, payload.filter, sideEffects, batchUid, records) } };
        } else if (payload.kind === 'deleteTasks') {
          deletedUids = this.matchFinished(uid, payload.filter);
          sideEffects.push(() => deletedUids?.forEach((d) => this.tasks.delete(d)));
          result = { status: 'succeeded', error: null, details: { ...task.details, deletedTasks: deletedUids.length } };
        } else {
          result = { status: 'succeeded', error: null, details: finishDetails(task, this.catalog.apply(task.indexUid, payload, startedAt)) };
        }
      } catch (err) {
        const error = err instanceof MeiliError ? err : new MeiliError('internal', (err as Error).message, 500, 'internal');
        result = { status: 'failed', error: error.toJSON(), details: finishDetails(task, failedDetails(task)) };
      }
      const finished = Date.now();
      records.push({
        t: 'fin',
        task: { ...task, ...result, batchUid, startedAt, finishedAt: preciseTimestamp(finished), duration: isoDuration(finished - started) },
        deletedUids,
      });
    }
    for (const record of records) this.journal.append(record);
    await this.journal.sync();
    for (const record of records) {
      this.tasks.set(record.task.uid, record.task);
      this.retainDocuments(record.task.uid, this.payloads.get(record.task.uid) as TaskPayload);
      this.payloads.delete(record.task.uid);
    }
    for (const effect of sideEffects) effect();
    this.forgetOldTasks();
  }

  private cancel(uid: number, filter: TaskFilter, sideEffects: (() => void)[], batchUid: number, records: JournalRecord[]): number {
    const now = preciseTimestamp();
    const victims = this.pending.filter((p) => matchesFilter(this.tasks.get(p) as Task, filter));
    for (const victim of victims) {
      const task = this.tasks.get(victim) as Task;
      records.push({ t: 'fin', task: { ...task, status: 'canceled', canceledBy: uid, batchUid, finishedAt: now, duration: null, details: finishDetails(task, failedDetails(task)) } });
    }
    sideEffects.push(() => {
      const gone = new Set(victims);
      this.pending = this.pending.filter((p) => !gone.has(p));
    });
    return victims.length;
  }

  private matchFinished(self: number, filter: TaskFilter): number[] {
    return this.find(filter).filter((t) => t.uid !== self && isFinished(t)).map((t) => t.uid);
  }

  private forgetOldTasks(): void {
    let excess = this.tasks.size - this.options.maxTasks;
    for (const [uid, task] of this.tasks) {
      if (excess <= 0) break;
      if (!isFinished(task)) continue;
      this.tasks.delete(uid);
      excess -= 1;
    }
  }
}

/** Counters that were null while enqueued become numbers once the task ends. */
function finishDetails(task: Task, result: Record<string, unknown>): Record<string, unknown> | null {
  if (task.details === null) return null;
  const details: Record<string, unknown> = { ...task.details, ...result };
  return details;
}

function failedDetails(task: Task): Record<string, unknown> {
  switch (task.type) {
    case 'documentAdditionOrUpdate':
      return { indexedDocuments: 0 };
    case 'documentDeletion':
    case 'indexDeletion':
      return { deletedDocuments: 0 };
    default:
      return {};
  }
}
