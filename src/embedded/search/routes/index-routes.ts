/** /indexes, /indexes/:uid, /swap-indexes and the stats routes. */
import { MeiliError } from '../errors.js';
import { requireJson } from '../http/body.js';
import { asObject, checkIndexUid, enqueue, intParam, knownFields, paginate } from './route-helpers.js';
import type { Engine } from './route-helpers.js';
import type { IndexEntry } from '../tasks/catalog.js';
import type { Route } from '../http/router.js';

function indexView(entry: IndexEntry): Record<string, unknown> {
  return { uid: entry.uid, createdAt: entry.createdAt, updatedAt: entry.updatedAt, primaryKey: entry.index.primaryKey };
}

function indexStats(engine: Engine, entry: IndexEntry): Record<string, unknown> {
  const count = entry.index.numberOfDocuments;
  return {
    numberOfDocuments: count,
    rawDocumentDbSize: 0,
    avgDocumentSize: 0,
    isIndexing: engine.store.queue.isIndexing(entry.uid),
    numberOfEmbeddings: 0,
    numberOfEmbeddedDocuments: 0,
    fieldDistribution: entry.index.fieldDistribution(),
  };
}

function primaryKeyField(body: Record<string, unknown>): string | null {
  const pk = body.primaryKey ?? null;
  if (pk !== null && typeof pk !== 'string') {
    throw new MeiliError('invalid_index_primary_key', `Invalid value type at \`.primaryKey\`: expected a string, but found ${JSON.stringify(pk)}`);
  }
  return pk;
}

function parseSwaps(body: unknown): { indexes: [string, string]; rename: boolean }[] {
  if (!Array.isArray(body)) throw new MeiliError('bad_request', `Invalid value type: expected an array, but found: \`${JSON.stringify(body)}\``);
  const seen = new Set<string>();
  return body.map((item, i) => {
    const swap = asObject(item);
    knownFields(swap, ['indexes', 'rename']);
    const pair = swap.indexes;
    if (pair === undefined) throw new MeiliError('missing_swap_indexes', `Missing field \`indexes\` inside \`[${i}]\``);
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new MeiliError('invalid_swap_indexes', `Two indexes must be given for each swap. The list \`${JSON.stringify(pair)}\` contains ${Array.isArray(pair) ? pair.length : 0} indexes.`);
    }
    const [a, b] = pair.map((uid) => checkIndexUid(uid, 'invalid_swap_indexes'));
    for (const uid of [a, b]) {
      if (seen.has(uid)) throw new MeiliError('invalid_swap_duplicate_index_found', `Indexes must be declared only once during a swap. \`${uid}\` was specified several times.`);
      seen.add(uid);
    }
    if (swap.rename !== undefined && typeof swap.rename !== 'boolean') {
      throw new MeiliError('invalid_swap_rename', `Invalid value type at \`[${i}].rename\`: expected a boolean, but found ${JSON.stringify(swap.rename)}`);
    }
    return { indexes: [a, b] as [string, string], rename: swap.rename === true };
  });
}

export function indexRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  return [
    {
      method: 'GET',
      pattern: '/indexes',
      action: 'indexes.get',
      handler: ({ query, canAccessIndex }) => {
        const offset = intParam(query, 'offset', 0, 'invalid_index_offset');
        const limit = intParam(query, 'limit', 20, 'invalid_index_limit');
        const visible = catalog.list().filter((e) => canAccessIndex(e.uid));
        return { status: 200, body: paginate(visible.map(indexView), offset, limit) };
      },
    },
    {
      method: 'POST',
      pattern: '/indexes',
      action: 'indexes.create',
      handler: ({ req, raw, query }) => {
        const body = asObject(requireJson(req, raw));
        knownFields(body, ['uid', 'primaryKey']);
        if (body.uid === undefined) throw new MeiliError('missing_index_uid', 'Missing field `uid`');
        const uid = checkIndexUid(body.uid);
        const primaryKey = primaryKeyField(body);
        return enqueue(engine, uid, 'indexCreation', { primaryKey }, { kind: 'createIndex', primaryKey }, query);
      },
    },
    {
      method: 'GET',
      pattern: '/indexes/:uid',
      action: 'indexes.get',
      handler: ({ params }) => ({ status: 200, body: indexView(catalog.get(checkIndexUid(params.uid))) }),
    },
    {
      method: 'PATCH',
      pattern: '/indexes/:uid',
      action: 'indexes.update',
      handler: ({ req, raw, params, query }) => {
        const uid = checkIndexUid(params.uid);
        const body = asObject(requireJson(req, raw));
        knownFields(body, ['primaryKey', 'uid']);
        const newUid = body.uid === undefined ? undefined : checkIndexUid(body.uid);
        const primaryKey = body.primaryKey === undefined ? undefined : primaryKeyField(body);
        const details: Record<string, unknown> = { primaryKey: primaryKey ?? null };
        if (newUid !== undefined) Object.assign(details, { oldIndexUid: uid, newIndexUid: newUid });
        return enqueue(engine, uid, 'indexUpdate', details, { kind: 'updateIndex', primaryKey, newUid }, query);
      },
    },
    {
      method: 'DELETE',
      pattern: '/indexes/:uid',
      action: 'indexes.delete',
      handler: ({ params, query }) => enqueue(engine, checkIndexUid(params.uid), 'indexDeletion', { deletedDocuments: null }, { kind: 'deleteIndex' }, query),
    },
    {
      method: 'POST',
      pattern: '/swap-indexes',
      action: 'indexes.swap',
      handler: ({ req, raw, query, canAccessIndex }) => {
        const swaps = parseSwaps(requireJson(req, raw));
        if (swaps.some((s) => !s.indexes.every(canAccessIndex))) throw new MeiliError('invalid_api_key', 'The provided API key is invalid.', 403, 'auth');
        return enqueue(engine, null, 'indexSwap', { swaps }, { kind: 'swapIndexes', swaps }, query);
      },
    },
    {
      method: 'GET',
      pattern: '/indexes/:uid/stats',
      action: 'stats.get',
      handler: ({ params }) => ({ status: 200, body: indexStats(engine, catalog.get(checkIndexUid(params.uid))) }),
    },
    {
      method: 'GET',
      pattern: '/stats',
      action: 'stats.get',
      handler: ({ canAccessIndex }) => {
        const indexes: Record<string, unknown> = {};
        let lastUpdate: string | null = null;
        for (const entry of catalog.list()) {
          if (!canAccessIndex(entry.uid)) continue;
          indexes[entry.uid] = indexStats(engine, entry);
          if (lastUpdate === null || entry.updatedAt > lastUpdate) lastUpdate = entry.updatedAt;
        }
        const size = engine.store.diskUsage();
        return { status: 200, body: { databaseSize: size, usedDatabaseSize: size, lastUpdate, indexes } };
      },
    },
  ];
}
