/** /indexes/:uid/documents and its sub-routes. */
import { MeiliError } from '../errors.js';
import { documentsBody, requireJson } from '../http/body.js';
import { asObject, checkIndexUid, enqueue, intField, intParam, knownFields, listParam, withVectors } from './route-helpers.js';
import type { SearchIndex } from '../core/index.js';
import type { Engine } from './route-helpers.js';
import type { Route, RequestContext, Reply } from '../http/router.js';
import type { TaskPayload } from '../tasks/task-model.js';

/** An optional array of strings in a fetch body (`fields`, `sort`). */
function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) {
    throw new MeiliError(`invalid_document_${field}`, `Invalid value type at \`.${field}\`: expected an array, but found ${JSON.stringify(value)}`);
  }
  return value as string[];
}

function checkFilter(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || Array.isArray(value)) return value;
  throw new MeiliError('invalid_document_filter', `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(value)}\`.`);
}

interface ListQuery {
  retrieveVectors: unknown;
  offset: number;
  limit: number;
  fields: string[] | undefined;
  filter: unknown;
  ids: unknown;
  sort: string[] | undefined;
}

type Page = { results: Record<string, unknown>[]; offset: number; limit: number; total: number };

function listPage(index: SearchIndex, q: ListQuery): Page {
  if (q.ids !== undefined) return byIds(index, q.ids, q.offset, q.limit, q.fields);
  if (q.sort === undefined || q.sort.length === 0) return index.getDocuments(q);
  // Sorted listing goes through the search path, which knows sortable attributes and sort order.
  const { total } = index.getDocuments({ filter: q.filter, limit: 0 });
  const { hits } = index.search({ q: '', filter: q.filter ?? null, sort: q.sort, offset: q.offset, limit: q.limit, attributesToRetrieve: q.fields ?? ['*'] });
  return { results: hits, offset: q.offset, limit: q.limit, total };
}

/** Search errors (sorted listing goes through search) concern the documents route here. */
function asDocumentError(err: unknown): unknown {
  if (!(err instanceof MeiliError)) return err;
  const renamed: Record<string, string> = { invalid_search_filter: 'invalid_document_filter', invalid_search_sort: 'invalid_document_sort' };
  const code = renamed[err.code];
  return code ? new MeiliError(code, err.message, err.status, err.type) : err;
}

function addDocuments(engine: Engine, mode: 'replace' | 'update') {
  return ({ req, raw, params, query }: RequestContext): Reply => {
    const uid = checkIndexUid(params.uid);
    const delimiter = query.get('csvDelimiter') ?? ',';
    if (delimiter.length !== 1) {
      throw new MeiliError('invalid_document_csv_delimiter', 'Invalid value in parameter `csvDelimiter`: expected a string of one character, but found the following string of ' + delimiter.length + ' characters: `' + delimiter + '`');
    }
    const primaryKey = query.get('primaryKey') ?? undefined;
    const documents = documentsBody(req, raw, delimiter);
    const skipCreation = query.get('skipCreation') === 'true';
    const payload: TaskPayload = { kind: 'addDocuments', documents, mode, primaryKey, ...(skipCreation ? { skipCreation } : {}) };
    return enqueue(engine, uid, 'documentAdditionOrUpdate', { receivedDocuments: documents.length, indexedDocuments: null }, payload, query);
  };
}

export function documentRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  const list = (uid: string, q: ListQuery): Reply => {
    const index = catalog.get(checkIndexUid(uid)).index;
    try {
      const page = listPage(index, q);
      return { status: 200, body: { ...page, results: withVectors(page.results, q.retrieveVectors) } };
    } catch (err) {
      throw asDocumentError(err);
    }
  };
  return [
    { method: 'POST', pattern: '/indexes/:uid/documents', action: 'documents.add', handler: addDocuments(engine, 'replace') },
    { method: 'PUT', pattern: '/indexes/:uid/documents', action: 'documents.add', handler: addDocuments(engine, 'update') },
    {
      method: 'GET',
      pattern: '/indexes/:uid/documents',
      action: 'documents.get',
      handler: ({ params, query }) =>
        list(params.uid, {
          offset: intParam(query, 'offset', 0, 'invalid_document_offset'),
          limit: intParam(query, 'limit', 20, 'invalid_document_limit'),
          fields: listParam(query, 'fields'),
          filter: query.get('filter') ?? undefined,
          ids: listParam(query, 'ids'),
          sort: listParam(query, 'sort'),
          retrieveVectors: query.get('retrieveVectors'),
        }),
    },
    {
      method: 'POST',
      pattern: '/indexes/:uid/documents/fetch',
      action: 'documents.get',
      handler: ({ req, raw, params }) => {
        const body = asObject(requireJson(req, raw));
        knownFields(body, ['offset', 'limit', 'fields', 'filter', 'ids', 'retrieveVectors', 'sort']);
        return list(params.uid, {
          offset: intField(body, 'offset', 0, 'invalid_document_offset'),
          limit: intField(body, 'limit', 20, 'invalid_document_limit'),
          fields: stringList(body.fields, 'fields'),
          filter: checkFilter(body.filter),
          ids: body.ids ?? undefined,
          sort: stringList(body.sort, 'sort'),
          retrieveVectors: body.retrieveVectors,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/indexes/:uid/documents/:id',
      action: 'documents.get',
      handler: ({ params, query }) => {
        const index = catalog.get(checkIndexUid(params.uid)).index;
        const doc = index.getDocument(params.id, listParam(query, 'fields'));
        return { status: 200, body: withVectors([doc], query.get('retrieveVectors'))[0] };
      },
    },
    {
      method: 'DELETE',
      pattern: '/indexes/:uid/documents/:id',
      action: 'documents.delete',
      handler: ({ params, query }) =>
        enqueue(engine, checkIndexUid(params.uid), 'documentDeletion', { providedIds: 1, deletedDocuments: null, originalFilter: null }, { kind: 'deleteDocuments', ids: [params.id] }, query),
    },
    {
      method: 'POST',
      pattern: '/indexes/:uid/documents/delete-batch',
      action: 'documents.delete',
      handler: ({ req, raw, params, query }) => {
        const uid = checkIndexUid(params.uid);
        const ids = requireJson(req, raw);
        if (!Array.isArray(ids)) throw new MeiliError('bad_request', `Invalid value type: expected an array, but found: \`${JSON.stringify(ids)}\``);
        const valid = ids.map((id) => {
          if (typeof id !== 'string' && typeof id !== 'number') throw new MeiliError('invalid_document_id', `Document identifier \`${JSON.stringify(id)}\` is invalid.`);
          return id;
        });
        return enqueue(engine, uid, 'documentDeletion', { providedIds: valid.length, deletedDocuments: null, originalFilter: null }, { kind: 'deleteDocuments', ids: valid }, query);
      },
    },
    {
      method: 'POST',
      pattern: '/indexes/:uid/documents/delete',
      action: 'documents.delete',
      handler: ({ req, raw, params, query }) => {
        const uid = checkIndexUid(params.uid);
        const body = asObject(requireJson(req, raw));
        knownFields(body, ['filter']);
        if (body.filter === undefined || body.filter === null) throw new MeiliError('missing_document_filter', 'Missing field `filter`');
        const filter = checkFilter(body.filter);
        if ((typeof filter === 'string' && filter.trim() === '') || (Array.isArray(filter) && filter.length === 0)) {
          throw new MeiliError('invalid_document_filter', 'Sending an empty filter is forbidden.');
        }
        return enqueue(engine, uid, 'documentDeletion', { providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify(filter) }, { kind: 'deleteByFilter', filter }, query);
      },
    },
    {
      method: 'DELETE',
      pattern: '/indexes/:uid/documents',
      action: 'documents.delete',
      handler: ({ params, query }) =>
        enqueue(engine, checkIndexUid(params.uid), 'documentDeletion', { providedIds: 0, deletedDocuments: null, originalFilter: null }, { kind: 'deleteAllDocuments' }, query),
    },
  ];
}

/** `ids` on the fetch routes: the listed documents, in the order given, then paginated. */
function byIds(index: SearchIndex, ids: unknown, offset: number, limit: number, fields: string[] | undefined): Page {
  if (!Array.isArray(ids)) throw new MeiliError('invalid_document_ids', `Invalid value type at \`.ids\`: expected an array, but found ${JSON.stringify(ids)}`);
  const found = ids.flatMap((id) => {
    try {
      return [index.getDocument(String(id), fields)];
    } catch {
      return [];
    }
  });
  return { results: found.slice(offset, offset + limit), offset, limit, total: found.length };
}
