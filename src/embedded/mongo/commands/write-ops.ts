/** The single-document write steps shared by insert, update, delete and findAndModify. */
import { ObjectId } from 'bson';
import { applyUpdate, upsertSeed, type Collation } from '../query/index.js';
import { commandError, MongoCommandError } from '../errors.js';
import type { Collection } from '../catalog/collection.js';
import { DuplicateKeyError } from '../catalog/duplicate-key.js';
import type { Doc, ServerContext } from './context.js';

export interface UpdateSpec {
  arrayFilters?: Doc[];
  collation?: Collation;
  filter: Doc;
}

/** `_id` first (generated when absent), as mongod stores every document. */
export function withIdFirst(doc: Doc): Doc {
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  if (Array.isArray(doc._id)) throw commandError('InvalidIdField', "The '_id' value cannot be of type array");
  if (doc._id instanceof RegExp || (doc._id as { _bsontype?: string })?._bsontype === 'BSONRegExp') {
    throw commandError('InvalidIdField', "The '_id' value cannot be of type regex");
  }
  if (Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function isReplacement(update: unknown): boolean {
  if (Array.isArray(update) || update === null || typeof update !== 'object') return false;
  const first = Object.keys(update)[0];
  return first === undefined || !first.startsWith('$');
}

/** Applies `update` to the stored `doc`; stores and returns the result when it changed. */
export function updateStored(ctx: ServerContext, coll: Collection, doc: Doc, update: Doc | Doc[], spec: UpdateSpec): { doc: Doc; modified: boolean } {
  const result = applyUpdate(doc, update, { arrayFilters: spec.arrayFilters, matchedFilter: spec.filter, collation: spec.collation });
  if (result.modified) {
    const next = withIdFirst(result.doc);
    ctx.catalog.replace(coll, next);
    ctx.metrics.document.updated++;
    return { doc: next, modified: true };
  }
  return { doc, modified: false };
}

/** The upsert path: seed from the filter's equality fields, apply the update as an insert. */
export function upsertNew(ctx: ServerContext, db: string, name: string, update: Doc | Doc[], spec: UpdateSpec): Doc {
  const seed = upsertSeed(spec.filter);
  const result = applyUpdate(seed, update, { arrayFilters: spec.arrayFilters, matchedFilter: spec.filter, collation: spec.collation, isInsert: true });
  const doc = withIdFirst(result.doc);
  ctx.catalog.insert(ctx.catalog.ensure(db, name), doc);
  ctx.metrics.document.inserted++;
  return doc;
}

/** A `writeErrors` entry for a failed statement; unexpected errors propagate. */
export function writeErrorOf(index: number, err: unknown): Doc {
  if (!(err instanceof MongoCommandError)) throw err;
  return {
    index,
    code: err.code,
    ...(err instanceof DuplicateKeyError && err.details()),
    errmsg: err.message,
  };
}
