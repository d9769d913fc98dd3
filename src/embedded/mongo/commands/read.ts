/** find, getMore, killCursors, count, distinct. */
import { Long } from 'bson';
import { applyProjection, compareValues, getPath, makeComparator, nearDistance, sortDocuments, type Collation } from '../query/index.js';
import { commandError } from '../errors.js';
import { idKeyOf, type Collection } from '../catalog/collection.js';
import { canonicalKey } from '../catalog/keys.js';
import { hintOrder, RUN_END, scanQuery, sortedScan, sortKeyFields, type Plan } from '../catalog/planner.js';
import {
  bool,
  collationOf,
  collectionName,
  countScan,
  num,
  optionalDoc,
  type CommandFn,
  type Doc,
  type ServerContext,
} from './context.js';

export interface FindSpec {
  filter?: Doc;
  sort?: Doc;
  projection?: Doc;
  skip: number;
  limit: number;
  collation?: Collation;
  deadline?: number;
  hint?: unknown;
}

export function parseFind(body: Doc, coll: Collection | undefined): FindSpec & { singleBatch: boolean; batchSize?: number } {
  if (body.tailable || body.awaitData) throw commandError('CommandNotSupported', 'tailable cursors (capped collections) are not supported by the embedded MongoDB engine');
  let limit = num(body.limit);
  let singleBatch = bool(body.singleBatch);
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const skip = num(body.skip);
  if (skip < 0) throw commandError('BadValue', 'skip value must be non-negative');
  return {
    filter: optionalDoc(body.filter, 'filter'),
    sort: optionalDoc(body.sort, 'sort'),
    projection: optionalDoc(body.projection, 'projection'),
    skip,
    limit,
    collation: collationOf(body, coll),
    deadline: deadlineOf(body),
    hint: body.hint,
    singleBatch,
    batchSize: body.batchSize === undefined ? undefined : num(body.batchSize),
  };
}

/** The command's maxTimeMS as an epoch-ms deadline. */
export function deadlineOf(body: Doc): number | undefined {
  const ms = num(body.maxTimeMS);
  return ms > 0 ? Date.now() + ms : undefined;
}

function isNaturalSort(sort: Doc): boolean {
  return Object.keys(sort).length === 1 && '$natural' in sort;
}

type Compare = (a: unknown, b: unknown) => number;

/**
 * Adds `doc` to `out`, a sorted buffer of at most `k` documents (the first k in sort order seen so
 * far); ties keep their arrival order, as a stable sort would.
 */
function keepFirst(out: Doc[], doc: Doc, compare: Compare, k: number): void {
  if (out.length === k && compare(doc, out[k - 1]) >= 0) return;
  let lo = 0;
  let hi = out.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(out[mid], doc) <= 0) lo = mid + 1;
    else hi = mid;
  }
  out.splice(lo, 0, doc);
  if (out.length > k) out.pop();
}

/** The first `k` documents in sort order without sorting them all (a page of a large result). */
function firstSorted(docs: Iterable<Doc>, sort: Doc, collation: Collation | undefined, k: number): Doc[] {
  const compare = makeComparator(sort, collation);
  const out: Doc[] = [];
  for (const doc of docs) keepFirst(out, doc, compare, k);
  return out;
}

/**
 * The page skip..skip+limit from a walk in the order of the sort's first field: each run of equal
 * first values ordered by the whole sort, keeping only what the page can still take.
 */
function pageOfWalk(walk: Iterable<Doc | typeof RUN_END>, sort: Doc, spec: FindSpec): Doc[] {
  const compare = makeComparator(sort, spec.collation);
  const wanted = spec.skip + spec.limit;
  const page: Doc[] = [];
  let run: Doc[] = [];
  for (const item of walk) {
    if (item !== RUN_END) keepFirst(run, item, compare, wanted - page.length);
    else {
      page.push(...run);
      run = [];
      if (page.length >= wanted) break;
    }
  }
  return page.slice(spec.skip, wanted);
}

/** The documents read whole when they were read in part (for their sort keys). */
function wholeIf(partial: boolean, coll: Collection | undefined, docs: Doc[]): Doc[] {
  return partial && coll ? docs.map((doc) => coll.get(idKeyOf(doc)) as Doc) : docs;
}

/** Filter, sort, skip and limit; the plan says how the documents were found. */
export function executeFind(ctx: ServerContext, coll: Collection | undefined, spec: FindSpec): { docs: Doc[]; plan: Plan } {
  const sort = spec.sort && Object.keys(spec.sort).length > 0 ? spec.sort : undefined;
  const ordered = sort && spec.limit && spec.hint === undefined ? sortedScan(coll, spec.filter, sort, spec.skip + spec.limit, { collation: spec.collation, deadline: spec.deadline }) : undefined;
  if (ordered && sort) return { docs: wholeIf(ordered.partial, coll, pageOfWalk(ordered.walk, sort, spec)), plan: ordered.plan };
  const stopAfter = !sort && spec.limit ? spec.skip + spec.limit : 0;
  const distance = sort ? undefined : nearDistance(spec.filter);
  const wanted = spec.limit ? spec.skip + spec.limit : 0;
  // A page of a large collection: only the page's documents are kept while the matches stream by,
  // read for their sort keys, and the page's own read whole at the end.
  const page = sort && !isNaturalSort(sort) && wanted && wanted * 8 < (coll?.size ?? 0) ? sort : undefined;
  const { matches, plan, partial } = scanQuery(coll, spec.filter, {
    collation: spec.collation,
    deadline: spec.deadline,
    limit: distance ? 0 : stopAfter,
    onCollectionScan: countScan(ctx),
    fields: page && sortKeyFields(page),
  });
  if (page) return { docs: wholeIf(partial, coll, firstSorted(matches, page, spec.collation, wanted).slice(spec.skip)), plan };
  const docs = [...matches];
  let results = docs;
  const hinted = sort ? undefined : hintOrder(coll, spec.hint);
  if (hinted) results = sortDocuments(docs, hinted, spec.collation);
  else if (distance) {
    // $near without a sort: nearest first, as mongod returns them.
    results = docs.map((doc) => ({ doc, d: distance(doc) })).sort((a, b) => a.d - b.d).map((e) => e.doc);
  } else if (sort && isNaturalSort(sort)) {
    if (num(sort.$natural) < 0) results = [...docs].reverse();
  } else if (sort) results = sortDocuments(docs, sort, spec.collation);
  if (spec.skip || spec.limit) results = results.slice(spec.skip, spec.limit ? spec.skip + spec.limit : undefined);
  return { docs: results, plan };
}

/** Applies a find projection; positional `arr.$` projections need the query that matched. */
export function projector(projection: Doc | undefined, matchedFilter?: Doc, collation?: Collation): ((doc: Doc) => Doc) | undefined {
  if (!projection || Object.keys(projection).length === 0) return undefined;
  return (doc) => applyProjection(doc, projection, { matchedFilter, collation });
}

const find: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'find');
  const coll = ctx.catalog.get(db, name);
  const spec = parseFind(body, coll);
  ctx.metrics.opcounters.query++;
  const { docs } = executeFind(ctx, coll, spec);
  ctx.metrics.document.returned += docs.length;
  return ctx.cursors.open(`${db}.${name}`, docs, {
    batchSize: spec.batchSize,
    singleBatch: spec.singleBatch,
    transform: projector(spec.projection, spec.filter, spec.collation),
  });
};

function cursorId(v: unknown): bigint {
  if (v instanceof Long) return v.toBigInt();
  if (typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  throw commandError('TypeMismatch', "Field 'getMore' must be of type long");
}

const getMore: CommandFn = ({ db, body, ctx }) => {
  ctx.metrics.opcounters.getmore++;
  const name = typeof body.collection === 'string' ? body.collection : '';
  const batchSize = body.batchSize === undefined ? undefined : num(body.batchSize);
  return ctx.cursors.getMore(`${db}.${name}`, cursorId(body.getMore), batchSize);
};

const killCursors: CommandFn = ({ body, ctx }) => {
  const ids = Array.isArray(body.cursors) ? body.cursors.map(cursorId) : [];
  return ctx.cursors.kill(ids);
};

const count: CommandFn = ({ db, body, ctx }) => {
  const coll = ctx.catalog.get(db, collectionName(body, 'count'));
  const query = optionalDoc(body.query, 'query');
  const skip = num(body.skip);
  const limit = Math.abs(num(body.limit));
  let n: number;
  if (!query || Object.keys(query).length === 0) n = coll?.size ?? 0;
  else {
    n = 0;
    for (const _match of scanQuery(coll, query, { collation: collationOf(body, coll), onCollectionScan: countScan(ctx), fields: [] }).matches) n += 1;
  }
  n = Math.max(0, n - skip);
  return { n: limit ? Math.min(n, limit) : n, ok: 1 };
};

const distinct: CommandFn = ({ db, body, ctx }) => {
  const coll = ctx.catalog.get(db, collectionName(body, 'distinct'));
  if (typeof body.key !== 'string') throw commandError('TypeMismatch', "BSON field 'distinct.key' is missing or the wrong type, expected type string");
  const collation = collationOf(body, coll);
  const { matches } = scanQuery(coll, optionalDoc(body.query, 'query'), { collation, onCollectionScan: countScan(ctx), fields: [body.key.split('.')[0]] });
  const seen = new Map<string, unknown>();
  for (const doc of matches) {
    for (const value of getPath(doc, body.key)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v === undefined) continue;
        const key = canonicalKey(v, collation);
        if (!seen.has(key)) seen.set(key, v);
      }
    }
  }
  const values = [...seen.values()].sort((a, b) => compareValues(a, b, collation));
  return { values, ok: 1 };
};

export const readCommands: Record<string, CommandFn> = { find, getMore, killCursors, count, distinct };
