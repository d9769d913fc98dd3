/** createIndexes, listIndexes, dropIndexes with mongod's conflict rules and reply shapes. */
import { commandError } from '../errors.js';
import type { Collection } from '../catalog/collection.js';
import type { IndexSpec } from '../catalog/secondary-index.js';
import { collectionName, lookupCollection, num, optionalDoc, type CommandFn, type Doc } from './context.js';

const OPTION_KEYS = ['background', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation', 'hidden', 'weights', 'default_language', 'language_override', 'textIndexVersion', '2dsphereIndexVersion', 'bits', 'min', 'max', 'wildcardProjection'];

function defaultName(key: Doc): string {
  return Object.entries(key).map(([field, dir]) => `${field}_${typeof dir === 'string' ? dir : num(dir)}`).join('_');
}

/** Normalises a createIndexes entry into the stored spec (`{v: 2, key, name, …options}`). */
function toSpec(raw: Doc): IndexSpec {
  const key = optionalDoc(raw.key, 'key');
  if (!key || Object.keys(key).length === 0) throw commandError('CannotCreateIndex', 'Index keys cannot be empty.');
  const normalKey: Doc = {};
  for (const [field, dir] of Object.entries(key)) normalKey[field] = typeof dir === 'string' ? dir : num(dir);
  const name = typeof raw.name === 'string' ? raw.name : defaultName(normalKey);
  const spec: IndexSpec = { v: 2, key: normalKey, name };
  for (const option of OPTION_KEYS) {
    if (raw[option] === undefined) continue;
    if (option === 'unique' || option === 'sparse' || option === 'hidden') {
      if (raw[option]) spec[option] = true;
    } else if (option === 'background') spec.background = Boolean(raw.background);
    else if (option === 'expireAfterSeconds') spec.expireAfterSeconds = num(raw[option]);
    else spec[option] = raw[option];
  }
  return spec;
}

const comparable = (spec: IndexSpec): string => {
  // `background` is a build hint that mongod ignores when comparing index definitions.
  const { v: _v, name: _name, key: _key, background: _background, ...options } = spec;
  return JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
};

/** True when an equal index exists already; throws for mongod's conflicting-index cases. */
function alreadyExists(coll: Collection, spec: IndexSpec): boolean {
  const sameKey = (s: IndexSpec): boolean => JSON.stringify(s.key) === JSON.stringify(spec.key);
  for (const existing of coll.indexSpecs()) {
    if (existing.name === spec.name) {
      if (!sameKey(existing)) {
        throw commandError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
      }
      if (existing.name !== '_id_' && comparable(existing) !== comparable(spec)) {
        throw commandError('IndexOptionsConflict', `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
      }
      return true;
    }
    if (sameKey(existing) && comparable(existing) === comparable(spec)) {
      throw commandError('IndexOptionsConflict', `Index already exists with a different name: ${existing.name}`);
    }
  }
  return false;
}

const createIndexes: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'createIndexes');
  if (!Array.isArray(body.indexes) || body.indexes.length === 0) throw commandError('BadValue', 'Must specify at least one index to create');
  const existed = ctx.catalog.get(db, name);
  const coll = existed ?? ctx.catalog.ensure(db, name);
  // Indexes inherit the collection's default collation, as mongod records them.
  const defaultCollation = coll.options.collation;
  const specs = (body.indexes as Doc[]).map((raw) => toSpec(defaultCollation && raw.collation === undefined ? { ...raw, collation: defaultCollation } : raw));
  const numIndexesBefore = coll.indexes.size + 1;
  const fresh = specs.filter((spec) => !alreadyExists(coll, spec));
  for (const spec of fresh) {
    if (spec.name === '_id_') continue;
    ctx.catalog.createIndex(coll, spec);
  }
  const reply: Doc = { numIndexesBefore, numIndexesAfter: coll.indexes.size + 1, createdCollectionAutomatically: !existed };
  if (fresh.length === 0) reply.note = 'all indexes already exist';
  reply.ok = 1;
  return reply;
};

const listIndexes: CommandFn = (input) => {
  const coll = lookupCollection(input, 'listIndexes');
  if (!coll) throw commandError('NamespaceNotFound', `ns does not exist: ${input.db}.${String(input.body.listIndexes)}`);
  const cursor = optionalDoc(input.body.cursor, 'cursor') ?? {};
  const batchSize = cursor.batchSize === undefined ? Number.MAX_SAFE_INTEGER : num(cursor.batchSize);
  return input.ctx.cursors.open(coll.ns, coll.indexSpecs() as Doc[], { batchSize });
};

const dropIndexes: CommandFn = (input) => {
  const coll = lookupCollection(input, 'dropIndexes');
  if (!coll) throw commandError('NamespaceNotFound', `ns not found ${input.db}.${String(input.body.dropIndexes)}`);
  const nIndexesWas = coll.indexes.size + 1;
  const target = input.body.index;
  let names: string[];
  if (target === '*') names = [...coll.indexes.keys()];
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (target && typeof target === 'object') {
    const wanted = JSON.stringify(toSpec({ key: target }).key);
    const found = coll.indexSpecs().find((s) => JSON.stringify(s.key) === wanted);
    if (!found) throw commandError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    names = [found.name];
  } else throw commandError('BadValue', "Field 'index' must be a string, an array of strings or an object");
  for (const name of names) {
    if (name !== '_id_' && !coll.indexes.has(name)) throw commandError('IndexNotFound', `index not found with name [${name}]`);
  }
  for (const name of names) input.ctx.catalog.dropIndex(coll, name);
  return { nIndexesWas, ok: 1 };
};

export const indexCommands: Record<string, CommandFn> = { createIndexes, listIndexes, dropIndexes };
