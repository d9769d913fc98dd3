/** Collection and database life cycle: create, drop, dropDatabase, listCollections, collMod, renameCollection. */
import { compileFilter } from '../query/index.js';
import { commandError } from '../errors.js';
import type { Collection } from '../catalog/collection.js';
import { collectionName, lookupCollection, num, optionalDoc, type CommandFn, type Doc } from './context.js';

/** Options a standalone mongod accepts but this engine cannot honour: refused, never ignored. */
const UNSUPPORTED_OPTIONS: Record<string, string> = {
  capped: 'capped collections',
  timeseries: 'time-series collections',
  viewOn: 'views',
  clusteredIndex: 'clustered collections',
  changeStreamPreAndPostImages: 'change streams',
};

function collectionOptions(body: Doc): Doc {
  const options: Doc = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'create' || key.startsWith('$') || key === 'lsid' || key === 'writeConcern' || key === 'txnNumber') continue;
    if (key in UNSUPPORTED_OPTIONS && value !== false) {
      throw commandError('CommandNotSupported', `${UNSUPPORTED_OPTIONS[key]} are not supported by the embedded MongoDB engine`);
    }
    options[key] = value;
  }
  return options;
}

function collectionInfo(coll: Collection): Doc {
  return {
    name: coll.name,
    type: 'collection',
    options: coll.options,
    info: { readOnly: false, uuid: coll.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  };
}

const create: CommandFn = ({ db, body, ctx }) => {
  ctx.catalog.create(db, collectionName(body, 'create'), collectionOptions(body));
  return { ok: 1 };
};

const drop: CommandFn = ({ db, body, ctx }) => {
  const name = collectionName(body, 'drop');
  const coll = ctx.catalog.get(db, name);
  const nIndexesWas = coll ? coll.indexes.size + 1 : undefined;
  ctx.catalog.drop(db, name);
  return { ...(nIndexesWas !== undefined && { nIndexesWas }), ns: `${db}.${name}`, ok: 1 };
};

const dropDatabase: CommandFn = ({ db, ctx }) => {
  ctx.catalog.dropDatabase(db);
  return { dropped: db, ok: 1 };
};

const listCollections: CommandFn = ({ db, body, ctx }) => {
  const filter = optionalDoc(body.filter, 'filter');
  const matches = compileFilter(filter ?? {});
  const infos = ctx.catalog
    .collections(db)
    .map(collectionInfo)
    .filter((info) => matches(info))
    .map((info) => (body.nameOnly ? { name: info.name, type: info.type } : info));
  const cursor = optionalDoc(body.cursor, 'cursor') ?? {};
  const batchSize = cursor.batchSize === undefined ? undefined : num(cursor.batchSize);
  return ctx.cursors.open(`${db}.$cmd.listCollections`, infos, { batchSize: batchSize ?? Number.MAX_SAFE_INTEGER });
};

const collMod: CommandFn = (input) => {
  const coll = lookupCollection(input, 'collMod');
  if (!coll) throw commandError('NamespaceNotFound', `ns does not exist: ${input.db}.${String(input.body.collMod)}`);
  const { catalog } = input.ctx;
  const reply: Doc = {};
  const index = optionalDoc(input.body.index, 'index');
  if (index) {
    const target = [...coll.indexes.values()].find((i) =>
      typeof index.name === 'string' ? i.spec.name === index.name : JSON.stringify(i.spec.key) === JSON.stringify(index.keyPattern),
    );
    if (!target) throw commandError('IndexNotFound', `cannot find index ${JSON.stringify(index.name ?? index.keyPattern)} for ns ${coll.ns}`);
    if (index.hidden !== undefined) {
      if (target.spec.name === '_id_') throw commandError('BadValue', 'can\'t hide _id index');
      reply.hidden_old = Boolean(target.spec.hidden);
      reply.hidden_new = Boolean(index.hidden);
      catalog.setIndexHidden(coll, target.spec.name, Boolean(index.hidden));
    }
    if (index.expireAfterSeconds !== undefined) {
      if (target.spec.expireAfterSeconds === undefined) throw commandError('InvalidOptions', 'no expireAfterSeconds field to update');
      reply.expireAfterSeconds_old = target.spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = num(index.expireAfterSeconds);
      catalog.setIndexTtl(coll, target.spec.name, num(index.expireAfterSeconds));
    }
  }
  const options = { ...coll.options };
  for (const key of ['validator', 'validationLevel', 'validationAction']) {
    if (input.body[key] !== undefined) options[key] = input.body[key];
  }
  catalog.setOptions(coll, options);
  return { ...reply, ok: 1 };
};

const renameCollection: CommandFn = ({ body, ctx }) => {
  const split = (ns: unknown): [string, string] => {
    const s = String(ns);
    const dot = s.indexOf('.');
    if (dot < 1) throw commandError('InvalidNamespace', `Invalid namespace specified '${s}'`);
    return [s.slice(0, dot), s.slice(dot + 1)];
  };
  const [fromDb, fromName] = split(body.renameCollection);
  const [toDb, toName] = split(body.to);
  const source = ctx.catalog.get(fromDb, fromName);
  if (!source) throw commandError('NamespaceNotFound', 'source namespace does not exist');
  if (ctx.catalog.get(toDb, toName)) {
    if (!body.dropTarget) throw commandError('NamespaceExists', 'target namespace exists');
    ctx.catalog.drop(toDb, toName);
  }
  ctx.catalog.rename(source, toDb, toName);
  return { ok: 1 };
};

const collStats: CommandFn = (input) => {
  const coll = lookupCollection(input, 'collStats');
  if (!coll) throw commandError('NamespaceNotFound', `Collection [${input.db}.${String(input.body.collStats)}] not found.`);
  return {
    ns: coll.ns,
    count: coll.size,
    size: coll.dataBytes,
    avgObjSize: coll.size ? coll.dataBytes / coll.size : 0,
    storageSize: coll.dataBytes,
    nindexes: coll.indexes.size + 1,
    totalIndexSize: 0,
    capped: false,
    ok: 1,
  };
};

export const collectionCommands: Record<string, CommandFn> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  collMod,
  renameCollection,
  collStats,
};
