/**
 * One collection in memory: documents as their BSON bytes by canonical `_id` key in insertion
 * order (compact: about the raw data size), plus its secondary indexes. Reads deserialize, so
 * every caller gets its own copy. Every change is validated first (unique keys) and then applied
 * to the documents and all indexes together, so a failed write changes nothing.
 */
import { deserialize, UUID } from 'bson';
import { compileFilter } from '../query/index.js';
import { commandError } from '../errors.js';
import { duplicateKeyError } from './duplicate-key.js';
import { FieldPicker } from './field-picker.js';
import { canonicalKey } from './keys.js';
import { SecondaryIndex, type IndexSpec } from './secondary-index.js';

type Doc = Record<string, unknown>;

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export function idKeyOf(doc: Doc): string {
  return canonicalKey(doc._id);
}

const READ_OPTIONS = { promoteValues: false } as const;

export class Collection {
  private readonly store = new Map<string, Buffer>();
  readonly indexes = new Map<string, SecondaryIndex>();
  dataBytes = 0;
  /** Reads `_id` and what the indexes read of a document (undefined: the whole); null until needed after the indexes changed. */
  private indexedPicker: FieldPicker | undefined | null = null;

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

  private validatorSource: unknown;
  private validatorFn: ((doc: Doc) => boolean) | null = null;

  /** Throws 121 DocumentValidationFailure when the collection's validator rejects `doc`. */
  checkValidator(doc: Doc): void {
    const { validator, validationLevel, validationAction } = this.options;
    if (!validator || validationLevel === 'off' || validationAction === 'warn') return;
    if (this.validatorSource !== validator) {
      this.validatorFn = compileFilter(validator as Doc);
      this.validatorSource = validator;
    }
    if (!this.validatorFn?.(doc)) throw commandError('DocumentValidationFailure', 'Document failed validation');
  }

  get size(): number {
    return this.store.size;
  }

  has(id: string): boolean {
    return this.store.has(id);
  }

  /** The document, or with a picker only the fields it picks. */
  get(id: string, picker?: FieldPicker): Doc | undefined {
    const bytes = this.store.get(id);
    return bytes && (picker ? picker.read(bytes) : deserialize(bytes, READ_OPTIONS));
  }

  *values(picker?: FieldPicker): IterableIterator<Doc> {
    for (const bytes of this.store.values()) yield picker ? picker.read(bytes) : deserialize(bytes, READ_OPTIONS);
  }

  /** Every [id, document] pair; with `fields`, documents of those top-level fields only. */
  *entries(fields?: readonly string[]): IterableIterator<[string, Doc]> {
    const picker = fields && new FieldPicker(fields);
    for (const [id, bytes] of this.store) yield [id, picker ? picker.read(bytes) : deserialize(bytes, READ_OPTIONS)];
  }

  /** The stored BSON of every document (snapshots write these as they are). */
  rawValues(): IterableIterator<Buffer> {
    return this.store.values();
  }

  /** Throws the E11000 error a write of `doc` would cause; `replacing` is the id being updated. */
  checkUnique(doc: Doc, replacing?: string): void {
    const id = idKeyOf(doc);
    if (replacing === undefined && this.store.has(id)) {
      throw duplicateKeyError(this.ns, '_id_', { _id: 1 }, [doc._id]);
    }
    for (const index of this.indexes.values()) {
      const tuple = index.conflict(doc, id);
      if (tuple) throw duplicateKeyError(this.ns, index.spec.name, index.spec.key, tuple);
    }
  }

  /** Stores `doc`; `bytes` is its BSON and is kept as it is (the caller gives up the buffer). */
  insert(doc: Doc, bytes: Buffer): void {
    const id = idKeyOf(doc);
    this.store.set(id, bytes);
    for (const index of this.indexes.values()) index.add(doc, id);
    this.dataBytes += bytes.length;
  }

  /** A document as far as `_id` and the indexes need it: their keys and partial filters, or whole when one may read anything. */
  private indexed(bytes: Buffer): Doc {
    if (this.indexedPicker === null) {
      const fields = [...this.indexes.values()].map((index) => index.readFields);
      this.indexedPicker = fields.every((f) => f !== undefined) ? new FieldPicker(['_id', ...fields.flat()]) : undefined;
    }
    return this.indexedPicker ? this.indexedPicker.read(bytes) : deserialize(bytes, READ_OPTIONS);
  }

  /** Stores a document read back from the journal or a snapshot: only its `_id` and indexed fields are decoded. */
  restore(bytes: Buffer): void {
    this.replace(this.indexed(bytes), bytes);
  }

  /** Replaces the document with the same `_id` in place (natural order is kept, as mongod does). */
  replace(newDoc: Doc, bytes: Buffer): void {
    const id = idKeyOf(newDoc);
    const oldBytes = this.store.get(id);
    if (!oldBytes) return this.insert(newDoc, bytes);
    const old = this.indexed(oldBytes);
    for (const index of this.indexes.values()) index.remove(old, id);
    this.store.set(id, bytes);
    for (const index of this.indexes.values()) index.add(newDoc, id);
    this.dataBytes += bytes.length - oldBytes.length;
  }

  /** Whether a document with this id was there to delete. */
  delete(id: string): boolean {
    const bytes = this.store.get(id);
    if (!bytes) return false;
    const old = this.indexed(bytes);
    for (const index of this.indexes.values()) index.remove(old, id);
    this.store.delete(id);
    this.dataBytes -= bytes.length;
    return true;
  }

  /** Adds an index over the existing documents; a unique index over duplicates fails with E11000. */
  addIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec, (fields) => this.entries(fields));
    for (const [id, doc] of this.entries(index.readFields)) {
      const tuple = index.conflict(doc, id);
      if (tuple) throw duplicateKeyError(this.ns, spec.name, spec.key, tuple);
      index.add(doc, id);
    }
    this.indexes.set(spec.name, index);
    this.indexedPicker = null;
  }

  dropIndex(name: string): void {
    if (name === '_id_') throw commandError('InvalidOptions', 'cannot drop _id index');
    if (!this.indexes.delete(name)) throw commandError('IndexNotFound', `index not found with name [${name}]`);
    this.indexedPicker = null;
  }
}
