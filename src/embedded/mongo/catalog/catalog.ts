/**
 * All databases and collections, and the only place that changes them. Each change is applied in
 * memory and handed to the journal as one record; replaying the same records rebuilds the state.
 */
import { calculateObjectSize, serializeWithBufferAndIndex, UUID } from 'bson';
import { commandError } from '../errors.js';
import { Collection, idKeyOf } from './collection.js';
import { canonicalKey } from './keys.js';
import type { IndexSpec } from './secondary-index.js';

type Doc = Record<string, unknown>;

/** Where changes go to become durable (the journal); absent while replaying. */
export interface ChangeSink {
  append(header: Doc, body?: Uint8Array): void;
}

export function validateCollectionName(db: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw commandError('InvalidNamespace', `Invalid namespace specified '${db}.'`);
  if (name.includes('$') || name.includes('\0')) throw commandError('InvalidNamespace', `Invalid collection name: ${name}`);
  if (!/^[^/\\. "$*<>:|?\0]+$/.test(db)) throw commandError('InvalidNamespace', `Invalid database name: '${db}'`);
  return name;
}

/**
 * The document's BSON in a buffer of its own, outside Node's shared 8 KB pool, so that a stored
 * document never pins a slab full of short-lived buffers.
 */
function serializeOwned(doc: Doc): Buffer {
  // calculateObjectSize can over-count (e.g. undefined fields), so keep only the bytes written.
  const bytes = Buffer.allocUnsafeSlow(calculateObjectSize(doc));
  const length = serializeWithBufferAndIndex(doc, bytes) + 1;
  return length === bytes.length ? bytes : ownedCopy(bytes.subarray(0, length));
}

function ownedCopy(source: Uint8Array): Buffer {
  const bytes = Buffer.allocUnsafeSlow(source.length);
  bytes.set(source);
  return bytes;
}

const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

function checkSize(body: Buffer): void {
  if (body.length > MAX_DOCUMENT_BYTES) {
    throw commandError('BSONObjectTooLarge', `object to insert too large. size in bytes: ${body.length}, max size: ${MAX_DOCUMENT_BYTES}`);
  }
}

export class Catalog {
  readonly databases = new Map<string, Map<string, Collection>>();
  sink: ChangeSink | null = null;
  /** Set for the duration of a command sent with bypassDocumentValidation. */
  bypassValidation = false;

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  *allCollections(): Iterable<Collection> {
    for (const colls of this.databases.values()) yield* colls.values();
  }

  /** The collection, created implicitly (as a first insert or createIndexes does). */
  ensure(db: string, name: string): Collection {
    return this.get(db, name) ?? this.create(db, name, {});
  }

  create(db: string, name: string, options: Doc, uuid?: UUID): Collection {
    validateCollectionName(db, name);
    if (this.get(db, name)) throw commandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    let colls = this.databases.get(db);
    if (!colls) this.databases.set(db, (colls = new Map()));
    const coll = new Collection(db, name, options, uuid);
    colls.set(name, coll);
    this.sink?.append({ o: 'c', ns: coll.ns, options, uuid: coll.uuid.toHexString() });
    return coll;
  }

  drop(db: string, name: string): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.databases.delete(db);
    this.sink?.append({ o: 'x', ns: `${db}.${name}` });
    return true;
  }

  dropDatabase(db: string): void {
    if (!this.databases.delete(db)) return;
    this.sink?.append({ o: 'X', db });
  }

  rename(from: Collection, toDb: string, toName: string): void {
    validateCollectionName(toDb, toName);
    if (this.get(toDb, toName)) throw commandError('NamespaceExists', 'target namespace exists');
    const target = this.create(toDb, toName, from.options);
    for (const spec of from.indexes.values()) this.createIndex(target, spec.spec);
    for (const doc of from.values()) this.insert(target, doc);
    this.drop(from.db, from.name);
  }

  insert(coll: Collection, doc: Doc): void {
    if (!this.bypassValidation) coll.checkValidator(doc);
    coll.checkUnique(doc);
    const body = serializeOwned(doc);
    checkSize(body);
    coll.insert(doc, body);
    this.sink?.append({ o: 'i', ns: coll.ns }, body);
  }

  /** Replaces the stored document with the same `_id` by `doc` (after a unique-key check). */
  replace(coll: Collection, doc: Doc): void {
    if (!this.bypassValidation) coll.checkValidator(doc);
    coll.checkUnique(doc, idKeyOf(doc));
    const body = serializeOwned(doc);
    checkSize(body);
    coll.replace(doc, body);
    this.sink?.append({ o: 'u', ns: coll.ns }, body);
  }

  remove(coll: Collection, doc: Doc): void {
    if (!coll.delete(idKeyOf(doc))) return;
    this.sink?.append({ o: 'd', ns: coll.ns, id: doc._id });
  }

  createIndex(coll: Collection, spec: IndexSpec): void {
    coll.addIndex(spec);
    this.sink?.append({ o: 'ci', ns: coll.ns, spec });
  }

  dropIndex(coll: Collection, name: string): void {
    coll.dropIndex(name);
    this.sink?.append({ o: 'di', ns: coll.ns, name });
  }

  /** collMod: a new TTL for an existing index (keeps the index's data). */
  setIndexTtl(coll: Collection, name: string, seconds: number): void {
    const index = coll.indexes.get(name);
    if (!index) throw commandError('IndexNotFound', `cannot find index ${name} for ns ${coll.ns}`);
    index.spec.expireAfterSeconds = seconds;
    this.sink?.append({ o: 'ttl', ns: coll.ns, name, seconds });
  }

  /** collMod: hide an index from the planner (or show it again); it stays maintained. */
  setIndexHidden(coll: Collection, name: string, hidden: boolean): void {
    const index = coll.indexes.get(name);
    if (!index) throw commandError('IndexNotFound', `cannot find index ${name} for ns ${coll.ns}`);
    if (hidden) index.spec.hidden = true;
    else delete index.spec.hidden;
    this.sink?.append({ o: 'hide', ns: coll.ns, name, hidden });
  }

  setOptions(coll: Collection, options: Doc): void {
    coll.options = options;
    this.sink?.append({ o: 'opt', ns: coll.ns, options });
  }

  /** Re-applies one journal record (the sink is detached during replay); `bodyBytes` is the body's BSON, if any. */
  apply(header: Doc, bodyBytes: Uint8Array | undefined): void {
    const [db, ...rest] = String(header.ns ?? '').split('.');
    const name = rest.join('.');
    const coll = (): Collection => {
      const found = this.get(db, name);
      if (!found) throw new Error(`record ${String(header.o)} for missing collection ${String(header.ns)}`);
      return found;
    };
    switch (header.o) {
      case 'c':
        this.create(db, name, header.options as Doc, new UUID(String(header.uuid)));
        return;
      case 'x':
        this.drop(db, name);
        return;
      case 'X':
        this.dropDatabase(String(header.db));
        return;
      case 'i':
      case 'u':
        if (!bodyBytes) throw new Error(`record ${header.o} without a document`);
        coll().restore(ownedCopy(bodyBytes));
        return;
      case 'd':
        coll().delete(canonicalKey(header.id));
        return;
      case 'ci':
        coll().addIndex(header.spec as IndexSpec);
        return;
      case 'di':
        coll().dropIndex(String(header.name));
        return;
      case 'ttl':
        this.setIndexTtl(coll(), String(header.name), Number(header.seconds));
        return;
      case 'hide':
        this.setIndexHidden(coll(), String(header.name), header.hidden === true);
        return;
      case 'opt':
        coll().options = header.options as Doc;
        return;
      default:
        throw new Error(`unknown journal record type ${String(header.o)}`);
    }
  }
}
