/**
 * One collection in memory: documents by canonical `_id` key in insertion order, plus its
 * secondary indexes. Every change is validated first (unique keys) and then applied to the
 * documents and all indexes together, so a failed write changes nothing.
 */
import { calculateObjectSize, UUID } from 'bson';
import { commandError } from '../errors.js';
import { duplicateKeyError } from './duplicate-key.js';
import { canonicalKey } from './keys.js';
import { SecondaryIndex, type IndexSpec } from './secondary-index.js';

type Doc = Record<string, unknown>;

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export function idKeyOf(doc: Doc): string {
  return canonicalKey(doc._id);
}

export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, SecondaryIndex>();
  dataBytes = 0;

  constructor(
    readonly db: string,
    readonly name: string,
    public options: Doc = {},
    readonly uuid: UUID = new UUID(),
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  /** Throws the E11000 error a write of `doc` would cause; `replacing` is the id being updated. */
  checkUnique(doc: Doc, replacing?: string): void {
    const id = idKeyOf(doc);
    if (replacing === undefined && this.docs.has(id)) {
      throw duplicateKeyError(this.ns, '_id_', { _id: 1 }, [doc._id]);
    }
    for (const index of this.indexes.values()) {
      const tuple = index.conflict(doc, id);
      if (tuple) throw duplicateKeyError(this.ns, index.spec.name, index.spec.key, tuple);
    }
  }

  insert(doc: Doc, bytes: number): void {
    const id = idKeyOf(doc);
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(doc, id);
    this.dataBytes += bytes;
  }

  replace(newDoc: Doc, bytes: number): void {
    const id = idKeyOf(newDoc);
    const old = this.docs.get(id);
    if (!old) return this.insert(newDoc, bytes);
    for (const index of this.indexes.values()) index.remove(old, id);
    this.docs.set(id, newDoc);
    for (const index of this.indexes.values()) index.add(newDoc, id);
    this.dataBytes += bytes - calculateObjectSize(old);
  }

  delete(id: string): Doc | undefined {
    const old = this.docs.get(id);
    if (!old) return undefined;
    for (const index of this.indexes.values()) index.remove(old, id);
    this.docs.delete(id);
    this.dataBytes -= calculateObjectSize(old);
    return old;
  }

  /** Adds an index over the existing documents; a unique index over duplicates fails with E11000. */
  addIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec, () => this.docs.entries());
    for (const [id, doc] of this.docs) {
      const tuple = index.conflict(doc, id);
      if (tuple) throw duplicateKeyError(this.ns, spec.name, spec.key, tuple);
      index.add(doc, id);
    }
    this.indexes.set(spec.name, index);
  }

  dropIndex(name: string): void {
    if (name === '_id_') throw commandError('InvalidOptions', 'cannot drop _id index');
    if (!this.indexes.delete(name)) throw commandError('IndexNotFound', `index not found with name [${name}]`);
  }
}
