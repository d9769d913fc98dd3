/** /tasks: list with filters and pagination, get one, cancel, delete; /batches derived from tasks. */
import { MeiliError } from '../errors.js';
import { FILTER_PARAMS, hasFilter, parseTaskFilter, taskIndexUids } from '../tasks/task-filter.js';
import { enqueue, intParam } from './route-helpers.js';
import { isoDuration } from '../tasks/task-model.js';
import type { Engine } from './route-helpers.js';
import type { Route, RequestContext } from '../http/router.js';
import type { Task } from '../tasks/task-model.js';

function missingFilters(verb: string): MeiliError {
  return new MeiliError(
    'missing_task_filters',
    `Query parameters to filter the tasks to ${verb} are missing. Available query parameters are: ${FILTER_PARAMS.map((p) => `\`${p}\``).join(', ')}.`,
  );
}

function visible(task: Task, ctx: RequestContext): boolean {
  const uids = taskIndexUids(task);
  return uids.length === 0 || uids.every(ctx.canAccessIndex);
}

function uidParam(raw: string, what: 'Task' | 'Batch'): number {
  if (!/^\d+$/.test(raw)) {
    const code = what === 'Task' ? 'invalid_task_uids' : 'invalid_batch_uids';
    throw new MeiliError(code, `Invalid value in parameter \`${what.toLowerCase()}Uid\`: could not parse \`${raw}\` as a positive integer`);
  }
  return Number(raw);
}

/** `?from=&limit=&reverse=` pagination over a newest-first list, with `next` pointing at the following page. */
function page<T extends { uid: number }>(items: T[], query: URLSearchParams, code: 'task' | 'batch'): { results: T[]; total: number; limit: number; from: number | null; next: number | null } {
  const limit = intParam(query, 'limit', 20, `invalid_${code}_limit`);
  const fromRaw = query.get('from');
  const from = fromRaw === null ? null : intParam(query, 'from', 0, `invalid_${code}_from`);
  const reverse = query.get('reverse') === 'true';
  const ordered = reverse ? [...items].reverse() : items;
  const start = from === null ? ordered : ordered.filter((t) => (reverse ? t.uid >= from : t.uid <= from));
  const results = start.slice(0, limit);
  const next = start.length > limit ? start[limit].uid : null;
  return { results, total: items.length, limit, from: results.length > 0 ? results[0].uid : null, next };
}

/** Batches are not stored separately: each is the group of tasks that share a batchUid. */
function batchesOf(tasks: Task[]): Record<string, unknown>[] {
  const groups = new Map<number, Task[]>();
  for (const task of tasks) {
    if (task.batchUid === null) continue;
    const group = groups.get(task.batchUid) ?? [];
    group.push(task);
    groups.set(task.batchUid, group);
  }
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([uid, group]) => {
      const count = (key: (t: Task) => string | null): Record<string, number> => {
        const out: Record<string, number> = {};
        for (const t of group) {
          const k = key(t);
          if (k !== null) out[k] = (out[k] ?? 0) + 1;
        }
        return out;
      };
      const startedAt = group.map((t) => t.startedAt ?? '').sort()[0] || null;
      const finished = group.every((t) => t.finishedAt !== null);
      const finishedAt = finished ? group.map((t) => t.finishedAt as string).sort().at(-1) ?? null : null;
      const duration = startedAt && finishedAt ? isoDuration(Date.parse(finishedAt) - Date.parse(startedAt)) : null;
      return {
        uid,
        progress: null,
        details: {},
        stats: { totalNbTasks: group.length, status: count((t) => t.status), types: count((t) => t.type), indexUids: count((t) => t.indexUid), progressTrace: {} },
        duration,
        startedAt,
        finishedAt,
        batchStrategy: 'batched the enqueued tasks in order (at most 64); task cancelation and deletion run first and alone',
      };
    });
}

export function taskRoutes(engine: Engine): Route[] {
  const { queue } = engine.store;
  const originalFilter = (query: URLSearchParams): string => `?${query.toString()}`;
  const findTask = (ctx: RequestContext): Task => {
    const uid = uidParam(ctx.params.taskUid, 'Task');
    const task = queue.get(uid);
    if (!task || !visible(task, ctx)) throw new MeiliError('task_not_found', `Task \`${uid}\` not found.`, 404);
    return task;
  };
  return [
    {
      method: 'GET',
      pattern: '/tasks',
      action: 'tasks.get',
      handler: (ctx) => {
        const filter = parseTaskFilter(ctx.query);
        return { status: 200, body: page(queue.find(filter).filter((t) => visible(t, ctx)), ctx.query, 'task') };
      },
    },
    {
      method: 'GET',
      pattern: '/tasks/:taskUid',
      action: 'tasks.get',
      handler: (ctx) => ({ status: 200, body: findTask(ctx) }),
    },
    {
      method: 'GET',
      pattern: '/tasks/:taskUid/documents',
      action: 'tasks.get',
      handler: (ctx) => {
        const data = queue.documentsOf(findTask(ctx).uid).map((doc) => `${JSON.stringify(doc)}\n`).join('');
        return { status: 200, text: { contentType: 'application/x-ndjson', data } };
      },
    },
    {
      method: 'POST',
      pattern: '/tasks/cancel',
      action: 'tasks.cancel',
      handler: ({ query }) => {
        if (!hasFilter(query)) throw missingFilters('cancel');
        const filter = parseTaskFilter(query);
        const matched = queue.find(filter).filter((t) => t.status === 'enqueued' || t.status === 'processing').length;
        return enqueue(engine, null, 'taskCancelation', { matchedTasks: matched, canceledTasks: null, originalFilter: originalFilter(query) }, { kind: 'cancelTasks', filter, query: query.toString() }, query);
      },
    },
    {
      method: 'DELETE',
      pattern: '/tasks',
      action: 'tasks.delete',
      handler: ({ query }) => {
        if (!hasFilter(query)) throw missingFilters('delete');
        const filter = parseTaskFilter(query);
        const matched = queue.find(filter).length;
        return enqueue(engine, null, 'taskDeletion', { matchedTasks: matched, deletedTasks: null, originalFilter: originalFilter(query) }, { kind: 'deleteTasks', filter, query: query.toString() }, query);
      },
    },
    {
      method: 'GET',
      pattern: '/batches',
      action: 'tasks.get',
      handler: (ctx) => {
        const filter = parseTaskFilter(ctx.query);
        return { status: 200, body: page(batchesOf(queue.find(filter).filter((t) => visible(t, ctx))) as { uid: number }[], ctx.query, 'batch') };
      },
    },
    {
      method: 'GET',
      pattern: '/batches/:batchUid',
      action: 'tasks.get',
      handler: (ctx) => {
        const uid = uidParam(ctx.params.batchUid, 'Batch');
        const batch = batchesOf(queue.find({ batchUids: [uid] }).filter((t) => visible(t, ctx)))[0];
        if (!batch) throw new MeiliError('batch_not_found', `Batch \`${uid}\` not found.`, 404);
        return { status: 200, body: batch };
      },
    },
  ];
}
