/** Task shapes as Meilisearch v1.x reports them, and the write requests (payloads) they carry. */
import type { Settings } from '../core/index.js';

export type TaskStatus = 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';

export const TASK_STATUSES: readonly TaskStatus[] = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'];

export const TASK_TYPES = [
  'indexCreation',
  'indexUpdate',
  'indexDeletion',
  'indexSwap',
  'documentAdditionOrUpdate',
  'documentDeletion',
  'settingsUpdate',
  'taskCancelation',
  'taskDeletion',
  'dumpCreation',
  'snapshotCreation',
  // Never produced here, but valid in filters (Meilisearch knows them).
  'documentEdition',
  'upgradeDatabase',
  'networkTopologyChange',
  'dsrUpdate',
  'dsrClear',
  'indexCompaction',
  'export',
] as const;

export type TaskType = (typeof TASK_TYPES)[number];

export interface ErrorBody {
  message: string;
  code: string;
  type: string;
  link: string;
}

export interface Task {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details: Record<string, unknown> | null;
  error: ErrorBody | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The `customMetadata` query parameter of the write, when given. */
  customMetadata?: string;
}

/** The filter accepted by GET /tasks, POST /tasks/cancel and DELETE /tasks. */
export interface TaskFilter {
  uids?: number[];
  batchUids?: number[];
  statuses?: TaskStatus[];
  types?: TaskType[];
  indexUids?: string[];
  canceledBy?: number[];
  beforeEnqueuedAt?: string;
  afterEnqueuedAt?: string;
  beforeStartedAt?: string;
  afterStartedAt?: string;
  beforeFinishedAt?: string;
  afterFinishedAt?: string;
}

export type Doc = Record<string, unknown>;

/** What a task does once it runs; stored in the journal so replay repeats it exactly. */
export type TaskPayload =
  | { kind: 'createIndex'; primaryKey: string | null }
  | { kind: 'updateIndex'; primaryKey?: string | null; newUid?: string }
  | { kind: 'deleteIndex' }
  | { kind: 'swapIndexes'; swaps: { indexes: [string, string]; rename: boolean }[] }
  | { kind: 'addDocuments'; documents: Doc[]; mode: 'replace' | 'update'; primaryKey?: string; skipCreation?: boolean }
  | { kind: 'deleteDocuments'; ids: (string | number)[] }
  | { kind: 'deleteByFilter'; filter: unknown }
  | { kind: 'deleteAllDocuments' }
  | { kind: 'updateSettings'; patch: Partial<Settings> }
  | { kind: 'updateChat'; patch: Record<string, unknown> }
  | { kind: 'cancelTasks'; filter: TaskFilter; query: string }
  | { kind: 'deleteTasks'; filter: TaskFilter; query: string };

/** The 202 answer to every write. */
export function summarize(task: Task): Pick<Task, 'indexUid' | 'status' | 'type' | 'enqueuedAt'> & { taskUid: number } {
  return { taskUid: task.uid, indexUid: task.indexUid, status: task.status, type: task.type, enqueuedAt: task.enqueuedAt };
}

/** ISO 8601 duration as Meilisearch prints it, e.g. "PT0.012S". */
export function isoDuration(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(3).replace(/\.?0+$/, '') || '0'}S`;
}

/**
 * An RFC 3339 timestamp with nanosecond digits, as Meilisearch writes task dates. The sub-millisecond
 * digits come from the monotonic clock, so `afterEnqueuedAt=<a millisecond date>` excludes tasks
 * enqueued within that same millisecond only when they really came before it.
 */
export function preciseTimestamp(ms = Date.now()): string {
  const subMs = (process.hrtime.bigint() % 1_000_000n).toString().padStart(6, '0');
  return new Date(ms).toISOString().replace('Z', `${subMs}Z`);
}

/** A date from a task filter, written like `preciseTimestamp` so the two compare as strings. */
export function filterTimestamp(raw: string): string {
  return new Date(raw).toISOString().replace('Z', '000000Z');
}

/** Milliseconds since `start` (a performance.now() reading), floored as Meilisearch reports them. */
export function elapsedMs(start: number): number {
  return Math.floor(performance.now() - start);
}
