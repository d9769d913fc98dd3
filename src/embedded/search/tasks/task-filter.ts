/** Parses the task filter query string (GET /tasks, POST /tasks/cancel, DELETE /tasks) and matches tasks against it. */
import { MeiliError } from '../errors.js';
import { TASK_STATUSES, TASK_TYPES, filterTimestamp } from './task-model.js';
import type { Task, TaskFilter, TaskStatus, TaskType } from './task-model.js';

const DATE_FILTERS = ['beforeEnqueuedAt', 'afterEnqueuedAt', 'beforeStartedAt', 'afterStartedAt', 'beforeFinishedAt', 'afterFinishedAt'] as const;
const LIST_FILTERS = ['uids', 'batchUids', 'statuses', 'types', 'indexUids', 'canceledBy'] as const;

export const FILTER_PARAMS: readonly string[] = [...LIST_FILTERS, ...DATE_FILTERS];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function list(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function uidList(params: URLSearchParams, name: string): number[] | undefined {
  const values = list(params, name);
  if (values === undefined || values.includes('*')) return undefined;
  return values.map((v) => {
    if (!/^\d+$/.test(v)) {
      throw new MeiliError(`invalid_task_${snake(name)}`, `Invalid value in parameter \`${name}\`: could not parse \`${v}\` as a positive integer`);
    }
    return Number(v);
  });
}

function enumList<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined {
  const values = list(params, name);
  if (values === undefined || values.includes('*')) return undefined;
  for (const v of values) {
    if (!allowed.includes(v as T)) {
      const expected = allowed.map((a) => `\`${a}\``).join(', ');
      throw new MeiliError(`invalid_task_${snake(name)}`, `Invalid value in parameter \`${name}\`: \`${v}\` is not a valid ${name.slice(0, -1)}. Available ${name} are ${expected}.`);
    }
  }
  return values as T[];
}

export function parseTaskFilter(params: URLSearchParams): TaskFilter {
  const filter: TaskFilter = {
    uids: uidList(params, 'uids'),
    batchUids: uidList(params, 'batchUids'),
    canceledBy: uidList(params, 'canceledBy'),
    statuses: enumList<TaskStatus>(params, 'statuses', TASK_STATUSES),
    types: enumList<TaskType>(params, 'types', TASK_TYPES),
  };
  const indexUids = list(params, 'indexUids');
  if (indexUids !== undefined && !indexUids.includes('*')) {
    for (const uid of indexUids) {
      if (!/^[A-Za-z0-9_-]{1,400}$/.test(uid)) {
        throw new MeiliError('invalid_task_index_uids', `Invalid value in parameter \`indexUids\`: \`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`);
      }
    }
    filter.indexUids = indexUids;
  }
  for (const name of DATE_FILTERS) {
    const raw = params.get(name);
    if (raw === null || raw === '*') continue;
    if (Number.isNaN(Date.parse(raw))) {
      throw new MeiliError(`invalid_task_${snake(name)}`, `Invalid value in parameter \`${name}\`: \`${raw}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.`);
    }
    filter[name] = filterTimestamp(raw);
  }
  return filter;
}

/** True when the query string holds at least one filter (cancel and delete refuse to run without one). */
export function hasFilter(params: URLSearchParams): boolean {
  return FILTER_PARAMS.some((name) => params.has(name));
}

function before(value: string | null, limit: string | undefined): boolean {
  return limit === undefined || (value !== null && value < limit);
}

function after(value: string | null, limit: string | undefined): boolean {
  return limit === undefined || (value !== null && value > limit);
}

export function matchesFilter(task: Task, f: TaskFilter): boolean {
  return (
    (!f.uids || f.uids.includes(task.uid)) &&
    (!f.batchUids || (task.batchUid !== null && f.batchUids.includes(task.batchUid))) &&
    (!f.canceledBy || (task.canceledBy !== null && f.canceledBy.includes(task.canceledBy))) &&
    (!f.statuses || f.statuses.includes(task.status)) &&
    (!f.types || f.types.includes(task.type)) &&
    (!f.indexUids || taskIndexUids(task).some((uid) => f.indexUids?.includes(uid))) &&
    before(task.enqueuedAt, f.beforeEnqueuedAt) &&
    after(task.enqueuedAt, f.afterEnqueuedAt) &&
    before(task.startedAt, f.beforeStartedAt) &&
    after(task.startedAt, f.afterStartedAt) &&
    before(task.finishedAt, f.beforeFinishedAt) &&
    after(task.finishedAt, f.afterFinishedAt)
  );
}

/** The indexes a task touches: its own, or both sides of every swap. */
export function taskIndexUids(task: Task): string[] {
  if (task.type === 'indexSwap') {
    const swaps = (task.details?.swaps ?? []) as { indexes: string[] }[];
    return swaps.flatMap((s) => s.indexes);
  }
  return task.indexUid === null ? [] : [task.indexUid];
}
